package org.gongkai.ingest.report;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * When a report was published: the page's date near the title (发布时间：2019-02-20, 发布日期,
 * 时间：…, a dated line followed by 来源), else a line that is only a date under the title, else
 * the date under the signature at the end (2023年1月18日, 二〇二三年一月十八日). The labels are
 * data ({@code report-facts.yaml}).
 */
final class PublicationDate {
  private PublicationDate() {}

  /** A date found: {@code where} is {@code page}, {@code title} or {@code signature}; offset in the text. */
  record Found(LocalDate date, String where, int offset, String evidence) {}

  private static final String D = "[0-9０-９]";
  private static final String NUMERIC = "(" + D + "{4})\\s*(?:[-/.]|年)\\s*(" + D + "{1,2})\\s*(?:[-/.]|月)\\s*(" + D + "{1,2})";
  private static final String CN = "[〇零○Ｏ一二三四五六七八九十]";
  private static final Pattern SIGNATURE = Pattern.compile(
      "^[(（]?\\s*(?:(" + D + "{4})\\s*年\\s*(" + D + "{1,2})\\s*月\\s*(" + D + "{1,2})\\s*日|(" + CN + "{4})年(" + CN
          + "{1,3})月(" + CN + "{1,3})日)\\s*[)）]?$");

  private static final FactsRules RULES = FactsRules.standard();
  private static final Pattern LABELLED = Pattern.compile("(" + RULES.labels.stream()
      .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote).collect(Collectors.joining("|"))
      + ")\\s*([:：]?)\\s*" + NUMERIC);
  private static final Pattern PAGE_LINE = Pattern.compile("(?m)^[\\s•·]*" + NUMERIC + "\\s*日?\\s*(?:"
      + RULES.pageLineFollowers.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")");

  static Found find(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String head = text.substring(0, Math.min(text.length(), RULES.headChars));
    Found page = page(head);
    if (page != null) {
      return page;
    }
    Found title = underTitle(head);
    Found signature = signature(text);
    // in a short text the line under the title may be the last: then it is the signature's
    return title != null && (signature == null || signature.offset() != title.offset()) ? title : signature;
  }

  /** A line that is only a date among the first lines (韩摆渡镇人民政府 / 2018年1月20日 under the title). */
  private static Found underTitle(String head) {
    int seen = 0;
    int start = 0;
    while (start < head.length() && seen < RULES.titleLines) {
      int end = head.indexOf('\n', start);
      end = end < 0 ? head.length() : end;
      String line = head.substring(start, end).strip();
      if (!line.isEmpty()) {
        seen++;
        Found f = dateLine(line, start + head.substring(start, end).indexOf(line), "title");
        if (f != null) {
          return f;
        }
      }
      start = end + 1;
    }
    return null;
  }

  private static Found dateLine(String line, int offset, String where) {
    Matcher m = SIGNATURE.matcher(line);
    if (!m.matches()) {
      return null;
    }
    LocalDate d = m.group(1) != null ? date(m.group(1), m.group(2), m.group(3))
        : date(chineseYear(m.group(4)), chineseNumber(m.group(5)), chineseNumber(m.group(6)));
    return d == null ? null : new Found(d, where, offset, line);
  }

  private static Found page(String head) {
    Found best = null;
    Matcher m = LABELLED.matcher(head);
    while (m.find()) {
      String label = m.group(1);
      boolean bare = !label.startsWith("发") && !label.startsWith("公");
      if (bare && m.group(2).isEmpty() || isOtherDate(head, m.end(1))) {
        continue;
      }
      LocalDate d = date(m.group(3), m.group(4), m.group(5));
      if (d != null) {
        best = new Found(d, "page", m.start(), line(head, m.start()));
        break;
      }
    }
    Matcher l = PAGE_LINE.matcher(head);
    while (l.find()) {
      if (best != null && l.start(1) >= best.offset()) {
        break;
      }
      LocalDate d = date(l.group(1), l.group(2), l.group(3));
      if (d != null) {
        return new Found(d, "page", l.start(1), line(head, l.start(1)));
      }
    }
    return best;
  }

  /** 成文日期, 统计时间…: a label that ends where this one ends but names another date. */
  private static boolean isOtherDate(String head, int labelEnd) {
    for (String other : RULES.notLabels) {
      int from = labelEnd - other.length();
      if (from >= 0 && head.startsWith(other, from)) {
        return true;
      }
    }
    return false;
  }

  /** The closing date: a line that is only a date, among the last lines that are not page furniture. */
  private static Found signature(String text) {
    int end = text.length();
    int seen = 0;
    while (end > 0 && seen < RULES.signatureLines) {
      int start = text.lastIndexOf('\n', end - 1) + 1;
      String line = text.substring(start, end).strip();
      end = start - 1;
      if (line.isEmpty() || furniture(line)) {
        continue;
      }
      seen++;
      Found f = dateLine(line, start + text.substring(start).indexOf(line.charAt(0)), "signature");
      if (f != null) {
        return f;
      }
      if (end < 0) {
        break;
      }
    }
    return null;
  }

  private static boolean furniture(String line) {
    if (line.length() > 16) {
      return false;
    }
    return RULES.furniture.stream().anyMatch(line::startsWith);
  }

  private static String line(String text, int at) {
    int s = text.lastIndexOf('\n', at) + 1;
    int e = text.indexOf('\n', at);
    String l = text.substring(s, e < 0 ? text.length() : e).strip();
    return l.length() <= 80 ? l : l.substring(0, 79) + "…";
  }

  private static LocalDate date(String y, String m, String d) {
    Integer year = number(y);
    Integer month = number(m);
    Integer day = number(d);
    if (year == null || month == null || day == null || year < 1990 || year > 2100) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static Integer number(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    int v = 0;
    for (int i = 0; i < s.length(); i++) {
      int digit = Character.digit(s.charAt(i), 10);
      if (digit < 0) {
        return null;
      }
      v = v * 10 + digit;
    }
    return v;
  }

  private static final String CN_DIGITS = "〇一二三四五六七八九";

  /** 二〇二三 → 2023 (digit by digit; 零, ○ and Ｏ as 〇). */
  private static String chineseYear(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      int d = CN_DIGITS.indexOf(c == '零' || c == '○' || c == 'Ｏ' ? '〇' : c);
      if (d < 0) {
        return null;
      }
      b.append(d);
    }
    return b.toString();
  }

  /** 一 → 1, 十 → 10, 十八 → 18, 二十一 → 21, 三十 → 30. */
  private static String chineseNumber(String s) {
    int ten = s.indexOf('十');
    if (ten < 0) {
      return s.length() == 1 && CN_DIGITS.indexOf(s.charAt(0)) > 0 ? String.valueOf(CN_DIGITS.indexOf(s.charAt(0))) : null;
    }
    int tens = ten == 0 ? 1 : CN_DIGITS.indexOf(s.charAt(0));
    int units = ten == s.length() - 1 ? 0 : CN_DIGITS.indexOf(s.charAt(ten + 1));
    if (tens <= 0 || units < 0 || ten > 1 || s.length() > ten + 2) {
      return null;
    }
    return String.valueOf(tens * 10 + units);
  }

}
