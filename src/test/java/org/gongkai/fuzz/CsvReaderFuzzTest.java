package org.gongkai.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.gongkai.ingest.ColumnMapping;
import org.gongkai.ingest.CsvReader;
import org.gongkai.ingest.EncodingDetector;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.model.Observation;
import org.gongkai.model.Reject;
import org.gongkai.normalize.CountParser;
import org.gongkai.normalize.CountResult;

/** The CSV reader on generated and corrupted tables: no exception, conservation, a reason for every reject. */
class CsvReaderFuzzTest {
  private static final SourceSpec AUTO = Fuzz.csvSpec("auto");
  private static final CsvReader READER = Fuzz.csv(AUTO, Fuzz.DEFAULT_MAX_RECORD);

  /** What became of each row of a table: its observations, or its one reject. */
  private static List<Outcome> outcomes(Tables.Table table, Fuzz.Result r) {
    long[] lines = table.rowLines();
    List<Outcome> out = new ArrayList<>();
    for (long line : lines) {
      List<Observation> obs = r.observations().stream().filter(o -> o.position() == line).toList();
      List<Reject> rej = r.rejects().stream().filter(x -> x.position() == line).toList();
      // a row naming a district gives that district's own figures: accepted too
      boolean stated = r.stated().stream().anyMatch(s -> s.observation().position() == line);
      if (stated) {
        assertTrue(obs.isEmpty() && rej.isEmpty(), "line " + line + " gives a district's figures and nothing else");
        out.add(new Outcome(List.of(), null, true));
        continue;
      }
      assertTrue(obs.isEmpty() != rej.isEmpty(), "line " + line + " is accepted or rejected, not both or neither: " + obs + rej);
      assertTrue(rej.size() <= 1, "one reject per record");
      out.add(new Outcome(obs, rej.isEmpty() ? null : rej.get(0), false));
    }
    return out;
  }

  record Outcome(List<Observation> observations, Reject reject, boolean district) {
    String code() {
      return reject == null ? "ACCEPTED" : reject.reasonCode();
    }
  }

  /**
   * Every row of a well-formed table (quoted commas, quotes and line breaks, CRLF or LF, ragged
   * rows, UTF-8 with or without a BOM, GB18030) is read once; a row is accepted only if every
   * metric cell is a count or missing, and then gives exactly those counts.
   */
  @Property(tries = 150)
  void everyRowIsReadOnceAndUsedWholeOrNotAtAll(
      @ForAll("tables") Tables.Table table, @ForAll("encodings") String encoding, @ForAll boolean declare) {
    byte[] bytes = encode(table.text(), encoding);
    String declared = declare ? (encoding.equals("gb18030") ? "gb18030" : "utf-8") : "auto";
    Fuzz.Result r = Fuzz.read(Fuzz.csv(Fuzz.csvSpec(declared), Fuzz.DEFAULT_MAX_RECORD), "t.csv", bytes);
    assertEquals(Math.max(1, table.rows().size()), r.counts().read(), "every row, or one EMPTY_FILE reject: " + table.text());
    if (table.rows().isEmpty()) {
      assertEquals("EMPTY_FILE", r.onlyReject().reasonCode());
    }
    ColumnMapping mapping = table.mapping(AUTO.columns());
    List<Outcome> outcomes = outcomes(table, r);
    for (int i = 0; i < table.rows().size(); i++) {
      List<String> row = table.rows().get(i);
      Outcome o = outcomes.get(i);
      if (o.reject() != null || o.district()) { // a district's own figures are checked in Fuzz.Result
        continue;
      }
      int counts = 0;
      for (int c = 0; c < row.size(); c++) {
        if (c >= mapping.size()) {
          assertTrue(row.get(c).isBlank(), "an accepted row has no extra non-blank cells");
          continue;
        }
        String metric = mapping.target(c);
        if (metric == null || mapping.isRole(c)) {
          continue;
        }
        CountResult parsed = CountParser.parse(row.get(c));
        assertFalse(parsed instanceof CountResult.Invalid, "accepted with a bad cell " + metric + "='" + row.get(c) + "'");
        if (parsed instanceof CountResult.Count count) {
          counts++;
          List<Observation> of = o.observations().stream().filter(x -> x.metric().equals(metric)).toList();
          assertEquals(1, of.size(), metric);
          assertEquals(count.value(), of.get(0).value(), metric);
          assertEquals(count.qualifier(), of.get(0).qualifier(), metric);
        }
      }
      assertEquals(counts, o.observations().size(), "one observation per stated count");
    }
  }

