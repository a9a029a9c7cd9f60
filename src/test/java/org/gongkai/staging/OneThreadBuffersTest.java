package org.gongkai.staging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class OneThreadBuffersTest {

  /**
   * Writes of any size (single bytes, small and larger than the buffer) come back in order,
   * through an underlying stream that hands out as few bytes at a time as it likes.
   */
  @Property(tries = 200)
  void whatIsWrittenIsReadBack(@ForAll @Size(max = 40) List<@IntRange(max = 200_000) Integer> sizes,
      @ForAll @IntRange(min = 1, max = 100_000) int underlyingChunk) throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    byte[] all;
    try (DataOutputStream out = new DataOutputStream(OneThreadBuffers.out(sink))) {
      for (int i = 0; i < sizes.size(); i++) {
        int n = sizes.get(i);
        if (i % 3 == 0) {
          out.writeInt(n);
          out.writeLong(-n);
        } else {
          out.write(pattern(n, i));
        }
      }
    }
    all = sink.toByteArray();
    try (DataInputStream in = new DataInputStream(OneThreadBuffers.in(new Trickle(new ByteArrayInputStream(all),
        underlyingChunk)))) {
      for (int i = 0; i < sizes.size(); i++) {
        int n = sizes.get(i);
        if (i % 3 == 0) {
          assertEquals(n, in.readInt());
          assertEquals(-n, in.readLong());
        } else {
          byte[] b = new byte[n];
          in.readFully(b);
          assertArrayEquals(pattern(n, i), b);
        }
      }
      assertEquals(-1, in.read(), "nothing after the last write");
      assertEquals(-1, in.read(new byte[10], 0, 10));
    }
  }

  /** A slice of an array reads as ByteArrayInputStream reads it: bytes, ints, skips, what is left, the end. */
  @Property(tries = 200)
  void aSliceReadsAsTheJdkStream(@ForAll byte[] all, @ForAll @IntRange(max = 50) int from,
      @ForAll @IntRange(max = 50) int cut, @ForAll @Size(max = 30) List<@IntRange(max = 6) Integer> calls)
      throws IOException {
    int off = Math.min(from, all.length);
    int len = Math.max(0, all.length - off - cut);
    InputStream jdk = new ByteArrayInputStream(all, off, len);
    InputStream ours = OneThreadBuffers.of(all, off, len);
    for (int c : calls) {
      assertEquals(jdk.available(), ours.available());
      switch (c) {
        case 0, 1 -> assertEquals(jdk.read(), ours.read());
        case 2 -> assertEquals(jdk.skip(c), ours.skip(c));
        default -> {
          byte[] a = new byte[c * 3];
          byte[] b = new byte[c * 3];
          assertEquals(jdk.read(a, 1, c), ours.read(b, 1, c));
          assertArrayEquals(a, b);
        }
      }
    }
    assertArrayEquals(jdk.readAllBytes(), ours.readAllBytes());
    assertEquals(-1, ours.read());
    assertEquals(0, ours.available());
  }

  @Test
  void aTruncatedStreamEndsInEof() throws IOException {
    DataInputStream in = new DataInputStream(OneThreadBuffers.in(new ByteArrayInputStream(new byte[] {0, 0, 1})));
    assertThrows(EOFException.class, in::readInt);
  }

  @Test
  void closingFlushesAndClosesTheUnderlyingStream() throws IOException {
    boolean[] closed = {false};
    ByteArrayOutputStream bytes = new ByteArrayOutputStream() {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    OutputStream out = OneThreadBuffers.out(bytes);
    out.write(7);
    assertEquals(0, bytes.size(), "buffered");
    out.flush();
    assertEquals(1, bytes.size());
    out.write(new byte[] {1, 2, 3}, 1, 2);
    out.close();
    assertArrayEquals(new byte[] {7, 2, 3}, bytes.toByteArray());
    assertEquals(true, closed[0]);
  }

  private static byte[] pattern(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 + seed);
    }
    return b;
  }

  /** Hands out at most {@code chunk} bytes a call, as a channel or a socket may. */
  private static final class Trickle extends FilterInputStream {
    private final int chunk;

    Trickle(InputStream in, int chunk) {
      super(in);
      this.chunk = chunk;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return super.read(b, off, Math.min(len, chunk));
    }
  }
}
