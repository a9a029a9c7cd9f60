package org.gongkai.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Buffered streams for one thread. The staging codecs read and write a few bytes at a time
 * through {@code DataInputStream}/{@code DataOutputStream}, and every single-byte call of the
 * JDK's {@code BufferedInputStream}/{@code BufferedOutputStream} takes a lock: in a national
 * run's profile the locks of those calls were most of the shuffle files' coding (~6 % of all
 * CPU samples). A staging stream is only ever used by the thread that opened it.
 */
public final class OneThreadBuffers {
  private static final int SIZE = 1 << 16;

  private OneThreadBuffers() {}

  public static InputStream in(InputStream in) {
    return new In(in);
  }

  public static OutputStream out(OutputStream out) {
    return new Out(out);
  }

  /**
   * The bytes {@code b[off, off + len)} as a stream, without the lock {@code
   * ByteArrayInputStream} takes for every call: decoding a cache entry reads it an int at a
   * time, four calls each (41,000 report entries on a rerun).
   */
  public static InputStream of(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    return new Bytes(b, off, off + len);
  }

  private static final class Bytes extends InputStream {
    private final byte[] b;
    private final int end;
    private int pos;

    Bytes(byte[] b, int pos, int end) {
      this.b = b;
      this.pos = pos;
      this.end = end;
    }

    @Override
    public int read() {
      return pos < end ? b[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] into, int off, int len) {
      Objects.checkFromIndexSize(off, len, into.length);
      if (len == 0) {
        return 0;
      }
      if (pos >= end) {
        return -1;
      }
      int n = Math.min(len, end - pos);
      System.arraycopy(b, pos, into, off, n);
      pos += n;
      return n;
    }

    @Override
    public long skip(long n) {
      long k = Math.max(0, Math.min(n, end - pos));
      pos += (int) k;
      return k;
    }

    @Override
    public int available() {
      return end - pos;
    }
  }

  private static final class In extends InputStream {
    private final InputStream in;
    private final byte[] buf = new byte[SIZE];
    private int pos;
    private int end;

    In(InputStream in) {
      this.in = Objects.requireNonNull(in);
    }

    /** Refills the buffer; false at the end of the stream. */
    private boolean fill() throws IOException {
      int n;
      do {
        n = in.read(buf, 0, buf.length);
      } while (n == 0);
      if (n < 0) {
        return false;
      }
      pos = 0;
      end = n;
      return true;
    }

    @Override
    public int read() throws IOException {
      if (pos == end && !fill()) {
        return -1;
      }
      return buf[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      if (pos == end) {
        if (len >= buf.length) {
          return in.read(b, off, len); // large reads skip the buffer
        }
        if (!fill()) {
          return -1;
        }
      }
      int n = Math.min(len, end - pos);
      System.arraycopy(buf, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public int available() throws IOException {
      return (end - pos) + in.available();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private static final class Out extends OutputStream {
    private final OutputStream out;
    private final byte[] buf = new byte[SIZE];
    private int pos;

    Out(OutputStream out) {
      this.out = Objects.requireNonNull(out);
    }

    @Override
    public void write(int b) throws IOException {
      if (pos == buf.length) {
        drain();
      }
      buf[pos++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len >= buf.length) {
        drain();
        out.write(b, off, len);
        return;
      }
      if (len > buf.length - pos) {
        drain();
      }
      System.arraycopy(b, off, buf, pos, len);
      pos += len;
    }

    private void drain() throws IOException {
      if (pos > 0) {
        out.write(buf, 0, pos);
        pos = 0;
      }
    }

    @Override
    public void flush() throws IOException {
      drain();
      out.flush();
    }

    @Override
    public void close() throws IOException {
      try (OutputStream o = out) {
        drain();
      }
    }
  }
}
