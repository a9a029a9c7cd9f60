package org.gongkai.ingest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.model.StatedFigure;
import org.junit.jupiter.api.Test;

/**
 * A district government's report is the district's own stated figures (with whether it says it
 * covers the townships); a department's report is rejected, saying why.
 */
class RegionReportsTest {
  private static final Path DIR = Path.of("src/test/resources/hierarchy/reports");

  private static ReportFixtures.Collect read(String name) throws Exception {
    ReportFixtures.Collect sink = new ReportFixtures.Collect();
    Path p = DIR.resolve(name);
    ReadCounts c = ReportFixtures.reader().read(p.toString(), Files.readAllBytes(p), sink);
    sink.counts = c;
    return sink;
  }

  private static Map<String, String> figures(ReportFixtures.Collect sink) {
    Map<String, String> out = new TreeMap<>();
    for (StatedFigure s : sink.stated) {
      out.put(s.observation().metric(), s.observation().value() + " " + s.observation().qualifier().code());
    }
    return out;
  }

  @Test
  void aTemplateDistrictReportIsTheDistrictsOwnFigures() throws Exception {
    ReportFixtures.Collect sink = read("yuan-2023.txt");
    assertTrue(sink.observations.isEmpty(), "no township figure: " + sink.observations);
    assertTrue(sink.rejects.isEmpty(), sink.rejects.toString());
    assertTrue(sink.fingerprints.isEmpty(), "REPORT_REUSED compares townships' reports only");
    assertEquals(1, sink.counts.accepted());
    assertEquals(sink.stated.size(), sink.counts.observations());
    for (StatedFigure s : sink.stated) {
      assertEquals("341503", s.regionCode());
      assertEquals(2023, s.observation().year());
      assertEquals("全区", s.coverage(), "the report speaks of 全区");
    }
    Map<String, String> f = figures(sink);
    assertEquals("300 exact", f.get("published_total"));
    assertEquals("12 exact", f.get("applications_received"));
    assertEquals("12 exact", f.get("applications_completed"));
    assertEquals("25 exact", f.get("policy_interpretations"));
  }

  @Test
  void aProseDistrictReportReadsItsWholeDistrictFigures() throws Exception {
    ReportFixtures.Collect sink = read("jinan-2018.txt");
    assertTrue(sink.observations.isEmpty(), sink.observations.toString());
    Map<String, String> f = figures(sink);
    // 全区各乡镇人民政府、街道办事处…共主动公开 is the district's own figure, not a higher body's.
    assertEquals("1200 exact", f.get("published_total"));
    assertEquals("980 exact", f.get("published_website"));
    assertEquals("5 exact", f.get("applications_received"));
    assertEquals("120 exact", f.get("hotline_cases"));
    assertEquals("341502", sink.stated.get(0).regionCode());
    assertEquals("全区", sink.stated.get(0).coverage());
  }

  @Test
  void aDepartmentsReportIsRejectedSayingWhy() throws Exception {
    ReportFixtures.Collect sink = read("yuan-jiaoyuju-2023.txt");
    assertTrue(sink.stated.isEmpty() && sink.observations.isEmpty());
    assertEquals(1, sink.rejects.size());
    assertEquals("DEPARTMENT_REPORT", sink.rejects.get(0).reasonCode());
    assertEquals("'裕安区教育局' 是裕安区的部门（教育局）的报告：部门的数字既不是区县或地市本身的，也不是乡镇的，未读取",
        sink.rejects.get(0).reason());
  }

  @Test
  void coverageIsWhatTheReportSays() {
    assertEquals("含各乡镇（街道）", RegionReports.coverage("本报告数据含各乡镇（街道）及区直部门。"));
    assertEquals("包括各街道", RegionReports.coverage("统计范围包括各街道。"));
    assertEquals("全县", RegionReports.coverage("2015年，全县共主动公开信息。"));
    assertNull(RegionReports.coverage("区政府本级主动公开政府信息120条。"));
  }
}
