package org.gongkai.ingest.report;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDFBox's text engine, kept to what a layout needs: per page, every glyph with its position
 * (top-down page coordinates) and every ruling — the thin horizontal and vertical lines and
 * bars that draw table borders, however drawn (stroked segments, stroked or thin filled
 * rectangles). Each page is handed to {@link PdfLayout} as soon as it is read, so that only
 * its lines are kept.
 */
final class PdfGlyphs extends PDFTextStripper {
  record Glyph(String text, float x, float y, float w, float size) {}

  /** A horizontal ruling at y = {@code at} from x {@code from} to {@code to}, or a vertical one. */
  record Ruling(boolean horizontal, float at, float from, float to) {}

  /** Glyphs past this many in one document are not read: the text is enough, the memory bounded. */
  static final int MAX_GLYPHS = 3_000_000;
  private static final int MAX_RULINGS = 4_000;

  final List<List<PdfLayout.Item>> pages = new ArrayList<>();
  final List<Float> heights = new ArrayList<>();
  long glyphCount;
  long unreadable;
  boolean truncated;
  private List<Glyph> glyphs = new ArrayList<>();
  private List<Ruling> rulings = new ArrayList<>();
  private final List<List<float[]>> subpaths = new ArrayList<>();
  private List<float[]> subpath;
  private PDRectangle box = PDRectangle.A4;

  PdfGlyphs() throws IOException {
    setSortByPosition(true);
  }

  @Override
  protected void startPage(PDPage page) {
    box = page.getCropBox();
    glyphs = new ArrayList<>();
    rulings = new ArrayList<>();
    subpaths.clear();
    subpath = null;
  }

  @Override
  protected void endPage(PDPage page) {
    pages.add(PdfLayout.items(glyphs, rulings));
    heights.add(box.getHeight());
    glyphs = new ArrayList<>();
    rulings = new ArrayList<>();
  }

  @Override
  protected void processTextPosition(TextPosition t) {
    if (glyphCount >= MAX_GLYPHS) {
      truncated = true;
      return;
    }
    String u = t.getUnicode();
    if (u == null || u.isEmpty()) {
      u = "\uFFFD";
    }
    if (u.isBlank()) {
      return; // spaces come back from the gaps between glyphs
    }
    glyphCount++;
    for (int i = 0; i < u.length(); i++) {
      char c = u.charAt(i);
      if (c == '\uFFFD' || c >= '\uE000' && c <= '\uF8FF' || c < 0x20) {
        unreadable++;
        break;
      }
    }
    float size = t.getFontSizeInPt();
    if (!(size > 0.5f && size < 500f)) {
      size = Math.max(1f, t.getHeightDir());
    }
    glyphs.add(new Glyph(unified(u), t.getXDirAdj(), t.getYDirAdj(), t.getWidthDirAdj(), size));
  }

  /** Ideographs for the CJK supplement radicals that have no compatibility decomposition (U+2E80 block). */
  private static final String RADICALS = "⺠民⻓长⻔门⻅见⻆角⻛风⻢马⻋车⻬齐⻩黄⻜飞⻚页⻘青⻝食⻣骨⻰龙⻳龟⺟母⻄西⻨麦⻉贝⻥鱼⻦鸟";

