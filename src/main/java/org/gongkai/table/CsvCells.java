package org.gongkai.table;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** How values look in every CSV the project writes. */
public final class CsvCells {
  private CsvCells() {}

  /** A plain number, as a spreadsheet reads it: stays as it is even when it starts with a minus. */
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  /**
   * A cell's text. Numbers are plain (no exponent); text that a spreadsheet would run as a
   * formula (starting with = + - @, tab or CR, or their full-width forms) gets a leading
   * apostrophe, so that it stays text; text that is a plain number ("-5") stays as it is. Any
   * value that is not a number or a boolean is text here, whatever its type.
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
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    return neutralise(v.toString());
  }

  public static String neutralise(String s) {
    if (s.isEmpty()) {
      return s;
    }
    char c = s.charAt(0);
    if (c == '-' && NUMBER.matcher(s).matches()) {
      return s;
    }
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
        || c == '＝' || c == '＋' || c == '－' || c == '＠') {
      return "'" + s;
    }
    return s;
  }
}
