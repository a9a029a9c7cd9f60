package org.gongkai.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link Utf8Writer} writes the bytes of the JDK's buffered UTF-8 writer, however the text comes. */
class Utf8WriterTest {

  /** Pieces of text: Chinese, ASCII, supplementary characters and unpaired surrogates, some long. */
  @Provide
  Arbitrary<List<String>> pieces() {
    Arbitrary<Character> chars = Arbitraries.oneOf(
        Arbitraries.chars().range('a', 'z'),
        Arbitraries.chars().range('\u4e00', '\u9fa5'),
        Arbitraries.chars().range('\ud800', '\udfff'), // surrogates, paired only by chance
        Arbitraries.of(',', '"', '\n', '\u00a0', '\ufeff', '\uffff'));
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.strings().withChars("𠀀𠮷").ofMaxLength(6), // whole pairs
        chars.list().ofMaxSize(40).map(Utf8WriterTest::join),
        chars.list().ofMinSize(8000).ofMaxSize(20000).map(Utf8WriterTest::join));
    return piece.list().ofMaxSize(30);
  }

  private static String join(List<Character> cs) {
    StringBuilder b = new StringBuilder(cs.size());
    cs.forEach(b::append);
    return b.toString();
  }

  @Property(tries = 300)
  void writesWhatTheJdkWriterWrites(@ForAll("pieces") List<String> pieces, @ForAll Random random) throws IOException {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    ByteArrayOutputStream actual = new ByteArrayOutputStream();
    long seed = random.nextLong();
    try (Writer jdk = new BufferedWriter(new OutputStreamWriter(expected, StandardCharsets.UTF_8));
        Writer ours = new Utf8Writer(actual)) {
      feed(jdk, pieces, new Random(seed));
      feed(ours, pieces, new Random(seed));
    }
    assertArrayEquals(expected.toByteArray(), actual.toByteArray());
  }

  /** Each piece by one of the writer's calls, with a flush now and then (a pair may straddle it). */
  private static void feed(Writer w, List<String> pieces, Random how) throws IOException {
    for (String p : pieces) {
      switch (how.nextInt(5)) {
        case 0 -> w.write(p);
        case 1 -> p.chars().forEach(c -> {
          try {
            w.write(c);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
        case 2 -> w.write(("<" + p + ">").toCharArray(), 1, p.length());
        case 3 -> w.append(p);
        default -> w.write("x" + p + "y", 1, p.length());
      }
      if (how.nextInt(4) == 0) {
        w.flush();
      }
    }
  }

  /**
   * ASCII as bytes and whole numbers as digits, between any other text (a high surrogate left
   * waiting among it): the bytes of the same text written as chars.
   */
  @Property(tries = 100)
  void asciiAndDecimalsAsTheirText(@ForAll("pieces") List<String> pieces, @ForAll List<Long> numbers,
      @ForAll Random how) throws IOException {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    ByteArrayOutputStream actual = new ByteArrayOutputStream();
    List<Long> edges = List.of(0L, -1L, 9L, 10L, -10L, Long.MAX_VALUE, Long.MIN_VALUE, 1_000_000_000_000L);
    try (Writer jdk = new BufferedWriter(new OutputStreamWriter(expected, StandardCharsets.UTF_8));
        Utf8Writer ours = new Utf8Writer(actual)) {
      for (int i = 0; i < Math.max(pieces.size(), numbers.size()) + edges.size(); i++) {
        String piece = i < pieces.size() ? pieces.get(i) : "";
        String first = piece.isEmpty() ? "" : piece.substring(0, 1); // now and then a lone high surrogate
        long n = i < numbers.size() ? numbers.get(i) : edges.get(i % edges.size());
        String ascii = "<c r=\"" + "AB".repeat(how.nextInt(3) == 0 ? 9000 : 2) + "\">";
        for (Writer w : List.of(jdk, ours)) {
          w.write(piece);
          if (w == ours) {
            ours.writeAscii(ascii.getBytes(StandardCharsets.US_ASCII));
          } else {
            w.write(ascii);
          }
          w.write(first);
          if (w == ours) {
            ours.writeDecimal(n);
          } else {
            w.write(Long.toString(n));
          }
        }
        if (how.nextInt(5) == 0) {
          jdk.flush();
          ours.flush();
        }
      }
    }
    assertArrayEquals(expected.toByteArray(), actual.toByteArray());
  }

  @Test
  void refusesToWriteOnceClosed() throws IOException {
    Writer w = new Utf8Writer(new ByteArrayOutputStream());
    w.close();
    w.close();
    assertThrows(IOException.class, () -> w.write("a"));
  }
}
