package org.gongkai.html;

import org.gongkai.wide.WideTable;
import static org.gongkai.html.HtmlReport.escape;
import static org.gongkai.html.HtmlReportChart.number;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.gongkai.model.Family;
import org.gongkai.html.HtmlReport.Section;
import org.gongkai.html.HtmlReport.Total;
import org.gongkai.html.HtmlReport.YearSection;

/**
 * A district over the years, as inline SVG line charts: one per metric family (the district
 * totals of its main metrics, from the sections' totals) and one of coverage (townships
 * reporting, of those expected). A year without the figure leaves a gap; an estimated total is
 * an open dot. Every text from the data is escaped.
 */
final class HtmlReportTrend {
  private static final int WIDTH = 360;
  private static final int HEIGHT = 190;
  private static final int LEFT = 54;
  private static final int RIGHT = 16;
  private static final int TOP = 34;
  private static final int BOTTOM = 30;

  private HtmlReportTrend() {}

  /** One line: a value (or null) per year of the chart. */
  record Line(String label, List<Long> values, List<Boolean> estimates) {}

  /** The charts of one district over the job's years: the families with a figure in some year, then coverage. */
  static List<String> charts(Section s, SortedSet<Integer> years) {
    List<Integer> ys = new ArrayList<>(years);
    List<String> out = new ArrayList<>();
    for (Family f : Family.values()) {
      Map<String, Line> lines = new LinkedHashMap<>();
      List<String> keys = new ArrayList<>(HtmlReport.MAIN_METRICS.getOrDefault(f, List.of()));
      for (String key : keys) {
        Line l = line(s, ys, key);
        if (l != null) {
          lines.put(key, l);
        }
      }
      if (!lines.isEmpty()) {
        out.add(svg(s.districtName() + " " + f.labelZh() + " 历年合计", ys, new ArrayList<>(lines.values()), "件/条"));
      }
    }
    List<Long> reporting = new ArrayList<>();
    List<Long> expected = new ArrayList<>();
    List<Boolean> none = new ArrayList<>();
    for (int y : ys) {
      YearSection data = s.year(y);
      reporting.add(data == null ? 0L : data.reporting());
      expected.add((long) s.expected());
      none.add(false);
    }
    out.add(svg(s.districtName() + " 报送乡镇数", ys, List.of(new Line("已报送", reporting, none),
        new Line("应报送", expected, none)), "个"));
    return out;
  }

  private static Line line(Section s, List<Integer> years, String metric) {
    List<Long> values = new ArrayList<>();
    List<Boolean> estimates = new ArrayList<>();
    String label = null;
    for (int y : years) {
      YearSection data = s.year(y);
      Total t = null;
      if (data != null) {
        for (Total x : data.totals()) {
          if (x.metric().equals(metric)) {
            t = x;
          }
        }
      }
      values.add(t == null ? null : value(t.sum()));
      estimates.add(t != null && (t.sum().startsWith("~") || t.sum().endsWith("+")));
      label = t == null ? label : t.label();
    }
    return label == null ? null : new Line(label, values, estimates);
  }

  /** The figure of a total as shown: {@code 1000+} and {@code ~200} (see {@link WideTable.Cell#text}). */
  static long value(String sum) {
    return Long.parseLong(sum.replace("~", "").replace("+", ""));
  }

  static String svg(String title, List<Integer> years, List<Line> lines, String unit) {
    long max = 0;
    for (Line l : lines) {
      for (Long v : l.values()) {
        max = v == null ? max : Math.max(max, v);
      }
    }
    double top = HtmlReportChart.niceCeiling(max);
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    int n = years.size();
    StringBuilder b = new StringBuilder(2048);
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" width=\"").append(WIDTH)
        .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\"><title>").append(escape(title))
        .append("</title>");
    int lx = 8;
    for (int i = 0; i < lines.size(); i++) {
      String c = HtmlReportChart.COLORS[i % HtmlReportChart.COLORS.length];
      b.append("<rect x=\"").append(lx).append("\" y=\"6\" width=\"12\" height=\"12\" fill=\"").append(c)
          .append("\"/><text x=\"").append(lx + 16).append("\" y=\"16\" class=\"legend\">")
          .append(escape(lines.get(i).label())).append("</text>");
      lx += 28 + 13 * lines.get(i).label().length();
    }
    int ticks = HtmlReportChart.ticks(top);
    for (int i = 0; i <= ticks; i++) {
      double v = top * i / ticks;
      double y = TOP + plotH - plotH * i / (double) ticks;
      b.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(fmt(y)).append("\" x2=\"").append(LEFT + plotW)
          .append("\" y2=\"").append(fmt(y)).append("\" class=\"grid\"/><text x=\"").append(LEFT - 6)
          .append("\" y=\"").append(fmt(y + 4)).append("\" class=\"tick\" text-anchor=\"end\">").append(number(v))
          .append("</text>");
    }
    for (int i = 0; i < n; i++) {
      b.append("<text x=\"").append(fmt(x(i, n, plotW))).append("\" y=\"").append(HEIGHT - 10)
          .append("\" class=\"tick year\" text-anchor=\"middle\">").append(years.get(i)).append("</text>");
    }
    b.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(TOP - 8)
        .append("\" class=\"tick\" text-anchor=\"end\">").append(escape(unit)).append("</text>");
    for (int li = 0; li < lines.size(); li++) {
      Line l = lines.get(li);
      String c = HtmlReportChart.COLORS[li % HtmlReportChart.COLORS.length];
      StringBuilder path = new StringBuilder();
      boolean pen = false;
      for (int i = 0; i < n; i++) {
        Long v = l.values().get(i);
        if (v == null) {
          pen = false; // a year without the figure: a gap, never a zero
          continue;
        }
        path.append(pen ? " L" : (path.length() == 0 ? "M" : " M")).append(fmt(x(i, n, plotW))).append(' ')
            .append(fmt(y(v, top, plotH)));
        pen = true;
      }
      if (path.length() > 0) {
        b.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(c)
            .append("\" stroke-width=\"2\" class=\"trend-line\"/>");
      }
      for (int i = 0; i < n; i++) {
        Long v = l.values().get(i);
        if (v != null) {
          boolean est = l.estimates().get(i);
          b.append("<circle cx=\"").append(fmt(x(i, n, plotW))).append("\" cy=\"").append(fmt(y(v, top, plotH)))
              .append("\" r=\"3.5\" stroke=\"").append(c).append("\" fill=\"").append(est ? "#fff" : c)
              .append("\" class=\"point\"><title>").append(escape(years.get(i) + " 年 " + l.label() + "："
                  + v + (est ? "（含估计值）" : ""))).append("</title></circle>");
        }
      }
    }
    b.append("</svg>");
    return b.toString();
  }

  private static double x(int i, int n, int plotW) {
    return n == 1 ? LEFT + plotW / 2.0 : LEFT + plotW * i / (double) (n - 1);
  }

  private static double y(long v, double top, int plotH) {
    return TOP + plotH - plotH * v / top;
  }

  private static String fmt(double d) {
    return number(Math.round(d * 10) / 10.0);
  }
}
