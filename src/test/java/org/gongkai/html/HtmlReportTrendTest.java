package org.gongkai.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** report.html's district overview: the trend over the years, the rejects, file names as the job writes them. */
class HtmlReportTrendTest {

  @Test
  void eachDetailedDistrictHasItsTrendAndItsRejects() {
    List<HtmlReport.Section> sections = HtmlReportFixture.sections();
    Document doc = Jsoup.parse(HtmlReportFixture.page());
    Element yuan = doc.getElementById("t-341503");
    Elements charts = yuan.select("svg.trend");
    assertEquals(6, charts.size(), "the five families, then coverage");
    // the published total of each year, as the section's totals state it (the oracle is the data)
    HtmlReport.Section s = sections.get(1);
    for (int year : List.of(2017, 2018)) {
      String sum = s.year(year).totals().stream().filter(t -> t.metric().equals("published_total")).findFirst()
          .orElseThrow().sum();
      assertTrue(charts.get(0).select("circle title").eachText().contains(year + " 年 主动公开信息总数：" + sum),
          charts.get(0).select("circle title").eachText().toString());
    }
    assertEquals(1, charts.get(0).select("path.trend-line").size());
    assertTrue(charts.get(0).selectFirst("path.trend-line").attr("d").contains(" L"), "the years are joined");
    List<String> coverage = charts.get(5).select("circle title").eachText();
    assertEquals(List.of("2017 年 已报送：8", "2018 年 已报送：7", "2017 年 应报送：8", "2018 年 应报送：8"), coverage);
    Elements rejects = yuan.select("table.rejects tbody tr");
    assertEquals(2, rejects.size());
    assertEquals("data/yuan-2018.csv", rejects.get(0).child(3).text(), "relative to the job file's folder");
    assertEquals("/elsewhere/x.csv", rejects.get(1).child(3).text(), "outside it: as read");
    assertTrue(doc.getElementById("t-341502").text().contains("本区乡镇没有被拒收的记录"));
  }

  @Test
  void aYearWithoutTheFigureIsAGapNotAZero() {
    String svg = HtmlReportTrend.svg("t", List.of(2017, 2018, 2019),
        List.of(new HtmlReportTrend.Line("a", java.util.Arrays.asList(5L, null, 7L), List.of(false, false, true))), "件");
    Document doc = Jsoup.parse(svg);
    String d = doc.selectFirst("path").attr("d");
    assertFalse(d.contains("L"), "two points, not joined across the missing year: " + d);
    assertEquals(2, doc.select("circle").size());
    assertEquals("#fff", doc.select("circle").get(1).attr("fill"), "an estimate is an open dot");
    assertEquals(List.of("2017 年 a：5", "2019 年 a：7（含估计值）"), doc.select("circle title").eachText());
  }

  @Test
  void pathsOutsideTheJobsFolderStayAsRead() {
    JobPaths p = new JobPaths("/work/gk/pipelines");
    assertEquals("../sample-data/a.csv line 3", p.shorten("/work/gk/sample-data/a.csv line 3"));
    assertEquals("b.csv", p.shorten("/work/gk/pipelines/b.csv"));
    assertEquals("/etc/x.csv", p.shorten("/etc/x.csv"));
    assertEquals("gs://bucket/x.csv", p.shorten("gs://bucket/x.csv"));
    assertEquals("x", JobPaths.NONE.shorten("x"));
  }
}