  @Provide
  Arbitrary<Tables.Table> tables() {
    return Tables.tables();
  }

  @Provide
  Arbitrary<String> encodings() {
    return Arbitraries.of("utf-8", "utf-8-bom", "gb18030");
  }

  static byte[] encode(String text, String encoding) {
    return switch (encoding) {
      case "utf-8" -> text.getBytes(UTF_8);
      case "utf-8-bom" -> Fuzz.concat(Fuzz.UTF8_BOM, text.getBytes(UTF_8));
      case "gb18030" -> text.getBytes(Fuzz.GB18030);
      default -> throw new IllegalArgumentException(encoding);
    };
  }

  /** Corrupted files: truncated, NULs, BOMs, garbage, cut and pasted, re-encoded; read with any declared encoding. */
  @Property(tries = 200)
  void corruptedFilesConserveAndExplain(
      @ForAll("tables") Tables.Table table,
      @ForAll("encodings") String encoding,
      @ForAll("corruptionLists") List<Fuzz.Corruption> corruptions,
      @ForAll("declared") String declared) {
    byte[] bytes = encode(table.text(), encoding);
    for (Fuzz.Corruption c : corruptions) {
      bytes = c.apply(bytes);
    }
    Fuzz.Result r = Fuzz.read(Fuzz.csv(Fuzz.csvSpec(declared), Fuzz.DEFAULT_MAX_RECORD), "t.csv", bytes);
    assertNotNull(r.counts().charset());
  }

  @Provide
  Arbitrary<List<Fuzz.Corruption>> corruptionLists() {
    return Fuzz.corruptions().list().ofMinSize(1).ofMaxSize(3);
  }

  @Provide
  Arbitrary<String> declared() {
    return Arbitraries.of("auto", "utf-8", "gb18030", "gbk", "UTF-8");
  }

  @Property(tries = 200)
  void arbitraryBytesConserve(@ForAll @Size(max = 2000) byte[] bytes, @ForAll("declared") String declared) {
    Fuzz.read(Fuzz.csv(Fuzz.csvSpec(declared), Fuzz.DEFAULT_MAX_RECORD), "t.csv", bytes);
  }

  @Property(tries = 200)
  void arbitraryTextConserves(@ForAll("csvish") String text) {
    Fuzz.read(READER, "t.csv", text.getBytes(UTF_8));
    Fuzz.read(READER, "t.csv", text.getBytes(Fuzz.GB18030));
  }

  /** CSV-like text: headers, cells, separators and quotes in any order. */
  @Provide
  Arbitrary<String> csvish() {
    Arbitrary<String> piece = Arbitraries.oneOf(Fuzz.headers(), Fuzz.countCells(), Fuzz.regionCells(), Fuzz.yearCells(),
        Arbitraries.of(",", ",", "\n", "\r\n", "\r", "\"", "\"\"", "\uFEFF", "\u0000"));
    return piece.list().ofMaxSize(60).map(l -> String.join("", l));
  }

  /** Truncated anywhere: every row before the cut keeps its outcome; what is left is read or rejected, never lost. */
  @Property(tries = 100)
  void truncatedFilesKeepTheRowsBeforeTheCut(@ForAll("tables") Tables.Table table, @ForAll @IntRange(min = 0, max = 100) int percent) {
    String text = table.text();
    Fuzz.Result whole = Fuzz.read(READER, "t.csv", text.getBytes(UTF_8));
    byte[] all = text.getBytes(UTF_8);
    byte[] cut = Arrays.copyOf(all, (int) ((long) all.length * percent / 100));
    Fuzz.Result part = Fuzz.read(READER, "t.csv", cut);
    String kept = new String(cut, UTF_8);
    long[] lines = table.rowLines();
    // rows that end (with their line break and the next row's first character) before the cut keep their outcome
    for (int i = 0; i + 1 < lines.length; i++) {
      int nextRowStart = offsetOfLine(text, lines[i + 1]);
      if (nextRowStart + 1 <= kept.length() && kept.length() > 0 && text.startsWith(kept.substring(0, nextRowStart + 1))) {
        long line = lines[i];
        assertEquals(codeAt(whole, line), codeAt(part, line), "row at line " + line + " of a file cut at " + percent + "%");
      }
    }
    assertTrue(part.counts().read() <= whole.counts().read() + 1, "a cut adds at most the cut row");
  }

