package org.gongkai.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.gongkai.output.RowBatch;
import org.gongkai.output.TablePartWriter;
import org.gongkai.output.Tables;

/**
 * The rejects table: one batch per input file (few, since bad records are few), put in
 * source, file and line order and written as one part.
 */
public final class WriteRejects extends PTransform<PCollection<KV<String, RowBatch>>, PCollection<RunFact>> {
  private final JobSpec job;
  private final RunContext run;

  public WriteRejects(JobSpec job, RunContext run) {
    this.job = job;
    this.run = run;
  }

  @Override
  public PCollection<RunFact> expand(PCollection<KV<String, RowBatch>> batches) {
    return batches.apply("GatherRejects", GroupByKey.create()).apply("WriteRejectTable", ParDo.of(new WriteFn(job, run)));
  }

  static final class WriteFn extends DoFn<KV<String, Iterable<RowBatch>>, RunFact> {
    private final JobSpec job;
    private final RunContext run;

    WriteFn(JobSpec job, RunContext run) {
      this.job = job;
      this.run = run;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<RowBatch>> table, OutputReceiver<RunFact> out) {
      Progress.STAGE.set("writing rejects");
      List<RowBatch> batches = new ArrayList<>();
      table.getValue().forEach(batches::add);
      batches.sort(Comparator.comparing(RowBatch::key));
      Map<String, Long> bySource = new TreeMap<>();
      Map<String, Map<String, Long>> reasons = new TreeMap<>();
      int sourceColumn = Tables.REJECTS.indexOf("source");
      int codeColumn = Tables.REJECTS.indexOf("reason_code");
      try (TablePartWriter w = new TablePartWriter(Tables.REJECTS, run.stagingDir(), "00000", job.outputs().parquet(),
          job.outputs().csv())) {
        for (RowBatch b : batches) {
          for (Object[] row : b.rows()) {
            w.write(row);
            bySource.merge((String) row[sourceColumn], 1L, Long::sum);
            reasons.computeIfAbsent((String) row[sourceColumn], k -> new TreeMap<>()).merge((String) row[codeColumn], 1L, Long::sum);
          }
        }
        w.close();
        Progress.PARTS_WRITTEN.incrementAndGet();
        out.output(new RunFact.Written(Tables.REJECTS.name(), w.files(), bySource, reasons));
      } catch (IOException e) {
        throw new UncheckedIOException("writing the rejects table failed: " + e.getMessage(), e);
      }
    }
  }
}
