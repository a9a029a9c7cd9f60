package org.gongkai.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.gongkai.SampleData;
import org.gongkai.ingest.CsvReader;
import org.gongkai.ingest.JsonLinesReader;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.ingest.ReadSink;
import org.gongkai.ingest.RecordNormalizer;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.ingest.report.ReportReader;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Reject;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.normalize.CountParser;
import org.gongkai.normalize.RegionResolver;

/**
 * Shared fixtures of the fuzz suite: readers over the sample gazetteer (六安市's 金安区, 裕安区,
 * 叶集区 and two 城关镇 elsewhere), a sink that checks what a reader promises, and corruptions of
 * input bytes.
 */
final class Fuzz {
  private Fuzz() {}

  static final Charset GB18030 = Charset.forName("GB18030");
  static final MetricCatalog CATALOG = MetricCatalog.standard();
  static final long DEFAULT_MAX_RECORD = 1 << 20;
  private static final Pattern REASON_CODE = Pattern.compile("[A-Z][A-Z0-9_]{2,40}");
  private static RegionResolver resolver;

  static synchronized RegionResolver resolver() {
    if (resolver == null) {
      resolver = new RegionResolver(SampleData.gazetteer());
    }
    return resolver;
  }

  static SourceSpec spec(SourceSpec.Format format, String encoding, Integer year, String region, Map<String, String> columns) {
    return new SourceSpec("fuzz", 0, format, "fuzz", encoding, year, region, columns, 0, null);
  }

  static SourceSpec csvSpec(String encoding) {
    return spec(SourceSpec.Format.CSV, encoding, 2018, "裕安区", Map.of("备注", "ignore"));
  }

  static SourceSpec jsonlSpec(String encoding) {
    return spec(SourceSpec.Format.JSONL, encoding, 2018, null, Map.of());
  }

  static CsvReader csv(SourceSpec spec, long maxRecordBytes) {
    return new CsvReader(spec, new RecordNormalizer(spec, resolver(), maxRecordBytes), CATALOG);
  }

  static JsonLinesReader jsonl(SourceSpec spec, long maxRecordBytes) {
    return new JsonLinesReader(spec, new RecordNormalizer(spec, resolver(), maxRecordBytes), CATALOG);
  }

  static ReportReader report(SourceSpec spec, long maxReportBytes) {
    return new ReportReader(spec, resolver(), CATALOG, maxReportBytes);
  }

  /** Reads through a checking sink and checks what every reader promises. */
  static Result read(org.gongkai.ingest.FormatReader reader, String file, byte[] bytes) {
    Sink sink = new Sink();
    ReadCounts counts = reader.read(file, bytes, sink);
    assertNotNull(counts, "a reader returns counts");
    Result r = new Result(counts, sink.observations, sink.rejects, sink.fingerprints, sink.stated,
        reader instanceof org.gongkai.ingest.report.ReportReader);
    r.checkInvariants(file);
    return r;
  }

  /** A sink that keeps everything. */
  static final class Sink implements ReadSink {
    final List<Observation> observations = new ArrayList<>();
    final List<Reject> rejects = new ArrayList<>();
    final List<ReportFingerprint> fingerprints = new ArrayList<>();
    final List<org.gongkai.model.StatedFigure> stated = new ArrayList<>();

    @Override
    public void stated(org.gongkai.model.StatedFigure s) {
      stated.add(s);
    }

    @Override
    public void observation(Observation o) {
      observations.add(o);
    }

    @Override
    public void reject(Reject r) {
      rejects.add(r);
    }

    @Override
    public void fingerprint(ReportFingerprint f) {
      fingerprints.add(f);
    }
  }

