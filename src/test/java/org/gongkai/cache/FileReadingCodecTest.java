package org.gongkai.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.model.Notice;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
import org.gongkai.model.Reject;
import org.gongkai.model.ReportFingerprint;
import org.junit.jupiter.api.Test;

class FileReadingCodecTest {
  private static final String KEY = "a".repeat(64);

  @Property(tries = 300)
  void whatIsEncodedIsDecoded(@ForAll("readings") FileReading reading) {
    FileReading back = FileReadingCodec.decode(FileReadingCodec.encode(KEY, reading), KEY);
    assertNotNull(back);
    assertEquals(shown(reading), shown(back));
  }

  @Property(tries = 100)
  void anyFlippedByteOrCutIsNoEntry(@ForAll("readings") FileReading reading, @ForAll java.util.Random random) {
    byte[] entry = FileReadingCodec.encode(KEY, reading);
    byte[] flipped = entry.clone();
    int at = random.nextInt(flipped.length);
    flipped[at] ^= (byte) (1 + random.nextInt(255));
    assertNull(FileReadingCodec.decode(flipped, KEY), "byte " + at + " of " + entry.length + " flipped");
    assertNull(FileReadingCodec.decode(Arrays.copyOf(entry, random.nextInt(entry.length)), KEY), "cut short");
  }

  @Test
  void anotherKeyOrFormatOrForeignFileIsNoEntry() {
    FileReading r = new FileReading(List.of(obs("line 2", "12")), counts(1, 1, 0, 1));
    byte[] entry = FileReadingCodec.encode(KEY, r);
    assertNotNull(FileReadingCodec.decode(entry, KEY));
    assertNull(FileReadingCodec.decode(entry, "b".repeat(64)), "the entry of another key");
    byte[] older = entry.clone();
    older[7] = (byte) (FileReadingCodec.FORMAT + 1);
    assertNull(FileReadingCodec.decode(older, KEY), "another format version");
    assertNull(FileReadingCodec.decode("乡镇,年份\n".getBytes(StandardCharsets.UTF_8), KEY), "a CSV file");
    assertNull(FileReadingCodec.decode(new byte[0], KEY), "an empty file");
  }

  private static Observation obs(String locator, String evidence) {
    return new Observation(2018, "341503101", "hotline_cases", 12, Qualifier.EXACT, false, "s", 0, 0, "f.csv", locator, 3,
        evidence);
  }

  private static ReadCounts counts(long read, long accepted, long rejected, long observations) {
    return new ReadCounts(read, accepted, rejected, observations, List.of(), "UTF-8");
  }

  /** The reading as text, fingerprints' arrays spelled out (a record's equals compares arrays by identity). */
  private static String shown(FileReading r) {
    List<String> out = new ArrayList<>();
    for (Object e : r.events()) {
      out.add(e instanceof ReportFingerprint f
          ? "fp " + f.year() + " " + f.townshipCode() + " " + f.sourceFile() + " " + Arrays.toString(f.minHash())
          : e.toString());
    }
    out.add(r.counts().toString());
    return String.join("\n", out);
  }

  @Provide
  Arbitrary<FileReading> readings() {
    Arbitrary<Object> event = Arbitraries.oneOf(observations(), rejects(), fingerprints(), notices());
    Arbitrary<ReadCounts> counts = Combinators.combine(Arbitraries.longs().between(0, 1 << 20),
        Arbitraries.longs().between(0, 1 << 20), Arbitraries.longs().between(0, 1 << 20), text().list().ofMaxSize(4), text(),
        Arbitraries.longs().between(0, 99))
        .as((a, r, o, u, cs, t) -> new ReadCounts(a + r, a, r, o, u.stream().filter(x -> x != null).toList(), cs, t, t / 2));
    return Combinators.combine(event.list().ofMaxSize(40), counts).as(FileReading::new);
  }

  private static Arbitrary<String> text() {
    Arbitrary<String> chars = Arbitraries.strings().withChars("0123456789行第表镇乡街道，。 \t\n\"\\余约").ofMaxLength(20);
    // any text a decoder gives: every char but a lone surrogate (which no charset decodes to), and pairs
    Arbitrary<String> any = Arbitraries.strings().withCharRange('\u0000', '\ud7ff').withCharRange('\ue000', '\uffff')
        .withChars("\ud83d\ude00").ofMaxLength(12).filter(FileReadingCodecTest::pairedSurrogates);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just(null)), net.jqwik.api.Tuple.of(6, chars),
        net.jqwik.api.Tuple.of(2, any), net.jqwik.api.Tuple.of(2, Arbitraries.of("341503101", "line 2", "s", "f.csv")));
  }

  private static boolean pairedSurrogates(String s) {
    return s.codePoints().noneMatch(c -> c >= 0xd800 && c <= 0xdfff);
  }

  private static Arbitrary<Integer> years() {
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just(null)),
        net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(1990, 2100).map(y -> (Integer) y)));
  }

  private static Arbitrary<Object> observations() {
    return Combinators.combine(Arbitraries.integers().between(1990, 2100), Arbitraries.of("341503101", "341502100"),
        Arbitraries.of("hotline_cases", "published_total", "no_such_metric"), Arbitraries.longs(),
        Arbitraries.of(Qualifier.class), Arbitraries.of(true, false), text(), Arbitraries.integers().between(0, 9))
        .flatAs((y, t, m, v, q, d, loc, order) -> Combinators.combine(text(), text(), Arbitraries.longs(), text())
            .as((src, file, pos, ev) -> new Observation(y, t, m, v, q, d, src, order, order * 10, file, loc, pos, ev)));
  }

  private static Arbitrary<Object> rejects() {
    return Combinators.combine(text(), text(), text(), Arbitraries.longs(), years(), text(), Arbitraries.of("UNKNOWN_REGION", "BAD_COUNT"),
        text()).flatAs((s, f, l, p, y, raw, code, reason) -> text()
            .map(t -> new Reject(s, f, l, p, y, raw, code, reason, t)));
  }

  private static Arbitrary<Object> fingerprints() {
    return Combinators.combine(Arbitraries.integers().between(1990, 2100), text(), text(),
        Arbitraries.integers().array(int[].class).ofMaxSize(16))
        .as((y, t, f, h) -> new ReportFingerprint(y, t, f, h));
  }

  private static Arbitrary<Object> notices() {
    return Combinators.combine(text(), text(), years(), Arbitraries.of(Notice.UNMAPPED_COLUMN, Notice.LINES_SKIPPED), text(),
        text(), text()).as(Notice::new);
  }
}