  /**
   * Fonts embedded by browsers map many ideographs to their Kangxi or supplement radicals
   * (⼭ U+2F2D for 山, ⺠ for 民): the unified ideograph is what the text means.
   */
  static String unified(String u) {
    StringBuilder s = null;
    for (int i = 0; i < u.length(); i++) {
      char c = u.charAt(i);
      char r = c;
      if (c >= '\u2F00' && c <= '\u2FDF' || c >= '\uF900' && c <= '\uFAFF') {
        String n = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFKC);
        r = n.length() == 1 ? n.charAt(0) : c;
      } else if (c >= '\u2E80' && c <= '\u2EFF') {
        int k = RADICALS.indexOf(c);
        r = k >= 0 && k % 2 == 0 ? RADICALS.charAt(k + 1) : c;
      }
      if (r != c && s == null) {
        s = new StringBuilder(u);
      }
      if (s != null) {
        s.setCharAt(i, r);
      }
    }
    return s == null ? u : s.toString();
  }

  @Override
  protected void processOperator(Operator op, List<COSBase> args) throws IOException {
    switch (op.getName()) {
      case "re" -> rectangle(args);
      case "m" -> {
        subpath = new ArrayList<>();
        subpaths.add(subpath);
        point(args, 0);
      }
      case "l" -> point(args, 0);
      case "c" -> point(args, 4);
      case "v", "y" -> point(args, 2);
      case "h" -> {
        if (subpath != null && subpath.size() > 1) {
          subpath.add(subpath.get(0));
        }
      }
      case "S", "s", "B", "B*", "b", "b*" -> paint(true);
      case "f", "F", "f*" -> paint(false);
      case "n" -> clearPath();
      default -> { }
    }
    super.processOperator(op, args);
  }

  private void rectangle(List<COSBase> args) {
    float[] a = numbers(args, 4);
    if (a == null) {
      return;
    }
    subpath = new ArrayList<>();
    subpaths.add(subpath);
    subpath.add(device(a[0], a[1]));
    subpath.add(device(a[0] + a[2], a[1]));
    subpath.add(device(a[0] + a[2], a[1] + a[3]));
    subpath.add(device(a[0], a[1] + a[3]));
    subpath.add(device(a[0], a[1]));
    subpath = null;
  }

  private void point(List<COSBase> args, int at) {
    float[] a = numbers(args, at + 2);
    if (a == null) {
      return;
    }
    if (subpath == null) {
      subpath = new ArrayList<>();
      subpaths.add(subpath);
    }
    subpath.add(device(a[at], a[at + 1]));
  }

  /** Stroked paths give their straight edges; filled ones only when thin (a bar drawn as a rule). */
  private void paint(boolean stroke) {
    for (List<float[]> p : subpaths) {
      if (rulings.size() >= MAX_RULINGS || p.size() < 2) {
        continue;
      }
      if (stroke) {
        for (int i = 1; i < p.size(); i++) {
          segment(p.get(i - 1), p.get(i));
        }
      } else {
        float x0 = Float.MAX_VALUE, y0 = Float.MAX_VALUE, x1 = -Float.MAX_VALUE, y1 = -Float.MAX_VALUE;
        for (float[] q : p) {
          x0 = Math.min(x0, q[0]);
          x1 = Math.max(x1, q[0]);
          y0 = Math.min(y0, q[1]);
          y1 = Math.max(y1, q[1]);
        }
        if (y1 - y0 <= 3 && x1 - x0 >= 3) {
          rulings.add(new Ruling(true, (y0 + y1) / 2, x0, x1));
        } else if (x1 - x0 <= 3 && y1 - y0 >= 3) {
          rulings.add(new Ruling(false, (x0 + x1) / 2, y0, y1));
        }
      }
    }
    clearPath();
  }

  private void segment(float[] a, float[] b) {
    if (Math.abs(a[1] - b[1]) < 1 && Math.abs(a[0] - b[0]) >= 3) {
      rulings.add(new Ruling(true, (a[1] + b[1]) / 2, Math.min(a[0], b[0]), Math.max(a[0], b[0])));
    } else if (Math.abs(a[0] - b[0]) < 1 && Math.abs(a[1] - b[1]) >= 3) {
      rulings.add(new Ruling(false, (a[0] + b[0]) / 2, Math.min(a[1], b[1]), Math.max(a[1], b[1])));
    }
  }

  private void clearPath() {
    subpaths.clear();
    subpath = null;
  }

  private float[] device(float x, float y) {
    Point2D.Float p = getGraphicsState().getCurrentTransformationMatrix().transformPoint(x, y);
    return new float[] {p.x - box.getLowerLeftX(), box.getUpperRightY() - p.y};
  }

  private static float[] numbers(List<COSBase> args, int n) {
    if (args.size() < n) {
      return null;
    }
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      if (!(args.get(i) instanceof COSNumber num)) {
        return null;
      }
      a[i] = num.floatValue();
      if (!Float.isFinite(a[i])) {
        return null;
      }
    }
    return a;
  }
}
