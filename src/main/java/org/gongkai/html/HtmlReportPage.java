package org.gongkai.html;

import static org.gongkai.html.HtmlReport.escape;
import static org.gongkai.html.HtmlReportChart.number;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.gongkai.audit.Finding;
import org.gongkai.audit.Severity;
import org.gongkai.html.HtmlReport.Chart;
import org.gongkai.model.Notice;
import org.gongkai.html.HtmlReport.Fact;
import org.gongkai.html.HtmlReport.FindingRow;
import org.gongkai.html.HtmlReport.Section;
import org.gongkai.html.HtmlReport.Total;
import org.gongkai.html.HtmlReport.YearSection;

/** Writes the page of {@link HtmlReport#render}. */
public final class HtmlReportPage {
  private static final Map<String, String> SEVERITY = HtmlReport.severityLabels();

  /** The global order of findings: as the audit lists them, across districts. */
  public static final Comparator<FindingRow> FINDING_ORDER = Comparator
      .comparing((FindingRow r) -> r.finding().severity())
      .thenComparingInt(r -> r.finding().year())
      .thenComparing(r -> r.finding().regionCode(), Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(r -> r.finding().rule())
      .thenComparingInt(FindingRow::metricOrder)
      .thenComparing(r -> r.finding().message(), Comparator.nullsFirst(Comparator.naturalOrder()));

  private final String jobName;
  private final String runDate;
  private final List<Section> sections;
  private final List<Fact> facts;
  private final List<Notice> notices;
  private final Map<String, HtmlReportRejects.District> rejects;
  private final JobPaths paths;
  private final HtmlTopFindings top;
  private final SortedSet<Integer> years = new TreeSet<>();
  private final StringBuilder b = new StringBuilder(1 << 16);

  HtmlReportPage(String jobName, String runDate, List<Section> sections, List<Fact> facts) {
    this(jobName, runDate, sections, facts, List.of());
  }

  HtmlReportPage(String jobName, String runDate, List<Section> sections, List<Fact> facts, List<Notice> notices) {
    this(jobName, runDate, sections, facts, notices, Map.of(), JobPaths.NONE, null);
  }

  /**
   * @param rejects the rejected records of the districts' townships, by district (those the page details)
   * @param paths how file names are shown
   * @param top each district's top findings ({@link HtmlTopFindings}) before the list of all; none when null
   */
  HtmlReportPage(String jobName, String runDate, List<Section> sections, List<Fact> facts, List<Notice> notices,
      Map<String, HtmlReportRejects.District> rejects, JobPaths paths, HtmlTopFindings top) {
    this.rejects = rejects;
    this.paths = paths;
    this.top = top;
    this.notices = notices == null ? List.of() : notices;
    this.jobName = jobName;
    this.runDate = runDate;
    this.sections = new ArrayList<>(sections);
    this.sections.sort(Comparator.comparing(Section::districtCode));
    this.facts = facts == null ? List.of() : facts;
    this.sections.forEach(s -> s.years().forEach(y -> years.add(y.year())));
  }

  String render() {
    b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<link rel=\"icon\" href=\"data:,\">\n")
        .append("<title>").append(escape("政府信息公开年度报告统计 — " + jobName)).append("</title>\n")
        .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n");
    header();
    List<DistrictYear> all = districtYears();
    coverage(all);
    details(all);
    if (top != null) {
      top.appendTo(b);
    }
    findings();
    notices();
    notes();
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  /** A district and one of the job's years (absent from the section: nothing reported). */
  private record DistrictYear(Section section, int year, YearSection data) {
    int reporting() {
      return data == null ? 0 : data.reporting();
    }

    long count(Severity s) {
      return data == null ? 0 : data.findingCounts()[s.ordinal()];
    }

    String anchor() {
      return "d-" + section.districtCode() + "-" + year;
    }
  }

  private List<DistrictYear> districtYears() {
    List<DistrictYear> out = new ArrayList<>();
    for (Section s : sections) {
      for (int y : years) {
        out.add(new DistrictYear(s, y, s.year(y)));
      }
    }
    return out;
  }

  private void header() {
    long[] counts = new long[Severity.values().length];
    long expected = 0;
    long reporting = 0;
    for (Section s : sections) {
      for (int i = 0; i < counts.length; i++) {
        counts[i] += s.findingCounts()[i];
      }
      for (int y : years) {
        expected += s.expected();
        YearSection ys = s.year(y);
        reporting += ys == null ? 0 : ys.reporting();
      }
    }
    b.append("<header>\n<h1>政府信息公开工作年度报告统计</h1>\n<p class=\"meta\">任务：<b>").append(escape(jobName))
        .append("</b> · 运行日期：").append(escape(runDate)).append("</p>\n");
    if (!facts.isEmpty()) {
      b.append("<dl class=\"facts\">");
      for (Fact f : facts) {
        b.append("<div><dt>").append(escape(f.label())).append("</dt><dd>").append(escape(f.value()))
            .append("</dd></div>");
      }
      b.append("</dl>\n");
    }
    b.append("<nav><a href=\"#coverage\">报送情况</a> · <a href=\"#details\">分区详情</a> · ")
        .append("<a href=\"#findings\">审计发现</a> · <a href=\"#notes\">说明</a></nav>\n</header>\n");
    b.append("<section id=\"summary\" class=\"cards\">");
    card("县区", Integer.toString(sections.size()), "");
    card("年度", years.isEmpty() ? "—" : years.first().equals(years.last()) ? years.first().toString()
        : years.first() + "–" + years.last(), "");
    card("乡镇报送（乡镇·年）", reporting + " / " + expected, expected == 0 ? "" : percent(reporting, expected));
    card("错误", Long.toString(counts[0]), "sev-error");
    card("警告", Long.toString(counts[1]), "sev-warning");
    card("提示", Long.toString(counts[2]), "sev-info");
    b.append("</section>\n");
  }

  private void card(String label, String value, String cls) {
    boolean isClass = cls.startsWith("sev-");
    b.append("<div class=\"card").append(isClass ? " " + cls : "").append("\"><div class=\"label\">")
        .append(escape(label)).append("</div><div class=\"value\">").append(escape(value)).append("</div>");
    if (!isClass && !cls.isEmpty()) {
      b.append("<div class=\"sub\">").append(escape(cls)).append("</div>");
    }
    b.append("</div>");
  }

  private void coverage(List<DistrictYear> all) {
    b.append("<section id=\"coverage\">\n<h2>报送情况</h2>\n");
    b.append("<p>每个县区每年有数据的乡镇数与区划表中应报送的乡镇数。</p>\n");
    Set<String> detailed = new HashSet<>();
    selectDetails(all).forEach(d -> detailed.add(d.anchor()));
    b.append("<table class=\"coverage\"><thead><tr><th>县区代码</th><th>县区</th><th>年度</th><th>已报送 / 应报送</th>")
        .append("<th>报送率</th><th>错误</th><th>警告</th><th>提示</th><th>详情</th></tr></thead>\n<tbody>\n");
    int shown = 0;
    for (DistrictYear d : all) {
      if (shown == HtmlReport.COVERAGE_SHOWN) {
        break;
      }
      shown++;
      Section s = d.section();
      int pct = s.expected() == 0 ? 0 : (int) Math.round(100.0 * d.reporting() / s.expected());
      b.append("<tr><td class=\"code\">").append(escape(s.districtCode())).append("</td><td>")
          .append(escape(s.path())).append("<b>").append(escape(s.districtName())).append("</b></td><td>")
          .append(d.year()).append("</td><td class=\"num\">").append(d.reporting()).append(" / ").append(s.expected())
          .append("</td><td><div class=\"meter\" title=\"").append(pct).append("%\"><span style=\"width:")
          .append(Math.min(100, pct)).append("%\"></span></div> ").append(pct).append("%</td>");
      for (Severity sev : Severity.values()) {
        long n = d.count(sev);
        b.append("<td class=\"num").append(n > 0 ? " sev-" + sev.code() : "").append("\">").append(n).append("</td>");
      }
      b.append("<td>");
      if (detailed.contains(d.anchor())) {
        b.append("<a href=\"#").append(escape(d.anchor())).append("\">查看</a>");
      }
      b.append("</td></tr>\n");
    }
    b.append("</tbody></table>\n");
    if (all.size() > shown) {
      b.append("<p class=\"omitted\">另有 ").append(all.size() - shown)
          .append(" 个县区·年度未列出（本表最多 ").append(HtmlReport.COVERAGE_SHOWN)
          .append(" 行，按代码排列）；完整数据见 rollup 表。</p>\n");
    }
    b.append("</section>\n");
  }

  /**
   * The first DETAIL_FIRST district-years by code (with data), then those with errors, at most
   * DETAIL_MAX, and no more than DETAIL_TOWNSHIPS townships in all (each charts its townships:
   * districts of a hundred townships would otherwise make a page of tens of megabytes).
   */
  private List<DistrictYear> selectDetails(List<DistrictYear> all) {
    List<DistrictYear> chosen = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    int townships = 0;
    for (DistrictYear d : all) {
      if (chosen.size() == HtmlReport.DETAIL_FIRST) {
        break;
      }
      if (d.data() != null) {
        if (!chosen.isEmpty() && townships + d.section().expected() > HtmlReport.DETAIL_TOWNSHIPS) {
          break;
        }
        chosen.add(d);
        taken.add(d.anchor());
        townships += d.section().expected();
      }
    }
    for (DistrictYear d : all) {
      if (chosen.size() >= HtmlReport.DETAIL_MAX) {
        break;
      }
      if (d.data() != null && d.count(Severity.ERROR) > 0 && !taken.contains(d.anchor())) {
        if (townships + d.section().expected() > HtmlReport.DETAIL_TOWNSHIPS) {
          break;
        }
        taken.add(d.anchor());
        chosen.add(d);
        townships += d.section().expected();
      }
    }
    chosen.sort(Comparator.comparing((DistrictYear d) -> d.section().districtCode()).thenComparingInt(DistrictYear::year));
    return chosen;
  }

  /** Keys ({@code <district code>-<year>}) of the district-years {@link #details} shows. */
  Set<String> detailed() {
    Set<String> keys = new HashSet<>();
    selectDetails(districtYears()).forEach(d -> keys.add(d.section().districtCode() + "-" + d.year()));
    return keys;
  }

  private void details(List<DistrictYear> all) {
    List<DistrictYear> chosen = selectDetails(all);
    long withData = all.stream().filter(d -> d.data() != null).count();
    b.append("<section id=\"details\">\n<h2>分区详情</h2>\n");
    if (chosen.size() < withData) {
      long withErrors = all.stream().filter(d -> d.data() != null && d.count(Severity.ERROR) > 0).count();
      b.append("<p class=\"omitted\">共有 ").append(withData).append(" 个县区·年度有数据，此处详列 ").append(chosen.size())
          .append(" 个：按代码排列的前若干个（至多 ").append(HtmlReport.DETAIL_FIRST)
          .append(" 个），以及有错误的县区·年度（共 ").append(withErrors).append(" 个）；最多详列 ")
          .append(HtmlReport.DETAIL_MAX).append(" 个，图中乡镇合计不超过 ").append(HtmlReport.DETAIL_TOWNSHIPS)
          .append(" 个；其余 ")
          .append(withData - chosen.size()).append(" 个见 rollup、comparison 表和 wide/ 汇总表。</p>\n");
    }
    String district = null;
    for (DistrictYear d : chosen) {
      if (!d.section().districtCode().equals(district)) {
        district = d.section().districtCode();
        overview(d.section());
      }
      districtYear(d);
    }
    b.append("</section>\n");
  }

  /** A district over the job's years: the trend of each family and of coverage, and its rejected records. */
  private void overview(Section s) {
    b.append("<article class=\"overview\" id=\"t-").append(escape(s.districtCode())).append("\">\n<h3>")
        .append(escape(s.districtName())).append(" 历年趋势 <small>").append(escape(s.path() + s.districtName()))
        .append(" · ").append(escape(s.districtCode())).append("</small></h3>\n<div class=\"charts trends\">\n");
    for (String svg : HtmlReportTrend.charts(s, years)) {
      b.append("<figure class=\"trend\">").append(svg).append("</figure>\n");
    }
    b.append("</div>\n");
    HtmlReportRejects.District r = rejects.get(s.districtCode());
    if (r != null && r.total() > 0) {
      HtmlReportRejects.table(b, r, paths);
    } else {
      b.append("<p class=\"no-rejects\">本区乡镇没有被拒收的记录。</p>\n");
    }
    b.append("</article>\n");
  }

  private void districtYear(DistrictYear d) {
    Section s = d.section();
    YearSection y = d.data();
    b.append("<article class=\"district\" id=\"").append(escape(d.anchor())).append("\">\n<h3>")
        .append(escape(s.districtName())).append(' ').append(y.year()).append(" 年 <small>")
        .append(escape(s.path() + s.districtName())).append(" · ").append(escape(s.districtCode()))
        .append("</small></h3>\n<p>报送乡镇 ").append(y.reporting()).append(" / ").append(s.expected());
    for (Severity sev : Severity.values()) {
      long n = y.findingCounts()[sev.ordinal()];
      if (n > 0) {
        b.append(" · <span class=\"badge sev-").append(sev.code()).append("\">").append(SEVERITY.get(sev.code()))
            .append(' ').append(n).append("</span>");
      }
    }
    b.append("</p>\n");
    if (!y.totals().isEmpty()) {
      boolean stated = y.totals().stream().anyMatch(t -> t.stated() != null);
      b.append("<table class=\"totals\"><thead><tr><th>类别</th><th>指标</th><th>全区合计</th>")
          .append(stated ? "<th>区县自报</th>" : "").append("<th>报送乡镇数</th>")
          .append("<th>最小</th><th>中位数</th><th>最大</th></tr></thead>\n<tbody>\n");
      for (Total t : y.totals()) {
        b.append("<tr><td>").append(escape(t.family())).append("</td><td>").append(escape(t.label()))
            .append("</td><td class=\"num\"><b>").append(escape(t.sum())).append("</b></td><td class=\"num\">")
            .append(stated ? escape(t.stated() == null ? "" : t.stated()) + "</td><td class=\"num\">" : "")
            .append(t.unitsReporting()).append("</td><td class=\"num\">").append(t.min())
            .append("</td><td class=\"num\">").append(number(t.median())).append("</td><td class=\"num\">")
            .append(t.max()).append("</td></tr>\n");
      }
      b.append("</tbody></table>\n");
    }
    b.append("<div class=\"charts\">\n");
    for (Chart c : y.charts()) {
      StringBuilder title = new StringBuilder(c.familyLabel()).append("：");
      for (int i = 0; i < c.series().size(); i++) {
        title.append(i == 0 ? "" : "、").append(c.series().get(i).label());
      }
      String full = s.districtName() + " " + y.year() + " 年 " + title;
      b.append("<figure><figcaption>").append(escape(title.toString())).append("</figcaption>\n")
          .append(HtmlReportChart.svg(c, full)).append("\n</figure>\n");
    }
    b.append("</div>\n</article>\n");
  }

  private void findings() {
    long[] counts = new long[Severity.values().length];
    List<FindingRow> rows = new ArrayList<>();
    for (Section s : sections) {
      for (int i = 0; i < counts.length; i++) {
        counts[i] += s.findingCounts()[i];
      }
      rows.addAll(s.findings());
    }
    long total = counts[0] + counts[1] + counts[2];
    rows.sort(FINDING_ORDER);
    List<FindingRow> shown = rows.subList(0, (int) Math.min(rows.size(), HtmlReport.FINDINGS_SHOWN));
    b.append("<section id=\"findings\">\n<h2>审计发现</h2>\n<p>共 ").append(total).append(" 条：错误 ").append(counts[0])
        .append("，警告 ").append(counts[1]).append("，提示 ").append(counts[2]).append("。错误在前。</p>\n");
    if (total > shown.size()) {
      b.append("<p class=\"omitted\">此处按严重程度列出前 ").append(shown.size()).append(" 条，其余 ")
          .append(total - shown.size()).append(" 条见 findings 表。</p>\n");
    }
    if (!shown.isEmpty()) {
      b.append("<table class=\"findings\"><thead><tr><th>级别</th><th>规则</th><th>年度</th><th>县区</th>")
          .append("<th>乡镇</th><th>指标</th><th>说明</th><th>数值</th><th>参照</th><th>依据</th></tr></thead>\n<tbody>\n");
      for (FindingRow r : shown) {
        Finding f = r.finding();
        String sev = f.severity().code();
        b.append("<tr class=\"row-").append(sev).append("\"><td><span class=\"badge sev-").append(sev).append("\">")
            .append(SEVERITY.get(sev)).append("</span></td><td class=\"code\">").append(escape(f.rule()))
            .append("</td><td>").append(f.year()).append("</td><td>").append(escape(r.districtName()))
            .append("</td><td>").append(escape(r.regionName())).append("<br><span class=\"code\">")
            .append(escape(f.regionCode())).append("</span></td><td>").append(escape(r.metricLabel()))
            .append("</td><td>").append(escape(f.message())).append("</td><td class=\"num\">")
            .append(f.value() == null ? "" : f.value()).append("</td><td class=\"num\">")
            .append(f.referenceValue() == null ? "" : f.referenceValue()).append("</td><td class=\"evidence\">")
            .append(escape(paths.shorten(f.evidence()))).append("</td></tr>\n");
      }
      b.append("</tbody></table>\n");
    }
    b.append("</section>\n");
  }

  /** What the input files read and did not use: a column, a part of a report, lines above a header. */
  private void notices() {
    if (notices.isEmpty()) {
      return;
    }
    b.append("<section id=\"notices\">\n<h2>已读取但未使用的内容</h2>\n<p>以下内容已读取，但未计入统计（")
        .append("列名未对应指标、报告中未能读取的部分、表头之上的行等），请核对。</p>\n")
        .append("<table class=\"findings\"><thead><tr><th>代码</th><th>文件</th><th>位置</th><th>说明</th>")
        .append("<th>原文</th></tr></thead>\n<tbody>\n");
    for (Notice n : notices) {
      b.append("<tr class=\"row-warning\"><td class=\"code\">").append(escape(n.code())).append("</td><td>")
          .append(escape(paths.shorten(n.sourceFile()))).append("</td><td>").append(escape(n.locator())).append("</td><td>")
          .append(escape(n.message())).append("</td><td class=\"evidence\">").append(escape(n.evidence()))
          .append("</td></tr>\n");
    }
    b.append("</tbody></table>\n</section>\n");
  }

  private void notes() {
    b.append("<footer id=\"notes\">\n<h2>说明</h2>\n<ul>\n")
        .append("<li>数字后的“+”表示下限（原文如“1000余条”），前面的“~”表示约数（原文如“约200条”）；")
        .append("合计中只要有一项不是确数，合计即带此标记。</li>\n")
        .append("<li>未填报的数字视为缺失，不按 0 计算；“已报送”指该乡镇该年至少有一项数字。</li>\n")
        .append("<li>图中虚线为全区中位数；浅色条为估计值。</li>\n")
        .append("<li>稳健 z 值 = 0.6745 ×（数值 − 中位数）/ 中位数绝对偏差；报送乡镇少于 5 个或偏差为 0 时不计算。</li>\n")
        .append("<li>完整数据见同目录下的 township_metrics、rollup、comparison、findings 表及 wide/ 汇总表。</li>\n")
        .append("</ul>\n</footer>\n");
  }

  private static String percent(long part, long whole) {
    return Math.round(100.0 * part / whole) + "%";
  }

  private static final String CSS = String.join("\n",
      "",
      ":root{--fg:#1d2733;--muted:#5b6776;--line:#d7dde5;--bg:#f6f8fb;--err:#b42318;--warn:#b54708;--info:#175cd3}",
      "*{box-sizing:border-box}",
      "body{margin:0;padding:24px 32px 48px;font:14px/1.6 \"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\","
          + "\"Microsoft YaHei\",\"WenQuanYi Micro Hei\",sans-serif;color:var(--fg);background:#fff}",
      "h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;padding-bottom:4px;"
          + "border-bottom:2px solid var(--line)}h3{font-size:16px;margin:24px 0 4px}h3 small{color:var(--muted);"
          + "font-weight:normal;font-size:12px;margin-left:8px}",
      ".meta{color:var(--muted);margin:0 0 8px}nav{margin:8px 0}nav a{color:var(--info)}",
      ".facts{display:flex;flex-wrap:wrap;gap:4px 24px;margin:8px 0;font-size:13px}.facts div{display:flex;gap:6px}"
          + ".facts dt{color:var(--muted)}.facts dd{margin:0}",
      ".cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}.card{background:var(--bg);border:1px solid var(--line);"
          + "border-radius:6px;padding:10px 16px;min-width:120px}.card .label{color:var(--muted);font-size:12px}"
          + ".card .value{font-size:22px;font-weight:600}.card .sub{color:var(--muted);font-size:12px}",
      ".card.sev-error .value{color:var(--err)}.card.sev-warning .value{color:var(--warn)}"
          + ".card.sev-info .value{color:var(--info)}",
      "table{border-collapse:collapse;margin:8px 0;font-size:13px}th,td{border:1px solid var(--line);padding:3px 8px;"
          + "vertical-align:top;text-align:left}th{background:var(--bg);white-space:nowrap}"
          + "tbody tr:nth-child(even){background:#fafbfd}",
      "table.findings td:nth-child(4){white-space:nowrap}table.findings td.code{font-size:11px}",
      "td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}.code{font-family:monospace;"
          + "font-size:12px;color:var(--muted)}",
      "td.sev-error{color:var(--err);font-weight:600}td.sev-warning{color:var(--warn);font-weight:600}"
          + "td.sev-info{color:var(--info)}",
      ".badge{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;color:#fff;white-space:nowrap}"
          + ".badge.sev-error{background:var(--err)}.badge.sev-warning{background:var(--warn)}"
          + ".badge.sev-info{background:var(--info)}",
      ".meter{display:inline-block;width:80px;height:8px;background:var(--line);border-radius:4px;overflow:hidden;"
          + "vertical-align:middle}.meter span{display:block;height:100%;background:#2f9e44}",
      ".omitted{background:#fff8e6;border-left:4px solid var(--warn);padding:6px 10px}",
      "table.findings{width:100%}table.findings td.evidence{font-size:12px;color:var(--muted);word-break:break-all;"
          + "max-width:320px}",
      ".charts{display:flex;flex-wrap:wrap;gap:16px}figure{margin:8px 0;border:1px solid var(--line);"
          + "border-radius:6px;padding:8px;background:#fff}figcaption{font-weight:600;margin-bottom:4px}",
      "svg.chart{display:block;max-width:100%;height:auto;font-size:12px}svg .name{fill:var(--fg)}"
          + "svg .value,svg .tick,svg .legend{fill:var(--muted)}svg .grid{stroke:#eef1f5}svg .axis{stroke:#9aa5b1}",
      "svg .median-label{font-size:11px}",
      "svg.trend{display:block;max-width:100%;height:auto;font-size:11px}svg .year{fill:var(--muted)}",
      "article.overview h4{font-size:14px;margin:12px 0 4px}table.rejects td{font-size:12px}",
      "footer{margin-top:32px;color:var(--muted);font-size:13px}",
      "@media print{body{padding:0}.charts{display:block}}",
      "");
}
