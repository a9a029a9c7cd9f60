package org.gongkai.pipeline;

import org.gongkai.cli.JobRunner;
import org.gongkai.job.Inputs;
import org.gongkai.job.JobSpec;
import org.gongkai.staging.ShuffleFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongkai.model.MetricCatalog;
import org.gongkai.html.HtmlReport;
import org.gongkai.publish.Manifest;
import org.gongkai.staging.Parts;
import org.gongkai.table.TableSchema;
import org.gongkai.table.TableWriter;
import org.gongkai.table.Tables;
import org.gongkai.wide.WholeJobFiles;
import org.gongkai.table.OutputFile;
import org.gongkai.publish.Publisher;

/**
 * After the pipeline is done: gathers the facts every step staged (small: one per file,
 * district and table), writes the rejects table from the read groups' rejects, checks
 * conservation, joins the CSV parts, the whole-job 汇总表 and report.html, writes {@code
 * manifest.json} into the staging directory and publishes it ({@link Publisher}). A run whose
 * counts do not add up fails here and publishes nothing. Plain Java, run once by {@link
 * JobRunner}: nothing here is retried by a runner, and {@code _parts/} goes only once published.
 */
public final class PublishRun {
  private final JobSpec job;
  private final RunContext run;

  private PublishRun(JobSpec job, RunContext run) {
    this.job = job;
    this.run = run;
  }

  /** Checks, joins and publishes what the run staged. */
  public static void publish(JobSpec job, RunContext run) throws IOException {
    new PublishRun(job, run).publish();
  }

