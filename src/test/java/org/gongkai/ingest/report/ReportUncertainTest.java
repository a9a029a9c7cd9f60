package org.gongkai.ingest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongkai.model.Notice;
import org.gongkai.publish.Manifest;
import org.junit.jupiter.api.Test;

/** Uncertain figures: not observations, said as a notice each, counted per file and per source in the manifest. */
class ReportUncertainTest {
  static final String REPORT = "六安市裕安区江家店镇2020年政府信息公开工作年度报告\n"
      + "一、主动公开情况\n全年主动公开政府信息88条。在镇官方微博发布防汛信息35条。\n";

  @Test
  void theReaderEmitsNoObservationForAnUncertainCountAndSaysItOnce() throws Exception {
    List<Notice> notices = new ArrayList<>();
    ReportFixtures.Collect c = new ReportFixtures.Collect() {
      @Override
      public void notice(Notice n) {
        notices.add(n);
      }
    };
    c.counts = ReportFixtures.reader().read("jiangjiadian-2020.txt", REPORT.getBytes(StandardCharsets.UTF_8), c);
    assertEquals(1, c.counts.accepted());
    assertEquals(1, c.counts.observations());
    assertEquals(88, c.get("published_total").value());
    assertEquals(1, c.counts.uncertain());
    assertEquals(1, notices.size());
    Notice n = notices.get(0);
    assertEquals(Notice.FIGURE_UNCERTAIN, n.code());
    assertTrue(n.message().contains("35") && n.message().contains("防汛信息") && n.message().contains("published_other"), n.message());
    assertTrue(n.evidence().contains("发布防汛信息35条"), n.evidence());
  }

  @Test
  void theManifestCountsUncertainFiguresPerReportSource() throws Exception {
    Manifest m = new Manifest("job", "job.yaml", "test", "DirectRunner", Map.of(), "2026-01-01T00:00:00Z");
    m.file("reports", 0, "report", "a.txt", 10, "x", 1, 1, 0, 3, "UTF-8", List.of(), 0, 2);
    m.file("reports", 0, "report", "b.txt", 10, "y", 1, 1, 0, 3, "UTF-8", List.of(), 0, 1);
    m.file("records", 1, "csv", "c.csv", 10, "z", 4, 4, 0, 4, "UTF-8", List.of());
    JsonNode sources = new ObjectMapper().readTree(m.toJson(List.of(), "2026-01-01T00:00:01Z")).get("sources");
    assertEquals(3, sources.get(0).get("uncertain_figures").asLong());
    assertTrue(sources.get(1).get("uncertain_figures") == null, "only report sources have uncertain figures");
  }
}
