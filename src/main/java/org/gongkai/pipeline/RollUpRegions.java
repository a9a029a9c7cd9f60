package org.gongkai.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.gongkai.model.Division;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.output.RowBatch;
import org.gongkai.output.Rows;
import org.gongkai.output.Tables;
import org.gongkai.rollup.RollupPart;
import org.gongkai.rollup.RollupRow;
import org.gongkai.rollup.Rollups;

/** City and province rollups, combined from the parts of their districts (keyed by region code). */
public final class RollUpRegions
    extends PTransform<PCollection<KV<String, List<RollupPart>>>, PCollection<KV<String, RowBatch>>> {
  private final JobSpec job;

  public RollUpRegions(JobSpec job) {
    this.job = job;
  }

  @Override
  public PCollection<KV<String, RowBatch>> expand(PCollection<KV<String, List<RollupPart>>> parts) {
    return parts.apply("GroupByRegion", GroupByKey.create()).apply("CombineDistricts", ParDo.of(new RollUpFn(job)));
  }

  static final class RollUpFn extends DoFn<KV<String, Iterable<List<RollupPart>>>, KV<String, RowBatch>> {
    private final JobSpec job;

    RollUpFn(JobSpec job) {
      this.job = job;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<List<RollupPart>>> region, OutputReceiver<KV<String, RowBatch>> out) {
      Gazetteer gazetteer = Inputs.gazetteer(job.gazetteer());
      MetricCatalog catalog = MetricCatalog.standard();
      String code = region.getKey();
      List<RollupPart> parts = new ArrayList<>();
      region.getValue().forEach(parts::addAll);
      Division.Level level = Division.Level.ofCodeLength(code.length());
      String levelName = level == null ? "region" : level.code();
      List<RollupRow> rollup = Rollups.rollUp(levelName, code, parts, gazetteer, catalog);
      Rows rows = new Rows(gazetteer, catalog);
      List<Object[]> batch = new ArrayList<>(rollup.size());
      rollup.forEach(r -> batch.add(rows.rollup(r)));
      // Districts sort first ("1|"), then cities ("2|"), then provinces ("3|").
      String key = (code.length() == 4 ? "2|" : "3|") + code;
      out.output(KV.of(Tables.ROLLUP.name(), new RowBatch(Tables.ROLLUP.name(), key, batch)));
    }
  }
}
