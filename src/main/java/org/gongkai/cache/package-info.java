/**
 * The parse cache: each input file's reading (what its reader gave, and its counts) kept under a
 * key of the file's content, the source's settings, the build and the gazetteer, so that a rerun
 * parses only the files that changed.
 */
package org.gongkai.cache;
