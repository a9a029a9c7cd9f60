package org.gongkai.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import org.gongkai.ingest.ColumnMapping;
import org.gongkai.ingest.JsonLinesReader;
import org.gongkai.model.Observation;
import org.gongkai.model.Reject;
import org.gongkai.normalize.CountParser;
import org.gongkai.normalize.CountResult;

/** The JSON Lines reader on generated and corrupted files. */
class JsonLinesReaderFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonLinesReader READER = Fuzz.jsonl(Fuzz.jsonlSpec("auto"), Fuzz.DEFAULT_MAX_RECORD);
  private static final List<String> KEYS = List.of("township", "district", "year", "region_code", "hotline", "published", "npc",
      "cppcc", "policy_interpretation", "咨询投诉", "note", "extra");

  /**
   * A generated record and, as the generator built it, the fields a reader must see: the keys in
   * order (nested objects flattened in place) with each value's text. Kept beside the node so that
   * the test's oracle is what was generated, not a second copy of the reader's flattening.
   */
  record Rec(ObjectNode node, List<String> keys, List<String> values) {
    @Override
    public String toString() {
      return node.toString();
    }
  }

  /** A file: records (objects), each followed by a line ending; blank lines between. */
  record File(List<Rec> records, List<String> separators) {
    String text() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < records.size(); i++) {
        b.append(records.get(i).toString()).append(separators.get(i));
      }
      return b.toString();
    }

    /** The 1-based line of each record. */
    long[] lines() {
      long[] lines = new long[records.size()];
      long line = 1;
      for (int i = 0; i < records.size(); i++) {
        lines[i] = line;
        line += separators.get(i).chars().filter(c -> c == '\n').count();
      }
      return lines;
    }
  }

  @Provide
  Arbitrary<File> files() {
    Arbitrary<Rec> record = record();
    Arbitrary<String> sep = Arbitraries.of("\n", "\n", "\r\n", "\n\n", "\n  \n", "\r\n\r\n");
    return Arbitraries.integers().between(0, 12).flatMap(n -> Combinators.combine(
        record.list().ofSize(n), sep.list().ofSize(n)).as(File::new));
  }

  private static Arbitrary<Rec> record() {
    Arbitrary<String> key = Arbitraries.of(KEYS);
    Arbitrary<List<Tuple.Tuple2<String, Cell>>> fields = key.flatMap(k -> valueFor(k).map(v -> Tuple.of(k, v))).list().ofMaxSize(7);
    Arbitrary<List<Tuple.Tuple2<String, Cell>>> figures = fields.injectNull(0.6);
    return Combinators.combine(fields, figures).as((top, nested) -> {
      ObjectNode o = NODES.objectNode();
      Map<String, String> outer = new LinkedHashMap<>(); // a key set twice keeps its place, the last value wins
      top.forEach(t -> {
        o.set(t.get1(), t.get2().node());
        outer.put(t.get1(), t.get2().text());
      });
      Map<String, String> inner = new LinkedHashMap<>();
      if (nested != null) { // added after every top-level key, so its fields come last
        ObjectNode f = o.putObject("figures");
        nested.forEach(t -> {
          f.set(t.get1(), t.get2().node());
          inner.put(t.get1(), t.get2().text());
        });
      }
      List<String> keys = new ArrayList<>(outer.keySet());
      keys.addAll(inner.keySet());
      List<String> values = new ArrayList<>(outer.values());
      values.addAll(inner.values());
      return new Rec(o, keys, values);
    });
  }

  /** A JSON value and the text a reader takes from it (null for JSON null). */
  record Cell(JsonNode node, String text) {}

  private static Cell text(String s) {
    return new Cell(NODES.textNode(s), s);
  }

  private static Cell number(long n) {
    return new Cell(NODES.numberNode(n), Long.toString(n));
  }

  private static Arbitrary<Cell> valueFor(String key) {
    Arbitrary<Cell> good = switch (key) {
      case "township" -> Arbitraries.of("江家店镇", "中市街道", "东市街道", "城关镇", "孙岗镇", "不存在镇").map(JsonLinesReaderFuzzTest::text);
      case "district" -> Arbitraries.of("金安区", "裕安区", "").map(JsonLinesReaderFuzzTest::text);
      case "year" -> Arbitraries.oneOf(Arbitraries.of(2017L, 2018L).map(JsonLinesReaderFuzzTest::number),
          Arbitraries.of("2018年", "二〇一七").map(JsonLinesReaderFuzzTest::text));
      case "region_code" -> Arbitraries.of("341502001", "341503111000", "").map(JsonLinesReaderFuzzTest::text);
      case "note", "extra" -> Arbitraries.strings().ofMaxLength(8).map(Tables::withoutSurrogates).map(JsonLinesReaderFuzzTest::text);
      default -> Arbitraries.oneOf(Arbitraries.longs().between(0, 5000).map(JsonLinesReaderFuzzTest::number),
          Arbitraries.of("约500条", "二十", "60余", "无", "", "-").map(JsonLinesReaderFuzzTest::text));
    };
    Arbitrary<Cell> bad = Arbitraries.oneOf(
        Fuzz.countCells().map(Tables::withoutSurrogates).map(JsonLinesReaderFuzzTest::text),
        Arbitraries.bigIntegers().between(BigInteger.valueOf(Long.MAX_VALUE), BigInteger.TEN.pow(30))
            .map(b -> new Cell(NODES.numberNode(b), b.toString())),
        Arbitraries.longs().between(-1000, -1).map(JsonLinesReaderFuzzTest::number),
        Arbitraries.doubles().between(-10, 1e6).map(d -> new Cell(NODES.numberNode(d), Double.toString(d))),
        Arbitraries.of(new Cell(NODES.nullNode(), null), new Cell(NODES.booleanNode(true), "true"),
            new Cell(NODES.arrayNode().add(1).add(2), "[1,2]"), new Cell(NODES.numberNode(1e300), "1.0E300")));
    return Arbitraries.frequencyOf(Tuple.of(8, good), Tuple.of(2, bad));
  }

  /** Every record of a well-formed file is read once, and used whole or not at all. */
  @Property(tries = 100)
  void everyRecordIsReadOnceAndUsedWholeOrNotAtAll(@ForAll("files") File file, @ForAll boolean gb18030) {
    byte[] bytes = gb18030 ? file.text().getBytes(Fuzz.GB18030) : file.text().getBytes(UTF_8);
    Fuzz.Result r = Fuzz.read(READER, "t.jsonl", bytes);
    assertEquals(Math.max(1, file.records().size()), r.counts().read(), "every record, or one EMPTY_FILE reject: " + file.text());
    long[] lines = file.lines();
    for (int i = 0; i < lines.length; i++) {
      long line = lines[i];
      List<Observation> obs = r.observations().stream().filter(o -> o.position() == line).toList();
      List<Reject> rej = r.rejects().stream().filter(x -> x.position() == line).toList();
      assertTrue(obs.isEmpty() != rej.isEmpty(), "line " + line + ": " + obs + rej);
      if (!obs.isEmpty()) {
        checkAccepted(file.records().get(i), obs);
      }
    }
  }

  /** An accepted record: every metric value a count or missing, one observation per count. */
  private static void checkAccepted(Rec record, List<Observation> obs) {
    List<String> keys = record.keys();
    List<String> values = record.values();
    ColumnMapping mapping = ColumnMapping.of(keys, Map.of(), Fuzz.CATALOG);
    int counts = 0;
    for (int c = 0; c < keys.size(); c++) {
      String metric = mapping.target(c);
      if (metric == null || mapping.isRole(c)) {
        continue;
      }
      CountResult parsed = CountParser.parse(values.get(c));
      assertFalse(parsed instanceof CountResult.Invalid, "accepted with " + keys.get(c) + "=" + values.get(c));
      if (parsed instanceof CountResult.Count count) {
        counts++;
        assertTrue(obs.stream().anyMatch(o -> o.metric().equals(metric) && o.value() == count.value()), metric);
      }
    }
    assertEquals(counts, obs.size());
  }

  @Property(tries = 150)
  void corruptedFilesConserveAndExplain(
      @ForAll("files") File file, @ForAll("corruptionLists") List<Fuzz.Corruption> corruptions, @ForAll("declared") String declared) {
    byte[] bytes = file.text().getBytes(UTF_8);
    for (Fuzz.Corruption c : corruptions) {
      bytes = c.apply(bytes);
    }
    Fuzz.read(Fuzz.jsonl(Fuzz.jsonlSpec(declared), Fuzz.DEFAULT_MAX_RECORD), "t.jsonl", bytes);
  }

  @Provide
  Arbitrary<List<Fuzz.Corruption>> corruptionLists() {
    return Fuzz.corruptions().list().ofMinSize(1).ofMaxSize(3);
  }

  @Provide
  Arbitrary<String> declared() {
    return Arbitraries.of("auto", "utf-8", "gb18030");
  }

  @Property(tries = 200)
  void arbitraryBytesConserve(@ForAll @Size(max = 2000) byte[] bytes, @ForAll("declared") String declared) {
    Fuzz.read(Fuzz.jsonl(Fuzz.jsonlSpec(declared), Fuzz.DEFAULT_MAX_RECORD), "t.jsonl", bytes);
  }

  @Property(tries = 200)
  void jsonishTextConserves(@ForAll("jsonish") String text) {
    Fuzz.read(READER, "t.jsonl", text.getBytes(UTF_8));
  }

  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("{", "}", "[", "]", ":", ",", "\"", "\n", "\r\n", "\"township\"", "\"year\"", "\"hotline\"", "\"figures\"",
            "\"江家店镇\"", "\"中市街道\"", "2018", "5", "-1", "1e400", "99999999999999999999", "null", "true", "\\u0000", "\uFEFF",
            "\u0000", "{\"figures\":{"),
        Arbitraries.strings().ofMaxLength(4));
    return piece.list().ofMaxSize(60).map(l -> String.join("", l));
  }

  /** A record cut anywhere is a reject; the records before it keep their outcome. */
  @Property(tries = 100)
  void truncatedLinesAreRejects(@ForAll("files") File file, @ForAll("fractions") double at) {
    String text = file.text();
    Fuzz.Result whole = Fuzz.read(READER, "t.jsonl", text.getBytes(UTF_8));
    String cut = text.substring(0, (int) (text.length() * at));
    Fuzz.Result part = Fuzz.read(READER, "t.jsonl", cut.getBytes(UTF_8));
    long[] lines = file.lines();
    for (int i = 0; i < lines.length; i++) {
      String line = file.records().get(i).toString();
      int start = offsetOfLine(text, lines[i]);
      long pos = lines[i];
      if (start + line.length() <= cut.length()) {
        assertEquals(whole.observations().stream().filter(o -> o.position() == pos).count(),
            part.observations().stream().filter(o -> o.position() == pos).count(), "line " + pos);
      } else if (start < cut.length() && !cut.substring(start).isBlank()) {
        assertTrue(part.rejects().stream().anyMatch(x -> x.position() == pos && x.reasonCode().equals("BAD_JSON")),
            "a cut record is BAD_JSON: " + cut.substring(start));
      }
    }
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.doubles().between(0, 1);
  }

  private static int offsetOfLine(String text, long line) {
    int offset = 0;
    for (long l = 1; l < line; l++) {
      offset = text.indexOf('\n', offset) + 1;
    }
    return offset;
  }

  /** A BOM at the start of a line (files concatenated) changes nothing. */
  @Property(tries = 100)
  void aBomAtTheStartOfALineIsIgnored(@ForAll("files") File file) {
    byte[] one = Fuzz.concat(Fuzz.UTF8_BOM, file.text().getBytes(UTF_8));
    Fuzz.Result single = Fuzz.read(READER, "t.jsonl", one);
    byte[] twice = Fuzz.concat(one, one);
    Fuzz.Result both = Fuzz.read(READER, "t.jsonl", twice);
    if (file.records().isEmpty()) {
      assertEquals("EMPTY_FILE", both.onlyReject().reasonCode());
      return;
    }
    assertEquals(2 * single.counts().read(), both.counts().read());
    assertEquals(2 * single.counts().accepted(), both.counts().accepted());
  }

  // ------------------------------------------------------------- particular corruptions

  @Example
  void theSampleFileUnderWrongEncodings() throws IOException {
    byte[] utf8 = Files.readAllBytes(Path.of("sample-data/jinan-district-2017-2018.jsonl"));
    Fuzz.Result right = Fuzz.read(READER, "j.jsonl", utf8);
    assertTrue(right.counts().accepted() > 30, "the sample reads: " + right.counts());
    Fuzz.Result asGb = Fuzz.read(Fuzz.jsonl(Fuzz.jsonlSpec("gb18030"), Fuzz.DEFAULT_MAX_RECORD), "j.jsonl", utf8);
    assertEquals(right.counts().read(), asGb.counts().read());
    assertEquals(0, asGb.counts().accepted(), "mojibake names no township");
    byte[] gb = new String(utf8, UTF_8).getBytes(Fuzz.GB18030);
    Fuzz.Result gbAsUtf8 = Fuzz.read(Fuzz.jsonl(Fuzz.jsonlSpec("utf-8"), Fuzz.DEFAULT_MAX_RECORD), "j.jsonl", gb);
    assertEquals(right.counts().read(), gbAsUtf8.counts().read());
    assertEquals(0, gbAsUtf8.counts().accepted());
    assertEquals(gbAsUtf8.counts().read(), gbAsUtf8.count("BAD_ENCODING") + gbAsUtf8.count("BAD_JSON"));
    byte[] roundTrip = new String(gb, UTF_8).getBytes(UTF_8);
    Fuzz.Result lossy = Fuzz.read(READER, "j.jsonl", roundTrip);
    assertEquals(right.counts().read(), lossy.counts().read());
    assertEquals(0, lossy.counts().accepted());
  }

  @Example
  void badNumbersAreRejectsNamingTheField() {
    String text = String.join("\n",
        "{\"township\": \"中市街道\", \"year\": 2018, \"hotline\": 99999999999999999999}",
        "{\"township\": \"中市街道\", \"year\": 2018, \"hotline\": 9223372036854775808}",
        "{\"township\": \"中市街道\", \"year\": 2018, \"hotline\": -5}",
        "{\"township\": \"中市街道\", \"year\": 2018, \"hotline\": 2.5}",
        "{\"township\": \"中市街道\", \"year\": 2018, \"hotline\": \"3.5件\"}",
        "{\"township\": \"中市街道\", \"year\": 2018, \"hotline\": 1e400}",
        "{\"township\": \"中市街道\", \"year\": 2018, \"hotline\": " + "9".repeat(200) + "}",
        "{\"township\": \"中市街道\", \"year\": 2018, \"hotline\": 7}");
    Fuzz.Result r = Fuzz.read(READER, "n.jsonl", text.getBytes(UTF_8));
    assertEquals(8, r.counts().read());
    assertEquals(1, r.counts().accepted());
    List<String> codes = r.rejects().stream().map(Reject::reasonCode).toList();
    assertEquals(List.of("TOO_LARGE", "TOO_LARGE", "NEGATIVE_COUNT", "FRACTIONAL_COUNT", "FRACTIONAL_COUNT"), codes.subList(0, 5));
    assertTrue(r.rejects().get(0).reason().contains("hotline"), r.rejects().get(0).reason());
  }

  @Example
  void nulDeepNestingAndNonObjects() {
    String text = String.join("\n",
        "{\"township\": \"中市\u0000街道\", \"year\": 2018, \"hotline\": 5}",
        "[1, 2]",
        "\"text\"",
        "{\"a\":".repeat(50) + "1" + "}".repeat(50),
        "{\"township\": \"中市街道\", \"year\": 2018, \"hotline\": 5",
        "\u0000\u0001\u0002",
        "{\"township\": \"中市街道\", \"year\": 2018, \"hotline\": 5}");
    Fuzz.Result r = Fuzz.read(READER, "x.jsonl", text.getBytes(UTF_8));
    assertEquals(7, r.counts().read());
    assertEquals(1, r.counts().accepted());
    assertEquals("line 7", r.observations().get(0).locator());
  }

  @Example
  void emptyFilesAreOneReject() {
    for (String text : List.of("", "\n", "\r\n\r\n", "   \n\t\n", "\uFEFF", "\uFEFF\n", "\uFEFF\uFEFF\n")) {
      assertEquals("EMPTY_FILE", Fuzz.read(READER, "e.jsonl", text.getBytes(UTF_8)).onlyReject().reasonCode(), text);
    }
  }

  /** A 50 MB line is one reject saying it is too large, not a parse of 50 MB; the lines around it are read. */
  @Example
  void aFiftyMegabyteLineIsOneClearReject() {
    byte[] head = "{\"township\": \"中市街道\", \"year\": 2018, \"hotline\": 5}\n{\"township\": \"东市街道\", \"year\": 2018, \"note\": \""
        .getBytes(UTF_8);
    byte[] tail = "\", \"hotline\": 6}\n{\"township\": \"中市街道\", \"year\": 2017, \"hotline\": 7}\n".getBytes(UTF_8);
    int size = 50 << 20;
    byte[] bytes = new byte[head.length + size + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    Arrays.fill(bytes, head.length, head.length + size, (byte) 'x');
    System.arraycopy(tail, 0, bytes, head.length + size, tail.length);
    Fuzz.Result r = Fuzz.read(READER, "big.jsonl", bytes);
    assertEquals(3, r.counts().read());
    assertEquals(2, r.counts().accepted());
    assertEquals("RECORD_TOO_LARGE", r.onlyReject().reasonCode());
    assertEquals("line 2", r.onlyReject().locator());
    assertTrue(r.onlyReject().reason().contains("limits.max_record_bytes"), r.onlyReject().reason());
  }

  /** An object of 10^6 keys is too large under the default limit, and rejected before it is parsed. */
  @Example
  void aMillionKeys() {
    byte[] bytes = wide(1_000_000);
    // Refused by its size before it is parsed (no tree of 10^6 nodes): the reason names the limit.
    var reject = Fuzz.read(READER, "wide.jsonl", bytes).onlyReject();
    assertEquals("RECORD_TOO_LARGE", reject.reasonCode());
    assertTrue(reject.reason().contains("limits.max_record_bytes"), reject.reason());
  }

  /** An object of many unknown keys under a large limit: read, its keys listed once each and briefly. */
  @Example
  void manyUnknownKeysAreListedBriefly() {
    byte[] bytes = Fuzz.concat(wide(10_000), wide(10_000));
    Fuzz.Result large = Fuzz.read(Fuzz.jsonl(Fuzz.jsonlSpec("auto"), 32 << 20), "wide.jsonl", bytes);
    assertEquals(2, large.counts().accepted());
    assertEquals(org.gongkai.ingest.ReadCounts.MAX_UNMAPPED + 1, large.counts().unmappedColumns().size());
    assertEquals("… 9900 more", large.counts().unmappedColumns().get(org.gongkai.ingest.ReadCounts.MAX_UNMAPPED));
  }

  private static byte[] wide(int keys) {
    StringBuilder b = new StringBuilder("{\"township\": \"中市街道\", \"year\": 2018, \"hotline\": 5");
    for (int i = 0; i < keys; i++) {
      b.append(",\"k").append(i).append("\":1");
    }
    return b.append("}\n").toString().getBytes(UTF_8);
  }
}
