package org.gongkai.html;

import org.gongkai.wide.WideTableTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.audit.Finding;
import org.gongkai.audit.Severity;
import org.gongkai.model.Division;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
import org.gongkai.rollup.Obs;
import org.gongkai.rollup.RollupRow;
import org.gongkai.rollup.Rollups;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  @Test
  void escapeEverything() {
    assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", HtmlReport.escape("<script>alert(1)</script>"));
    assertEquals("&quot;a&quot; &amp; &#39;b&#39;", HtmlReport.escape("\"a\" & 'b'"));
    assertEquals("=HYPERLINK(&quot;http://x&quot;)", HtmlReport.escape("=HYPERLINK(\"http://x\")"));
    assertEquals("ab\tc\n", HtmlReport.escape("a\u0000b\tc\n\u001b"));
    assertEquals("", HtmlReport.escape(null));
    String plain = "江家店镇 1000+";
    assertTrue(plain == HtmlReport.escape(plain), "nothing to escape: the same string");
  }

  @Test
  void pageIsSelfContainedAndEscaped() throws Exception {
    String html = HtmlReportFixture.page();
    Path out = Path.of("target", "html-report-test", "report.html");
    Files.createDirectories(out.getParent());
    Files.writeString(out, html, StandardCharsets.UTF_8);
    assertFalse(html.contains("<script"), "no script element, the township name included");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;镇"));
    Document doc = Jsoup.parse(html);
    assertTrue(doc.select("script, img, iframe, object, embed, link[rel=stylesheet], style[src], audio, video").isEmpty());
    for (Element e : doc.getAllElements()) {
      for (String attr : List.of("src", "href", "action", "srcset", "xlink:href", "poster", "data")) {
        String v = e.attr(attr);
        assertTrue(v.isEmpty() || v.startsWith("#") || v.equals("data:,"), e.tagName() + " " + attr + "=" + v);
      }
    }
    for (Element style : doc.select("style")) {
      assertFalse(style.data().contains("url(") || style.data().contains("@import"), "no external resource in CSS");
    }
    // the hostile names arrive as text, in tables and charts
    assertTrue(doc.select("svg title").eachText().contains(HtmlReportFixture.FORMULA_NAME));
    assertTrue(doc.select("svg text").eachText().contains("=HYPERLINK…"), "long names are shortened in the chart");
    assertTrue(doc.select("svg title").eachText().contains(HtmlReportFixture.SCRIPT_NAME));
    assertTrue(doc.select("svg title").eachText().contains(HtmlReportFixture.QUOTE_NAME));
    assertTrue(doc.text().contains(HtmlReportFixture.SCRIPT_NAME));
    assertEquals("政府信息公开年度报告统计 — sample <test> & \"job\"", doc.title());
    assertEquals("zh-CN", doc.select("html").attr("lang"));
  }

  @Test
  void pageHasCoverageTotalsChartsAndFindings() {
    Document doc = Jsoup.parse(HtmlReportFixture.page());
    Elements coverage = doc.select("table.coverage tbody tr");
    assertEquals(4, coverage.size(), "two districts × two years");
    assertEquals("341502", coverage.get(0).child(0).text());
    assertTrue(coverage.get(3).text().contains("7 / 8"), coverage.get(3).text()); // 裕安区 2018: the zone is missing
    assertEquals(4, doc.select("article.district").size());
    Element yuan18 = doc.getElementById("d-341503-2018");
    assertTrue(yuan18 != null);
    assertEquals(5, yuan18.select("figure").size(), "one chart per family");
    assertEquals(5, yuan18.select("svg line.median").size() - 4, "nine medians: 1 + 2 + 2 + 2 + 2");
    assertTrue(yuan18.select("table.totals").text().contains("其他渠道公开信息数"));
    // 1000+ is a lower bound: the sum is one too
    String totals = yuan18.select("table.totals").text();
    assertTrue(totals.matches("(?s).*其他渠道公开信息数 \\d+\\+.*"), totals);
    // findings: errors first, then warnings, then info
    List<String> severities = doc.select("table.findings tbody tr td:first-child").eachText();
    assertTrue(severities.contains("错误") && severities.contains("警告") && severities.contains("提示"), severities.toString());
    List<String> sorted = new ArrayList<>(severities);
    sorted.sort((a, b) -> order(a) - order(b));
    assertEquals(sorted, severities);
    assertTrue(doc.select("table.findings").text().contains("HOTLINE_RESPONDED_GT_RECEIVED"));
  }

  private static int order(String label) {
    return switch (label) {
      case "错误" -> 0;
      case "警告" -> 1;
      default -> 2;
    };
  }

  @Test
  void deterministicAndSerializable() throws Exception {
    List<HtmlReport.Section> sections = HtmlReportFixture.sections();
    List<HtmlReport.Section> copies = new ArrayList<>();
    for (HtmlReport.Section s : sections) {
      copies.add(WideTableTest.roundTrip(s));
    }
    String a = HtmlReport.render("j", "2026-03-01", sections);
    String b = HtmlReport.render("j", "2026-03-01", List.of(copies.get(1), copies.get(0)));
    assertEquals(a, b, "same page whatever the order of sections, after serialisation");
  }

  /** 300 districts of three townships, most with three errors in 2018: the page caps itself. */
  @Test
  void nationalScaleIsCapped() throws Exception {
    List<String> districts = HtmlReportFixture.districtCodes(300);
    Gazetteer gaz = HtmlReportFixture.gazetteer(districts, 3);
    List<HtmlReport.Section> sections = new ArrayList<>();
    for (int i = 0; i < districts.size(); i++) {
      String d = districts.get(i);
      List<Observation> winners = new ArrayList<>();
      List<Finding> findings = new ArrayList<>();
      for (int year : List.of(2017, 2018)) {
        for (int t = 0; t < 3; t++) {
          winners.add(Obs.of(year, d + "10" + t, "hotline_cases", 10 + t));
        }
      }
      if (i % 4 != 0) { // three districts in four have errors in 2018
        for (int t = 0; t < 3; t++) {
          findings.add(new Finding("OUTCOMES_SUM", Severity.ERROR, "township", d + "10" + t, d, 2018,
              "applications_completed", "<b>x</b>", "f line 1", 5L, 4L));
        }
      }
      findings.add(new Finding("ESTIMATED_VALUE", Severity.INFO, "township", d + "100", d, 2017, "hotline_cases", "m",
          "e", 10L, null));
      List<RollupRow> rollup = Rollups.rollUp("district", d, Rollups.shares(winners, HtmlReportFixture.CATALOG), gaz,
          HtmlReportFixture.CATALOG);
      sections.add(HtmlReport.section(d, null, gaz, HtmlReportFixture.CATALOG, rollup, winners, findings));
    }
    String html = HtmlReport.render("national", "2026-03-01", sections);
    Path out = Path.of("target", "html-report-test", "national.html");
    Files.createDirectories(out.getParent());
    Files.writeString(out, html, StandardCharsets.UTF_8);
    Document doc = Jsoup.parse(html);
    assertEquals(HtmlReport.FINDINGS_SHOWN, doc.select("table.findings tbody tr").size());
    Elements rows = doc.select("table.findings tbody tr");
    for (int i = 0; i < rows.size(); i++) {
      assertTrue(rows.get(i).text().startsWith("错误"), "675 errors before the infos: " + i);
    }
    assertTrue(doc.getElementById("findings").text().contains("其余 " + (675 + 300 - 500) + " 条"));
    int details = doc.select("article.district").size();
    assertEquals(HtmlReport.DETAIL_MAX, details);
    assertTrue(doc.getElementById("details").text().contains("此处详列 200 个"), doc.getElementById("details").text());
    // the first 50 district-years by code, then those with errors
    assertTrue(doc.getElementById("d-110101-2017") != null);
    assertTrue(doc.getElementById("d-110102-2018") != null);
    assertTrue(doc.getElementById("d-110401-2018") != null, "beyond the first 50, with errors");
    assertTrue(doc.getElementById("d-110401-2017") == null, "beyond the first 50, no errors");
    assertEquals(600, doc.select("table.coverage tbody tr").size());
    assertTrue(html.length() < 3_000_000, "page size " + html.length());
  }

  /** Districts of 400 townships: the detailed part stops at its township budget, and says so. */
  @Test
  void bigDistrictsAreDetailedWithinTheTownshipBudget() {
    List<Division> divisions = new ArrayList<>();
    List<HtmlReport.Section> sections = new ArrayList<>();
    List<String> districts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String d = String.format("1101%02d", i + 1);
      districts.add(d);
      divisions.add(Gazetteer.division(d, "县" + i, null));
      for (int t = 0; t < 400; t++) {
        divisions.add(Gazetteer.division(d + String.format("%03d", t), "镇" + t, null));
      }
    }
    Gazetteer gaz = Gazetteer.of(divisions);
    for (String d : districts) {
      List<Observation> winners = new ArrayList<>();
      for (int t = 0; t < 400; t++) {
        winners.add(Obs.of(2018, d + String.format("%03d", t), "hotline_cases", t));
      }
      List<Finding> findings = List.of(new Finding("OUTCOMES_SUM", Severity.ERROR, "township", d + "000", d, 2018,
          "applications_completed", "m", "e", 5L, 4L));
      List<RollupRow> rollup = Rollups.rollUp("district", d, Rollups.shares(winners, HtmlReportFixture.CATALOG), gaz,
          HtmlReportFixture.CATALOG);
      sections.add(HtmlReport.section(d, null, gaz, HtmlReportFixture.CATALOG, rollup, winners, findings));
    }
    Document doc = Jsoup.parse(HtmlReport.render("big", "2026-03-01", sections));
    int shown = HtmlReport.DETAIL_TOWNSHIPS / 400;
    assertEquals(shown, doc.select("article.district").size());
    assertEquals(shown, HtmlReport.detailed(sections).size());
    assertTrue(doc.getElementById("details").text().contains("此处详列 " + shown + " 个"));
    assertTrue(doc.getElementById("d-110101-2018") != null);
    assertEquals(40, doc.select("table.coverage tbody tr").size(), "the coverage table still lists every one");
  }

  @Test
  void axisEndsAndTicks() {
    assertEquals(1, HtmlReportChart.niceCeiling(0));
    assertEquals(1, HtmlReportChart.niceCeiling(1));
    assertEquals(5, HtmlReportChart.niceCeiling(4.5));
    assertEquals(10, HtmlReportChart.niceCeiling(9));
    assertEquals(20, HtmlReportChart.niceCeiling(11));
    assertEquals(250, HtmlReportChart.niceCeiling(201));
    assertEquals(1000, HtmlReportChart.niceCeiling(900));
    assertEquals(5, HtmlReportChart.ticks(5));
    assertEquals(4, HtmlReportChart.ticks(8));
    assertEquals(5, HtmlReportChart.ticks(250));
    assertEquals(4, HtmlReportChart.ticks(1000));
    assertEquals(1, HtmlReportChart.ticks(1));
  }

  @Test
  void sectionWithoutDataForAYear() {
    HtmlReport.Section s = HtmlReport.section("341503", List.of(2017, 2018), HtmlReportFixture.GAZ,
        HtmlReportFixture.CATALOG, List.of(), List.of(Obs.of(2018, "341503100", "hotline_cases", 5)), List.of());
    assertEquals(2, s.years().size());
    assertEquals(0, s.year(2017).reporting());
    assertTrue(s.year(2017).charts().isEmpty());
    assertEquals(1, s.year(2018).charts().size());
    assertEquals(5.0, s.year(2018).charts().get(0).series().get(0).median(), "median computed without a rollup row");
    assertEquals("安徽省六安市", s.path());
    String html = HtmlReport.render("j", "d", List.of(s));
    assertTrue(Jsoup.parse(html).select("table.coverage").text().contains("0 / 8"));
  }

  @Test
  void estimatesAreMarkedInCharts() {
    List<Observation> winners = List.of(
        Obs.of(2018, "341503100", "published_total", 1000, Qualifier.LOWER_BOUND, "s", 0, 0, 1),
        Obs.of(2018, "341503103", "published_total", 200, Qualifier.APPROXIMATE, "s", 0, 0, 2),
        Obs.of(2018, "341503104", "published_total", 300, Qualifier.EXACT, "s", 0, 0, 3));
    HtmlReport.Section s = HtmlReport.section("341503", null, HtmlReportFixture.GAZ, HtmlReportFixture.CATALOG,
        List.of(), winners, List.of());
    HtmlReport.Series series = s.year(2018).charts().get(0).series().get(0);
    assertEquals(List.of("1000+", "~200", "300"), series.texts());
    Document doc = Jsoup.parse(HtmlReport.render("j", "d", List.of(s)));
    assertEquals(2, doc.select("svg rect[fill-opacity]").size());
  }
}
