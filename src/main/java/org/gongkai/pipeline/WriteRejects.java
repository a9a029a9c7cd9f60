package org.gongkai.pipeline;

import org.gongkai.job.JobSpec;
import org.gongkai.staging.ShuffleFiles;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongkai.staging.RowBatch;
import org.gongkai.table.TablePartWriter;
import org.gongkai.table.Tables;

/**
 * The rejects table, joined after the run from what each read group staged ({@code
 * _parts/rejects/r<group>.bin}, few, since bad records are few): the batches in source, file
 * and chunk order, written as one part.
 */
final class WriteRejects {
  private WriteRejects() {}

  static RunFact.Written write(JobSpec job, String staging) throws IOException {
    Progress.STAGE.set("writing rejects");
    List<RowBatch> batches = ShuffleFiles.readAllRejects(staging);
    batches.sort(Comparator.comparing(RowBatch::key));
    Map<String, Long> bySource = new TreeMap<>();
    Map<String, Map<String, Long>> reasons = new TreeMap<>();
    int sourceColumn = Tables.REJECTS.indexOf("source");
    int codeColumn = Tables.REJECTS.indexOf("reason_code");
    try (TablePartWriter w = new TablePartWriter(Tables.REJECTS, staging, "00000", job.outputs().parquet(),
        job.outputs().csv())) {
      for (RowBatch b : batches) {
        for (Object[] row : b.rows()) {
          w.write(row);
          bySource.merge((String) row[sourceColumn], 1L, Long::sum);
          reasons.computeIfAbsent((String) row[sourceColumn], k -> new TreeMap<>())
              .merge((String) row[codeColumn], 1L, Long::sum);
        }
      }
      w.close();
      Progress.PARTS_WRITTEN.incrementAndGet();
      return new RunFact.Written(Tables.REJECTS.name(), w.files(), bySource, reasons);
    }
  }
}
