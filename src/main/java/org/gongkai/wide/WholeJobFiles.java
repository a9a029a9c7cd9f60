package org.gongkai.wide;

import org.gongkai.html.HtmlReport;
import org.gongkai.html.HtmlReportPage;
import org.gongkai.html.HtmlReportRejects;
import org.gongkai.html.HtmlTopFindings;
import org.gongkai.staging.Parts;
import org.gongkai.staging.SectionCodec;
import org.gongkai.staging.WidePieceCodec;
import org.gongkai.table.OutputFile;
import org.gongkai.table.TableWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Future;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Notice;
import org.gongkai.html.HtmlReport.Chart;
import org.gongkai.html.HtmlReport.FindingRow;
import org.gongkai.html.HtmlReport.Section;
import org.gongkai.html.HtmlReport.YearCharts;

/**
 * The files made from every district: the 汇总表 of {@code wide/YYYY/} (each district's and the
 * whole job's, {@link WideYearFiles}) and {@code report.html}. Each group of districts streams its pieces into {@code _parts/} ({@link
 * GroupParts}); the last step assembles the files from them holding little at a time: the
 * 汇总表 a year at a time, merging the groups' pieces in district order, and the page from
 * chart-less sections plus the charts of the few district-years it details. So the last step's
 * memory does not grow with the number of townships.
 */
public final class WholeJobFiles {
  static final String WIDE = "wide";
  static final String WIDE_METRICS = "wide-metrics";
  static final String WIDE_DISTRICTS = "wide-districts";
  static final String SECTIONS = "sections";
  static final String CHARTS = "charts";
  static final String REJECTS = "report-rejects"; // not "rejects": the read groups stage the rejects table there
  public static final String REPORT = "report.html";
  /** The 汇总表's folder in the outputs, as the manifest lists its files. */
  public static final String WIDE_FOLDER = WIDE + "/";

  private WholeJobFiles() {}

  /**
   * What one group of districts leaves for the whole-job files, written district by district:
   * the 汇总表's pieces when the job writes it, the page's sections when it writes report.html.
   */
  public static final class GroupParts implements Closeable {
    private final String staging;
    private final String part;
    private final boolean wide;
    private final boolean report;
    private final Map<Integer, Parts.RecordSink<WideTable.Piece>> wideByYear = new TreeMap<>();
    private final TreeMap<Integer, TreeSet<String>> metricsByYear = new TreeMap<>();
    private final TreeSet<String> districts = new TreeSet<>();
    private final Parts.RecordSink<Section> sections;
    private final Parts.RecordSink<YearCharts> charts;
    private final Parts.RecordSink<HtmlReportRejects.District> rejects;

    public GroupParts(String staging, String part) throws IOException {
      this(staging, part, true, true);
    }

    /** Parts for the 汇总表 ({@code wide}) and for report.html ({@code report}), those the job writes. */
    public GroupParts(String staging, String part, boolean wide, boolean report) throws IOException {
      this.staging = staging;
      this.part = part;
      this.wide = wide;
      this.report = report;
      this.sections = report ? new Parts.RecordSink<>(staging, SECTIONS, part, SectionCodec.SECTION) : null;
      this.charts = report ? new Parts.RecordSink<>(staging, CHARTS, part, SectionCodec.YEAR_CHARTS) : null;
      this.rejects = report ? new Parts.RecordSink<>(staging, REJECTS, part, HtmlReportRejects.CODEC) : null;
    }

    /** A district's 汇总表 piece: one stream per year, districts in the order added (ascending code). */
    public void add(WideTable.Piece piece) throws IOException {
      if (!wide) {
        throw new IllegalStateException("the job writes no 汇总表 (outputs.wide: false)");
      }
      districts.add(piece.districtCode());
      for (WideTable.Block b : piece.blocks()) {
        Parts.RecordSink<WideTable.Piece> sink = wideByYear.get(b.year());
        if (sink == null) {
          sink = new Parts.RecordSink<>(staging, WIDE + "/" + b.year(), part, WidePieceCodec.INSTANCE);
          wideByYear.put(b.year(), sink);
        }
        sink.write(piece.only(b.year()));
        metricsByYear.computeIfAbsent(b.year(), y -> new TreeSet<>()).addAll(b.metrics());
      }
    }

    /** A district's report section: kept without charts; the charts go apart. */
    public void add(Section section) throws IOException {
      if (!report) {
        throw new IllegalStateException("the job writes no report.html (outputs.report: false)");
      }
      sections.write(section.withoutCharts());
      for (YearCharts c : section.charts()) {
        charts.write(c);
      }
    }

    /** The rejected records of a district's townships (year, township, file, line order), for its detail on the page. */
    public void add(String districtCode, List<org.gongkai.model.RejectedRecord> rejected, Gazetteer gazetteer)
        throws IOException {
      if (!report) {
        throw new IllegalStateException("the job writes no report.html (outputs.report: false)");
      }
      if (!rejected.isEmpty()) {
        rejects.write(HtmlReportRejects.of(districtCode, rejected, gazetteer));
      }
    }

