package org.gongkai.staging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.beam.sdk.coders.Coder;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
import org.gongkai.model.RejectedRecord;
import org.gongkai.model.ReportFacts;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.model.StatedFigure;
import org.gongkai.staging.RowBatch;
import org.gongkai.staging.RowBatchCoder;
import org.gongkai.staging.DistrictBatch;
import org.gongkai.staging.RegionShares;
import org.gongkai.rollup.DistrictShare;

/**
 * Every shuffle coder gives back what it was given, field by field, and encodes equal values to
 * equal bytes (a runner compares encoded keys and may re-encode a decoded element).
 */
class CoderRoundTripTest {

  @Property(tries = 200)
  void districtBatchesRoundTrip(@ForAll("batches") DistrictBatch b) throws IOException {
    DistrictBatch back = roundTrip(DistrictBatchCoder.of(), b);
    assertEquals(b.observations(), back.observations());
    assertEquals(b.rejected(), back.rejected());
    assertEquals(b.fingerprints().size(), back.fingerprints().size());
    for (int i = 0; i < b.fingerprints().size(); i++) {
      ReportFingerprint want = b.fingerprints().get(i);
      ReportFingerprint got = back.fingerprints().get(i);
      assertEquals(List.of(want.year(), want.townshipCode(), want.sourceFile()),
          List.of(got.year(), got.townshipCode(), got.sourceFile()));
      assertArrayEquals(want.minHash(), got.minHash());
      assertEquals(want.facts(), got.facts());
    }
    assertEquals(b.stated(), back.stated());
  }

  @Property(tries = 200)
  void districtSharesRoundTrip(@ForAll("districtShares") List<DistrictShare> shares) throws IOException {
    assertSameShares(shares, roundTrip(DistrictSharesCoder.of(), shares));
  }

  @Property(tries = 100)
  void regionSharesRoundTrip(@ForAll("regionCodes") String region, @ForAll("districtShares") List<DistrictShare> shares)
      throws IOException {
    RegionShares back = roundTrip(RegionSharesCoder.of(), new RegionShares(region, shares));
    assertEquals(region, back.regionCode());
    assertSameShares(shares, back.shares());
  }

  @Property(tries = 200)
  void rowBatchesRoundTrip(@ForAll("rowBatches") RowBatch b) throws IOException {
    RowBatch back = roundTrip(RowBatchCoder.of(), b);
    assertEquals(b.table(), back.table());
    assertEquals(b.key(), back.key());
    assertEquals(b.rows().size(), back.rows().size());
    for (int i = 0; i < b.rows().size(); i++) {
      assertArrayEquals(b.rows().get(i), back.rows().get(i), "row " + i);
    }
  }

  /** Length-prefixed strings go past DataOutput.writeUTF's 64 KiB. */
  @Example
  void aLongEvidenceSurvives() throws IOException {
    String evidence = "主动公开".repeat(40_000);
    Observation o = new Observation(2023, "341502100", "published_total", 1, Qualifier.EXACT, false, "r", 0, 0,
        "r.txt", "line 1", 1, evidence);
    DistrictBatch back = roundTrip(DistrictBatchCoder.of(), new DistrictBatch(List.of(o), List.of(), List.of()));
    assertEquals(evidence, back.observations().get(0).evidence());
  }

  private static <T> T roundTrip(Coder<T> coder, T value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    coder.encode(value, out);
    byte[] bytes = out.toByteArray();
    T back = coder.decode(new ByteArrayInputStream(bytes));
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    coder.encode(back, again);
    assertArrayEquals(bytes, again.toByteArray(), "a decoded value encodes to the same bytes");
    return back;
  }

  private static void assertSameShares(List<DistrictShare> want, List<DistrictShare> got) {
    assertEquals(want.size(), got.size());
    for (int i = 0; i < want.size(); i++) {
      DistrictShare w = want.get(i);
      DistrictShare g = got.get(i);
      assertEquals(List.of(w.year(), w.metric(), w.sumQualifier()), List.of(g.year(), g.metric(), g.sumQualifier()));
      assertArrayEquals(w.values(), g.values(), "values of part " + i + " " + Arrays.toString(w.values()));
    }
  }

  // ---------------------------------------------------------------- generators

  private static Arbitrary<String> text() {
    return Arbitraries.strings().withCharRange('一', '龥').withCharRange(' ', '~').withChars('\n', '\t', '：', '，')
        .ofMaxLength(30);
  }

  private static Arbitrary<Integer> years() {
    return Arbitraries.integers().between(1990, 2100);
  }