  /** What a read gave. */
  record Result(ReadCounts counts, List<Observation> observations, List<Reject> rejects, List<ReportFingerprint> fingerprints,
      List<org.gongkai.model.StatedFigure> stated, boolean report) {

    /**
     * Conservation and reasons: read = accepted + rejected; each rejected record is exactly one
     * reject with a stable code and a reason; every accepted record gave at least one observation
     * and no rejected record gave any; every observation is a plausible count of a township.
     */
    void checkInvariants(String file) {
      assertEquals(counts.read(), counts.accepted() + counts.rejected(), "read = accepted + rejected");
      assertTrue(counts.accepted() >= 0 && counts.rejected() >= 0, "counts are not negative");
      assertEquals(counts.rejected(), rejects.size(), "one reject per rejected record");
      assertEquals(counts.observations(), observations.size() + stated.size(), "observations counted (a district's own too)");
      Set<String> rejected = new HashSet<>();
      for (Reject r : rejects) {
        assertNotNull(r.reasonCode(), "a reject has a reason code");
        assertTrue(REASON_CODE.matcher(r.reasonCode()).matches(), "reason code '" + r.reasonCode() + "'");
        assertNotNull(r.reason(), "a reject has a reason");
        assertFalse(r.reason().isBlank(), "a reject's reason is not blank");
        assertEquals(file, r.sourceFile(), "a reject names its file");
        assertTrue(r.raw() == null || r.raw().length() <= Reject.MAX_RAW_CHARS + 1, "raw text is kept short");
        assertTrue(rejected.add(r.locator()), "one reject per record: " + r.locator());
      }
      Set<String> accepted = new HashSet<>();
      for (Observation o : observations) {
        assertTrue(o.value() >= 0 && o.value() <= CountParser.MAX_COUNT_VALUE, "a count in range: " + o.value());
        assertEquals(9, o.townshipCode().length(), "a township code");
        assertNotNull(SampleData.gazetteer().get(o.townshipCode()), "a township of the gazetteer");
        assertEquals(file, o.sourceFile());
        if (!report) {
          accepted.add(o.locator());
          assertFalse(rejected.contains(o.locator()), "a rejected record gave an observation: " + o.locator());
        }
      }
      for (org.gongkai.model.StatedFigure s : stated) {
        Observation o = s.observation();
        assertTrue(o.value() >= 0 && o.value() <= CountParser.MAX_COUNT_VALUE, "a count in range: " + o.value());
        assertEquals(org.gongkai.model.Division.Level.DISTRICT, SampleData.gazetteer().get(o.townshipCode()).level(),
            "a district's own figure");
        if (!report) {
          accepted.add(o.locator());
          assertFalse(rejected.contains(o.locator()), "a rejected record gave a figure: " + o.locator());
        }
      }
      if (!report && counts.accepted() > 0) {
        assertEquals(counts.accepted(), accepted.size(), "every accepted record gave observations");
      }
      assertTrue(fingerprints.size() <= counts.accepted(), "fingerprints only of accepted reports");
    }

    long count(String reasonCode) {
      return rejects.stream().filter(r -> r.reasonCode().equals(reasonCode)).count();
    }

    Reject onlyReject() {
      assertEquals(1, rejects.size(), () -> "one reject: " + rejects);
      return rejects.get(0);
    }
  }

  // ---------------------------------------------------------------- corruptions

  /** A way to spoil a file's bytes. */
  interface Corruption {
    byte[] apply(byte[] bytes);
  }

