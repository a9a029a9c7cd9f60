package org.gongkai.audit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.gongkai.ingest.report.ReportSections;
import org.gongkai.model.ReportFacts;
import org.gongkai.model.ReportFingerprint;

/**
 * Rules on the reports themselves, from the facts each report states about itself: published
 * after its deadline (LATE_PUBLICATION), a template-era report without one of the six sections
 * or a section's table (REPORT_SECTION_MISSING), a figure its text states differently from its own
 * table (TEXT_TABLE_MISMATCH).
 */
public final class ReportRules {
  private ReportRules() {}

  static void evaluate(AuditContext cx, List<Finding> out) {
    for (ReportFingerprint r : cx.in.fingerprints()) {
      ReportFacts f = r.facts();
      late(cx, r, f, out);
      sections(cx, r, f, out);
      mismatches(cx, r, f, out);
    }
  }

  /** A township's report is due by the township deadline; a county's (6-digit code) by the county one. */
  public static String level(String code) {
    return code.length() == 9 ? "township" : "county";
  }

  private static void late(AuditContext cx, ReportFingerprint r, ReportFacts f, List<Finding> out) {
    if (f.publishedOn() == null) {
      return;
    }
    LocalDate on = LocalDate.parse(f.publishedOn());
    Deadlines.Due due = cx.in.config().deadlines().due(level(r.townshipCode()), r.year());
    if (!on.isAfter(due.date())) {
      return;
    }
    long days = ChronoUnit.DAYS.between(due.date(), on);
    String where = f.publishedWhereZh();
    out.add(finding(cx, Rule.LATE_PUBLICATION, r, null,
        cx.name(r.townshipCode()) + " " + r.year() + " 年报告的发布日期为 " + on + "（" + where + "「"
            + AuditContext.snippet(f.publishedEvidence()) + "」），晚于截止日期 " + due.date() + " " + days + " 天（"
            + due.rule() + "）",
        r.sourceFile() + " " + f.publishedLocator() + "「" + AuditContext.snippet(f.publishedEvidence()) + "」", days, null));
  }

  private static void sections(AuditContext cx, ReportFingerprint r, ReportFacts f, List<Finding> out) {
    if (r.year() < Deadlines.NEW_REGIME || f.sectionsMissing().isEmpty() && f.tablesMissing().isEmpty()) {
      return;
    }
    StringBuilder m = new StringBuilder(cx.name(r.townshipCode()) + " " + r.year() + " 年报告");
    if (!f.sectionsMissing().isEmpty()) {
      m.append("缺少年度报告格式要求的部分：").append(names(f.sectionsMissing()));
    }
    if (!f.tablesMissing().isEmpty()) {
      m.append(f.sectionsMissing().isEmpty() ? "" : "；").append("以下部分有文字但没有格式要求的表格：")
          .append(names(f.tablesMissing()));
    }
    m.append("（国办公开办函〔2019〕60号、〔2021〕30号规定的年度报告格式）");
    String found = f.sectionsFound().isEmpty() ? "未找到任何部分标题" : "已找到：" + names(f.sectionsFound());
    out.add(finding(cx, Rule.REPORT_SECTION_MISSING, r, null, m.toString(), r.sourceFile() + " " + found,
        (long) (f.sectionsMissing().size() + f.tablesMissing().size()), null));
  }

  private static void mismatches(AuditContext cx, ReportFingerprint r, ReportFacts f, List<Finding> out) {
    for (ReportFacts.Mismatch x : f.mismatches()) {
      long text = Long.parseLong(x.textValue().replace("余", ""));
      out.add(finding(cx, Rule.TEXT_TABLE_MISMATCH, r, x.metric(),
          cx.name(r.townshipCode()) + " " + r.year() + " 年报告正文中" + cx.label(x.metric()) + "为 " + x.textValue()
              + "，而报告自己的表格中为 " + x.tableValue() + "：同一数字前后不一致（采用表格中的数字）",
          r.sourceFile() + " " + x.textLocator() + "「" + AuditContext.snippet(x.textEvidence()) + "」; " + r.sourceFile() + " "
              + x.tableLocator() + "「" + AuditContext.snippet(x.tableEvidence()) + "」",
          text, x.tableValue()));
    }
  }

  /** Section keys as the format names them (二、主动公开政府信息情况), joined by "；". */
  public static String names(List<String> keys) {
    return String.join("；", keys.stream().map(ReportSections::heading).toList());
  }

  private static Finding finding(AuditContext cx, Rule rule, ReportFingerprint r, String metric, String message,
      String evidence, Long value, Long reference) {
    String level = r.townshipCode().length() == 9 ? "township" : "district";
    return new Finding(rule.code(), rule.severity(), level, r.townshipCode(), cx.in.districtCode(), r.year(), metric, message,
        evidence, value, reference);
  }
}
