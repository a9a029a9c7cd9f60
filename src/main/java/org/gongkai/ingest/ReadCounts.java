package org.gongkai.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * What reading one file gave: records (or reports) read, accepted and rejected; observations
 * produced; columns that mapped to nothing. {@code read == accepted + rejected} always.
 */
public record ReadCounts(
    long read, long accepted, long rejected, long observations, List<String> unmappedColumns, String charset)
    implements Serializable {

  public ReadCounts {
    unmappedColumns = List.copyOf(unmappedColumns);
    if (read != accepted + rejected) {
      throw new IllegalStateException("conservation broken: read " + read + " != accepted " + accepted + " + rejected " + rejected);
    }
  }
}
