/**
 * The output tables: their schemas and documentation ({@link org.gongkai.table.Tables}), domain
 * records to rows, and the CSV and Parquet writers.
 */
package org.gongkai.table;
