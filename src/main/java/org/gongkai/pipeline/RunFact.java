package org.gongkai.pipeline;

import org.gongkai.staging.ShuffleFiles;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.model.Notice;
import org.gongkai.table.OutputFile;

/** Small facts the stages report for the manifest: one per file read, district analysed, file written. */
public sealed interface RunFact extends Serializable {

  /** One input file: where it came from, its checksum, its conservation counts, and whether the parse cache gave them. */
  record FileRead(String source, int sourceOrder, String path, long bytes, String sha256, ReadCounts counts,
      boolean fromCache) implements RunFact {
    FileRead(String source, int sourceOrder, String path, long bytes, String sha256, ReadCounts counts) {
      this(source, sourceOrder, path, bytes, sha256, counts, false);
    }
  }

  /**
   * What one input file read and did not use ({@link Notice}): its count per code, and the first
   * few of each code (a file with 10^6 junk headers must not make 10^6 findings).
   *
   * @param districtCode the district every record of the file belongs to, or null (none, or several)
   */
  record FileNotices(String source, int sourceOrder, String path, String districtCode, Map<String, Long> counts,
      List<Notice> kept) implements RunFact {}

  /** One district analysed. */
  record DistrictAnalysed(
      String districtCode, long observations, long winners, long duplicates, long conflicts, long rollupRows,
      long comparisonRows, long errors, long warnings, long infos, List<org.gongkai.audit.Finding> top)
      implements RunFact {}

  /**
   * Files one writer produced, relative to the output directory.
   *
   * @param rowsBySource for the rejects table, its rows per source (checked against the counts)
   * @param reasonsBySource for the rejects table, its rows per source and reason code
   */
  record Written(String table, List<OutputFile> files, java.util.Map<String, Long> rowsBySource,
      java.util.Map<String, java.util.Map<String, Long>> reasonsBySource) implements RunFact {
    Written(String table, List<OutputFile> files, java.util.Map<String, Long> rowsBySource) {
      this(table, files, rowsBySource, java.util.Map.of());
    }
  }

  /** Facts of one kind, gathered: what one read group, district group or province stages ({@link ShuffleFiles}). */
  record Gathered(String kind, List<RunFact> facts) implements RunFact {}

  /** A group of districts analysed, or whose outputs came from the cache (its batches were a cached run's). */
  record GroupAnalysed(String group, int districts, boolean fromCache) implements RunFact {}

  /** The kind of a fact, which begins the name of the file it is staged in. */
  static String kind(RunFact f) {
    if (f instanceof Gathered g) {
      return g.kind();
    }
    if (f instanceof FileNotices) {
      return "4-notices";
    }
    if (f instanceof GroupAnalysed) {
      return "5-groups";
    }
    return f instanceof FileRead ? "1-files" : f instanceof DistrictAnalysed ? "2-districts" : "3-written";
  }
}
