package org.gongkai.ingest.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.gongkai.ingest.report.PdfGlyphs.Glyph;
import org.gongkai.ingest.report.PdfGlyphs.Ruling;

/**
 * One PDF page's glyphs and rulings → its items in reading order (top to bottom): lines of
 * text, and the rows of each ruled table. A table is a connected set of rulings; its grid comes
 * from their positions, a merged cell is where a ruling is missing (as HTML's rowspan/colspan,
 * a merged cell is given once, in its first row), and a cell's text is all the glyphs inside
 * it, however many lines it wraps over.
 */
final class PdfLayout {
  private PdfLayout() {}

  /** A line of text (x0..x1 its extent, size its font size), or a table row ({@code row} > 0). */
  record Item(float y, float x0, float x1, float size, String text, int table, int row) {}

  private static final float TOUCH = 2.5f;

  static List<Item> items(List<Glyph> glyphs, List<Ruling> rulings) {
    List<Item> out = new ArrayList<>();
    boolean[] used = new boolean[glyphs.size()];
    int tableNo = 0;
    for (List<Ruling> table : tables(rulings)) {
      List<Item> rows = grid(table, glyphs, used, tableNo + 1);
      if (!rows.isEmpty()) {
        tableNo++;
        out.addAll(rows);
      }
    }
    List<Glyph> rest = new ArrayList<>();
    for (int i = 0; i < glyphs.size(); i++) {
      if (!used[i]) {
        rest.add(glyphs.get(i));
      }
    }
    for (List<Glyph> line : lines(rest)) {
      Glyph first = line.get(0);
      Glyph last = line.get(line.size() - 1);
      float size = 0;
      for (Glyph g : line) {
        size = Math.max(size, g.size());
      }
      out.add(new Item(first.y(), first.x(), last.x() + last.w(), size, text(line), 0, 0));
    }
    out.sort(Comparator.comparingDouble(Item::y).thenComparingInt(Item::row));
    return out;
  }

