package org.gongkai.ingest.report;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.normalize.Text;

/**
 * A template table, however it arrived, as a sequence of segments: a run of label text followed
 * by the value cells after it. HTML rows ("| a | b |"), one cell per line, blank lines between
 * cells, and PDF rows ("一、本年新收… 3 0 0 0 0 0 3") all give the same segments, because
 * consecutive label cells are merged (header cells split across lines, "本年新\n制作数量", meet
 * again) and only value cells separate them. An empty cell between pipes is a value cell that
 * holds nothing: it keeps the columns aligned.
 */
final class TableTokens {
  private TableTokens() {}

  /** A value cell: its text ("" for an empty cell) and position in the normalised text. */
  record Cell(String text, int start, int end) {}

  /**
   * Label text (as a matching key, see {@link Text#key}) and the value cells that follow it.
   *
   * @param labelStart position of the label's first character (or of the first cell)
   */
  record Segment(String label, String labelText, int labelStart, List<Cell> cells, List<String> pieces) {
    /** The label text from the piece that holds key position {@code keyAt} on (the row's own label). */
    String labelFrom(int keyAt) {
      int k = 0;
      for (int i = 0; i < pieces.size(); i++) {
        k += org.gongkai.normalize.Text.key(pieces.get(i)).length();
        if (k > keyAt) {
          return String.join(" ", pieces.subList(i, pieces.size()));
        }
      }
      return labelText;
    }
  }

  private static final QuickPattern VALUE =
      QuickPattern.compile("(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:件|条|个|项|次|万元|元)?|-{1,2}|—{1,2}|–|/|\\\\|无|\\*|×");

  /** Page numbers and running footers of converted PDFs, which would look like cells. */
  private static final QuickPattern PAGE_LINE =
      QuickPattern.compile("-\\s*\\d{1,3}\\s*-|—\\s*\\d{1,3}\\s*—|第\\s*\\d{1,3}\\s*页(?:\\s*[,/]?\\s*共\\s*\\d{1,3}\\s*页)?|\\d{1,3}\\s*/\\s*\\d{1,3}");

  static boolean isValue(String s) {
    return VALUE.matches(s);
  }

  static List<Segment> segments(NormalText n, int from, int to) {
    List<Segment> out = new ArrayList<>();
    StringBuilder label = new StringBuilder();
    StringBuilder labelText = new StringBuilder();
    int labelStart = -1;
    List<Cell> cells = new ArrayList<>();
    List<String> labelPieces = new ArrayList<>();
    int lineStart = from;
    while (lineStart < to) {
      int lineEnd = n.text.indexOf('\n', lineStart);
      if (lineEnd < 0 || lineEnd > to) {
        lineEnd = to;
      }
      String line = n.text.substring(lineStart, lineEnd);
      List<int[]> pieces = pieces(line);
      if (!PAGE_LINE.matches(line.strip())) {
        for (int[] p : pieces) {
          String s = line.substring(p[0], p[1]).strip();
          int start = lineStart + p[0];
          boolean emptyCell = p[2] == 1;
          if (emptyCell || isValue(s)) {
            if (cells.isEmpty() && labelStart < 0) {
              labelStart = start;
            }
            cells.add(new Cell(emptyCell ? "" : s, start, lineStart + p[1]));
            continue;
          }
          if (!cells.isEmpty()) {
            out.add(new Segment(label.toString(), labelText.toString(), labelStart, List.copyOf(cells), List.copyOf(labelPieces)));
            labelPieces.clear();
            label.setLength(0);
            labelText.setLength(0);
            cells.clear();
            labelStart = -1;
          }
          if (labelStart < 0) {
            labelStart = start;
          }
          label.append(Text.key(s));
          labelPieces.add(s);
          labelText.append(labelText.length() == 0 ? "" : " ").append(s);
        }
      }
      lineStart = lineEnd + 1;
    }
    if (label.length() > 0 || !cells.isEmpty()) {
      out.add(new Segment(label.toString(), labelText.toString(), Math.max(labelStart, from), List.copyOf(cells), List.copyOf(labelPieces)));
    }
    return out;
  }

  /**
   * The cells of one line as [start, end, empty?]: split at pipes (keeping empty cells between
   * pipes, not the outer ones), then at whitespace, with runs of label words kept together.
   */
  private static List<int[]> pieces(String line) {
    List<int[]> out = new ArrayList<>();
    boolean piped = line.indexOf('|') >= 0;
    List<int[]> parts = new ArrayList<>();
    if (piped) {
      int start = 0;
      for (int i = 0; i <= line.length(); i++) {
        if (i == line.length() || line.charAt(i) == '|') {
          parts.add(new int[] {start, i});
          start = i + 1;
        }
      }
      // Outer pipes ("| a | b |") leave blank first and last parts that are not cells.
      if (!parts.isEmpty() && line.substring(parts.get(0)[0], parts.get(0)[1]).isBlank()) {
        parts.remove(0);
      }
      if (!parts.isEmpty() && line.substring(parts.get(parts.size() - 1)[0], parts.get(parts.size() - 1)[1]).isBlank()) {
        parts.remove(parts.size() - 1);
      }
    } else {
      parts.add(new int[] {0, line.length()});
    }
    for (int[] part : parts) {
      String s = line.substring(part[0], part[1]);
      if (s.isBlank()) {
        if (piped) {
          out.add(new int[] {part[0], part[1], 1});
        }
        continue;
      }
      splitWords(s, part[0], out);
    }
    return out;
  }

  private static void splitWords(String s, int base, List<int[]> out) {
    int i = 0;
    while (i < s.length()) {
      while (i < s.length() && NormalText.isSpace(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < s.length() && !NormalText.isSpace(s.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(new int[] {base + start, base + i, 0});
      }
    }
  }
}
