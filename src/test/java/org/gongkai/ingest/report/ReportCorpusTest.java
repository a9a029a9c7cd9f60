package org.gongkai.ingest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.gongkai.model.Observation;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of (metric, value, qualifier) over the report corpus in
 * sample-data/reports/ against the hand-written expectations in sample-data/reports/expected/.
 * Both must stay at 0.98 or above. Rerun: {@code mvn -B test -Dtest=ReportCorpusTest}.
 */
class ReportCorpusTest {
  static final double THRESHOLD = 0.98;

  static List<Path> corpus() throws IOException {
    try (Stream<Path> s = Files.list(ReportFixtures.REPORTS)) {
      return s.filter(p -> {
            String n = p.getFileName().toString();
            return Files.isRegularFile(p) && (n.endsWith(".txt") || n.matches(".*\\.html?$"));
          })
          .sorted()
          .toList();
    }
  }

  @Test
  void precisionAndRecallOverTheCorpus() throws IOException {
    ObjectMapper json = new ObjectMapper();
    ReportReader reader = ReportFixtures.reader();
    List<Path> files = corpus();
    assertTrue(files.size() >= 16, "the corpus has the seed and at least 15 reports: " + files.size());
    int tp = 0;
    int extracted = 0;
    int expected = 0;
    int derivedMismatch = 0;
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      Path exp = ReportFixtures.REPORTS.resolve("expected").resolve(name + ".json");
      assertTrue(Files.exists(exp), "no expectation for " + name);
      JsonNode e = json.readTree(exp.toFile());
      ReportFixtures.Collect c = ReportFixtures.read(reader, file.toString(), Files.readAllBytes(file));
      if (c.counts.accepted() != 1) {
        problems.add(name + ": rejected " + c.rejects);
      }
      Set<String> got = new TreeSet<>();
      Set<String> gotDerived = new TreeSet<>();
      for (Observation o : c.observations) {
        assertEquals(e.get("region").asText(), o.townshipCode(), name);
        assertEquals(e.get("year").asInt(), o.year(), name);
        got.add(o.metric() + "=" + o.value() + " " + o.qualifier().code());
        gotDerived.add(o.metric() + (o.derived() ? " derived" : ""));
      }
      Set<String> want = new TreeSet<>();
      Set<String> wantDerived = new TreeSet<>();
      e.get("figures").fields().forEachRemaining(f -> {
        want.add(f.getKey() + "=" + f.getValue().get("value").asLong() + " " + f.getValue().get("qualifier").asText());
        wantDerived.add(f.getKey() + (f.getValue().get("derived").asBoolean() ? " derived" : ""));
      });
      Set<String> hit = new TreeSet<>(got);
      hit.retainAll(want);
      tp += hit.size();
      extracted += got.size();
      expected += want.size();
      Set<String> extra = new TreeSet<>(got);
      extra.removeAll(want);
      Set<String> missed = new TreeSet<>(want);
      missed.removeAll(got);
      if (!extra.isEmpty() || !missed.isEmpty()) {
        problems.add(name + ": extra " + extra + " missed " + missed);
      }
      Set<String> d = new TreeSet<>(gotDerived);
      d.removeAll(wantDerived);
      derivedMismatch += d.size();
      if (!d.isEmpty()) {
        problems.add(name + ": derived flag differs for " + d);
      }
      ExtractedReport r = ReportFixtures.extract(ReportExtractor.text(name,
          org.gongkai.ingest.EncodingDetector.decode(Files.readAllBytes(file), "auto").text()));
      assertEquals(e.get("format").asText(), r.format(), name);
      if (e.has("layout")) {
        assertEquals(e.get("layout").asText(), r.layout(), name);
      }
    }
    double precision = extracted == 0 ? 0 : (double) tp / extracted;
    double recall = expected == 0 ? 0 : (double) tp / expected;
    System.out.printf("Report corpus: %d reports, %d expected figures, %d extracted, %d correct: precision %.3f, recall %.3f%n",
        files.size(), expected, extracted, tp, precision, recall);
    problems.forEach(p -> System.out.println("  " + p));
    assertTrue(precision >= THRESHOLD, "precision " + precision + " below " + THRESHOLD + ": " + problems);
    assertTrue(recall >= THRESHOLD, "recall " + recall + " below " + THRESHOLD + ": " + problems);
    assertEquals(0, derivedMismatch, problems.toString());
  }

  @Test
  void theUnresolvableReportsAreRejectedWithAReason() throws IOException {
    ReportReader reader = ReportFixtures.reader();
    List<String> codes = new ArrayList<>();
    try (Stream<Path> s = Files.list(ReportFixtures.REPORTS.resolve("unresolvable"))) {
      for (Path p : s.sorted().toList()) {
        ReportFixtures.Collect c = ReportFixtures.read(reader, p.toString(), Files.readAllBytes(p));
        assertEquals(1, c.counts.rejected(), p.toString());
        assertFalse(c.rejects.get(0).reason().isBlank());
        codes.add(c.rejects.get(0).reasonCode());
      }
    }
    assertEquals(List.of("UNKNOWN_REGION", "MISSING_YEAR", "AMBIGUOUS_REGION"), codes);
  }
}
