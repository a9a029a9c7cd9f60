package org.gongkai.ingest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.gongkai.model.Observation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same sample reports as .docx, .doc, the PDF LibreOffice exports from the .docx and the
 * PDF Chromium prints (sample-data/reports/documents/, made by scripts/make-report-fixtures)
 * give exactly the figures expected of the text or HTML report they were made from, each with
 * a locator that names its page, paragraph or table row.
 */
class ReportDocumentsCorpusTest {
  static final Path DOCUMENTS = ReportFixtures.REPORTS.resolve("documents");

  static List<Path> documents() throws IOException {
    try (Stream<Path> s = Files.list(DOCUMENTS)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** 341503104-2019-dushan.html.word.pdf → 341503104-2019-dushan.html */
  static String sourceName(Path document) {
    String n = document.getFileName().toString();
    return n.replaceFirst("\\.(docx|doc|word\\.pdf|chromium\\.pdf)$", "");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void aDocumentGivesTheFiguresOfItsReport(Path document) throws IOException {
    String source = sourceName(document);
    JsonNode e = new ObjectMapper().readTree(ReportFixtures.REPORTS.resolve("expected").resolve(source + ".json").toFile());
    ReportFixtures.Collect c = ReportFixtures.read(ReportFixtures.reader(), document.toString(), Files.readAllBytes(document));
    assertEquals(1, c.counts.accepted(), document + " rejected: " + c.rejects);
    Set<String> got = new TreeSet<>();
    for (Observation o : c.observations) {
      assertEquals(e.get("region").asText(), o.townshipCode(), document.toString());
      assertEquals(e.get("year").asInt(), o.year(), document.toString());
      got.add(o.metric() + "=" + o.value() + " " + o.qualifier().code() + (o.derived() ? " derived" : ""));
      assertTrue(o.locator().matches("page \\d+ (line|table \\d+ row) \\d+|paragraph \\d+|table \\d+ row \\d+"),
          o.metric() + " at " + o.locator());
      assertTrue(!o.evidence().isBlank(), o.metric() + " has no evidence");
    }
    Set<String> want = new TreeSet<>();
    e.get("figures").fields().forEachRemaining(f -> want.add(f.getKey() + "=" + f.getValue().get("value").asLong() + " "
        + f.getValue().get("qualifier").asText() + (f.getValue().get("derived").asBoolean() ? " derived" : "")));
    assertEquals(want, got, document.toString());
  }
}
