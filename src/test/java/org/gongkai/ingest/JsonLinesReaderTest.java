package org.gongkai.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gongkai.ingest.SourceSpec.Format;
import org.gongkai.model.Qualifier;
import org.junit.jupiter.api.Test;

class JsonLinesReaderTest {
  private static final SourceSpec SPEC = Sources.spec(Format.JSONL, "auto", null, null, Map.of());

  @Test
  void readsTheSampleFile() throws Exception {
    Collector sink = new Collector();
    ReadCounts c = Sources.jsonl(SPEC, Files.readAllBytes(Path.of("sample-data/jinan-district-2017-2018.jsonl")), sink);
    assertEquals(39, c.read());
    assertEquals(36, c.accepted());
    assertEquals(3, c.rejected());
    assertEquals(215, sink.only("341502001", 2017, "published_total").value(), "nested figures object");
    var approx = sink.only("341502004", 2017, "published_total");
    assertEquals(500, approx.value());
    assertEquals(Qualifier.APPROXIMATE, approx.qualifier());
    assertEquals(Qualifier.LOWER_BOUND, sink.only("341502004", 2017, "hotline_cases").qualifier());
    assertEquals(20, sink.only("341502004", 2017, "policy_interpretations").value());
    assertEquals(0, sink.only("341502004", 2017, "cppcc_proposals").value());
    assertEquals(java.util.List.of("AMBIGUOUS_REGION", "BAD_JSON", "FRACTIONAL_COUNT"),
        sink.rejects.stream().map(r -> r.reasonCode()).toList());
  }

  @Test
  void nonObjectsAndBlankLines() {
    String text = "\n[1,2]\n\"x\"\n{\"year\":2018,\"region_code\":\"341503111\",\"hotline\":5}\r\n\n";
    Collector sink = new Collector();
    ReadCounts c = Sources.jsonl(SPEC, text.getBytes(UTF_8), sink);
    assertEquals(3, c.read());
    assertEquals(1, c.accepted());
    assertEquals("NOT_A_JSON_OBJECT", sink.rejects.get(0).reasonCode());
    assertEquals("line 2", sink.rejects.get(0).locator());
    assertEquals("line 4", sink.only("341503111", 2018, "hotline_cases").locator());
  }

  @Test
  void hugeNumbersAreRejectedNotOverflowed() {
    String text = "{\"year\":2018,\"region_code\":\"341503111\",\"hotline\":99999999999999999999999}\n";
    Collector sink = new Collector();
    Sources.jsonl(SPEC, text.getBytes(UTF_8), sink);
    assertEquals("TOO_LARGE", sink.rejects.get(0).reasonCode());
  }

  @Test
  void duplicateKeysAndTwoObjectsOnALineAreRejectedNotGuessed() {
    String text = "{\"year\":2018,\"region_code\":\"341503111\",\"hotline\":5,\"hotline\":50}\n"
        + "{\"year\":2018,\"region_code\":\"341503111\",\"hotline\":5}{\"year\":2018,\"region_code\":\"341503100\",\"hotline\":7}\n"
        + "\uFEFF{\"year\":2018,\"region_code\":\"341503100\",\"hotline\":7}\n";
    Collector sink = new Collector();
    ReadCounts c = Sources.jsonl(SPEC, text.getBytes(UTF_8), sink);
    assertEquals(3, c.read());
    assertEquals(java.util.List.of("BAD_JSON", "BAD_JSON"), sink.rejects.stream().map(r -> r.reasonCode()).toList());
    assertEquals(7, sink.only("341503100", 2018, "hotline_cases").value(), "a BOM before a line is not data");
  }
}
