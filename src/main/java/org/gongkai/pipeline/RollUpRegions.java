package org.gongkai.pipeline;

import org.gongkai.job.Inputs;
import org.gongkai.job.JobSpec;
import org.gongkai.staging.RegionShares;
import org.gongkai.staging.ShuffleFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.gongkai.model.Division;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.table.Rows;
import org.gongkai.table.TablePartWriter;
import org.gongkai.table.Tables;
import org.gongkai.rollup.DistrictShare;
import org.gongkai.rollup.RollupRow;
import org.gongkai.rollup.Rollups;

/**
 * City and province rollups from the shares of their districts (in shuffle files, their names
 * keyed by province): each province
 * writes its own part of the rollup table (its cities in code order, then itself), named so
 * that it sorts after the district shares.
 */
public final class RollUpRegions extends PTransform<PCollection<KV<String, String>>, PCollection<String>> {
  private final JobSpec job;

  public RollUpRegions(JobSpec job) {
    this.job = job;
  }

  /** The names of the staged facts of each province's part of the rollup table. */
  @Override
  public PCollection<String> expand(PCollection<KV<String, String>> shares) {
    return shares.apply("GroupByProvince", GroupByKey.create())
        .apply("RollUpAndWrite", ParDo.of(new RollUpFn(job)));
  }

  static final class RollUpFn extends DoFn<KV<String, Iterable<String>>, String> {
    private final JobSpec job;
    private transient String staging;

    RollUpFn(JobSpec job) {
      this.job = job;
    }

    @StartBundle
    public void startBundle(StartBundleContext c) {
      staging = GongkaiOptions.stagingDir(c.getPipelineOptions());
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> province, OutputReceiver<String> out) {
      Progress.STAGE.set("rolling up cities and provinces");
      Gazetteer gazetteer = Inputs.gazetteer(job.gazetteer());
      MetricCatalog catalog = MetricCatalog.standard();
      Map<String, List<DistrictShare>> byRegion = new TreeMap<>();
      for (String file : province.getValue()) {
        try {
          for (RegionShares p : ShuffleFiles.readRegionShares(staging, file)) {
            byRegion.computeIfAbsent(p.regionCode(), k -> new ArrayList<>()).addAll(p.shares());
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the shuffle file " + file + ": " + e.getMessage(), e);
        }
      }
      Rows rows = new Rows(gazetteer, catalog);
      // Part "r<province>" sorts after the groups' "g…" shares: districts first, then regions.
      try (TablePartWriter w = new TablePartWriter(Tables.ROLLUP, staging, "r" + province.getKey(),
          job.outputs().parquet(), job.outputs().csv())) {
        // Cities (4 digits) before their province (2 digits).
        List<String> codes = new ArrayList<>(byRegion.keySet());
        codes.sort((a, b) -> a.length() != b.length() ? b.length() - a.length() : a.compareTo(b));
        for (String code : codes) {
          Division.Level level = Division.Level.ofCodeLength(code.length());
          String levelName = level == null ? "region" : level.code();
          for (RollupRow r : Rollups.rollUp(levelName, code, byRegion.get(code), gazetteer, catalog)) {
            w.write(rows.rollup(r));
          }
        }
        w.close();
        Progress.PARTS_WRITTEN.incrementAndGet();
        out.output(ShuffleFiles.writeFacts(staging, "r" + province.getKey(),
            List.of(new RunFact.Written(Tables.ROLLUP.name(), w.files(), Map.of()))));
      } catch (IOException e) {
        throw new UncheckedIOException("writing the rollup of province " + province.getKey() + " failed: "
            + e.getMessage(), e);
      }
    }
  }
}
