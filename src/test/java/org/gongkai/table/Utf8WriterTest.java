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

  @Test
  void refusesToWriteOnceClosed() throws IOException {
    Writer w = new Utf8Writer(new ByteArrayOutputStream());
    w.close();
    w.close();
    assertThrows(IOException.class, () -> w.write("a"));
  }
}
