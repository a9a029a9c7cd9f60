package org.gongkai.ingest.report;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.normalize.Text;

/**
 * Which of the template's six sections (总体情况 … 其他需要报告的事项, {@code report-facts.yaml}) a
 * report has, which it lacks, and which table sections hold text but no table. A web page's
 * text is often cut short: a section after the last one found is missing only when the text
 * reaches the report's end (its last section, or a closing date), one before the first found only
 * when the text starts with the report's title; and a section whose table the
 * text may have lost (an empty body, or the last section of a text cut short) is not judged.
 */
public final class ReportSections {
  private ReportSections() {}

  private static final String NUMERALS = "一二三四五六七八九十";

  /** A section key as the format names and numbers it (二、主动公开政府信息情况), from report-facts.yaml. */
  public static String heading(String key) {
    List<FactsRules.SectionRule> rules = FactsRules.standard().sections;
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).key().equals(key)) {
        return NUMERALS.charAt(i) + "、" + rules.get(i).name();
      }
    }
    return key;
  }

  record Result(List<String> found, List<String> missing, List<String> tablesMissing, boolean complete) {}

  /**
   * @param tableFigures the figures the template tables gave (offsets in the decoded text)
   * @param closingDate whether a date under the signature ends the text
   * @param titled whether the text starts with the report's title (a text may begin mid-report)
   */
  static Result find(NormalText n, List<Figure> tableFigures, boolean closingDate, boolean titled) {
    List<FactsRules.SectionRule> rules = FactsRules.standard().sections;
    int[] heading = new int[rules.size()]; // normalised offset of each section's heading line, or -1
    int[] bodyStart = new int[rules.size()];
    java.util.Arrays.fill(heading, -1);
    String t = n.text;
    int pos = 0;
    while (pos < t.length()) {
      int end = t.indexOf('\n', pos);
      if (end < 0) {
        end = t.length();
      }
      int k = classify(t.substring(pos, end), rules);
      if (k >= 0 && heading[k] < 0) {
        heading[k] = pos;
        bodyStart[k] = end;
      }
      pos = end + 1;
    }
    int first = -1;
    int last = -1;
    List<String> found = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      if (heading[i] >= 0) {
        found.add(rules.get(i).key());
        first = first < 0 ? i : first;
        last = i;
      }
    }
    // The text reaches the report's end: its last section, a closing date, or the next-to-last
    // section (五、存在的主要问题…) ending in a full sentence — a page cut short stops mid-sentence.
    boolean complete = last == rules.size() - 1 || closingDate
        || last == rules.size() - 2 && endsSentence(t);
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      if (heading[i] < 0 && (i < first ? titled : i < last || complete)) {
        missing.add(rules.get(i).key());
      }
    }
    List<String> tablesMissing = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      if (!rules.get(i).table() || heading[i] < 0 || i == last && !complete) {
        continue;
      }
      int to = t.length();
      for (int j = 0; j < rules.size(); j++) {
        if (heading[j] > heading[i] && heading[j] < to) {
          to = heading[j];
        }
      }
      String body = t.substring(Math.min(bodyStart[i], to), to).strip();
      long from = n.origin(heading[i]);
      long until = n.origin(to);
      boolean table = tableFigures.stream().anyMatch(f -> f.offset() >= from && f.offset() < until);
      // Many numbers under the heading and none read from a table: a table of a shape the reader
      // does not know (REPORT_PART_NOT_READ says so), not a missing one.
      if (!table && !body.isEmpty() && numbers(body) < TABLE_NUMBERS) {
        tablesMissing.add(rules.get(i).key());
      }
    }
    return new Result(found, missing, tablesMissing, complete);
  }

  private static boolean endsSentence(String t) {
    String s = t.strip();
    return !s.isEmpty() && "。！!；;".indexOf(s.charAt(s.length() - 1)) >= 0;
  }

  /** The fewest numbers a template table holds (table 四 has 15, table 二 some 30). */
  private static final int TABLE_NUMBERS = 6;

  private static int numbers(String body) {
    int n = 0;
    for (int i = 0; i < body.length(); i++) {
      boolean digit = Character.isDigit(body.charAt(i));
      if (digit && (i == 0 || !Character.isDigit(body.charAt(i - 1)))) {
        n++;
      }
    }
    return n;
  }

  /** The section a line is the heading of (index in template order), or -1. */
  static int classify(String line, List<FactsRules.SectionRule> rules) {
    String s = line.strip();
    if (s.isEmpty() || s.indexOf('。') >= 0 || s.length() > 60) {
      return -1;
    }
    // A section heading is a top-level item (二、, 第二部分) or an unnumbered short line; (一)…
    // and 1.… are items inside a section (总体情况's (一)主动公开政府信息情况).
    boolean item = Headings.startsItem(s);
    if (item && !Headings.isTopItem(s)) {
      return -1;
    }
    String k = Text.key(s);
    if (k.isEmpty() || k.length() > 40) {
      return -1;
    }
    for (int i = 0; i < rules.size(); i++) {
      for (String w : rules.get(i).wordings()) {
        if (k.contains(w) && (k.length() <= w.length() + 8 || item)) {
          return i;
        }
      }
    }
    return -1;
  }
}