  private static String codeAt(Fuzz.Result r, long line) {
    return r.rejects().stream().filter(x -> x.position() == line).map(Reject::reasonCode).findFirst()
        .orElse(r.observations().stream().anyMatch(o -> o.position() == line) ? "ACCEPTED" : "NOTHING");
  }

  private static int offsetOfLine(String text, long line) {
    int offset = 0;
    long l = 1;
    for (int i = 0; i < text.length() && l < line; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        l++;
        offset = i + 1;
      }
    }
    return offset;
  }

  /** A NUL in one cell rejects that record as binary data and changes no other record. */
  @Property(tries = 100)
  void aNulRejectsOnlyItsRecord(@ForAll("tables") Tables.Table table, @ForAll int rowSeed, @ForAll int colSeed, @ForAll int posSeed) {
    if (table.rows().isEmpty()) {
      return;
    }
    int row = Math.floorMod(rowSeed, table.rows().size());
    int col = Math.floorMod(colSeed, table.headers().size());
    String cell = col < table.rows().get(row).size() ? table.rows().get(row).get(col) : "";
    int at = Math.floorMod(posSeed, cell.length() + 1);
    Tables.Table spoiled = table.withCell(row, col, cell.substring(0, at) + '\0' + cell.substring(at));
    List<Outcome> before = outcomes(table, Fuzz.read(READER, "t.csv", table.text().getBytes(UTF_8)));
    List<Outcome> after = outcomes(spoiled, Fuzz.read(READER, "t.csv", spoiled.text().getBytes(UTF_8)));
    for (int i = 0; i < before.size(); i++) {
      if (i == row) {
        assertTrue(after.get(i).reject() != null, "a record with a NUL is rejected");
        if (before.get(i).reject() == null) {
          assertEquals("BINARY_DATA", after.get(i).code());
          assertTrue(after.get(i).reject().reason().contains("NUL"), after.get(i).reject().reason());
        }
      } else {
        assertEquals(before.get(i).code(), after.get(i).code(), "row " + i);
      }
    }
  }

  /** Numbers beyond Long.MAX_VALUE, negative and fractional counts reject their record, naming the field. */
  @Property(tries = 100)
  void badCountsRejectTheirRecordNamingTheField(
      @ForAll("tables") Tables.Table table, @ForAll int rowSeed, @ForAll("badCounts") String[] bad) {
    ColumnMapping mapping = table.mapping(AUTO.columns());
    List<Integer> metricColumns = new ArrayList<>();
    for (int c = 0; c < mapping.size(); c++) {
      if (mapping.target(c) != null && !mapping.isRole(c)) {
        metricColumns.add(c);
      }
    }
    if (table.rows().isEmpty() || metricColumns.isEmpty()) {
      return;
    }
    int row = Math.floorMod(rowSeed, table.rows().size());
    int col = metricColumns.get(Math.floorMod(rowSeed / 7, metricColumns.size()));
    Tables.Table spoiled = table.withCell(row, col, bad[0]);
    List<Outcome> before = outcomes(table, Fuzz.read(READER, "t.csv", table.text().getBytes(UTF_8)));
    List<Outcome> after = outcomes(spoiled, Fuzz.read(READER, "t.csv", spoiled.text().getBytes(UTF_8)));
    assertTrue(after.get(row).reject() != null, bad[0] + " was accepted");
    if (before.get(row).reject() == null) {
      assertEquals(bad[1], after.get(row).code(), bad[0]);
      assertTrue(after.get(row).reject().reason().contains(table.headers().get(col)), after.get(row).reject().reason());
    }
  }

  @Provide
  Arbitrary<String[]> badCounts() {
    return Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(java.math.BigInteger.valueOf(Long.MAX_VALUE).add(java.math.BigInteger.ONE),
            java.math.BigInteger.TEN.pow(40)).map(b -> new String[] {b.toString(), "TOO_LARGE"}),
        Arbitraries.longs().between(1, Long.MAX_VALUE).map(n -> new String[] {"-" + n, "NEGATIVE_COUNT"}),
        Arbitraries.longs().between(0, 1_000_000).map(n -> new String[] {n + "." + (1 + n % 9), "FRACTIONAL_COUNT"}),
        Arbitraries.longs().between(1, 1000).map(n -> new String[] {"约-" + n + "条", "NEGATIVE_COUNT"}));
  }

  /** A file appended to itself, the second copy with its own BOM: the second header is a bad record, the rest read twice. */
  @Property(tries = 100)
  void aBomAndHeaderInTheMiddleAreOneBadRecord(@ForAll("tables") Tables.Table table) {
    byte[] one = Fuzz.concat(Fuzz.UTF8_BOM, table.text().getBytes(UTF_8));
    Fuzz.Result single = Fuzz.read(READER, "t.csv", one);
    byte[] doubled = Fuzz.concat(one, one);
    Fuzz.Result twice = Fuzz.read(READER, "t.csv", doubled);
    if (EncodingDetector.binaryKind(doubled) != null) {
      // Control bytes (NULs) in cells, too few to make one copy binary and enough in two: the
      // whole file is then one BINARY_DATA reject (a seed found this, 2026-11-27).
      assertEquals(1, twice.counts().read());
      assertEquals("BINARY_DATA", twice.onlyReject().reasonCode());
      return;
    }
    if (table.rows().isEmpty()) {
      assertEquals(1, twice.counts().read(), "the second header is the one record");
      assertEquals("MALFORMED_RECORD", twice.onlyReject().reasonCode());
      return;
    }
    assertEquals(2 * single.counts().read() + 1, twice.counts().read());
    assertEquals(2 * single.counts().accepted(), twice.counts().accepted());
    assertEquals(2 * single.counts().rejected() + 1, twice.counts().rejected());
    long line = table.rowLines().length == 0 ? 0 : Tables.lineBreaks(table.text()) + 1;
    assertEquals("MALFORMED_RECORD", twice.rejects().stream().filter(x -> x.position() == line).findFirst().orElseThrow().reasonCode(),
        "the second header, behind its BOM, is a bad record");
  }

  // ------------------------------------------------------------- particular corruptions

  private static final Path YUAN = Path.of("sample-data/yuan-district-2017-2018.csv");

  @Example
  void gb18030DeclaredAsUtf8AndReadAsUtf8AndBack() throws IOException {
    byte[] gb = Files.readAllBytes(YUAN);
    Fuzz.Result right = Fuzz.read(READER, "y.csv", gb);
    assertEquals("GB18030", right.counts().charset());
    assertTrue(right.counts().accepted() > 30, "the sample reads");

    Fuzz.Result wrong = Fuzz.read(Fuzz.csv(Fuzz.csvSpec("utf-8"), Fuzz.DEFAULT_MAX_RECORD), "y.csv", gb);
    assertEquals(right.counts().read(), wrong.counts().read(), "the same records, none lost");
    assertEquals(0, wrong.counts().accepted());
    assertEquals(wrong.counts().read(), wrong.count("BAD_ENCODING"), "every record says the encoding is wrong");
    assertTrue(wrong.rejects().get(0).reason().contains("utf-8"), wrong.rejects().get(0).reason());

    byte[] mangled = new String(gb, UTF_8).getBytes(UTF_8); // GB18030 read as UTF-8 and written back: U+FFFD everywhere
    Fuzz.Result lossy = Fuzz.read(READER, "y.csv", mangled);
    assertEquals("UTF-8", lossy.counts().charset());
    assertEquals(right.counts().read(), lossy.counts().read());
    assertEquals(0, lossy.counts().accepted());
    assertEquals(lossy.counts().read(), lossy.count("BAD_ENCODING"));

    byte[] utf8 = new String(gb, Fuzz.GB18030).getBytes(UTF_8);
    Fuzz.Result asGb = Fuzz.read(Fuzz.csv(Fuzz.csvSpec("gb18030"), Fuzz.DEFAULT_MAX_RECORD), "y.csv", utf8);
    assertEquals(right.counts().read(), asGb.counts().read(), "UTF-8 declared as GB18030: mojibake, but every record is accounted for");
    assertEquals(0, asGb.counts().accepted(), "mojibake names no township");
  }

  @Example
  void emptyAndHeaderOnlyFilesAreOneReject() {
    for (String text : List.of("", "\uFEFF", "\n\n\r\n", "乡镇,年度,咨询投诉", "乡镇,年度,咨询投诉\r\n", "乡镇,年度,咨询投诉\n\n\n")) {
      Fuzz.Result r = Fuzz.read(READER, "e.csv", text.getBytes(UTF_8));
      assertEquals(1, r.counts().read(), text);
      assertEquals("EMPTY_FILE", r.onlyReject().reasonCode(), text);
    }
  }

  @Example
  void crlfAndQuotedNewlinesKeepLineNumbers() {
    String csv = "乡镇,年度,咨询投诉,备注\r\n江家店镇,2018,5,\"两行\r\n备注\"\r\n苏埠镇,2018,\"7\",\"a,\"\"b\"\"\n\nc\"\r\n西市街道,2018,-3,\r\n";
    Fuzz.Result r = Fuzz.read(READER, "c.csv", csv.getBytes(UTF_8));
    assertEquals(3, r.counts().read());
    assertEquals(2, r.counts().accepted());
    assertEquals("line 2", r.observations().get(0).locator());
    assertEquals("line 4", r.observations().get(1).locator());
    assertEquals("line 7", r.onlyReject().locator());
    assertEquals("NEGATIVE_COUNT", r.onlyReject().reasonCode());
  }

  @Example
  void truncatedInsideAQuoteRejectsTheRestAsOneRecord() {
    String csv = "乡镇,年度,咨询投诉,备注\n江家店镇,2018,5,\"unclosed\n苏埠镇,2018,7,\n西市街道,2018,3,\n";
    Fuzz.Result r = Fuzz.read(READER, "q.csv", csv.getBytes(UTF_8));
    assertEquals(1, r.counts().read(), "the rest of the file after an open quote is one bad record");
    assertEquals("MALFORMED_CSV", r.onlyReject().reasonCode());
    assertTrue(r.onlyReject().reason().contains("line 2"), r.onlyReject().reason());
  }

  @Example
  void duplicatedHeadersRejectEveryRecord() {
    String csv = "乡镇,年度,咨询投诉,市长热线\n江家店镇,2018,5,5\n苏埠镇,2018,7,7\n";
    Fuzz.Result r = Fuzz.read(READER, "d.csv", csv.getBytes(UTF_8));
    assertEquals(2, r.counts().read());
    assertEquals(2, r.count("DUPLICATE_COLUMN"));
    String same = "乡镇,年度,咨询投诉,咨询投诉\n江家店镇,2018,5,6\n";
    assertEquals(1, Fuzz.read(READER, "d.csv", same.getBytes(UTF_8)).count("DUPLICATE_COLUMN"));
  }

  /** A file without its header: the first line is data, and must not vanish without a reject. */
  @Example
  void aMissingHeaderLosesNoRecord() {
    String csv = "江家店镇,2018,5\n苏埠镇,2018,7\n西市街道,2018,3\n";
    Fuzz.Result r = Fuzz.read(READER, "h.csv", csv.getBytes(UTF_8));
    assertEquals(3, r.counts().read(), "three lines of data are three records");
    assertEquals(0, r.counts().accepted());
    assertEquals(3, r.count("MISSING_HEADER"));
    assertTrue(r.rejects().get(0).reason().contains("表头"), r.rejects().get(0).reason());
  }

  @Example
  void aBomInsideACellIsInvisible() {
    String csv = "乡镇,年度,咨询投诉\n\uFEFF江家店镇,2018,\uFEFF5\n";
    Fuzz.Result r = Fuzz.read(READER, "b.csv", csv.getBytes(UTF_8));
    assertEquals(1, r.counts().accepted());
    assertEquals(5, r.observations().get(0).value());
  }

  /** A 50 MB line is one reject with a clear reason; the records around it are read. */
  @Example
  void aFiftyMegabyteLineIsOneClearReject() {
    int size = 50 << 20;
    byte[] head = "乡镇,年度,咨询投诉,备注\n江家店镇,2018,5,\n苏埠镇,2018,7,".getBytes(UTF_8);
    byte[] tail = "\n西市街道,2018,3,\n".getBytes(UTF_8);
    byte[] bytes = new byte[head.length + size + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    Arrays.fill(bytes, head.length, head.length + size, (byte) 'x');
    System.arraycopy(tail, 0, bytes, head.length + size, tail.length);
    Fuzz.Result r = Fuzz.read(READER, "big.csv", bytes);
    assertEquals(3, r.counts().read());
    assertEquals(2, r.counts().accepted());
    Reject big = r.onlyReject();
    assertEquals("RECORD_TOO_LARGE", big.reasonCode());
    assertEquals("line 3", big.locator());
    assertTrue(big.reason().contains("limits.max_record_bytes") && big.reason().contains(String.valueOf(Fuzz.DEFAULT_MAX_RECORD)), big.reason());
    assertTrue(big.raw().length() <= Reject.MAX_RAW_CHARS + 1, "the reject keeps a short excerpt, not 50 MB");
  }

  /** 10^6 columns in a record: too large under the default limit, and extra cells under a large one. */
  @Example
  void aMillionColumns() {
    StringBuilder b = new StringBuilder("乡镇,年度,咨询投诉\n江家店镇,2018,5");
    for (int i = 3; i < 1_000_000; i++) {
      b.append(",1");
    }
    b.append("\n苏埠镇,2018,7\n");
    byte[] bytes = b.toString().getBytes(UTF_8);
    Fuzz.Result small = Fuzz.read(READER, "wide.csv", bytes);
    assertEquals(2, small.counts().read());
    assertEquals("RECORD_TOO_LARGE", small.onlyReject().reasonCode());
    Fuzz.Result large = Fuzz.read(Fuzz.csv(AUTO, 8 << 20), "wide.csv", bytes);
    assertEquals(2, large.counts().read());
    assertEquals("MALFORMED_RECORD", large.onlyReject().reasonCode());
    assertTrue(large.onlyReject().reason().contains("999997 个非空单元格没有表头"), large.onlyReject().reason());
  }

  /** A header of 10^5 columns (10^6 take seconds to map, see aMillionColumns for 10^6 cells): unmapped ones listed briefly. */
  @Example
  void aVeryWideHeader() {
    int columns = 100_000;
    StringBuilder b = new StringBuilder("乡镇,年度,咨询投诉");
    for (int i = 3; i < columns; i++) {
      b.append(",c").append(i % 5000);
    }
    b.append("\n江家店镇,2018,5").append(",".repeat(columns - 3)).append('\n');
    Fuzz.Result r = Fuzz.read(READER, "wide.csv", b.toString().getBytes(UTF_8));
    assertEquals(1, r.counts().read());
    assertEquals(1, r.counts().accepted(), r.rejects().toString());
    List<String> unmapped = r.counts().unmappedColumns();
    assertEquals(ReadCounts.MAX_UNMAPPED + 1, unmapped.size(), "unmapped columns are listed once each and briefly");
    assertEquals("c3", unmapped.get(0));
    assertEquals("… 4900 more", unmapped.get(ReadCounts.MAX_UNMAPPED));
    assertEquals(r.counts(), roundTrip(r.counts()), "the brief list survives serialisation unchanged");
  }

  private static ReadCounts roundTrip(ReadCounts c) {
    try {
      var bytes = new java.io.ByteArrayOutputStream();
      try (var out = new java.io.ObjectOutputStream(bytes)) {
        out.writeObject(c);
      }
      try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
        return (ReadCounts) in.readObject();
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** A record longer than the limit in characters is rejected; one just at the limit is read. */
  @Property(tries = 100)
  void theRecordLimitIsExact(@ForAll @IntRange(min = 20, max = 5000) int limit) {
    String prefix = "江家店镇,2018,5,";
    String header = "乡镇,年度,咨询投诉,备注\n";
    CsvReader reader = Fuzz.csv(AUTO, limit);
    String fits = prefix + "x".repeat(limit - prefix.length());
    String over = fits + "x";
    Fuzz.Result r = Fuzz.read(reader, "l.csv", (header + fits + "\n" + over + "\n").getBytes(UTF_8));
    assertEquals(2, r.counts().read());
    assertEquals(1, r.counts().accepted());
    assertEquals("RECORD_TOO_LARGE", r.onlyReject().reasonCode());
    assertEquals("line 3", r.onlyReject().locator());
  }
}
