package org.gongkai.ingest.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A PDF or Word report as the lines the report readers read (tables as rows of cells joined by
 * {@code |}, as {@link HtmlFlattener} gives them), and where each line came from, so that a
 * figure's offset in the text names its page and line or its table and row.
 */
record DocumentText(String text, int[] lineStarts, String[] places) {
  /** The place of the line that holds {@code offset}, e.g. "page 2 line 7", "table 1 row 4". */
  String locate(long offset) {
    int i = Arrays.binarySearch(lineStarts, (int) Math.min(Integer.MAX_VALUE, offset));
    int line = i >= 0 ? i : -i - 2;
    return line < 0 || line >= places.length ? "offset " + offset : places[line];
  }

  /** Builds the text line by line. */
  static final class Builder {
    private final StringBuilder text = new StringBuilder();
    private final List<Integer> starts = new ArrayList<>();
    private final List<String> places = new ArrayList<>();

    void line(String line, String place) {
      starts.add(text.length());
      places.add(place);
      text.append(line).append('\n');
    }

    /** A blank line: paragraphs and tables stay apart, as in a flattened HTML page. */
    void gap() {
      if (text.length() > 0 && !(text.length() > 1 && text.charAt(text.length() - 2) == '\n')) {
        text.append('\n');
      }
    }

    /**
     * A table row that a page break cut in two: the part on the next page (no figures in it, and
     * fewer cells or the row before holds no figures either) goes into the cells of the row
     * before, cell by cell. @return whether {@code row} was such a part and was merged
     */
    boolean mergeLast(String row) {
      if (starts.isEmpty()) {
        return false;
      }
      int start = starts.get(starts.size() - 1);
      String last = text.substring(start, text.length() - 1);
      if (!last.startsWith("|") || !row.startsWith("|")) {
        return false;
      }
      List<String> a = cells(last);
      List<String> b = cells(row);
      boolean bValues = b.stream().anyMatch(TableTokens::isValue);
      boolean aValues = a.stream().anyMatch(TableTokens::isValue);
      if (bValues || b.size() > a.size() || b.size() == a.size() && aValues) {
        return false;
      }
      StringBuilder merged = new StringBuilder("|");
      for (int i = 0; i < a.size(); i++) {
        merged.append(' ').append(a.get(i)).append(i < b.size() ? b.get(i) : "").append(" |");
      }
      text.setLength(start);
      text.append(merged).append('\n');
      return true;
    }

    private static List<String> cells(String row) {
      List<String> out = new ArrayList<>();
      String inner = row.strip();
      inner = inner.substring(1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
      for (String c : inner.split("\\|", -1)) {
        out.add(c.strip());
      }
      return out;
    }

    int length() {
      return text.length();
    }

    DocumentText build() {
      int[] s = new int[starts.size()];
      for (int i = 0; i < s.length; i++) {
        s[i] = starts.get(i);
      }
      return new DocumentText(text.toString(), s, places.toArray(new String[0]));
    }
  }
}
