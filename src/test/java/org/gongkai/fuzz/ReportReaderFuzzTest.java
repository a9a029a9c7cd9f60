package org.gongkai.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.ingest.report.ReportReader;
import org.gongkai.model.Observation;

/**
 * The report reader on corrupted copies of the sample reports. (Arbitrary bytes and report-like
 * strings are in ingest.report.ReportPropertiesTest; these start from real reports.)
 */
class ReportReaderFuzzTest {
  private static final SourceSpec SOURCE =
      new SourceSpec("reports", 2, SourceSpec.Format.REPORT, "sample-data/reports/*", "auto", null, null, Map.of(), 0, null);
  private static final long DEFAULT_MAX = 20L << 20;
  private static final ReportReader READER = Fuzz.report(SOURCE, DEFAULT_MAX);
  private static final List<Path> REPORTS = reports();

  private static List<Path> reports() {
    try (Stream<Path> files = Files.list(Path.of("sample-data/reports"))) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A report is one record: read 1, and accepted (with a fingerprint) or one reject. */
  private static Fuzz.Result read(ReportReader reader, String file, byte[] bytes) {
    Fuzz.Result r = Fuzz.read(reader, file, bytes);
    assertEquals(1, r.counts().read());
    assertEquals(r.counts().accepted(), r.fingerprints().size());
    return r;
  }

  private static List<String> figures(Fuzz.Result r) {
    return r.observations().stream().map(ReportReaderFuzzTest::figure).sorted().toList();
  }

  private static String figure(Observation o) {
    return o.townshipCode() + "/" + o.year() + "/" + o.metric() + "=" + o.value() + " " + o.qualifier() + (o.derived() ? " derived" : "");
  }

  /** The sample reports are UTF-8 or GB18030: their text, whichever. */
  private static String text(Path p) {
    return org.gongkai.ingest.EncodingDetector.decode(bytes(p), "auto").text();
  }

  @Provide
  Arbitrary<Path> sampleReports() {
    return Arbitraries.of(REPORTS);
  }

  @Example
  void theSampleReportsAreMostlyAccepted() {
    long accepted = REPORTS.stream().filter(p -> read(READER, p.getFileName().toString(), bytes(p)).counts().accepted() == 1).count();
    assertTrue(accepted >= REPORTS.size() / 2, "the properties below start from reports that read: " + accepted + " of " + REPORTS.size());
  }

  @Property(tries = 150)
  void corruptedReportsConserveAndExplain(
      @ForAll("sampleReports") Path report, @ForAll("corruptionLists") List<Fuzz.Corruption> corruptions, @ForAll("declared") String declared) {
    byte[] bytes = bytes(report);
    for (Fuzz.Corruption c : corruptions) {
      bytes = c.apply(bytes);
    }
    read(Fuzz.report(new SourceSpec("reports", 2, SourceSpec.Format.REPORT, "x", declared, null, null, Map.of(), 0, null), DEFAULT_MAX),
        report.getFileName().toString(), bytes);
  }

  @Provide
  Arbitrary<List<Fuzz.Corruption>> corruptionLists() {
    return Fuzz.corruptions().list().ofMinSize(1).ofMaxSize(3);
  }

  @Provide
  Arbitrary<String> declared() {
    return Arbitraries.of("auto", "auto", "utf-8", "gb18030");
  }

  /** The same report in GB18030 reads to the same figures; read as UTF-8 and written back, it is a BAD_ENCODING reject. */
  @Property(tries = 30)
  void gb18030RoundTrips(@ForAll("sampleReports") Path report) {
    String name = report.getFileName().toString();
    String text = text(report);
    byte[] utf8 = text.getBytes(UTF_8);
    Fuzz.Result original = read(READER, name, utf8);
    byte[] gb = text.getBytes(Fuzz.GB18030);
    Fuzz.Result asGb = read(READER, name, gb);
    assertEquals("GB18030", asGb.counts().charset());
    assertEquals(figures(original), figures(asGb), name);
    assertEquals(original.rejects().stream().map(x -> x.reasonCode()).toList(), asGb.rejects().stream().map(x -> x.reasonCode()).toList());

    Fuzz.Result lossy = read(READER, name, new String(gb, UTF_8).getBytes(UTF_8));
    assertEquals("BAD_ENCODING", lossy.onlyReject().reasonCode(), name);
    Fuzz.Result declaredWrong = read(Fuzz.report(
        new SourceSpec("reports", 2, SourceSpec.Format.REPORT, "x", "utf-8", null, null, Map.of(), 0, null), DEFAULT_MAX), name, gb);
    assertEquals("BAD_ENCODING", declaredWrong.onlyReject().reasonCode(), name);
  }

  /** CRLF line endings read like LF. */
  @Property(tries = 30)
  void crlfReadsLikeLf(@ForAll("sampleReports") Path report) {
    String name = report.getFileName().toString();
    String text = text(report).replace("\r\n", "\n");
    assertEquals(figures(read(READER, name, text.getBytes(UTF_8))), figures(read(READER, name, text.replace("\n", "\r\n").getBytes(UTF_8))), name);
  }

  /** A report truncated anywhere is still one record: accepted with what it states, or rejected with a reason. */
  @Property(tries = 50)
  void truncatedReports(@ForAll("sampleReports") Path report, @ForAll @IntRange(min = 0, max = 100) int percent) {
    byte[] all = bytes(report);
    byte[] cut = java.util.Arrays.copyOf(all, all.length * percent / 100);
    read(READER, report.getFileName().toString(), cut);
  }

  /** The size limit: a report of exactly the limit is read; one byte more is a reject naming the limit and the setting. */
  @Property(tries = 100)
  void theReportLimitIsExact(@ForAll("sampleReports") Path report, @ForAll @IntRange(min = 1, max = 40_000) int limit) {
    byte[] bytes = bytes(report);
    ReportReader reader = Fuzz.report(SOURCE, limit);
    Fuzz.Result r = read(reader, "r.txt", bytes);
    if (bytes.length > limit) {
      assertEquals("REPORT_TOO_LARGE", r.onlyReject().reasonCode());
      assertTrue(r.onlyReject().reason().contains(String.valueOf(limit)), r.onlyReject().reason());
      assertTrue(r.onlyReject().reason().contains("limits.max_report_bytes"), r.onlyReject().reason());
    } else {
      assertTrue(r.rejects().stream().noneMatch(x -> x.reasonCode().equals("REPORT_TOO_LARGE")));
      assertEquals(figures(read(READER, "r.txt", bytes)), figures(r), "a limit above the size changes nothing");
    }
  }

  /** A report over the default maximum (20 MiB): rejected before it is decoded. */
  @Example
  void aFiftyMegabyteReportIsRejectedUnread() {
    byte[] big = new byte[50 << 20];
    java.util.Arrays.fill(big, (byte) 'x');
    Fuzz.Result r = read(READER, "big.txt", big);
    assertEquals("REPORT_TOO_LARGE", r.onlyReject().reasonCode());
    assertTrue(r.onlyReject().raw() == null || r.onlyReject().raw().length() <= 300, "no 50 MB excerpt");
    assertTrue(r.onlyReject().reason().contains("limits.max_report_bytes"), r.onlyReject().reason());
  }

  @Example
  void emptyAndBlankReportsAreRejects() {
    for (byte[] b : List.of(new byte[0], Fuzz.UTF8_BOM, "\n\n".getBytes(UTF_8), "   ".getBytes(UTF_8), new byte[] {0, 0, 0, 0})) {
      Fuzz.Result r = read(READER, "e.txt", b);
      assertEquals(1, r.counts().rejected());
      assertNotEquals("EXTRACTION_FAILED", r.onlyReject().reasonCode(), "an empty file is not an extractor failure");
    }
  }
}