  /** Rulings grouped by touching (union-find); a group with two rulings each way is a table. */
  static List<List<Ruling>> tables(List<Ruling> rulings) {
    int n = rulings.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (touch(rulings.get(i), rulings.get(j))) {
          parent[find(parent, i)] = find(parent, j);
        }
      }
    }
    List<List<Ruling>> groups = new ArrayList<>();
    int[] index = new int[n];
    Arrays.fill(index, -1);
    for (int i = 0; i < n; i++) {
      int root = find(parent, i);
      if (index[root] < 0) {
        index[root] = groups.size();
        groups.add(new ArrayList<>());
      }
      groups.get(index[root]).add(rulings.get(i));
    }
    groups.removeIf(g -> g.stream().filter(Ruling::horizontal).count() < 2 || g.stream().filter(r -> !r.horizontal()).count() < 2);
    return groups;
  }

  private static boolean touch(Ruling a, Ruling b) {
    if (a.horizontal() == b.horizontal()) {
      return Math.abs(a.at() - b.at()) < TOUCH && a.from() <= b.to() + TOUCH && b.from() <= a.to() + TOUCH;
    }
    Ruling h = a.horizontal() ? a : b;
    Ruling v = a.horizontal() ? b : a;
    return v.at() >= h.from() - TOUCH && v.at() <= h.to() + TOUCH && h.at() >= v.from() - TOUCH && h.at() <= v.to() + TOUCH;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static List<Item> grid(List<Ruling> table, List<Glyph> glyphs, boolean[] used, int tableNo) {
    float[] xs = positions(table, false);
    float[] ys = positions(table, true);
    int rows = ys.length - 1;
    int cols = xs.length - 1;
    if (rows < 1 || cols < 2 || (long) rows * cols > 50_000) {
      return List.of(); // a framed paragraph, or not a table a report would have
    }
    boolean[][] hLine = new boolean[rows + 1][cols]; // boundary above row r, across column c
    boolean[][] vLine = new boolean[cols + 1][rows]; // boundary left of column c, along row r
    for (Ruling r : table) {
      float[] along = r.horizontal() ? xs : ys;
      int at = nearest(r.horizontal() ? ys : xs, r.at());
      for (int k = 0; k < along.length - 1; k++) {
        float mid = (along[k] + along[k + 1]) / 2;
        if (mid >= r.from() - TOUCH && mid <= r.to() + TOUCH) {
          if (r.horizontal()) {
            hLine[at][k] = true;
          } else {
            vLine[at][k] = true;
          }
        }
      }
    }
    int[] owner = new int[rows * cols]; // each grid cell's merged cell: its top-left grid cell
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int i = r * cols + c;
        owner[i] = i;
        if (c > 0 && !vLine[c][r]) {
          owner[i] = owner[i - 1];
        }
        if (r > 0 && !hLine[r][c]) {
          int up = owner[i - cols];
          owner[i] = owner[i] == i || up < owner[i] ? up : owner[i];
        }
      }
    }
    List<List<Glyph>> cells = new ArrayList<>();
    for (int i = 0; i < rows * cols; i++) {
      cells.add(null);
    }
    for (int g = 0; g < glyphs.size(); g++) {
      Glyph gl = glyphs.get(g);
      float cx = gl.x() + gl.w() / 2;
      float cy = gl.y() - gl.size() / 3;
      if (cx < xs[0] || cx > xs[cols] || cy < ys[0] || cy > ys[rows]) {
        continue;
      }
      int c = Math.min(cols - 1, Math.max(0, slot(xs, cx)));
      int r = Math.min(rows - 1, Math.max(0, slot(ys, cy)));
      int o = owner[r * cols + c];
      if (cells.get(o) == null) {
        cells.set(o, new ArrayList<>());
      }
      cells.get(o).add(gl);
      used[g] = true;
    }
    List<Item> out = new ArrayList<>();
    int rowNo = 0;
    for (int r = 0; r < rows; r++) {
      List<String> texts = new ArrayList<>();
      for (int c = 0; c < cols; c++) {
        int i = r * cols + c;
        if (owner[i] == i) {
          texts.add(cells.get(i) == null ? "" : cellText(cells.get(i)));
        }
      }
      // Empty cells at a row's end are where the row's borders stop short of the grid's: no cells.
      while (!texts.isEmpty() && texts.get(texts.size() - 1).isEmpty()) {
        texts.remove(texts.size() - 1);
      }
      StringBuilder line = new StringBuilder("|");
      for (String t : texts) {
        line.append(' ').append(t.replace('|', ' ')).append(" |");
      }
      if (!texts.isEmpty()) {
        rowNo++;
        out.add(new Item(ys[r], xs[0], xs[cols], 0, line.toString(), tableNo, rowNo));
      }
    }
    return out;
  }

  /** The distinct positions of a table's horizontal (y) or vertical (x) rulings. */
  private static float[] positions(List<Ruling> table, boolean horizontal) {
    float[] all = new float[table.size()];
    int count = 0;
    for (Ruling r : table) {
      if (r.horizontal() == horizontal) {
        all[count++] = r.at();
      }
    }
    Arrays.sort(all, 0, count);
    float[] out = new float[count];
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (n == 0 || all[i] - out[n - 1] > TOUCH) {
        out[n++] = all[i];
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static int nearest(float[] at, float v) {
    int best = 0;
    for (int i = 1; i < at.length; i++) {
      if (Math.abs(at[i] - v) < Math.abs(at[best] - v)) {
        best = i;
      }
    }
    return best;
  }

  /** The interval of {@code at} that holds {@code v}. */
  private static int slot(float[] at, float v) {
    int i = Arrays.binarySearch(at, v);
    return i >= 0 ? i : -i - 2;
  }

  private static String cellText(List<Glyph> glyphs) {
    StringBuilder s = new StringBuilder();
    for (List<Glyph> line : lines(glyphs)) {
      String t = text(line);
      if (s.length() > 0 && !t.isEmpty() && isWordChar(s.charAt(s.length() - 1)) && isWordChar(t.charAt(0))) {
        s.append(' ');
      }
      s.append(t);
    }
    return s.toString().strip();
  }

  /** Glyphs into lines: sorted top-down, a glyph joins the line whose baseline it shares. */
  static List<List<Glyph>> lines(List<Glyph> glyphs) {
    List<Glyph> sorted = new ArrayList<>(glyphs);
    sorted.sort(Comparator.comparingDouble(Glyph::y).thenComparingDouble(Glyph::x));
    List<List<Glyph>> lines = new ArrayList<>();
    List<Glyph> line = null;
    float y = 0;
    for (Glyph g : sorted) {
      if (line == null || Math.abs(g.y() - y) > Math.max(1f, g.size() * 0.4f)) {
        line = new ArrayList<>();
        lines.add(line);
        y = g.y();
      }
      line.add(g);
    }
    for (List<Glyph> l : lines) {
      l.sort(Comparator.comparingDouble(Glyph::x));
      dropOverprints(l);
    }
    return lines;
  }

  /** Fake bold draws a glyph twice, a hair apart: one is kept. */
  private static void dropOverprints(List<Glyph> l) {
    for (int i = l.size() - 1; i > 0; i--) {
      Glyph a = l.get(i - 1);
      Glyph b = l.get(i);
      if (a.text().equals(b.text()) && Math.abs(a.x() - b.x()) < Math.max(0.5f, a.w() * 0.3f)) {
        l.remove(i);
      }
    }
  }

  /**
   * A line's text: a space where the gap between two glyphs is a space between words or
   * numbers; none inside CJK text or between a number and its unit when the gap is only a typed
   * space (Word's "119 条"); two spaces at a wide gap (columns laid out without rulings).
   */
  static String text(List<Glyph> line) {
    StringBuilder s = new StringBuilder();
    Glyph prev = null;
    for (Glyph g : line) {
      if (prev != null) {
        float gap = g.x() - (prev.x() + prev.w());
        float em = Math.max(prev.size(), g.size());
        char a = prev.text().charAt(prev.text().length() - 1);
        char b = g.text().charAt(0);
        if (gap > 2.0f * em) {
          s.append("  ");
        } else if (gap > 0.8f * em) {
          s.append(' ');
        } else if (gap > 0.15f * em && !isCjk(a) && !isCjk(b)) {
          s.append(' ');
        }
      }
      s.append(g.text());
      prev = g;
    }
    return s.toString();
  }

  static boolean isCjk(char c) {
    return c >= 0x2E80 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF || c >= 0xFF00 && c <= 0xFFEF;
  }

  static boolean isWordChar(char c) {
    return c < 0x80 && Character.isLetterOrDigit(c);
  }
}
