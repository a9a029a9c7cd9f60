package org.gongkai.table;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * A buffered UTF-8 writer for one thread: what {@code new BufferedWriter(new
 * OutputStreamWriter(out, UTF_8))} writes, byte for byte (an unpaired surrogate becomes {@code ?}),
 * without a lock, a char buffer and an encoder pass for each call. The CSV printer and POI's
 * sheet writer hand it a cell, a comma or an attribute at a time, millions of calls on a
 * national job.
 */
public final class Utf8Writer extends Writer {
  private final OutputStream out;
  private final byte[] bytes = new byte[1 << 15];
  private final char[] chars = new char[1 << 10];
  private int used;
  private char high; // a high surrogate whose low one has not come yet, or 0
  private boolean closed;

  public Utf8Writer(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int c) throws IOException {
    open();
    if (used >= bytes.length - 4) {
      drain();
    }
    put((char) c);
  }

  @Override
  public void write(String s) throws IOException {
    write(s, 0, s.length());
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    open();
    // Copied out a piece at a time: a loop over an array is several times faster than one of
    // String.charAt, which the small machines' C1 compiler does not inline to an array read.
    for (int end = off + len; off < end; ) {
      int n = Math.min(end - off, chars.length);
      s.getChars(off, off + n, chars, 0);
      write(chars, 0, n);
      off += n;
    }
  }

  @Override
  public void write(char[] c, int off, int len) throws IOException {
    open();
    int end = off + len;
    while (off < end) {
      if (used >= bytes.length - 4) {
        drain();
      }
      // ASCII straight to bytes up to where a char of four bytes still has room
      int stop = Math.min(end, off + (bytes.length - 4 - used));
      if (high == 0) {
        byte[] b = bytes;
        int u = used;
        for (char ch; off < stop && (ch = c[off]) < 0x80; off++) {
          b[u++] = (byte) ch;
        }
        used = u;
      }
      if (off < stop) {
        put(c[off++]);
      }
    }
  }

  @Override
  public Writer append(CharSequence s) throws IOException {
    String text = String.valueOf(s);
    write(text, 0, text.length());
    return this;
  }

  @Override
  public Writer append(char c) throws IOException {
    write(c);
    return this;
  }

  /**
   * Text known to be ASCII, already as bytes: what writing its chars would write. Writers of
   * markup keep their constant pieces so, and skip the copy and the encoding loop of each call.
   */
  public void writeAscii(byte[] b) throws IOException {
    open();
    ascii();
    if (b.length > bytes.length - used) {
      drain();
      if (b.length > bytes.length) {
        out.write(b);
        return;
      }
    }
    System.arraycopy(b, 0, bytes, used, b.length);
    used += b.length;
  }

  /** A whole number in decimal, as {@link Long#toString(long)} writes it, without making the String. */
  public void writeDecimal(long v) throws IOException {
    open();
    ascii();
    if (used > bytes.length - 20) { // 20 chars: the sign and 19 digits of Long.MIN_VALUE
      drain();
    }
    if (v < 0) {
      bytes[used++] = '-';
    } else {
      v = -v; // counted down from the negative side, where Long.MIN_VALUE fits
    }
    int digits = 1;
    for (long rest = v / 10; rest != 0; rest /= 10) {
      digits++;
    }
    int at = used + digits;
    used = at;
    do {
      bytes[--at] = (byte) ('0' - v % 10);
      v /= 10;
    } while (v != 0);
  }

  /** Before ASCII: a high surrogate left waiting becomes ?, as a char that is not its low one makes it. */
  private void ascii() throws IOException {
    if (high != 0) {
      high = 0;
      if (used >= bytes.length) {
        drain();
      }
      bytes[used++] = '?';
    }
  }

  /** One char, with room for four bytes: a pair's four once its low surrogate comes. */
  private void put(char c) {
    if (high != 0) {
      char h = high;
      high = 0;
      if (Character.isLowSurrogate(c)) {
        int cp = Character.toCodePoint(h, c);
        bytes[used++] = (byte) (0xf0 | cp >> 18);
        bytes[used++] = (byte) (0x80 | cp >> 12 & 0x3f);
        bytes[used++] = (byte) (0x80 | cp >> 6 & 0x3f);
        bytes[used++] = (byte) (0x80 | cp & 0x3f);
        return;
      }
      bytes[used++] = '?'; // with the char after it, four bytes at most
    }
    if (c < 0x80) {
      bytes[used++] = (byte) c;
    } else if (c < 0x800) {
      bytes[used++] = (byte) (0xc0 | c >> 6);
      bytes[used++] = (byte) (0x80 | c & 0x3f);
    } else if (Character.isHighSurrogate(c)) {
      high = c;
    } else if (Character.isLowSurrogate(c)) {
      bytes[used++] = '?';
    } else {
      bytes[used++] = (byte) (0xe0 | c >> 12);
      bytes[used++] = (byte) (0x80 | c >> 6 & 0x3f);
      bytes[used++] = (byte) (0x80 | c & 0x3f);
    }
  }

  private void drain() throws IOException {
    out.write(bytes, 0, used);
    used = 0;
  }

  private void open() throws IOException {
    if (closed) {
      throw new IOException("Stream closed");
    }
  }

  @Override
  public void flush() throws IOException {
    if (closed) {
      return;
    }
    drain();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (high != 0) {
        high = 0;
        bytes[used++] = '?';
      }
      drain();
    } finally {
      out.close();
    }
  }
}