  private void publish() throws IOException {
    Progress.STAGE.set("gathering what the run staged");
    Manifest manifest = new Manifest(job.name(), job.jobFile(), run.version(), run.runner(), run.options(), run.startedAt());
    List<RunFact.FileRead> files = new ArrayList<>();
    List<RunFact.DistrictAnalysed> districts = new ArrayList<>();
    List<RunFact.FileNotices> notices = new ArrayList<>();
    java.util.Set<String> groups = new java.util.TreeSet<>();
    java.util.Set<String> groupsFromCache = new java.util.TreeSet<>();
    List<OutputFile> outputs = new ArrayList<>();
    Map<String, Long> rejectRows = Map.of();
    List<RunFact> gathered = new ArrayList<>(ShuffleFiles.readAllFacts(run.stagingDir()));
    gathered.add(WriteRejects.write(job, run.stagingDir()));
    for (RunFact f : gathered) {
      if (f instanceof RunFact.FileRead r) {
        files.add(r);
      } else if (f instanceof RunFact.FileNotices n) {
        notices.add(n);
      } else if (f instanceof RunFact.GroupAnalysed g) {
        groups.add(g.group());
        if (g.fromCache()) {
          groupsFromCache.add(g.group());
        }
      } else if (f instanceof RunFact.DistrictAnalysed d) {
        districts.add(d);
      } else if (f instanceof RunFact.Written w) {
        outputs.addAll(w.files());
        if (w.table().equals(Tables.REJECTS.name())) {
          rejectRows = w.rowsBySource();
          manifest.rejectReasons(w.reasonsBySource());
        }
      }
    }
    files.sort(java.util.Comparator.comparingInt(RunFact.FileRead::sourceOrder).thenComparing(RunFact.FileRead::path));
    long read = 0;
    long accepted = 0;
    long rejected = 0;
    long observations = 0;
    for (RunFact.FileRead r : files) {
      var c = r.counts();
      String format = job.sources().get(r.sourceOrder()).format().code();
      manifest.file(r.source(), r.sourceOrder(), format, r.path(), r.bytes(), r.sha256(), c.read(), c.accepted(),
          c.rejected(), c.observations(), c.charset(), c.unmappedColumns(), c.totalRows(), c.uncertain(), r.fromCache());
      read += c.read();
      accepted += c.accepted();
      rejected += c.rejected();
      observations += c.observations();
    }
    notices.sort(java.util.Comparator.comparingInt(RunFact.FileNotices::sourceOrder)
        .thenComparing(RunFact.FileNotices::path));
    NoticeFindings said = new NoticeFindings(notices, Inputs.gazetteer(job.gazetteer()));
    said.addTo(manifest);
    outputs.addAll(said.write(job, run.stagingDir()));
    Map<String, Object> stages = new LinkedHashMap<>();
    stages.put("files_read", files.size());
    stages.put("files_from_cache", files.stream().filter(RunFact.FileRead::fromCache).count());
    stages.put("records_read", read);
    stages.put("records_accepted", accepted);
    stages.put("records_rejected", rejected);
    stages.put("observations", observations);
    stages.put("districts", districts.size());
    stages.put("district_groups", groups.size());
    stages.put("district_groups_from_cache", groupsFromCache.size());
    stages.put("duplicates_dropped", districts.stream().mapToLong(RunFact.DistrictAnalysed::duplicates).sum());
    stages.put("duplicate_conflicts", districts.stream().mapToLong(RunFact.DistrictAnalysed::conflicts).sum());
    stages.put("observations_kept", districts.stream().mapToLong(RunFact.DistrictAnalysed::winners).sum());
    stages.put("findings_error", districts.stream().mapToLong(RunFact.DistrictAnalysed::errors).sum());
    stages.put("findings_warning", districts.stream().mapToLong(RunFact.DistrictAnalysed::warnings).sum()
        + said.findings());
    stages.put("findings_info", districts.stream().mapToLong(RunFact.DistrictAnalysed::infos).sum());
    stages.put("notices", said.total());
    manifest.stages(stages);
    Map<String, String> notWritten = new java.util.TreeMap<>();
    if (!job.outputs().wide()) {
      notWritten.put(WholeJobFiles.WIDE_FOLDER, "outputs.wide");
    }
    if (!job.outputs().report()) {
      notWritten.put(WholeJobFiles.REPORT, "outputs.report");
    }
    manifest.notWritten(notWritten);
    topFindings(districts, manifest);
    List<String> problems = manifest.conservationProblems(rejectRows);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("conservation check failed, nothing was published: " + String.join("; ", problems));
    }
    outputs = assemble(outputs, files, read, rejected, said.shown());
    Progress.STAGE.set("publishing");
    String json = manifest.toJson(outputs, Instant.now().toString());
    try (OutputStream o = Channels.newOutputStream(TableWriter.Files.create(run.stagingDir(), "manifest.json"))) {
      o.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write manifest.json: " + e.getMessage(), e);
    }
    Publisher.publish(run.stagingDir(), run.outputDir(), run.runId());
  }

  /**
   * Joins what the workers left in {@code _parts/}: each table's CSV, the whole-job 汇总表 of
   * each year and report.html; gives an empty Parquet file to a table without rows.
   * Returns the files to list in the manifest.
   */
  private List<OutputFile> assemble(List<OutputFile> written, List<RunFact.FileRead> files, long read, long rejected,
      List<org.gongkai.model.Notice> notices) throws IOException {
    String staging = run.stagingDir();
    List<OutputFile> outputs = new ArrayList<>();
    Map<String, Long> csvRows = new TreeMap<>();
    java.util.Set<String> parquetTables = new java.util.HashSet<>();
    for (OutputFile f : written) {
      if (f.path().startsWith(Parts.DIR + "/csv/")) {
        csvRows.merge(f.path().split("/")[2], f.rows(), Long::sum);
      } else {
        outputs.add(f);
        if (f.path().endsWith(".parquet")) {
          parquetTables.add(f.path().split("/")[0]);
        }
      }
    }
    for (TableSchema t : Tables.ALL) {
      if (job.outputs().csv()) {
        outputs.add(Parts.joinCsv(t, staging, csvRows.getOrDefault(t.name(), 0L)));
      }
      if (job.outputs().parquet() && !t.partitionedByYear() && !parquetTables.contains(t.name())) {
        outputs.add(TableWriter.writeEmptyParquet(t, staging));
      }
    }
    List<HtmlReport.Fact> facts = List.of(
        new HtmlReport.Fact("来源文件 files read", String.valueOf(files.size())),
        new HtmlReport.Fact("记录 records read", String.valueOf(read)),
        new HtmlReport.Fact("拒收 records rejected", String.valueOf(rejected)),
        new HtmlReport.Fact("版本 version", run.version()));
    List<String> making = new ArrayList<>();
    if (job.outputs().wide()) {
      making.add("the 汇总表");
    }
    if (job.outputs().report()) {
      making.add(WholeJobFiles.REPORT);
    }
    Progress.STAGE.set(making.isEmpty() ? "publishing" : "writing " + String.join(" and ", making));
    outputs.addAll(WholeJobFiles.writeAll(staging, Inputs.gazetteer(job.gazetteer()), MetricCatalog.standard(),
        job.name(), run.startedAt().substring(0, 10), facts, notices, jobDir(), job.audit().topFindings(),
        job.outputs()));
    return outputs;
  }

  /** The job file's folder, for file names on report.html as the job file writes them. */
  private String jobDir() {
    java.nio.file.Path parent = job.jobFile() == null ? null : java.nio.file.Path.of(job.jobFile()).toAbsolutePath()
        .normalize().getParent();
    return parent == null ? null : parent.toString().replace('\\', '/');
  }

  /**
   * The districts whose best-ranked finding ranks highest (at most audit.top_findings of them),
   * each with its first audit.top_findings findings: what the run summary prints.
   */
  private void topFindings(List<RunFact.DistrictAnalysed> districts, Manifest manifest) {
    int n = job.audit().topFindings();
    java.util.Comparator<org.gongkai.audit.Finding> order = org.gongkai.audit.FindingRanks.order(MetricCatalog.standard());
    List<RunFact.DistrictAnalysed> with = new ArrayList<>(districts.stream().filter(d -> !d.top().isEmpty()).toList());
    with.sort(java.util.Comparator.comparing((RunFact.DistrictAnalysed d) -> d.top().get(0), order)
        .thenComparing(RunFact.DistrictAnalysed::districtCode));
    var gazetteer = Inputs.gazetteer(job.gazetteer());
    List<Manifest.TopDistrict> top = new ArrayList<>();
    for (RunFact.DistrictAnalysed d : with.subList(0, Math.min(n, with.size()))) {
      top.add(new Manifest.TopDistrict(d.districtCode(), gazetteer.nameOf(d.districtCode()), d.errors(), d.warnings(),
          d.infos(), d.top()));
    }
    manifest.topFindings(n, with.size(), top);
  }
}
