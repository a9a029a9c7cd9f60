/**
 * Reading records: CSV (Commons CSV) and JSON Lines (Jackson), encodings and layouts, column
 * mapping through the catalog's aliases, record normalisation into observations or rejects, and
 * what was read but not used (notices). Each reader is a plain function of a file's bytes.
 */
package org.gongkai.ingest;
