package org.gongkai.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A generated report ({@link ReportText}, its tables as pipe rows) laid out as a township's PDF:
 * A4 pages, the title centred, prose wrapped to the text block with a two-character indent, the
 * template's tables drawn as ruled tables (a line inside a table, such as "(三)不予公开", is a row
 * of one merged cell), and the page number in the footer. The font is embedded as a subset.
 */
final class ReportPdf {
  private static final float W = PDRectangle.A4.getWidth();
  private static final float H = PDRectangle.A4.getHeight();
  private static final float LEFT = 72;
  private static final float RIGHT = W - 72;
  private static final float TOP = H - 76;
  private static final float BOTTOM = 80;
  private static final float TITLE = 16;
  private static final float BODY = 10.5f;
  private static final float CELL = 9;
  private static final float PAD = 3;

  private final PdfFont font;
  /** Advance widths per char at size 1 (NaN: not measured yet); the font is the same for every document. */
  private final float[] widths = new float[65536];

  ReportPdf(PdfFont font) {
    this.font = font;
    Arrays.fill(widths, Float.NaN);
  }

  /** A piece of a page: text at (x, y), or a line from (x, y) to (x2, y2). */
  private record Op(float x, float y, float x2, float y2, float size, String text) {}

  /** The report as PDF bytes; {@code footer} 0 prints "第 N 页 共 M 页", 1 "- N -". */
  byte[] render(String text, int footer) throws IOException {
    List<List<Op>> pages = layout(text);
    try (PDDocument doc = new PDDocument()) {
      PDType0Font f = PDType0Font.load(doc, font.ttf, true);
      for (int p = 0; p < pages.size(); p++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
          s.setLineWidth(0.6f);
          boolean lines = false;
          for (Op op : pages.get(p)) {
            if (op.text() == null) {
              s.moveTo(op.x(), op.y());
              s.lineTo(op.x2(), op.y2());
              lines = true;
            }
          }
          if (lines) {
            s.stroke();
          }
          s.beginText();
          float size = -1;
          float x = 0;
          float y = 0;
          String number = footer == 0 ? "第 " + (p + 1) + " 页 共 " + pages.size() + " 页" : "- " + (p + 1) + " -";
          List<Op> texts = new ArrayList<>(pages.get(p));
          texts.add(new Op((W - width(number, BODY)) / 2, 48, 0, 0, BODY, number));
          for (Op op : texts) {
            if (op.text() == null) {
              continue;
            }
            if (op.size() != size) {
              s.setFont(f, op.size());
              size = op.size();
            }
            s.newLineAtOffset(op.x() - x, op.y() - y);
            x = op.x();
            y = op.y();
            s.showText(op.text());
          }
          s.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      doc.save(out);
      return out.toByteArray();
    }
  }

  private List<List<Op>> layout(String text) {
    Pages out = new Pages();
    String[] lines = text.split("\n", -1);
    boolean first = true;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        out.y -= BODY * 0.6f;
        continue;
      }
      if (first) {
        for (String part : wrap(line, TITLE, RIGHT - LEFT)) {
          out.need(TITLE * 1.6f);
          out.text((W - width(part, TITLE)) / 2, out.y - TITLE, TITLE, part);
          out.y -= TITLE * 1.6f;
        }
        out.y -= BODY;
        first = false;
        continue;
      }
      if (line.startsWith("|")) {
        List<String[]> rows = new ArrayList<>();
        while (i < lines.length) {
          String l = lines[i].strip();
          if (l.startsWith("|")) {
            rows.add(cells(l));
          } else if (!l.isEmpty() && i + 1 < lines.length && lines[i + 1].strip().startsWith("|")) {
            rows.add(new String[] {l}); // a label line inside the table: one merged cell
          } else {
            break;
          }
          i++;
        }
        i--;
        table(out, rows);
        out.y -= BODY * 0.8f;
        continue;
      }
      boolean heading = line.length() < 40 && !line.endsWith("。") && !line.endsWith(":");
      float indent = heading ? 0 : 2 * width("一", BODY);
      List<String> parts = wrap(line, BODY, RIGHT - LEFT - indent, RIGHT - LEFT);
      for (int k = 0; k < parts.size(); k++) {
        out.need(BODY * 1.7f);
        out.text(LEFT + (k == 0 ? indent : 0), out.y - BODY, BODY, parts.get(k));
        out.y -= BODY * 1.7f;
      }
    }
    return out.pages;
  }

  private static String[] cells(String row) {
    String inner = row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length());
    String[] c = inner.split("\\|", -1);
    for (int i = 0; i < c.length; i++) {
      c[i] = c[i].strip();
    }
    return c;
  }

  /** Rows of cells, each row dividing the width its own way (a label column, then equal columns). */
  private void table(Pages out, List<String[]> rows) {
    float width = RIGHT - LEFT;
    float lineH = CELL * 1.35f;
    float top = Float.NaN;
    for (String[] row : rows) {
      float[] xs = columns(row.length, width);
      List<List<String>> wrapped = new ArrayList<>();
      int height = 1;
      for (int c = 0; c < row.length; c++) {
        List<String> w = wrap(row[c], CELL, xs[c + 1] - xs[c] - 2 * PAD);
        wrapped.add(w);
        height = Math.max(height, w.size());
      }
      float h = height * lineH + 2 * PAD;
      if (out.y - h < BOTTOM) {
        out.newPage();
        top = Float.NaN;
      }
      if (Float.isNaN(top)) {
        top = out.y;
        out.line(LEFT, top, RIGHT, top);
      }
      float bottom = out.y - h;
      out.line(LEFT, bottom, RIGHT, bottom);
      for (float x : xs) {
        out.line(LEFT + x, out.y, LEFT + x, bottom);
      }
      for (int c = 0; c < row.length; c++) {
        List<String> w = wrapped.get(c);
        for (int k = 0; k < w.size(); k++) {
          out.text(LEFT + xs[c] + PAD, out.y - PAD - CELL - k * lineH, CELL, w.get(k));
        }
      }
      out.y = bottom;
    }
  }

  private static float[] columns(int n, float width) {
    float[] xs = new float[n + 1];
    float label = n == 1 ? width : n >= 10 ? width / n : width * 0.4f;
    xs[1] = label;
    for (int c = 2; c <= n; c++) {
      xs[c] = label + (width - label) * (c - 1) / (n - 1);
    }
    return xs;
  }

  private List<String> wrap(String s, float size, float width) {
    return wrap(s, size, width, width);
  }

  /**
   * Lines of at most the width (the first line {@code firstWidth}), broken between characters
   * but not inside a run of letters and digits: the PDF reader rejoins such a break with a space.
   */
  private List<String> wrap(String s, float size, float firstWidth, float width) {
    List<String> out = new ArrayList<>();
    int start = 0;
    float w = 0;
    int lastBreak = -1;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (i > start && !(word(ch) && word(s.charAt(i - 1))) && CLOSING.indexOf(ch) < 0) {
        lastBreak = i;
      }
      w += advance(ch) * size;
      float limit = out.isEmpty() ? firstWidth : width;
      if (w > limit && i > start && CLOSING.indexOf(ch) < 0) { // closing punctuation hangs in the margin
        int cut = lastBreak > start ? lastBreak : i;
        out.add(s.substring(start, cut));
        start = cut;
        w = 0;
        for (int k = start; k <= i; k++) {
          w += advance(s.charAt(k)) * size;
        }
        lastBreak = -1;
      }
    }
    if (start < s.length() || out.isEmpty()) {
      out.add(s.substring(start));
    }
    return out;
  }

  private static final String CLOSING = "。，、；：？！）”』」,.;:?!)";

  private static boolean word(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }

  private float width(String s, float size) {
    float w = 0;
    for (int i = 0; i < s.length(); i++) {
      w += advance(s.charAt(i));
    }
    return w * size;
  }

  private float advance(char c) {
    float w = widths[c];
    if (Float.isNaN(w)) {
      try {
        int gid = font.ttf.getUnicodeCmapLookup(false).getGlyphId(c);
        w = font.ttf.getAdvanceWidth(gid) / (float) font.ttf.getUnitsPerEm();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      widths[c] = w;
    }
    return w;
  }

  /** The pages being laid out and the current position (y from the page's bottom). */
  private static final class Pages {
    final List<List<Op>> pages = new ArrayList<>(List.of(new ArrayList<>()));
    float y = TOP;

    void need(float h) {
      if (y - h < BOTTOM) {
        newPage();
      }
    }

    void newPage() {
      pages.add(new ArrayList<>());
      y = TOP;
    }

    void text(float x, float y, float size, String s) {
      pages.get(pages.size() - 1).add(new Op(x, y, 0, 0, size, s));
    }

    void line(float x, float y, float x2, float y2) {
      pages.get(pages.size() - 1).add(new Op(x, y, x2, y2, 0, null));
    }
  }
}
