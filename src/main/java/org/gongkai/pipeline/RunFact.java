package org.gongkai.pipeline;

import java.io.Serializable;
import java.util.List;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.output.OutputFile;

/** Small facts the stages report for the manifest: one per file read, district analysed, file written. */
public sealed interface RunFact extends Serializable {

  /** One input file: where it came from, its checksum and its conservation counts. */
  record FileRead(String source, int sourceOrder, String path, long bytes, String sha256, ReadCounts counts)
      implements RunFact {}

  /** One district analysed. */
  record DistrictAnalysed(
      String districtCode, long observations, long winners, long duplicates, long conflicts, long rollupRows,
      long comparisonRows, long errors, long warnings, long infos) implements RunFact {}

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

  /** The facts of one kind, gathered: what the last step receives (a handful of elements). */
  record Gathered(String kind, List<RunFact> facts) implements RunFact {}

  /**
   * Facts of one kind that a bundle wrote into staging (a {@link Gathered} in {@code
   * _parts/shuffle/facts/}): only the name crosses the shuffle. One fact per file read made
   * the DirectRunner copy a growing bag of them for every bundle (a seventh of a run that
   * reads 41,352 reports).
   */
  record Stored(String kind, String file) implements RunFact {}

  /** Facts are gathered by kind first, so that no shuffle key collects facts of every stage. */
  static String kind(RunFact f) {
    if (f instanceof Gathered g) {
      return g.kind();
    }
    if (f instanceof Stored s) {
      return s.kind();
    }
    return f instanceof FileRead ? "1-files" : f instanceof DistrictAnalysed ? "2-districts" : "3-written";
  }
}
