package org.gongkai.ingest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.ingest.EncodingDetector;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of (metric, value, qualifier) over the real public reports in
 * src/test/resources/corpus/real/ against their hand-checked truth.jsonl, scored as that
 * corpus's README says: a figure read with a value the truth lists as {@code ambiguous} is
 * neither right nor wrong; a derived figure counts only where the truth states its metric; a
 * metric the truth does not state is a false figure when read; the catalog's metrics outside the
 * corpus's 18 ({@link #SCORED}) are not scored. Prints a table of every file's
 * misses and false figures. Rerun: {@code mvn -B -o -q test -Dtest=RealCorpusScoreTest}.
 */
class RealCorpusScoreTest {
  static final Path CORPUS = Path.of("src/test/resources/corpus/real");
  static final double MIN_PRECISION = 0.97;
  static final double MIN_RECALL = 0.95;

  /** The metrics the corpus's truth covers (its README); the catalog's others are not scored. */
  static final Set<String> SCORED = Set.of("published_total", "published_website", "published_other",
      "policy_interpretations", "key_area_items", "applications_received", "applications_carried_over_in",
      "applications_granted", "applications_partially_granted", "applications_denied",
      "applications_carried_over_out", "hotline_cases", "hotline_cases_responded", "npc_suggestions",
      "cppcc_proposals", "admin_reconsiderations", "lawsuits", "regulatory_docs_issued");

  /** The score of one file. */
  record FileScore(String file, int right, int read, int stated, List<String> missed, List<String> wrong) {}

  /** What the truth states for one report: metric → "value qualifier", and the ambiguous values. */
  record Truth(String file, int year, Map<String, String> figures, Set<Long> ambiguous) {}

  static List<Truth> truths() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Truth> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(CORPUS.resolve("truth.jsonl"))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode o = json.readTree(line);
        Map<String, String> figures = new LinkedHashMap<>();
        o.get("figures").fields().forEachRemaining(f -> {
          JsonNode v = f.getValue();
          figures.put(f.getKey(), v.isObject()
              ? v.get("value").asLong() + " " + v.get("qualifier").asText()
              : v.asLong() + " exact");
        });
        Set<Long> ambiguous = new HashSet<>();
        o.get("ambiguous").forEach(a -> {
          JsonNode v = a.get("value");
          ambiguous.add(v.isObject() ? v.get("value").asLong() : v.asLong());
        });
        out.add(new Truth(o.get("file").asText(), o.get("report_year").asInt(), figures, ambiguous));
      }
    }
    return out;
  }

  static FileScore score(Truth t, List<Figure> figures) {
    int right = 0;
    int read = 0;
    List<String> wrong = new ArrayList<>();
    Set<String> found = new HashSet<>();
    for (Figure f : figures) {
      String stated = t.figures().get(f.metric());
      if (!SCORED.contains(f.metric()) || f.derived() && stated == null) {
        continue;
      }
      String got = f.value() + " " + f.qualifier().code();
      if (got.equals(stated)) {
        right++;
        read++;
        found.add(f.metric());
      } else if (!t.ambiguous().contains(f.value())) {
        read++;
        wrong.add(f.metric() + "=" + got + (stated == null ? "" : " (truth " + stated + ")")
            + " «" + f.evidence() + "»");
      }
    }
    List<String> missed = new ArrayList<>();
    t.figures().forEach((m, v) -> {
      if (!found.contains(m)) {
        missed.add(m + "=" + v);
      }
    });
    return new FileScore(t.file(), right, read, t.figures().size(), missed, wrong);
  }

  static ExtractedReport extract(Truth t) throws IOException {
    Path file = CORPUS.resolve(t.file());
    String text = EncodingDetector.decode(Files.readAllBytes(file), "auto").text();
    return ReportFixtures.extract(ReportExtractor.text(file.getFileName().toString(), text), t.year());
  }

  @Test
  void precisionAndRecallOverTheRealReports() throws IOException {
    List<Truth> truths = truths();
    assertEquals(43, truths.size(), "the real corpus has 43 reports");
    int right = 0;
    int read = 0;
    int stated = 0;
    StringBuilder table = new StringBuilder();
    for (Truth t : truths) {
      FileScore s = score(t, extract(t).figures());
      right += s.right();
      read += s.read();
      stated += s.stated();
      if (!s.missed().isEmpty() || !s.wrong().isEmpty()) {
        table.append(String.format("  %-48s right %d/%d read %d%n", s.file(), s.right(), s.stated(), s.read()));
        s.missed().forEach(m -> table.append("      missed ").append(m).append('\n'));
        s.wrong().forEach(w -> table.append("      false  ").append(w).append('\n'));
      }
    }
    double precision = read == 0 ? 0 : (double) right / read;
    double recall = stated == 0 ? 0 : (double) right / stated;
    System.out.printf("Real reports: %d reports, %d stated figures, %d read, %d right: precision %.3f, recall %.3f%n%s",
        truths.size(), stated, read, right, precision, recall, table);
    assertTrue(precision >= MIN_PRECISION, String.format("precision %.3f below %.2f%n%s", precision, MIN_PRECISION, table));
    assertTrue(recall >= MIN_RECALL, String.format("recall %.3f below %.2f%n%s", recall, MIN_RECALL, table));
  }

  @Test
  void theScorerCountsAmbiguousAndDerivedFiguresAsTheCorpusSays() {
    Truth t = new Truth("x", 2020, Map.of("published_total", "10 exact", "lawsuits", "0 exact"), Set.of(7L));
    FileScore s = score(t, List.of(
        new Figure("published_total", 10, org.gongkai.model.Qualifier.EXACT, false, "e", 0),
        new Figure("published_website", 7, org.gongkai.model.Qualifier.EXACT, false, "e", 0),
        new Figure("published_other", 3, org.gongkai.model.Qualifier.EXACT, true, "e", 0),
        new Figure("lawsuits", 0, org.gongkai.model.Qualifier.LOWER_BOUND, false, "e", 0),
        new Figure("hotline_cases", 5, org.gongkai.model.Qualifier.EXACT, false, "e", 0),
        new Figure("rules_issued", 0, org.gongkai.model.Qualifier.EXACT, false, "e", 0)));
    assertEquals(1, s.right());
    assertEquals(3, s.read(), "ambiguous 7, the derived figure of an unstated metric and an unscored metric are not read");
    assertEquals(List.of("lawsuits=0 exact"), s.missed());
  }
}