    /** The files this group's parts are in (relative to staging), once closed. */
    public List<String> files() {
      List<String> files = new ArrayList<>();
      wideByYear.keySet().forEach(year -> files.add(Parts.path(WIDE + "/" + year, part)));
      List<String> kinds = new ArrayList<>();
      if (report) {
        kinds.addAll(List.of(SECTIONS, CHARTS, REJECTS));
      }
      if (wide) {
        kinds.addAll(List.of(WIDE_METRICS, WIDE_DISTRICTS));
      }
      kinds.forEach(kind -> files.add(Parts.path(kind, part)));
      return files;
    }

    @Override
    public void close() throws IOException {
      List<Closeable> all = new ArrayList<>(wideByYear.values());
      if (report) {
        all.addAll(List.of(sections, charts, rejects));
      }
      Parts.closeAll(all);
      if (wide) {
        Parts.writeObject(staging, WIDE_METRICS, part, metricsByYear);
        Parts.writeObject(staging, WIDE_DISTRICTS, part, districts);
      }
    }
  }

  /**
   * The 汇总表 files of every year some group wrote, in year order, then {@code report.html} (those
   * of them the job writes: {@code outputs.wide}, {@code outputs.report}). Each
   * file is made from its own parts into its own file, so they are written side by side, one per core.
   */
  public static List<OutputFile> writeAll(String staging, Gazetteer gazetteer, MetricCatalog catalog, String jobName,
      String runDate, List<HtmlReport.Fact> facts) throws IOException {
    return writeAll(staging, gazetteer, catalog, jobName, runDate, facts, List.of());
  }

  /** As above, the page also listing what the files read and did not use. */
  public static List<OutputFile> writeAll(String staging, Gazetteer gazetteer, MetricCatalog catalog, String jobName,
      String runDate, List<HtmlReport.Fact> facts, List<Notice> notices) throws IOException {
    return writeAll(staging, gazetteer, catalog, jobName, runDate, facts, notices, null);
  }

  /** As above, the page naming files relative to the job file's folder {@code jobDir} (null: as read). */
  public static List<OutputFile> writeAll(String staging, Gazetteer gazetteer, MetricCatalog catalog, String jobName,
      String runDate, List<HtmlReport.Fact> facts, List<Notice> notices, String jobDir) throws IOException {
    return writeAll(staging, gazetteer, catalog, jobName, runDate, facts, notices, jobDir,
        org.gongkai.audit.AuditConfig.defaults().topFindings());
  }

  /** As above, the page showing each district's first {@code topFindings} findings by rank. */
  public static List<OutputFile> writeAll(String staging, Gazetteer gazetteer, MetricCatalog catalog, String jobName,
      String runDate, List<HtmlReport.Fact> facts, List<Notice> notices, int topFindings) throws IOException {
    return writeAll(staging, gazetteer, catalog, jobName, runDate, facts, notices, null, topFindings);
  }

  /** The whole-job files, the page naming files relative to {@code jobDir} and showing {@code topFindings} per district. */
  public static List<OutputFile> writeAll(String staging, Gazetteer gazetteer, MetricCatalog catalog, String jobName,
      String runDate, List<HtmlReport.Fact> facts, List<Notice> notices, String jobDir, int topFindings) throws IOException {
    return writeAll(staging, gazetteer, catalog, jobName, runDate, facts, notices, jobDir, topFindings, null);
  }

  /** As above; {@code outputs}: whether each district also gets its own files (null: auto, see JobSpec.Outputs). */
  public static List<OutputFile> writeAll(String staging, Gazetteer gazetteer, MetricCatalog catalog, String jobName,
      String runDate, List<HtmlReport.Fact> facts, List<Notice> notices, String jobDir, int topFindings,
      org.gongkai.job.JobSpec.Outputs outputs) throws IOException {
    var choice = outputs != null ? outputs : new org.gongkai.job.JobSpec.Outputs("", List.of());
    // A job without the 汇总表 staged none of these: no year to write.
    TreeMap<Integer, TreeSet<String>> metricsByYear = new TreeMap<>();
    for (Map<?, ?> m : Parts.readAll(staging, WIDE_METRICS, Map.class)) {
      m.forEach((year, keys) -> metricsByYear.computeIfAbsent((Integer) year, y -> new TreeSet<>())
          .addAll((TreeSet<String>) keys));
    }
    TreeSet<String> districts = new TreeSet<>();
    for (Set<?> d : Parts.readAll(staging, WIDE_DISTRICTS, Set.class)) {
      d.forEach(code -> districts.add((String) code));
    }
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    boolean districtBooks = choice.districtWorkbooks(districts.size());
    boolean districtCsv = choice.districtCsv(districts.size());
    List<WideYearFiles> years = new ArrayList<>();
    metricsByYear.forEach((year, keys) -> years.add(new WideYearFiles(staging, year,
        WideTable.inCatalogOrder(keys, catalog), metricsByYear.containsKey(year - 1), districts, gazetteer, catalog,
        runDate, districtCsv, districtBooks)));
    // The longest first and the page (a few seconds at most) last, so that no core waits long
    // for the other at the end.
    List<WideYearFiles> longestFirst = new ArrayList<>(years);
    longestFirst.sort(Comparator.comparingInt(WideYearFiles::columns).reversed());
    return WideWorkbook.reproducibly(pool -> {
      Map<WideYearFiles, Future<List<OutputFile>>> files = new HashMap<>();
      for (WideYearFiles y : longestFirst) {
        files.put(y, pool.submit(y::write));
      }
      Future<OutputFile> report = choice.report() ? pool.submit(() -> writeReport(staging, jobName, runDate, facts,
          notices, jobDir, topFindings)) : null;
      List<OutputFile> out = new ArrayList<>();
      for (WideYearFiles y : years) {
        out.addAll(files.get(y).get());
      }
      if (report != null) {
        out.add(report.get());
      }
      return out;
    }, threads);
  }

