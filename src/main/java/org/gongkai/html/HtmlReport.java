package org.gongkai.html;

import org.gongkai.wide.WholeJobFiles;
import org.gongkai.wide.WideTable;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gongkai.audit.Finding;
import org.gongkai.audit.Severity;
import org.gongkai.model.Division;
import org.gongkai.model.Family;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.Metric;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.rollup.RollupRow;

/**
 * {@code report.html}: one self-contained page in Chinese (inline CSS and SVG; no script, no
 * external font, image or stylesheet, so it opens offline in any browser). Pure: data in, one
 * String out.
 *
 * <p>Built in two steps so that the pipeline does the work per district: {@link #section} turns
 * one district's results into a small {@link Section} (pre-computed totals, chart bars and at
 * most {@link #FINDINGS_SHOWN} findings), and {@link #render} assembles the page once from all
 * sections. At national scale the page stays usable: the detailed part shows the first {@link
 * #DETAIL_FIRST} district-years by code plus those with errors (at most {@link #DETAIL_MAX} in
 * all, charting at most {@link #DETAIL_TOWNSHIPS} townships), the coverage table at most {@link
 * #COVERAGE_SHOWN} rows and the findings table at most
 * {@link #FINDINGS_SHOWN} rows, errors first; the page says what it left out.
 *
 * <p>Everything that comes from the data goes through {@link #escape}, in text, attributes and
 * SVG alike.
 */
public final class HtmlReport {
  public static final int DETAIL_FIRST = 50;
  public static final int DETAIL_MAX = 200;
  public static final int DETAIL_TOWNSHIPS = 5000;
  public static final int COVERAGE_SHOWN = 2000;
  public static final int FINDINGS_SHOWN = 500;

  private HtmlReport() {}

  /** A line of the page's header: the run's key facts (sources, records read, version…). */
  public record Fact(String label, String value) implements Serializable {}

  /**
   * What the page shows of one district.
   *
   * @param path the names above the district (安徽省六安市)
   * @param expected townships of the district in the gazetteer
   * @param years one entry per year, ascending
   * @param findings the first {@link #FINDINGS_SHOWN} findings of the district, best ranked first
   * @param findingCounts all findings of the district by severity (error, warning, info)
   */
  public record Section(String districtCode, String districtName, String path, int expected, List<YearSection> years,
      List<FindingRow> findings, long[] findingCounts) implements Serializable {
    public Section {
      years = new ArrayList<>(years);
      findings = new ArrayList<>(findings);
      findingCounts = findingCounts.clone();
    }

    public YearSection year(int year) {
      for (YearSection y : years) {
        if (y.year() == year) {
          return y;
        }
      }
      return null;
    }

    /** This section without its charts (the page draws few of them; see {@link #charts}). */
    public Section withoutCharts() {
      List<YearSection> light = new ArrayList<>(years.size());
      years.forEach(y -> light.add(y.withCharts(List.of())));
      return new Section(districtCode, districtName, path, expected, light, findings, findingCounts);
    }

    /** The charts of each year that has some. */
    public List<YearCharts> charts() {
      List<YearCharts> out = new ArrayList<>();
      years.forEach(y -> {
        if (!y.charts().isEmpty()) {
          out.add(new YearCharts(districtCode, y.year(), y.charts()));
        }
      });
      return out;
    }

    /** This section with the charts given for some of its years. */
    public Section withCharts(Map<Integer, List<Chart>> byYear) {
      List<YearSection> full = new ArrayList<>(years.size());
      years.forEach(y -> full.add(byYear.containsKey(y.year()) ? y.withCharts(byYear.get(y.year())) : y));
      return new Section(districtCode, districtName, path, expected, full, findings, findingCounts);
    }

    /** This section listing other findings (the counts stay those of all its findings). */
    public Section withFindings(List<FindingRow> shown) {
      return new Section(districtCode, districtName, path, expected, years, shown, findingCounts);
    }
  }

  /** The charts of one district-year, kept apart from its section until the page is assembled. */
  public record YearCharts(String districtCode, int year, List<Chart> charts) implements Serializable {
    public YearCharts {
      charts = new ArrayList<>(charts);
    }
  }

