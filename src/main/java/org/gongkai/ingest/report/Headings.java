package org.gongkai.ingest.report;

/**
 * Headings and list items of a report (二、主动公开情况, (三)…, 1.…, 一是…), and the headings
 * of sections that speak of plans or problems rather than this year's figures (下步打算,
 * 存在的问题及改进措施), whose sentences give no observation.
 */
final class Headings {
  private Headings() {}

  private static final String NUMERAL = "[一二三四五六七八九十]{1,3}";

  /** A numbered line: 二、, (三), （三）, 第二部分, 1., 1、. */
  private static final QuickPattern ITEM =
      QuickPattern.compile("^(?:" + NUMERAL + "[、.]|\\(" + NUMERAL + "\\)|第" + NUMERAL + "[部章节]|\\d{1,2}[、.](?!\\d)|\\(\\d{1,2}\\)|" + NUMERAL + "是)");

  /** Headings of sections about the future or about shortcomings. */
  private static final QuickPattern PLAN_HEADING =
      QuickPattern.compile("下一?步|打算|工作计划|工作要点|改进措施|改进情况|存在的(主要)?问题|存在问题|主要问题|存在的不足|不足之处|努力方向|工作思路|明年");

  static boolean startsItem(String line) {
    return ITEM.lookingAt(line); // the pattern is anchored (^): as find(), without trying every position
  }

  /** A short numbered line without a sentence end: a heading rather than a paragraph. */
  static boolean isHeading(String line) {
    String s = line.strip();
    return s.length() <= 30 && startsItem(s) && s.indexOf('。') < 0 && s.indexOf(';') < 0;
  }

  /**
   * Whether a line opens a section of plans or problems: a numbered line with a plan keyword
   * near its start ("八、存在的问题及改进措施", "二、下步打算。2018年，我镇将…").
   */
  static boolean isPlanHeading(String line) {
    String s = line.strip();
    if (!startsItem(s)) {
      return s.length() <= 12 && PLAN_HEADING.find(s);
    }
    return PLAN_HEADING.find(s.substring(0, Math.min(s.length(), 20)));
  }

  private static final QuickPattern TOP = QuickPattern.compile("^(?:" + NUMERAL + "、|第" + NUMERAL + "部分)");

  /** A top-level heading (二、…, 第二部分): it ends a plan section unless it opens another. */
  static boolean isTopItem(String line) {
    return TOP.lookingAt(line.strip()); // anchored, as ITEM
  }
}
