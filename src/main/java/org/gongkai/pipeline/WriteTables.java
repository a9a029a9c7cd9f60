package org.gongkai.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.gongkai.output.OutputFile;
import org.gongkai.output.RowBatch;
import org.gongkai.output.RowBatchCoder;
import org.gongkai.output.TableSchema;
import org.gongkai.output.TableWriter;
import org.gongkai.output.Tables;

/**
 * One writer per table: its batches are put in key order and written, as Parquet and CSV, into
 * the run's staging directory. Every table is written, even when it has no rows (a header-only
 * CSV says "nothing" better than a missing file).
 */
public final class WriteTables extends PTransform<PCollectionList<KV<String, RowBatch>>, PCollection<RunFact>> {
  private final JobSpec job;
  private final RunContext run;

  public WriteTables(JobSpec job, RunContext run) {
    this.job = job;
    this.run = run;
  }

  @Override
  public PCollection<RunFact> expand(PCollectionList<KV<String, RowBatch>> batches) {
    List<KV<String, RowBatch>> empty = new ArrayList<>();
    for (TableSchema t : Tables.ALL) {
      empty.add(KV.of(t.name(), new RowBatch(t.name(), "", List.of())));
    }
    PCollection<KV<String, RowBatch>> markers = batches.getPipeline()
        .apply("EveryTable", Create.of(empty).withCoder(KvCoder.of(StringUtf8Coder.of(), RowBatchCoder.of())));
    return batches.and(markers)
        .apply("AllRows", Flatten.pCollections())
        .apply("GroupByTable", GroupByKey.create())
        .apply("WriteParquetAndCsv", ParDo.of(new WriteFn(job, run)));
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
      Progress.STAGE.set("writing");
      TableSchema schema = Tables.BY_NAME.get(table.getKey());
      List<RowBatch> batches = new ArrayList<>();
      table.getValue().forEach(batches::add);
      batches.sort(Comparator.comparing(RowBatch::key));
      Iterable<Object[]> rows = () -> batches.stream().flatMap(b -> b.rows().stream()).iterator();
      List<OutputFile> files = new ArrayList<>();
      try {
        if (job.outputs().parquet()) {
          files.addAll(TableWriter.writeParquet(schema, run.stagingDir(), rows));
        }
        if (job.outputs().csv()) {
          files.add(TableWriter.writeCsv(schema, run.stagingDir(), rows));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("writing table " + schema.name() + " failed: " + e.getMessage(), e);
      }
      Map<String, Long> bySource = new TreeMap<>();
      if (schema == Tables.REJECTS) {
        int sourceColumn = schema.indexOf("source");
        rows.forEach(r -> bySource.merge((String) r[sourceColumn], 1L, Long::sum));
      }
      out.output(new RunFact.Written(schema.name(), files, bySource));
      Progress.TABLES_WRITTEN.incrementAndGet();
    }
  }
}