  /** A finding the page may list, with its section and its place in the order read. */
  private record Shown(FindingRow row, int section, long order) {}

  /** The page's first rows among the candidates, in the page's order (ties keep the order read). */
  private static List<Shown> firstShown(List<Shown> candidates) {
    List<Shown> sorted = new ArrayList<>(candidates);
    sorted.sort(Comparator.comparing(Shown::row, HtmlReportPage.FINDING_ORDER));
    return new ArrayList<>(sorted.subList(0, Math.min(sorted.size(), HtmlReport.FINDINGS_SHOWN)));
  }

  /** {@code report.html}: what {@link HtmlReport#render} makes of every group's sections. */
  static OutputFile writeReport(String staging, String jobName, String runDate, List<HtmlReport.Fact> facts,
      List<Notice> notices, String jobDir) throws IOException {
    return writeReport(staging, jobName, runDate, facts, notices, jobDir, org.gongkai.audit.AuditConfig.defaults().topFindings());
  }

  static OutputFile writeReport(String staging, String jobName, String runDate, List<HtmlReport.Fact> facts,
      List<Notice> notices, int topFindings) throws IOException {
    return writeReport(staging, jobName, runDate, facts, notices, null, topFindings);
  }

  static OutputFile writeReport(String staging, String jobName, String runDate, List<HtmlReport.Fact> facts,
      List<Notice> notices, String jobDir, int topFindings) throws IOException {
    HtmlTopFindings top = new HtmlTopFindings(topFindings);
    // Chart-less sections, each listing only those of its findings that the page shows: the
    // candidates are cut down to the page's first rows whenever they pile up.
    List<Section> sections = new ArrayList<>();
    List<Shown> candidates = new ArrayList<>();
    long order = 0;
    List<Parts.RecordSource<Section>> sources = Parts.records(staging, SECTIONS, SectionCodec.SECTION);
    try {
      for (Parts.RecordSource<Section> source : sources) {
        for (Section s = source.next(); s != null; s = source.next()) {
          for (FindingRow r : s.findings()) {
            candidates.add(new Shown(r, sections.size(), order++));
          }
          top.add(s);
          sections.add(s.withFindings(List.of()));
          if (candidates.size() > 4 * HtmlReport.FINDINGS_SHOWN) {
            candidates = firstShown(candidates);
          }
        }
      }
    } finally {
      Parts.closeAll(sources);
    }
    List<Shown> kept = firstShown(candidates);
    kept.sort(Comparator.comparingInt(Shown::section).thenComparingLong(Shown::order));
    Map<Integer, List<FindingRow>> bySection = new HashMap<>();
    kept.forEach(k -> bySection.computeIfAbsent(k.section(), i -> new ArrayList<>()).add(k.row()));
    bySection.forEach((i, rows) -> sections.set(i, sections.get(i).withFindings(rows)));
    // Charts only for the district-years the page details.
    Set<String> detailed = HtmlReport.detailed(sections);
    Map<String, Map<Integer, List<Chart>>> charts = new HashMap<>();
    for (YearCharts c : Parts.readAll(staging, CHARTS, SectionCodec.YEAR_CHARTS,
        x -> detailed.contains(x.districtCode() + "-" + x.year()))) {
      charts.computeIfAbsent(c.districtCode(), k -> new HashMap<>()).put(c.year(), c.charts());
    }
    sections.replaceAll(s -> charts.containsKey(s.districtCode()) ? s.withCharts(charts.get(s.districtCode())) : s);
    Set<String> detailedDistricts = new java.util.HashSet<>();
    detailed.forEach(k -> detailedDistricts.add(k.substring(0, k.lastIndexOf('-'))));
    Map<String, HtmlReportRejects.District> rejects = new HashMap<>();
    for (HtmlReportRejects.District r : Parts.readAll(staging, REJECTS, HtmlReportRejects.CODEC,
        x -> detailedDistricts.contains(x.districtCode()))) {
      rejects.put(r.districtCode(), r);
    }
    byte[] html = HtmlReport.render(jobName, runDate, sections, facts, notices, rejects, jobDir, top)
        .getBytes(StandardCharsets.UTF_8);
    try (OutputStream o = Channels.newOutputStream(TableWriter.Files.create(staging, REPORT))) {
      o.write(html);
    }
    return new OutputFile(REPORT, sections.size(), html.length);
  }
}