  static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** Corruptions of a file at a position given as a fraction of its length. */
  static Arbitrary<Corruption> corruptions() {
    Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
    Arbitrary<byte[]> garbage = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64);
    return Arbitraries.oneOf(
        at.map(f -> b -> slice(b, 0, pos(b, f))), // truncated anywhere, even inside a character
        at.map(f -> b -> insert(b, pos(b, f), new byte[] {0})), // a NUL byte
        at.map(f -> b -> insert(b, pos(b, f), UTF8_BOM)), // a BOM in the middle
        Combinators.combine(at, garbage).as((f, g) -> b -> insert(b, pos(b, f), g)), // binary garbage
        Combinators.combine(at, garbage).as((f, g) -> b -> overwrite(b, pos(b, f), g)),
        Combinators.combine(at, at).as((f, g) -> b -> cut(b, pos(b, Math.min(f, g)), pos(b, Math.max(f, g)))),
        Combinators.combine(at, at).as((f, g) -> b -> insert(b, pos(b, f), slice(b, pos(b, Math.min(f, g)), pos(b, Math.max(f, g))))),
        at.map(f -> b -> insert(b, pos(b, f), new byte[] {'\r'})), // a stray CR
        at.map(f -> b -> insert(b, pos(b, f), new byte[] {'"'})), // an unbalanced quote
        Arbitraries.just(b -> new String(b, GB18030).getBytes(StandardCharsets.UTF_8)), // re-encoded as UTF-8
        Arbitraries.just(b -> new String(b, StandardCharsets.UTF_8).getBytes(GB18030)), // UTF-8 read as GB18030 and back
        Arbitraries.just(b -> new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE)),
        Arbitraries.just(b -> new String(b, StandardCharsets.UTF_8).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)),
        Arbitraries.just(b -> concat(UTF8_BOM, b)),
        Arbitraries.just(b -> concat(b, b))); // a file appended to itself: a second header in the middle
  }

  static int pos(byte[] b, double f) {
    return (int) Math.min(b.length, Math.floor(f * (b.length + 1)));
  }

  static byte[] slice(byte[] b, int from, int to) {
    byte[] out = new byte[to - from];
    System.arraycopy(b, from, out, 0, out.length);
    return out;
  }

  static byte[] insert(byte[] b, int at, byte[] what) {
    byte[] out = new byte[b.length + what.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(what, 0, out, at, what.length);
    System.arraycopy(b, at, out, at + what.length, b.length - at);
    return out;
  }

  static byte[] overwrite(byte[] b, int at, byte[] what) {
    byte[] out = b.clone();
    for (int i = 0; i < what.length && at + i < out.length; i++) {
      out[at + i] = what[i];
    }
    return out;
  }

  static byte[] cut(byte[] b, int from, int to) {
    return concat(slice(b, 0, from), slice(b, to, b.length));
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  // ---------------------------------------------------------------- cells

  /** Count cells good and bad: digits, separators, numerals, estimates, missing, junk. */
  static Arbitrary<String> countCells() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 100_000).map(String::valueOf),
        Arbitraries.of("0", "无", "未发生", "-", "", "—", "N/A", "1,234", "１２３", "二十九", "一百零五", "1.2万", "约50条", "1000余条",
            "50左右", "若干", "-5", "3.5", "99999999999999999999", "9223372036854775808", "abc", "12 件", "5\u0000", "\uFFFD"),
        Arbitraries.strings().ofMaxLength(8));
  }

  /** Township names and codes of the sample gazetteer, and things that are not. */
  static Arbitrary<String> regionCells() {
    return Arbitraries.oneOf(
        Arbitraries.of("江家店镇", "苏埠镇", "西市街道", "裕安区江家店镇", "六安市裕安区江家店镇", "341503111", "341503111000", "城关镇",
            "中市街道", "裕安区", "不存在镇", "", "3415031", "\uFEFF江家店镇"),
        Arbitraries.strings().ofMaxLength(6));
  }

  static Arbitrary<String> yearCells() {
    return Arbitraries.oneOf(
        Arbitraries.of("2017", "2018", "2018年", "2018年度", "二〇一八", "", "1899", "20l8", "2018.0"),
        Arbitraries.strings().numeric().ofMaxLength(5));
  }

  /** Headers: roles, metric aliases, unmapped names, blanks and duplicates. */
  static Arbitrary<String> headers() {
    return Arbitraries.of("乡镇", "年度", "区县", "区划代码", "咨询投诉", "hotline_cases", "主动公开信息数", "政策解读", "人大代表建议",
        "政协委员提案", "行政复议", "网站公开条数", "备注", "未知列", "", "\uFEFF乡镇", " 年度 ");
  }
}
