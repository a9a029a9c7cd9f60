package org.gongkai.output;

import java.math.BigDecimal;

/** How values look in every CSV the project writes. */
public final class CsvCells {
  private CsvCells() {}

  /**
   * A cell's text. Numbers are plain (no exponent); text that a spreadsheet would run as a
   * formula (starting with = + - @, tab or CR) gets a leading apostrophe, so that it stays text.
   */
  public static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        return "";
      }
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (v instanceof String s) {
      return neutralise(s);
    }
    return v.toString();
  }

  public static String neutralise(String s) {
    if (s.isEmpty()) {
      return s;
    }
    char c = s.charAt(0);
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
        || c == '＝' || c == '＋' || c == '－' || c == '＠') {
      return "'" + s;
    }
    return s;
  }
}