  @Provide
  Arbitrary<String> regionCodes() {
    return Arbitraries.strings().numeric().ofMinLength(2).ofMaxLength(9);
  }

  private static Arbitrary<String> metrics() {
    return Arbitraries.of("published_total", "applications_received", "hotline_cases", "not_in_catalog", "x");
  }

  private static Arbitrary<Observation> observations() {
    Arbitrary<String> files = Arbitraries.of("a.csv", "reports/木厂镇.txt", "gs://b/x.jsonl");
    return Combinators.combine(
        Combinators.combine(years(), Arbitraries.strings().numeric().ofLength(9), metrics(),
            Arbitraries.longs().between(0, Long.MAX_VALUE), Arbitraries.of(Qualifier.class), Arbitraries.of(true, false))
            .as(Head::new),
        Arbitraries.of("records", "reports", "来源"), Arbitraries.integers().between(0, 1000),
        Arbitraries.integers().between(-5, 5), files, text().injectNull(0.1),
        Arbitraries.longs().between(0, Long.MAX_VALUE), Combinators.combine(text().injectNull(0.3), text().injectNull(0.7))
            .as(java.util.Arrays::asList))
        .as((h, source, order, priority, file, locator, position, texts) -> new Observation(h.year, h.township,
            h.metric, h.value, h.qualifier, h.derived, source, order, priority, file, locator, position, texts.get(0),
            texts.get(1)));
  }

  private record Head(int year, String township, String metric, long value, Qualifier qualifier, boolean derived) {}

  @Provide
  Arbitrary<DistrictBatch> batches() {
    Arbitrary<ReportFingerprint> fingerprints = Combinators.combine(years(), Arbitraries.strings().numeric().ofLength(9),
        text(), Arbitraries.integers().array(int[].class).ofMaxSize(16), facts().injectNull(0.3))
        .as(ReportFingerprint::new);
    Arbitrary<RejectedRecord> rejected = Combinators.combine(years(), Arbitraries.strings().numeric().ofLength(9),
        Arbitraries.of("BAD_COUNT", "UNKNOWN_REGION"), Arbitraries.of("a.csv", "b.xlsx"), text())
        .as(RejectedRecord::new);
    Arbitrary<StatedFigure> stated = Combinators.combine(observations(), text().injectNull(0.5)).as(StatedFigure::new);
    return Combinators.combine(observations().list().ofMaxSize(20), fingerprints.list().ofMaxSize(4),
        rejected.list().ofMaxSize(4), stated.list().ofMaxSize(3)).as(DistrictBatch::new);
  }

  private static Arbitrary<ReportFacts> facts() {
    Arbitrary<List<String>> sections = Arbitraries.of("overview", "published", "applications", "legal", "problems", "other")
        .list().uniqueElements().ofMaxSize(6);
    Arbitrary<ReportFacts.Mismatch> mismatch = Combinators.combine(metrics(), text(), text(), text(),
        Arbitraries.longs().between(0, 100_000), text(), text()).as(ReportFacts.Mismatch::new);
    Arbitrary<List<String>> published = Combinators.combine(Arbitraries.of("2019-02-20", "2024-01-31"),
        Arbitraries.of("page", "title", "signature"), text(), text()).as(List::of).injectNull(0.3);
    return Combinators.combine(Arbitraries.of("prose", "template"), published, sections, sections, sections,
        Arbitraries.of(true, false), mismatch.list().ofMaxSize(3))
        .as((format, on, found, missing, tables, complete, m) -> on == null
            ? new ReportFacts(format, null, null, null, null, found, missing, tables, complete, m)
            : new ReportFacts(format, on.get(0), on.get(1), on.get(2), on.get(3), found, missing, tables, complete, m));
  }

  @Provide
  Arbitrary<List<DistrictShare>> districtShares() {
    return Combinators.combine(years(), metrics(), Arbitraries.longs().between(0, Long.MAX_VALUE).array(long[].class)
            .ofMaxSize(30), Arbitraries.of(Qualifier.class))
        .as(DistrictShare::new).list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<RowBatch> rowBatches() {
    Arbitrary<Object> cell = Arbitraries.oneOf(text().map(s -> (Object) s), Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.longs().map(l -> (Object) l), Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b), Arbitraries.just(null));
    Arbitrary<Object[]> row = cell.list().ofMaxSize(20).map(List::toArray);
    return Combinators.combine(Arbitraries.of("township_metrics", "rejects", "findings"), text().injectNull(0.2),
        row.list().ofMaxSize(10)).as(RowBatch::new);
  }
}
