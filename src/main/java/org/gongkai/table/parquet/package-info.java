/** Writing table rows to Parquet through parquet-java's public API. */
package org.gongkai.table.parquet;
