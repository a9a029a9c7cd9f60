package org.gongkai.bench;

/** RFC 4180 cells. */
final class Csv {
  private Csv() {}

  static String cell(String s) {
    if (s == null) {
      return "";
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return '"' + s.replace("\"", "\"\"") + '"';
      }
    }
    return s;
  }
}
