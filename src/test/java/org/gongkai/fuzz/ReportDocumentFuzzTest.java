package org.gongkai.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.ingest.report.ReportReader;
import org.gongkai.model.Reject;

/**
 * The report reader on corrupted copies of the PDF and Word reports (sample-data/reports/documents):
 * truncated anywhere, bytes overwritten anywhere. It never throws, a report is one record (accepted
 * with its fingerprint, or one reject with a code and a reason), and what it accepts is still a
 * report of the right township.
 */
class ReportDocumentFuzzTest {
  private static final SourceSpec SOURCE =
      new SourceSpec("reports", 2, SourceSpec.Format.REPORT, "sample-data/reports/documents/*", "auto", null, null, Map.of(), 0, null);
  private static final ReportReader READER = Fuzz.report(SOURCE, 20L << 20);
  private static final List<Path> DOCUMENTS = documents();
  private static final Set<String> CODES = Set.of("BROKEN_DOCUMENT", "NO_TEXT_LAYER", "UNREADABLE_TEXT", "NOT_A_REPORT",
      "NOT_A_REPORT_FILE", "MISSING_YEAR", "UNKNOWN_REGION", "AMBIGUOUS_REGION", "NOT_A_TOWNSHIP", "BAD_ENCODING",
      "ENCRYPTED_DOCUMENT", "ZIP_BOMB", "EXTRACTION_FAILED");

  private static List<Path> documents() {
    try (Stream<Path> files = Files.list(Path.of("sample-data/reports/documents"))) {
      // the ~600 KB Chromium PDF is read by the corpus test; the fuzzing keeps to the smaller ones
      return files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".chromium.pdf")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<Path> document() {
    return Arbitraries.of(DOCUMENTS);
  }

  private static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void wellFormed(Path p, Fuzz.Result r) {
    assertEquals(1, r.counts().read());
    assertEquals(r.counts().accepted(), r.fingerprints().size());
    if (r.counts().rejected() == 1) {
      Reject j = r.onlyReject();
      assertTrue(CODES.contains(j.reasonCode()), j.reasonCode() + ": " + j.reason());
      assertFalse(j.reason().isBlank());
      assertTrue(r.observations().isEmpty());
    } else {
      String township = p.getFileName().toString().substring(0, 9);
      r.observations().forEach(o -> assertEquals(township, o.townshipCode(), o.toString()));
    }
  }

  @Property(tries = 40)
  void aTruncatedDocumentIsReadOrRejectedNeverThrown(@ForAll("document") Path p, @ForAll @IntRange(min = 0, max = 999) int permille) {
    byte[] b = bytes(p);
    Fuzz.Result r = Fuzz.read(READER, p.toString(), Arrays.copyOf(b, (int) ((long) b.length * permille / 1000)));
    wellFormed(p, r);
  }

  @Property(tries = 40)
  void bytesOverwrittenInsideADocumentNeverBreakTheReader(@ForAll("document") Path p, @ForAll @IntRange(min = 0, max = 999) int permille,
      @ForAll @IntRange(min = 1, max = 64) int length, @ForAll byte value) {
    byte[] b = bytes(p);
    int at = (int) ((long) b.length * permille / 1000);
    Arrays.fill(b, at, Math.min(b.length, at + length), value);
    wellFormed(p, Fuzz.read(READER, p.toString(), b));
  }
}