  /**
   * One district-year.
   *
   * @param reporting townships with at least one figure that year
   * @param totals the district rollup of every metric stated, catalog order
   * @param charts one per family with data, family order
   * @param errors findings of that year by severity (error, warning, info)
   */
  public record YearSection(int year, int reporting, List<Total> totals, List<Chart> charts, long[] findingCounts)
      implements Serializable {
    public YearSection {
      totals = new ArrayList<>(totals);
      charts = new ArrayList<>(charts);
      findingCounts = findingCounts.clone();
    }

    public long errors() {
      return findingCounts[0];
    }

    YearSection withCharts(List<Chart> other) {
      return new YearSection(year, reporting, totals, other, findingCounts);
    }
  }

  /**
   * A district total: the sum with its mark (~, +), townships stating it, min, median, max, and
   * the district's own stated figure (its report), or null.
   */
  public record Total(String metric, String label, String family, String sum, int unitsReporting, long min,
      double median, long max, String stated) implements Serializable {
    public Total(String metric, String label, String family, String sum, int unitsReporting, long min, double median,
        long max) {
      this(metric, label, family, sum, unitsReporting, min, median, max, null);
    }
  }

  /** The chart of one family: up to two metrics (series) as horizontal bars per township. */
  public record Chart(String family, String familyLabel, List<Series> series, List<String> townships)
      implements Serializable {
    public Chart {
      series = new ArrayList<>(series);
      townships = new ArrayList<>(townships);
    }
  }

  /**
   * One metric of a chart.
   *
   * @param values per township of the chart (same order), null when not stated
   * @param texts the figures as shown (1000+, ~200), null when not stated
   * @param median the district median of the metric
   */
  public record Series(String metric, String label, double median, List<Long> values, List<String> texts)
      implements Serializable {
    public Series {
      values = new ArrayList<>(values);
      texts = new ArrayList<>(texts);
    }
  }

  /** A finding with the names the page shows. */
  public record FindingRow(Finding finding, String regionName, String districtName, String metricLabel,
      int metricOrder) implements Serializable {}

  /** The main metrics of each family, charted when stated; otherwise the family's first metric with data. */
  static final Map<Family, List<String>> MAIN_METRICS = Map.of(
      Family.PUBLISHED, List.of("published_total"),
      Family.APPLICATIONS, List.of("applications_received", "applications_completed"),
      Family.HOTLINE, List.of("hotline_cases", "hotline_cases_responded"),
      Family.PROPOSALS, List.of("npc_suggestions", "cppcc_proposals"),
      Family.LEGAL, List.of("admin_reconsiderations", "lawsuits"));

  /**
   * The section of one district.
   *
   * @param years the years to show (the job's years: a year without data shows 0 reporting);
   *     null or empty: the years of the rollup rows and winners
   * @param rollup the district's rollup rows (other levels or regions are ignored)
   * @param winners the district's deduplicated observations
   * @param findings the district's findings, in the order to show them (ranked, {@link org.gongkai.audit.FindingRanks})
   */
  public static Section section(String districtCode, Collection<Integer> years, Gazetteer gazetteer,
      MetricCatalog catalog, List<RollupRow> rollup, List<Observation> winners, List<Finding> findings) {
    return section(districtCode, years, gazetteer, catalog, rollup, winners, findings, List.of());
  }

