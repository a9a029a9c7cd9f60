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
import org.gongkai.pipeline.InputFile;
import org.gongkai.pipeline.Inputs;
import org.gongkai.pipeline.JobFileReader;
import org.gongkai.pipeline.JobSpec;
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
  void printAll() {
    System.out.println(dump());
  }
}
