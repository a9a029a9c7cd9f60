package org.gongkai.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongkai.analysis.DistrictAnalysis;
import org.gongkai.ingest.CsvReader;
import org.gongkai.ingest.FormatReader;
import org.gongkai.ingest.JsonLinesReader;
import org.gongkai.ingest.ReadSink;
import org.gongkai.ingest.RecordNormalizer;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Reject;
import org.gongkai.normalize.RegionResolver;
import org.gongkai.job.InputFile;
import org.gongkai.job.Inputs;
import org.gongkai.job.JobFileReader;
import org.gongkai.job.JobSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The findings planted in sample-data/ (see sample-data/README.md) come out of the structured
 * sources of the sample job, read and analysed as the pipeline does it, district by district.
 */
class AuditSampleDataTest {
  private static final MetricCatalog CATALOG = MetricCatalog.standard();
  private static final Map<String, List<Finding>> FINDINGS = new TreeMap<>();

  @BeforeAll
  static void analyseSample() throws IOException {
    JobSpec job = JobFileReader.read(java.nio.file.Path.of("pipelines/sample.yaml"));
    Gazetteer gazetteer = Inputs.gazetteer(job.gazetteer());
    RegionResolver resolver = new RegionResolver(gazetteer);
    Map<String, List<Observation>> byDistrict = new TreeMap<>();
    ReadSink sink = new ReadSink() {
      @Override
      public void stated(org.gongkai.model.StatedFigure s) {} // a district's own figures: not what this reads

      @Override
      public void observation(Observation o) {
        byDistrict.computeIfAbsent(o.townshipCode().substring(0, 6), k -> new ArrayList<>()).add(o);
      }

      @Override
      public void reject(Reject r) {}
    };
    for (InputFile f : Inputs.list(job)) {
      SourceSpec s = f.source();
      RecordNormalizer normalizer = new RecordNormalizer(s, resolver, job.limits().maxRecordBytes());
      FormatReader reader = switch (s.format()) {
        case CSV -> new CsvReader(s, normalizer, CATALOG);
        case JSONL -> new JsonLinesReader(s, normalizer, CATALOG);
        default -> null; // reports: read by their own reader, tested with the report extraction
      };
      if (reader != null) {
        reader.read(f.path(), Inputs.readAll(f.path()), sink);
      }
    }
    byDistrict.forEach((code, obs) -> FINDINGS.put(code,
        DistrictAnalysis.analyse(code, obs, List.of(), gazetteer, CATALOG, job.audit()).findings()));
  }

  private static List<Finding> of(String district, String rule, String township, int year) {
    return FINDINGS.getOrDefault(district, List.of()).stream()
        .filter(f -> f.rule().equals(rule) && f.regionCode().equals(township) && f.year() == year)
        .toList();
  }

  private static Finding one(String rule, String township, int year, String metric) {
    List<Finding> found = of(township.substring(0, 6), rule, township, year).stream()
        .filter(f -> metric == null || metric.equals(f.metric()))
        .toList();
    assertEquals(1, found.size(), rule + " " + township + " " + year + ": " + found + "\nall: " + dump());
    return found.get(0);
  }

  private static String dump() {
    StringBuilder b = new StringBuilder();
    FINDINGS.values().forEach(l -> l.forEach(f -> b.append(f.severity().code()).append(' ').append(f.rule()).append(' ')
        .append(f.regionCode()).append(' ').append(f.year()).append(' ').append(f.metric()).append(' ')
        .append(f.message()).append(" | ").append(f.evidence()).append('\n')));
    return b.toString();
  }

  @Test
  void plantedErrors() {
    Finding hotline = one("HOTLINE_RESPONDED_GT_RECEIVED", "341503104", 2018, "hotline_cases_responded");
    assertEquals(45L, hotline.value());
    assertEquals(40L, hotline.referenceValue());
    assertTrue(hotline.message().contains("独山镇"), hotline.message());
    assertTrue(hotline.evidence().contains("yuan-district-2017-2018.csv line"), hotline.evidence());
    Finding part = one("PART_EXCEEDS_TOTAL", "341503102", 2018, "published_website");
    assertEquals(350L, part.value());
    assertEquals(300L, part.referenceValue());
    Finding balance = one("APPLICATION_BALANCE", "341503103", 2018, null);
    assertEquals(6L, balance.value());
    assertEquals(5L, balance.referenceValue());
    Finding outcomes = one("OUTCOMES_SUM", "341503105", 2018, "applications_completed");
    assertEquals(5L, outcomes.value());
    assertEquals(4L, outcomes.referenceValue());
    // Not planted but in the export: 固镇镇 2017 states 网站公开 ４２１ (full-width) of 287 in all.
    one("PART_EXCEEDS_TOTAL", "341503108", 2017, "published_website");
    long errors = FINDINGS.values().stream().flatMap(List::stream).filter(f -> f.severity() == Severity.ERROR).count();
    assertEquals(5, errors, dump());
  }

  @Test
  void plantedWarnings() {
    Finding conflict = one("CORRECTED_FIGURE", "341503100", 2018, "hotline_cases");
    assertEquals(112L, conflict.value());
    assertEquals(120L, conflict.referenceValue());
    assertTrue(conflict.message().contains("yuan_corrections") && conflict.message().contains("优先级 10"),
        conflict.message());
    one("MISSING_REPORT", "341503200", 2018, null);
    one("MISSING_REPORT", "341503201", 2018, null);
    assertTrue(of("341503", "MISSING_REPORT", "341503111", 2017).isEmpty(), "江家店镇 reported in 2017");
    Finding outlier = one("OUTLIER", "341503106", 2018, "policy_interpretations");
    assertEquals(900L, outlier.value());
    // 丁集镇's 2018: all items published 150 → 860, a jump; its website items 100 → 800 are 8 times
    // too, but 裕安区's website figures swing widely from 2017 to 2018 (robust z of the change 2.8):
    // the township-year is named once, by its total.
    Finding jump = one("YOY_JUMP", "341503107", 2018, "published_total");
    assertEquals(860L, jump.value());
    assertEquals(150L, jump.referenceValue());
    assertTrue(of("341503", "YOY_JUMP", "341503107", 2018).stream().noneMatch(f -> "published_website".equals(f.metric())));
    Finding carry = one("CARRYOVER_MISMATCH", "341503109", 2018, "applications_carried_over_in");
    assertEquals(0L, carry.value());
    assertEquals(2L, carry.referenceValue());
    // 六安经济开发区 never reports in 金安区's file: a missing report each year, with the zone note.
    Finding zone = one("MISSING_REPORT", "341502400", 2018, null);
    assertTrue(zone.message().contains("开发区"), zone.message());
  }

  @Test
  void plantedEstimates() {
    Finding lower = one("ESTIMATED_VALUE", "341503111", 2018, "published_other");
    assertEquals(1000L, lower.value());
    assertTrue(lower.evidence().contains("1000余条"), lower.evidence());
    one("ESTIMATED_VALUE", "341503110", 2018, "published_other");
    one("ESTIMATED_VALUE", "341503110", 2018, "published_total");
    one("ESTIMATED_VALUE", "341502004", 2017, "hotline_cases");
  }

  @Test
  void findingsComeInOrder() {
    for (List<Finding> list : FINDINGS.values()) {
      List<Finding> sorted = new ArrayList<>(list);
      sorted.sort(AuditRules.order(CATALOG));
      assertEquals(sorted, list);
    }
  }
}
