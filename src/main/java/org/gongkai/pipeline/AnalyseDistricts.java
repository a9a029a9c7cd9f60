package org.gongkai.pipeline;

import org.gongkai.job.Inputs;
import org.gongkai.job.JobSpec;
import org.gongkai.staging.DistrictBatch;
import org.gongkai.staging.RegionShares;
import org.gongkai.staging.ShuffleFiles;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.gongkai.cache.CacheKey;
import org.gongkai.cache.GroupOutput;
import org.gongkai.cache.ParseCache;
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
import org.gongkai.analysis.DistrictAnalysis;
import org.gongkai.audit.Finding;
import org.gongkai.audit.FindingRanks;
import org.gongkai.audit.Severity;
import org.gongkai.model.Division;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.RejectedRecord;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.model.StatedFigure;
import org.gongkai.html.HtmlReport;
import org.gongkai.table.OutputFile;
import org.gongkai.table.Rows;
import org.gongkai.table.TablePartWriter;
import org.gongkai.table.TableSchema;
import org.gongkai.table.TableWriter;
import org.gongkai.table.Tables;
import org.gongkai.wide.WholeJobFiles;
import org.gongkai.wide.WideTable;
import org.gongkai.rollup.DistrictShare;

/**
 * The one shuffle, keyed by group of districts ({@link DistrictGroups}), then the whole
 * per-district analysis as a pure function of the district's records ({@link DistrictAnalysis}):
 * deduplication, rollup, comparison, findings, the district's 汇总表 and report section. Each
 * group writes its own part of every table straight into staging (no second shuffle of rows),
 * stages its facts for the manifest under its own name, and emits only the names of the files
 * holding its parts of city and province rollups.
 */
public final class AnalyseDistricts extends PTransform<PCollection<KV<String, String>>, PCollection<KV<String, String>>> {
  static final String WIDE = "wide";

  private final JobSpec job;

  public AnalyseDistricts(JobSpec job) {
    this.job = job;
  }

  /** The names of the shuffle files of city and province parts, keyed by province. */
  @Override
  public PCollection<KV<String, String>> expand(PCollection<KV<String, String>> batches) {
    return batches
        .apply("ShuffleByDistrictGroup", GroupByKey.create())
        .apply("AnalyseAndWriteDistricts", ParDo.of(new AnalyseGroupFn(job)));
  }

  static final class AnalyseGroupFn extends DoFn<KV<String, Iterable<String>>, KV<String, String>> {
    private final JobSpec job;
    private transient Gazetteer gazetteer;
    private transient Rows rows;
    private transient String staging;
    private transient ParseCache cache;
    private transient String settings;

    AnalyseGroupFn(JobSpec job) {
      this.job = job;
    }

    @Setup
    public void setup() {
      gazetteer = Inputs.gazetteer(job.gazetteer());
      rows = new Rows(gazetteer, MetricCatalog.standard());
    }