  /** As above, with the district's own stated figures (deduplicated) beside its totals. */
  public static Section section(String districtCode, Collection<Integer> years, Gazetteer gazetteer,
      MetricCatalog catalog, List<RollupRow> rollup, List<Observation> winners, List<Finding> findings,
      List<Observation> stated) {
    Map<String, Observation> own = new HashMap<>();
    stated.forEach(o -> own.put(o.year() + "|" + o.metric(), o));
    SortedSet<Integer> wanted = new TreeSet<>();
    if (years != null) {
      wanted.addAll(years);
    }
    Map<Integer, Map<String, RollupRow>> rollupByYear = new TreeMap<>();
    for (RollupRow r : rollup) {
      if ("district".equals(r.level()) && districtCode.equals(r.regionCode())) {
        rollupByYear.computeIfAbsent(r.year(), k -> new HashMap<>()).put(r.metric(), r);
      }
    }
    Map<Integer, Map<String, Map<String, Observation>>> byYear = new TreeMap<>();
    for (Observation o : winners) {
      byYear.computeIfAbsent(o.year(), k -> new HashMap<>())
          .computeIfAbsent(o.metric(), k -> new HashMap<>())
          .put(o.townshipCode(), o);
    }
    if (wanted.isEmpty()) {
      wanted.addAll(rollupByYear.keySet());
      wanted.addAll(byYear.keySet());
    }
    List<Division> townships = gazetteer.townshipsOf(districtCode);
    List<YearSection> sections = new ArrayList<>();
    for (int year : wanted) {
      Map<String, RollupRow> rows = rollupByYear.getOrDefault(year, Map.of());
      Map<String, Map<String, Observation>> figures = byYear.getOrDefault(year, Map.of());
      TreeSet<String> reporting = new TreeSet<>();
      figures.values().forEach(m -> reporting.addAll(m.keySet()));
      long reportingExpected = townships.stream().filter(d -> reporting.contains(d.code())).count();
      List<Total> totals = new ArrayList<>();
      for (Metric m : catalog.metrics()) {
        RollupRow r = rows.get(m.key());
        if (r != null) {
          Observation o = own.get(year + "|" + m.key());
          totals.add(new Total(m.key(), m.labelZh(), m.family().labelZh(),
              new WideTable.Cell(r.sum(), r.sumQualifier()).text(), r.unitsReporting(), r.min(), r.median(), r.max(),
              o == null ? null : new WideTable.Cell(o.value(), o.qualifier()).text()));
        }
      }
      List<Chart> charts = new ArrayList<>();
      for (Family f : Family.values()) {
        Chart c = chart(f, catalog, gazetteer, townships, figures, rows);
        if (c != null) {
          charts.add(c);
        }
      }
      sections.add(new YearSection(year, (int) reportingExpected, totals, charts, counts(findings, year)));
    }
    List<FindingRow> shown = new ArrayList<>();
    for (Finding f : findings.subList(0, Math.min(FINDINGS_SHOWN, findings.size()))) {
      String metricLabel = f.metric() == null ? "" : catalog.byKey(f.metric()).map(Metric::labelZh).orElse(f.metric());
      int order = f.metric() == null ? -1 : catalog.indexOf(f.metric());
      shown.add(new FindingRow(f, gazetteer.nameOf(f.regionCode()), gazetteer.nameOf(districtCode), metricLabel,
          order < 0 && f.metric() != null ? Integer.MAX_VALUE : order));
    }
    Division d = gazetteer.get(districtCode);
    String path = "";
    if (d != null) {
      String full = gazetteer.pathOf(d);
      path = full.endsWith(d.name()) ? full.substring(0, full.length() - d.name().length()) : "";
    }
    return new Section(districtCode, gazetteer.nameOf(districtCode), path, townships.size(), sections, shown,
        counts(findings, null));
  }

  private static Chart chart(Family family, MetricCatalog catalog, Gazetteer gazetteer, List<Division> townships,
      Map<String, Map<String, Observation>> figures, Map<String, RollupRow> rows) {
    List<String> metrics = new ArrayList<>();
    for (String key : MAIN_METRICS.getOrDefault(family, List.of())) {
      if (figures.containsKey(key)) {
        metrics.add(key);
      }
    }
    if (metrics.isEmpty()) {
      for (Metric m : catalog.metrics()) {
        if (m.family() == family && figures.containsKey(m.key())) {
          metrics.add(m.key());
          break;
        }
      }
    }
    if (metrics.isEmpty()) {
      return null;
    }
    // the district's townships stating any of the metrics, code order (unknown codes last)
    List<String> codes = new ArrayList<>();
    TreeSet<String> stated = new TreeSet<>();
    metrics.forEach(m -> stated.addAll(figures.get(m).keySet()));
    for (Division d : townships) {
      if (stated.remove(d.code())) {
        codes.add(d.code());
      }
    }
    codes.addAll(stated);
    List<Series> series = new ArrayList<>();
    for (String key : metrics) {
      Map<String, Observation> byTownship = figures.get(key);
      List<Long> values = new ArrayList<>(codes.size());
      List<String> texts = new ArrayList<>(codes.size());
      List<Long> present = new ArrayList<>();
      for (String code : codes) {
        Observation o = byTownship.get(code);
        values.add(o == null ? null : o.value());
        texts.add(o == null ? null : new WideTable.Cell(o.value(), o.qualifier()).text());
        if (o != null) {
          present.add(o.value());
        }
      }
      RollupRow r = rows.get(key);
      double median = r != null ? r.median() : median(present);
      series.add(new Series(key, catalog.byKey(key).map(Metric::labelZh).orElse(key), median, values, texts));
    }
    List<String> names = new ArrayList<>(codes.size());
    codes.forEach(c -> names.add(gazetteer.nameOf(c)));
    return new Chart(family.code(), family.labelZh(), series, names);
  }

