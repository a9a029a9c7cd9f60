package org.gongkai.model;

import java.io.Serializable;
import java.util.List;

/**
 * What one report says about itself rather than in its figures, for the rules on the reports
 * themselves (LATE_PUBLICATION, REPORT_SECTION_MISSING, TEXT_TABLE_MISMATCH) and the {@code
 * reports} table: when it was published and where that date was read, which of the template's
 * six sections it has, and the figures its text states differently from its own tables.
 *
 * @param format {@code prose} or {@code template}
 * @param publishedOn the publication date (ISO, 2019-02-20), or null when the report states none
 * @param publishedWhere {@code page} (发布时间/发布日期/时间 near the title), {@code title} (a date
 *     line under the title) or {@code signature} (the date under the signature at the end), or null
 * @param publishedLocator where the date was read ({@code offset 120}, {@code page 1 line 3})
 * @param publishedEvidence the text the date was read from
 * @param sectionsFound keys of the template sections found, in template order
 * @param sectionsMissing keys of the template sections not found (only those the text can show
 *     missing: a section after the last one found counts only when the report reaches its end);
 *     empty for a report on a year before the template (2019)
 * @param tablesMissing keys of the sections found whose body has text but no table (2019 on)
 * @param complete whether the text reaches the report's end (its last section or a closing date)
 */
public record ReportFacts(
    String format,
    String publishedOn,
    String publishedWhere,
    String publishedLocator,
    String publishedEvidence,
    List<String> sectionsFound,
    List<String> sectionsMissing,
    List<String> tablesMissing,
    boolean complete,
    List<Mismatch> mismatches)
    implements Serializable {

  public ReportFacts {
    sectionsFound = List.copyOf(sectionsFound);
    sectionsMissing = List.copyOf(sectionsMissing);
    tablesMissing = List.copyOf(tablesMissing);
    mismatches = List.copyOf(mismatches);
  }

  /** Where the date was read, for an analyst: 页面发布时间, 标题下日期, 报告末尾落款, or that none was found. */
  public String publishedWhereZh() {
    if (publishedOn == null) {
      return "未找到发布日期（页面发布时间、标题下或末尾落款日期），不判断是否迟报";
    }
    return switch (publishedWhere) {
      case "signature" -> "报告末尾落款";
      case "title" -> "标题下日期";
      default -> "页面发布时间";
    };
  }

  /** Facts of a report about which nothing is known (records read before these facts existed). */
  public static ReportFacts none() {
    return new ReportFacts("prose", null, null, null, null, List.of(), List.of(), List.of(), false, List.of());
  }

  /**
   * A figure the text states (收到申请9件) that the report's own table states differently (3).
   *
   * @param textValue the figure as the text states it, with 余 or 约 when it is an estimate
   */
  public record Mismatch(String metric, String textValue, String textLocator, String textEvidence, long tableValue,
      String tableLocator, String tableEvidence) implements Serializable {}
}