    @StartBundle
    public void startBundle(StartBundleContext c) {
      staging = GongkaiOptions.stagingDir(c.getPipelineOptions());
      if (cache == null) {
        cache = CachedRead.cache(job, c.getPipelineOptions());
        // what shapes a group's files besides its batches, the build and the gazetteer
        settings = job.audit() + "|" + job.outputs().staged() + "|" + job.rollupLevels();
      }
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> group, OutputReceiver<KV<String, String>> out) {
      Progress.STAGE.set("analysing districts");
      String part = group.getKey();
      Map<String, List<Observation>> observations = new TreeMap<>();
      Map<String, List<ReportFingerprint>> fingerprints = new TreeMap<>();
      Map<String, List<RejectedRecord>> rejected = new TreeMap<>();
      Map<String, List<StatedFigure>> stated = new TreeMap<>();
      List<String> digests = new ArrayList<>();
      for (String file : group.getValue()) {
        DistrictBatch b;
        try {
          if (cache.enabled()) {
            MessageDigest md = CacheKey.sha256Digest();
            b = ShuffleFiles.read(staging, file, md);
            digests.add(HexFormat.of().formatHex(md.digest()));
          } else {
            b = ShuffleFiles.read(staging, file);
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the shuffle file " + file + ": " + e.getMessage(), e);
        }
        // Records come township by township: the district of the one before is checked first.
        String district = null;
        List<Observation> into = null;
        for (Observation o : b.observations()) {
          if (district == null || !o.townshipCode().startsWith(district)) {
            district = o.townshipCode().substring(0, 6);
            into = observations.computeIfAbsent(district, k -> new ArrayList<>());
          }
          into.add(o);
        }
        for (ReportFingerprint f : b.fingerprints()) {
          fingerprints.computeIfAbsent(f.townshipCode().substring(0, 6), k -> new ArrayList<>()).add(f);
          observations.computeIfAbsent(f.townshipCode().substring(0, 6), k -> new ArrayList<>());
        }
        for (RejectedRecord r : b.rejected()) {
          rejected.computeIfAbsent(r.townshipCode().substring(0, 6), k -> new ArrayList<>()).add(r);
          observations.computeIfAbsent(r.townshipCode().substring(0, 6), k -> new ArrayList<>());
        }
        for (StatedFigure s : b.stated()) {
          stated.computeIfAbsent(s.regionCode(), k -> new ArrayList<>()).add(s);
          observations.computeIfAbsent(s.regionCode(), k -> new ArrayList<>());
        }
      }
      String key = cache.enabled() ? CacheKey.group(cache.identity(), settings, part, digests) : null;
      GroupOutput cached = key == null ? null : cache.group(key);
      if (cached != null) {
        restore(part, cached, out);
        return;
      }
      rejected.values().forEach(l -> l.sort(java.util.Comparator.comparingInt(RejectedRecord::year)
          .thenComparing(RejectedRecord::townshipCode).thenComparing(RejectedRecord::sourceFile)
          .thenComparing(RejectedRecord::locator)));
      // Files arrive in any order: fingerprints are put in a fixed order (observations are
      // ordered by the deduplication).
      fingerprints.values().forEach(l -> l.sort(java.util.Comparator.comparingInt(ReportFingerprint::year)
          .thenComparing(ReportFingerprint::townshipCode).thenComparing(ReportFingerprint::sourceFile)));
      GroupOutput written;
      try {
        written = analyseAndWrite(part, observations, fingerprints, rejected, stated, out, key != null);
      } catch (IOException e) {
        throw new UncheckedIOException("writing the outputs of districts " + observations.keySet() + " failed: "
            + e.getMessage(), e);
      }
      try {
        // not among the group's files: a rerun says the group came from the cache instead
        ShuffleFiles.writeFacts(staging, part, List.of(new RunFact.GroupAnalysed(part, written.districts(), false)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot stage the facts of district group " + part + ": " + e.getMessage(), e);
      }
      if (key != null) {
        cache.putQuietly(() -> cache.put(key, written), "district groups are analysed in full instead");
      }
    }

    /** A group whose batches are those of a cached run: its files put back in place, its elements emitted again. */
    private void restore(String part, GroupOutput cached, OutputReceiver<KV<String, String>> out) {
      try {
        for (GroupOutput.StagedFile f : cached.files()) {
          ShuffleFiles.writeBytes(staging, f.path(), f.bytes());
        }
        ShuffleFiles.writeFacts(staging, part, List.of(new RunFact.GroupAnalysed(part, cached.districts(), true)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot put the cached outputs of district group " + part + " into " + staging
            + ": " + e.getMessage(), e);
      }
      for (GroupOutput.Emitted e : cached.emitted()) {
        out.output(KV.of(e.key(), e.value()));
      }
      Progress.DISTRICTS_ANALYSED.addAndGet(cached.districts());
      Progress.PARTS_WRITTEN.incrementAndGet();
    }

    /**
     * Analyses the group's districts and stages their outputs; returns what it staged, with the
     * files' bytes when {@code keep} (for the cache), without them otherwise.
     */
    private GroupOutput analyseAndWrite(String part, Map<String, List<Observation>> observations,
        Map<String, List<ReportFingerprint>> fingerprints, Map<String, List<RejectedRecord>> rejected,
        Map<String, List<StatedFigure>> stated, OutputReceiver<KV<String, String>> out, boolean keep)
        throws IOException {
      MetricCatalog catalog = MetricCatalog.standard();
      TablePartWriter metrics = writer(Tables.TOWNSHIP_METRICS, part);
      TablePartWriter rollup = writer(Tables.ROLLUP, part);
      TablePartWriter comparison = writer(Tables.COMPARISON, part);
      TablePartWriter findings = writer(Tables.FINDINGS, part);
      TablePartWriter regionMetrics = writer(Tables.REGION_METRICS, part);
      TablePartWriter reports = writer(Tables.REPORTS, part);
      List<TablePartWriter> writers = List.of(metrics, rollup, comparison, findings, regionMetrics, reports);
      Map<String, List<DistrictShare>> regions = new TreeMap<>();
      List<RunFact> districtFacts = new ArrayList<>();
      List<RunFact> writtenFacts = new ArrayList<>();
      List<String> files = new ArrayList<>();
      WholeJobFiles.GroupParts wholeParts;
      try (WholeJobFiles.GroupParts whole = new WholeJobFiles.GroupParts(staging, part, job.outputs().wide(),
          job.outputs().report())) {
        wholeParts = whole;
        for (Map.Entry<String, List<Observation>> e : observations.entrySet()) {
          String code = e.getKey();
          List<RejectedRecord> rejectedHere = rejected.getOrDefault(code, List.of());
          DistrictAnalysis.Result r = DistrictAnalysis.analyse(code, e.getValue(),
              fingerprints.getOrDefault(code, List.of()), rejectedHere, stated.getOrDefault(code, List.of()), gazetteer,
              catalog, job.audit());
          for (Observation o : r.winners()) {
            metrics.write(rows.townshipMetric(o));
          }
          for (var x : r.rollup()) {
            rollup.write(rows.rollup(x));
          }
          for (var x : r.comparisons()) {
            comparison.write(rows.comparison(x));
          }
          List<Finding> ranked = FindingRanks.ranked(r.findings(), catalog);
          Map<Finding, Integer> rank = FindingRanks.ranks(ranked);
          for (Finding f : r.findings()) {
            findings.write(rows.finding(f, rank.get(f)));
          }
          for (var x : r.stated()) {
            regionMetrics.write(rows.regionMetric(x));
          }
          for (ReportFingerprint f : fingerprints.getOrDefault(code, List.of())) {
            reports.write(rows.report(f, job.audit().deadlines()));
          }
          List<Observation> own = r.stated().stream().map(s -> s.figure().observation()).toList();
          // The district's 汇总表 files are written in the last step, with the job's columns.
          if (job.outputs().wide()) {
            whole.add(WideTable.district(code, null, gazetteer, catalog, r.winners(), rejectedHere, own));
          }
          if (job.outputs().report()) {
            whole.add(HtmlReport.section(code, null, gazetteer, catalog, r.rollup(), r.winners(), ranked, own));
            whole.add(code, rejectedHere, gazetteer);
          }
          Division d = gazetteer.get(code);
          if (d != null && job.rollupLevels().contains("city")) {
            regions.computeIfAbsent(d.cityCode(), k -> new ArrayList<>()).addAll(r.shares());
          }
          if (d != null && job.rollupLevels().contains("province")) {
            regions.computeIfAbsent(d.provinceCode(), k -> new ArrayList<>()).addAll(r.shares());
          }
          districtFacts.add(new RunFact.DistrictAnalysed(code, e.getValue().size(), r.winners().size(),
              r.duplicates(), r.conflicts().size(), r.rollup().size(), r.comparisons().size(),
              count(r.findings(), Severity.ERROR), count(r.findings(), Severity.WARNING),
              count(r.findings(), Severity.INFO),
              new ArrayList<>(ranked.subList(0, Math.min(job.audit().topFindings(), ranked.size())))));
          Progress.DISTRICTS_ANALYSED.incrementAndGet();
        }
      } finally {
        for (TablePartWriter w : writers) {
          w.close();
        }
      }
      for (TablePartWriter w : writers) {
        writtenFacts.add(new RunFact.Written(w.table().name(), w.files(), Map.of()));
        w.files().forEach(f -> files.add(f.path()));
      }
      files.addAll(wholeParts.files());
      files.add(stageFacts(part, districtFacts));
      files.add(stageFacts(part, writtenFacts));
      List<GroupOutput.Emitted> emitted = emitRegionShares(part, regions, out);
      emitted.forEach(e -> files.add(e.value()));
      Progress.PARTS_WRITTEN.incrementAndGet();
      List<GroupOutput.StagedFile> staged = new ArrayList<>();
      if (keep) {
        for (String f : files) {
          if (f != null) {
            staged.add(new GroupOutput.StagedFile(f, ShuffleFiles.readBytes(staging, f)));
          }
        }
      }
      return new GroupOutput(districtFacts.size(), staged, emitted);
    }

    /**
     * A group's facts of one kind go to staging, named by the group, for the publish to list:
     * the list of files written (a few hundred 汇总表 per group) made the DirectRunner copy a
     * growing bag for every group that finished, 3.5 s of a national run.
     */
    private String stageFacts(String group, List<RunFact> facts) throws IOException {
      return facts.isEmpty() ? null : ShuffleFiles.writeFacts(staging, group, facts);
    }

    private TablePartWriter writer(TableSchema table, String part) throws IOException {
      return new TablePartWriter(table, staging, part, job.outputs().parquet(), job.outputs().csv());
    }

    /** Parts of each city and province, one shuffle file per province, keyed by province. */
    private List<GroupOutput.Emitted> emitRegionShares(String group, Map<String, List<DistrictShare>> regions,
        OutputReceiver<KV<String, String>> out) throws IOException {
      Map<String, List<RegionShares>> byProvince = new TreeMap<>();
      regions.forEach((code, parts) -> byProvince.computeIfAbsent(code.substring(0, 2), k -> new ArrayList<>())
          .add(new RegionShares(code, parts)));
      List<GroupOutput.Emitted> emitted = new ArrayList<>();
      for (Map.Entry<String, List<RegionShares>> e : byProvince.entrySet()) {
        String file = ShuffleFiles.writeRegionShares(staging, e.getKey(), group, e.getValue());
        out.output(KV.of(e.getKey(), file));
        emitted.add(new GroupOutput.Emitted(e.getKey(), file));
      }
      return emitted;
    }

    private static long count(List<Finding> findings, Severity s) {
      return findings.stream().filter(f -> f.severity() == s).count();
    }
  }
}
