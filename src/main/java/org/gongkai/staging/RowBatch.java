package org.gongkai.staging;

import org.gongkai.table.Rows;
import java.util.List;

/**
 * Rows of one table on their way to its writer. Writers order batches by {@code key} and keep
 * each batch's row order, so a deterministic key and row order give deterministic files.
 */
public record RowBatch(String table, String key, List<Object[]> rows) {}