  private static double median(List<Long> values) {
    long[] a = values.stream().mapToLong(Long::longValue).sorted().toArray();
    return a.length == 0 ? Double.NaN : org.gongkai.rollup.Stats.median(a);
  }

  /** Findings by severity (error, warning, info), of one year or (year null) of all. */
  private static long[] counts(List<Finding> findings, Integer year) {
    long[] c = new long[Severity.values().length];
    for (Finding f : findings) {
      if (year == null || f.year() == year) {
        c[f.severity().ordinal()]++;
      }
    }
    return c;
  }

  /**
   * The district-years the page details ({@code <district code>-<year>}): the first {@link
   * #DETAIL_FIRST} with data by code, then those with errors, at most {@link #DETAIL_MAX}. Depends
   * only on what {@link Section#withoutCharts} keeps.
   */
  public static Set<String> detailed(List<Section> sections) {
    return new HtmlReportPage("", "", sections, List.of()).detailed();
  }

  /** The page, without extra facts. */
  public static String render(String jobName, String runDate, List<Section> sections) {
    return render(jobName, runDate, sections, List.of());
  }

  /**
   * The page.
   *
   * @param runDate shown as given (e.g. 2026-03-01); the page itself holds no clock
   * @param sections one per district, any order
   * @param facts extra lines for the header (sources, records read and rejected, version…)
   */
  public static String render(String jobName, String runDate, List<Section> sections, List<Fact> facts) {
    return render(jobName, runDate, sections, facts, List.of());
  }

  /** The page, with what the input files read and did not use ({@link Notice}s, listed after the findings). */
  public static String render(String jobName, String runDate, List<Section> sections, List<Fact> facts,
      List<org.gongkai.model.Notice> notices) {
    return new HtmlReportPage(jobName, runDate, sections, facts, notices).render();
  }

  /** The page, with each district's top findings before the list of all. */
  public static String render(String jobName, String runDate, List<Section> sections, List<Fact> facts,
      List<org.gongkai.model.Notice> notices, HtmlTopFindings top) {
    return new HtmlReportPage(jobName, runDate, sections, facts, notices, Map.of(), JobPaths.NONE, top).render();
  }

  /**
   * The page, with the rejected records of the detailed districts' townships and file names
   * relative to the job file's folder.
   *
   * @param rejects by district code (see {@link WholeJobFiles.GroupParts#add(String, List, Gazetteer)})
   * @param jobDir the job file's folder, or null
   */
  public static String render(String jobName, String runDate, List<Section> sections, List<Fact> facts,
      List<org.gongkai.model.Notice> notices, Map<String, HtmlReportRejects.District> rejects, String jobDir) {
    return render(jobName, runDate, sections, facts, notices, rejects, jobDir, null);
  }

  /** The page, with the rejected records, file names relative to {@code jobDir} and each district's top findings. */
  public static String render(String jobName, String runDate, List<Section> sections, List<Fact> facts,
      List<org.gongkai.model.Notice> notices, Map<String, HtmlReportRejects.District> rejects, String jobDir,
      HtmlTopFindings top) {
    return new HtmlReportPage(jobName, runDate, sections, facts, notices, rejects, new JobPaths(jobDir), top).render();
  }

  /**
   * Text made safe for HTML and SVG, in element content and in quoted attributes alike: {@code &
   * < > " '} become entities; control characters other than tab and newline are dropped; null is
   * the empty string.
   */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || c == '\uFFFE' || c == '\uFFFF' ? "" : null;
      };
      if (rep != null && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (b != null) {
        if (rep != null) {
          b.append(rep);
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? s : b.toString();
  }

  static Map<String, String> severityLabels() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("error", "错误");
    m.put("warning", "警告");
    m.put("info", "提示");
    return m;
  }
}
