package org.gongkai.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gongkai.SampleData;
import org.gongkai.analysis.DistrictAnalysis;
import org.gongkai.ingest.ReadSink;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.ingest.report.ReportReader;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Reject;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.normalize.RegionResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * REPORT_REUSED on the sample reports: 施桥镇's 2018 report (sample-data/reports/
 * 341502107-2018-shiqiao.txt) is its 2017 report with the year and a few figures changed; no
 * other pair of sample reports of a district is nearly identical.
 */
class AuditSampleReportsTest {
  private static final MetricCatalog CATALOG = MetricCatalog.standard();
  private static final Path REPORTS = SampleData.ROOT.resolve("reports");
  private static final Map<String, List<Observation>> OBSERVATIONS = new TreeMap<>();
  private static final Map<String, List<ReportFingerprint>> FINGERPRINTS = new TreeMap<>();
  private static final List<Reject> REJECTS = new ArrayList<>();

  @BeforeAll
  static void readReports() throws IOException {
    Gazetteer gazetteer = SampleData.gazetteer();
    SourceSpec source = new SourceSpec("reports", 0, SourceSpec.Format.REPORT, REPORTS.toString(), "auto", null, null,
        Map.of(), 0, null);
    ReportReader reader = new ReportReader(source, new RegionResolver(gazetteer), CATALOG, 20L << 20);
    ReadSink sink = new ReadSink() {
      @Override
      public void stated(org.gongkai.model.StatedFigure s) {} // a district's own figures: not what this reads

      @Override
      public void observation(Observation o) {
        OBSERVATIONS.computeIfAbsent(o.townshipCode().substring(0, 6), k -> new ArrayList<>()).add(o);
      }

      @Override
      public void reject(Reject r) {
        REJECTS.add(r);
      }

      @Override
      public void fingerprint(ReportFingerprint f) {
        FINGERPRINTS.computeIfAbsent(f.townshipCode().substring(0, 6), k -> new ArrayList<>()).add(f);
      }
    };
    try (Stream<Path> files = Files.list(REPORTS)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        reader.read(p.toString(), Files.readAllBytes(p), sink);
      }
    }
  }

  private static List<Finding> findings(String district) {
    return DistrictAnalysis.analyse(district, OBSERVATIONS.getOrDefault(district, List.of()),
        FINGERPRINTS.getOrDefault(district, List.of()), SampleData.gazetteer(), CATALOG, AuditConfig.defaults())
        .findings();
  }

  @Test
  void shiqiaoReusedItsReport() {
    List<ReportFingerprint> shiqiao = FINGERPRINTS.get("341502").stream()
        .filter(f -> f.townshipCode().equals("341502107")).sorted(ReuseRules.ORDER).toList();
    assertEquals(2, shiqiao.size(), REJECTS.toString());
    double s = ReportReader.similarity(shiqiao.get(0).minHash(), shiqiao.get(1).minHash());
    assertTrue(s >= AuditConfig.defaults().reuseSimilarity(), "similarity " + s);
    List<Finding> reused = findings("341502").stream().filter(f -> f.rule().equals("REPORT_REUSED")).toList();
    assertEquals(1, reused.size(), reused.toString());
    Finding f = reused.get(0);
    assertEquals("341502107", f.regionCode());
    assertEquals(2018, f.year());
    assertTrue(f.evidence().contains("341502107-2018-shiqiao.txt") && f.evidence().contains("341502107-2017-shiqiao.txt"),
        f.evidence());
    assertTrue(f.message().contains("施桥镇") && f.message().contains("2017 年报告"), f.message());
  }

  @Test
  void noOtherSampleReportIsACopy() {
    for (String district : FINGERPRINTS.keySet()) {
      long reused = findings(district).stream()
          .filter(f -> f.rule().equals("REPORT_REUSED") && !f.regionCode().equals("341502107")).count();
      assertEquals(0, reused, district);
    }
  }

  /** The figures read from the two reports are those of their expected files. */
  @Test
  void shiqiaoFiguresAsExpected() throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (int year : List.of(2017, 2018)) {
      String name = "341502107-" + year + "-shiqiao.txt";
      JsonNode expected = json.readTree(REPORTS.resolve("expected").resolve(name + ".json").toFile());
      Map<String, Long> want = new TreeMap<>();
      expected.get("figures").fields().forEachRemaining(e -> want.put(e.getKey(), e.getValue().get("value").asLong()));
      Map<String, Long> got = new TreeMap<>();
      OBSERVATIONS.get("341502").stream().filter(o -> o.sourceFile().endsWith(name))
          .forEach(o -> got.put(o.metric(), o.value()));
      assertEquals(want, got, name);
    }
  }
}
