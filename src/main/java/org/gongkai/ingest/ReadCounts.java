package org.gongkai.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * What reading one file gave: records (or reports) read, accepted and rejected; observations
 * produced; columns that mapped to nothing; a workbook's total rows (合计, 小计: checked, neither
 * records nor rejects); figures found but left uncertain (a report's count whose metric cannot
 * be told, listed by {@code gongkai extract}). {@code read == accepted + rejected} always.
 */
public record ReadCounts(
    long read, long accepted, long rejected, long observations, List<String> unmappedColumns, String charset,
    long totalRows, long uncertain)
    implements Serializable {

  /** Counts of a file with no total rows and no uncertain figures (a CSV or JSON Lines file). */
  public ReadCounts(long read, long accepted, long rejected, long observations, List<String> unmappedColumns, String charset) {
    this(read, accepted, rejected, observations, unmappedColumns, charset, 0, 0);
  }

  /** Unmapped columns listed per file; a file with more (10^6 junk headers) lists these and a count. */
  public static final int MAX_UNMAPPED = 100;

  public ReadCounts {
    List<String> distinct = List.copyOf(new java.util.LinkedHashSet<>(unmappedColumns));
    if (distinct.size() > MAX_UNMAPPED + 1) { // + 1: a list capped before (deserialised) stays as it is
      List<String> shown = new java.util.ArrayList<>(distinct.subList(0, MAX_UNMAPPED));
      shown.add("… " + (distinct.size() - MAX_UNMAPPED) + " more");
      distinct = List.copyOf(shown);
    }
    unmappedColumns = distinct;
    if (read != accepted + rejected) {
      throw new IllegalStateException("conservation broken: read " + read + " != accepted " + accepted + " + rejected " + rejected);
    }
  }
}
