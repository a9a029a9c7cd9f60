package org.gongkai.ingest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code gongkai extract}: JSON Lines, one object per report, the same extraction as the pipeline. */
class ReportExtractCommandTest {
  record Run(int exit, List<JsonNode> lines, String err) {}

  static Run run(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = ExtractCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).map(l -> {
      try {
        return json.readTree(l);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + l, e);
      }
    }).toList();
    return new Run(exit, lines, err.toString(StandardCharsets.UTF_8));
  }

  static final String SEED = "sample-data/reports/341503111-2018-jiangjiadian.txt";

  @Test
  void withAGazetteerTheRegionIsResolved() throws Exception {
    Run r = run("--gazetteer", "sample-data/gazetteer.csv", SEED, "sample-data/reports/341504102-2021-sanyuan.html");
    assertEquals(0, r.exit(), r.err());
    assertEquals(2, r.lines().size());
    JsonNode seed = r.lines().get(0);
    assertEquals(SEED, seed.get("file").asText());
    assertEquals("341503111", seed.get("region").get("code").asText());
    assertEquals("江家店镇", seed.get("region").get("name").asText());
    assertEquals("裕安区", seed.get("region").get("district").asText());
    assertEquals(2018, seed.get("year").asInt());
    assertEquals("prose", seed.get("format").asText());
    JsonNode total = seed.get("figures").get("published_total");
    assertEquals(1786, total.get("value").asLong());
    assertEquals("lower_bound", total.get("qualifier").asText());
    assertTrue(total.get("derived").asBoolean());
    assertTrue(total.get("offset").isNumber() && total.get("evidence").isTextual());
    assertEquals("template", r.lines().get(1).get("format").asText());
  }

  @Test
  void thePublicationDateSectionsAndTextAgainstTable() throws Exception {
    String planted = "src/test/resources/corpus/reportfacts/";
    Run r = run(SEED, planted + "341502105-2021-no-legal.txt", planted + "341502108-2020-text-contradicts.txt");
    assertEquals(0, r.exit(), r.err());
    JsonNode seed = r.lines().get(0);
    assertEquals("2019-02-20", seed.get("published_on").asText());
    assertEquals("page", seed.get("published_where").asText());
    assertEquals("offset 30", seed.get("published_locator").asText());
    JsonNode noLegal = r.lines().get(1);
    assertTrue(noLegal.get("published_on").isNull());
    assertEquals("[\"overview\",\"published\",\"applications\",\"problems\",\"other\"]", noLegal.get("sections_found").toString());
    assertEquals("[\"legal\"]", noLegal.get("sections_missing").toString());
    assertEquals("[]", noLegal.get("tables_missing").toString());
    JsonNode m = r.lines().get(2).get("text_table_mismatches").get(0);
    assertEquals("applications_received", m.get("metric").asText());
    assertEquals("9", m.get("text_value").asText());
    assertEquals(4, m.get("table_value").asLong());
    assertEquals("offset 712", m.get("table_locator").asText());
  }

  @Test
  void withoutAGazetteerTheNameIsAsStatedAndFiguresArePrintedEvenWithoutRegion() throws Exception {
    Run r = run(SEED, "sample-data/reports/unresolvable/no-title.txt");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.lines().get(0).get("region").get("code").isNull());
    assertEquals("六安市裕安区江家店镇", r.lines().get(0).get("region").get("name").asText());
    JsonNode noTitle = r.lines().get(1);
    assertTrue(noTitle.get("year").isNull());
    assertEquals(300, noTitle.get("figures").get("published_total").get("value").asLong());
    assertTrue(noTitle.get("warnings").toString().contains("no title"));
  }

  @Test
  void countsWhoseMetricCannotBeToldAreListedAsUncertainWithTheirEvidence() throws Exception {
    String file = "src/test/resources/corpus/real/reports/20_lizhou-hexijiedao_2019.txt";
    Run r = run(file);
    assertEquals(0, r.exit(), r.err());
    JsonNode report = r.lines().get(0);
    assertTrue(report.get("figures").get("published_other") == null, "a channel among several is not published_other");
    JsonNode u = report.get("uncertain");
    assertEquals(1, u.size(), u.toString());
    assertEquals(92, u.get(0).get("value").asLong());
    assertEquals("published_other", u.get(0).get("candidates").get(0).asText());
    assertTrue(u.get(0).get("evidence").asText().contains("分别发布各类信息92条"), u.toString());
    assertTrue(u.get(0).get("reason").asText().contains("渠道"), u.toString());
    assertEquals(0, run(SEED).lines().get(0).get("uncertain").size());
  }

  @Test
  void exitCodes() throws Exception {
    assertEquals(2, run().exit());
    assertEquals(2, run("--gazetteer").exit());
    assertEquals(2, run("--bogus", SEED).exit());
    assertEquals(2, run("--gazetteer", "no/such/gazetteer.csv", SEED).exit());
    Run missing = run(SEED, "no/such/report.txt");
    assertEquals(1, missing.exit());
    assertEquals(1, missing.lines().size());
    assertTrue(missing.err().contains("no/such/report.txt"));
  }
}
