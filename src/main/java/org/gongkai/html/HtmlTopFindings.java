package org.gongkai.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.gongkai.audit.Finding;
import org.gongkai.html.HtmlReport.FindingRow;
import org.gongkai.html.HtmlReport.Section;

/**
 * report.html's 各县区优先核查的发现: for each district with findings, its first N findings by rank
 * ({@link org.gongkai.audit.FindingRanks}: severity, how far off, size of the figure) and how many
 * of each severity are left for the findings table. A section lists its findings best ranked
 * first, so its top N are its first N.
 */
public final class HtmlTopFindings {
  private static final Map<String, String> SEVERITY = HtmlReport.severityLabels();

  record District(String code, String name, String path, List<FindingRow> top, long[] counts) {}

  private final int n;
  private final List<District> districts = new ArrayList<>();

  /** @param n findings shown per district (the job's {@code audit.top_findings}) */
  public HtmlTopFindings(int n) {
    this.n = n;
  }

  /** Keeps the district's first n findings; a district without findings is not listed. */
  public void add(Section s) {
    long total = s.findingCounts()[0] + s.findingCounts()[1] + s.findingCounts()[2];
    if (total > 0) {
      districts.add(new District(s.districtCode(), s.districtName(), s.path(),
          List.copyOf(s.findings().subList(0, Math.min(n, s.findings().size()))), s.findingCounts().clone()));
    }
  }

  void appendTo(StringBuilder b) {
    if (districts.isEmpty()) {
      return;
    }
    districts.sort(Comparator.comparing(District::code));
    b.append("<section id=\"top-findings\">\n<h2>各县区优先核查的发现</h2>\n<p>每个县区的发现按严重程度、偏离程度（与参照数相差的倍数）、")
        .append("数字大小排序，此处列出前 ").append(n).append(" 条；全部发现见 findings 表，其 rank 列即此顺序。</p>\n");
    for (District d : districts) {
      long[] rest = d.counts().clone();
      for (FindingRow r : d.top()) {
        rest[r.finding().severity().ordinal()]--;
      }
      b.append("<details class=\"top-findings\"><summary>").append(HtmlReport.escape(d.path() + d.name()))
          .append(" <span class=\"code\">").append(HtmlReport.escape(d.code())).append("</span>：错误 ").append(d.counts()[0])
          .append("，警告 ").append(d.counts()[1]).append("，提示 ").append(d.counts()[2]).append("</summary>\n<ol>\n");
      for (FindingRow r : d.top()) {
        Finding f = r.finding();
        String sev = f.severity().code();
        b.append("<li><span class=\"badge sev-").append(sev).append("\">").append(SEVERITY.get(sev))
            .append("</span> <span class=\"code\">").append(HtmlReport.escape(f.rule())).append("</span> ")
            .append(HtmlReport.escape(f.message())).append("</li>\n");
      }
      b.append("</ol>\n");
      long left = rest[0] + rest[1] + rest[2];
      if (left > 0) {
        b.append("<p class=\"omitted\">其余 ").append(left).append(" 条（错误 ").append(rest[0]).append("，警告 ").append(rest[1])
            .append("，提示 ").append(rest[2]).append("）见 findings 表。</p>\n");
      }
      b.append("</details>\n");
    }
    b.append("</section>\n");
  }
}
