package org.gongkai.html;

import static org.gongkai.html.HtmlReport.escape;

import java.util.List;
import org.gongkai.html.HtmlReport.Chart;
import org.gongkai.html.HtmlReport.Series;

/**
 * Draws one {@link Chart} as inline SVG: a horizontal bar per township and metric, the figure
 * after each bar, a dashed line at each metric's district median, and a value axis. Estimates
 * are drawn lighter. Every text and attribute from the data is escaped.
 */
final class HtmlReportChart {
  static final String[] COLORS = {"#3566a8", "#d9822b"};
  private static final int WIDTH = 760;
  private static final int LABEL = 170;
  private static final int VALUE_PAD = 80;
  private static final int TOP = 52;
  private static final int BAR = 12;
  private static final int BAR_GAP = 2;
  private static final int GROUP_GAP = 7;
  private static final int AXIS = 34;
  private static final int NAME_CHARS = 11;

  private HtmlReportChart() {}

  static String svg(Chart c, String title) {
    List<Series> series = c.series();
    int n = c.townships().size();
    int k = series.size();
    int group = k * BAR + (k - 1) * BAR_GAP + GROUP_GAP;
    int plotBottom = TOP + n * group;
    int height = plotBottom + AXIS;
    double max = 0;
    for (Series s : series) {
      for (Long v : s.values()) {
        if (v != null) {
          max = Math.max(max, v);
        }
      }
      if (!Double.isNaN(s.median())) {
        max = Math.max(max, s.median());
      }
    }
    double top = niceCeiling(max);
    int x0 = LABEL;
    int plotWidth = WIDTH - LABEL - VALUE_PAD;
    StringBuilder b = new StringBuilder(2048 + n * k * 220);
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"").append(WIDTH)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\">");
    b.append("<title>").append(escape(title)).append("</title>");
    // legend: one swatch per metric, with its median
    int lx = 8;
    for (int s = 0; s < k; s++) {
      Series se = series.get(s);
      String text = se.label() + "（中位数 " + number(se.median()) + "）";
      b.append("<rect x=\"").append(lx).append("\" y=\"6\" width=\"12\" height=\"12\" fill=\"").append(COLORS[s])
          .append("\"/>");
      b.append("<text x=\"").append(lx + 16).append("\" y=\"16\" class=\"legend\">").append(escape(text))
          .append("</text>");
      lx += 24 + 13 * text.length();
    }
    b.append("<text x=\"").append(WIDTH - 4).append("\" y=\"16\" class=\"legend\" text-anchor=\"end\">")
        .append("浅色 = 估计值；虚线 = 全区中位数</text>");
    // grid and axis
    int ticks = ticks(top);
    for (int i = 0; i <= ticks; i++) {
      double v = top * i / ticks;
      double x = x0 + plotWidth * i / (double) ticks;
      b.append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(TOP - 6).append("\" x2=\"").append(fmt(x))
          .append("\" y2=\"").append(plotBottom).append("\" class=\"grid\"/>");
      b.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(plotBottom + 16)
          .append("\" class=\"tick\" text-anchor=\"middle\">").append(number(v)).append("</text>");
    }
    b.append("<line x1=\"").append(x0).append("\" y1=\"").append(plotBottom).append("\" x2=\"").append(x0 + plotWidth)
        .append("\" y2=\"").append(plotBottom).append("\" class=\"axis\"/>");
    b.append("<line x1=\"").append(x0).append("\" y1=\"").append(TOP - 6).append("\" x2=\"").append(x0)
        .append("\" y2=\"").append(plotBottom).append("\" class=\"axis\"/>");
    b.append("<text x=\"").append(x0 + plotWidth).append("\" y=\"").append(plotBottom + 30)
        .append("\" class=\"tick\" text-anchor=\"end\">数量（件/条）</text>");
    b.append("<text x=\"").append(x0 - 8).append("\" y=\"").append(TOP - 12)
        .append("\" class=\"tick\" text-anchor=\"end\">乡镇</text>");
    // bars
    for (int t = 0; t < n; t++) {
      String name = c.townships().get(t);
      int gy = TOP + t * group;
      b.append("<g><title>").append(escape(name)).append("</title>");
      b.append("<text x=\"").append(x0 - 8).append("\" y=\"").append(gy + (k * BAR + (k - 1) * BAR_GAP) / 2 + 4)
          .append("\" class=\"name\" text-anchor=\"end\">").append(escape(shorten(name))).append("</text></g>");
      for (int s = 0; s < k; s++) {
        Series se = series.get(s);
        Long v = se.values().get(t);
        if (v == null) {
          continue;
        }
        String text = se.texts().get(t);
        boolean estimate = text != null && (text.startsWith("~") || text.endsWith("+"));
        double w = top == 0 ? 0 : plotWidth * v / top;
        int y = gy + s * (BAR + BAR_GAP);
        b.append("<rect x=\"").append(x0).append("\" y=\"").append(y).append("\" width=\"").append(fmt(w))
            .append("\" height=\"").append(BAR).append("\" fill=\"").append(COLORS[s]).append('"')
            .append(estimate ? " fill-opacity=\"0.45\"" : "").append("><title>")
            .append(escape(name + " " + se.label() + "：" + text)).append("</title></rect>");
        b.append("<text x=\"").append(fmt(x0 + w + 4)).append("\" y=\"").append(y + BAR - 2)
            .append("\" class=\"value\">").append(escape(text)).append("</text>");
      }
    }
    // medians: dashed lines over the bars, labelled at the top
    for (int s = 0; s < k; s++) {
      Series se = series.get(s);
      if (Double.isNaN(se.median()) || top == 0) {
        continue;
      }
      double x = x0 + plotWidth * se.median() / top;
      b.append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(TOP - 8).append("\" x2=\"").append(fmt(x))
          .append("\" y2=\"").append(plotBottom).append("\" stroke=\"").append(COLORS[s])
          .append("\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\" class=\"median\"><title>")
          .append(escape(se.label() + " 中位数 " + number(se.median()))).append("</title></line>");
      b.append("<text x=\"").append(fmt(x + 3)).append("\" y=\"").append(TOP - 12 - 12 * s)
          .append("\" class=\"median-label\" fill=\"").append(COLORS[s]).append("\">中位数 ")
          .append(number(se.median())).append("</text>");
    }
    b.append("</svg>");
    return b.toString();
  }

  /**
   * The axis end: the smallest of 1, 2, 4, 5, 8, 10 at or above a small value, of 1, 2, 2.5, 5
   * × 10ⁿ above 10; at least 1.
   */
  static double niceCeiling(double v) {
    if (!(v > 1)) {
      return 1;
    }
    if (v <= 10) {
      for (int m : new int[] {2, 4, 5, 8, 10}) {
        if (m >= v) {
          return m;
        }
      }
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /** Intervals on the axis: 4 or 5 when they fall on whole numbers, else 2 or 1. */
  static int ticks(double top) {
    for (int n : new int[] {4, 5, 2}) {
      double step = top / n;
      if (step == Math.rint(step)) {
        return n;
      }
    }
    return 1;
  }

  private static String shorten(String name) {
    if (name == null) {
      return "";
    }
    int cps = name.codePointCount(0, name.length());
    return cps <= NAME_CHARS ? name : name.substring(0, name.offsetByCodePoints(0, NAME_CHARS - 1)) + "…";
  }

  private static String fmt(double d) {
    return number(Math.round(d * 10) / 10.0);
  }

  /** 35, 27.5, 1.25: no trailing zeros, no exponent. */
  static String number(double d) {
    if (Double.isNaN(d)) {
      return "—";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return java.math.BigDecimal.valueOf(d).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
        .toPlainString();
  }
}
