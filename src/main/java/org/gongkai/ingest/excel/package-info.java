/**
 * Reading county workbooks (.xlsx streamed with SAX, .xls with HSSF): sheets, title rows and
 * two-row merged headers, cached formula values, total rows checked against the rows they cover.
 */
package org.gongkai.ingest.excel;
