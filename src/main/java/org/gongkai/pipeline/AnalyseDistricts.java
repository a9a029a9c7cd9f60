package org.gongkai.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.gongkai.analysis.DistrictAnalysis;
import org.gongkai.audit.Finding;
import org.gongkai.audit.Severity;
import org.gongkai.model.Division;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.output.RowBatch;
import org.gongkai.output.Rows;
import org.gongkai.output.Tables;
import org.gongkai.rollup.RollupPart;

/**
 * The one shuffle, keyed by district, then the whole per-district analysis as a pure function
 * of the district's records ({@link DistrictAnalysis}): deduplication, rollup, comparison,
 * findings. Emits table rows in bounded batches, the district's parts for city and province
 * rollups, and a fact for the manifest.
 */
public final class AnalyseDistricts
    extends PTransform<PCollection<KV<String, DistrictBatch>>, PCollectionTuple> {
  public static final TupleTag<KV<String, RowBatch>> TABLE_ROWS = new TupleTag<>() {};
  public static final TupleTag<KV<String, List<RollupPart>>> REGION_PARTS = new TupleTag<>() {};
  public static final TupleTag<RunFact> FACTS = new TupleTag<>() {};

  private final JobSpec job;

  public AnalyseDistricts(JobSpec job) {
    this.job = job;
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, DistrictBatch>> batches) {
    return batches
        .apply("ShuffleByDistrict", GroupByKey.create())
        .apply("DeduplicateRollUpAudit",
            ParDo.of(new AnalyseFn(job)).withOutputTags(TABLE_ROWS, TupleTagList.of(REGION_PARTS).and(FACTS)));
  }

  static final class AnalyseFn extends DoFn<KV<String, Iterable<DistrictBatch>>, KV<String, RowBatch>> {
    private final JobSpec job;
    private transient Gazetteer gazetteer;
    private transient Rows rows;

    AnalyseFn(JobSpec job) {
      this.job = job;
    }

    @Setup
    public void setup() {
      gazetteer = Inputs.gazetteer(job.gazetteer());
      rows = new Rows(gazetteer, MetricCatalog.standard());
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<DistrictBatch>> district, MultiOutputReceiver out) {
      Progress.STAGE.set("analysing districts");
      String code = district.getKey();
      List<Observation> observations = new ArrayList<>();
      List<ReportFingerprint> fingerprints = new ArrayList<>();
      for (DistrictBatch b : district.getValue()) {
        observations.addAll(b.observations());
        fingerprints.addAll(b.fingerprints());
      }
      MetricCatalog catalog = MetricCatalog.standard();
      DistrictAnalysis.Result r =
          DistrictAnalysis.analyse(code, observations, fingerprints, gazetteer, catalog, job.audit());
      int max = job.limits().maxBatchRows();
      emit(out, Tables.TOWNSHIP_METRICS.name(), code, r.winners(), rows::townshipMetric, max);
      emit(out, Tables.ROLLUP.name(), "1|" + code, r.rollup(), rows::rollup, max);
      emit(out, Tables.COMPARISON.name(), code, r.comparisons(), rows::comparison, max);
      emit(out, Tables.FINDINGS.name(), code, r.findings(), rows::finding, max);
      Division d = gazetteer.get(code);
      if (d != null && job.rollupLevels().contains("city")) {
        out.get(REGION_PARTS).output(KV.of(d.cityCode(), r.parts()));
      }
      if (d != null && job.rollupLevels().contains("province")) {
        out.get(REGION_PARTS).output(KV.of(d.provinceCode(), r.parts()));
      }
      out.get(FACTS).output(new RunFact.DistrictAnalysed(code, observations.size(), r.winners().size(), r.duplicates(),
          r.conflicts().size(), r.rollup().size(), r.comparisons().size(), count(r.findings(), Severity.ERROR),
          count(r.findings(), Severity.WARNING), count(r.findings(), Severity.INFO)));
      Progress.DISTRICTS_ANALYSED.incrementAndGet();
    }

    /** Rows of one table in batches of at most {@code max}, keyed so that the writer keeps this order. */
    static <T> void emit(MultiOutputReceiver out, String table, String key, List<T> items, Function<T, Object[]> toRow, int max) {
      for (int start = 0, chunk = 0; start < items.size(); start += max, chunk++) {
        List<Object[]> batch = new ArrayList<>(Math.min(max, items.size() - start));
        for (T item : items.subList(start, Math.min(items.size(), start + max))) {
          batch.add(toRow.apply(item));
        }
        out.get(TABLE_ROWS).output(KV.of(table, new RowBatch(table, key + String.format("|%06d", chunk), batch)));
      }
    }

    private static long count(List<Finding> findings, Severity s) {
      return findings.stream().filter(f -> f.severity() == s).count();
    }
  }
}
