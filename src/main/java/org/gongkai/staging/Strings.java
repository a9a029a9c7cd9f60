package org.gongkai.staging;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Length-prefixed UTF-8 strings of any length (DataOutput.writeUTF stops at 64 KiB). */
public final class Strings {
  private Strings() {}

  public static void write(DataOutputStream d, String s) throws IOException {
    if (s == null) {
      d.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    d.writeInt(b.length);
    d.write(b);
  }

  public static String read(DataInputStream d) throws IOException {
    int n = d.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    d.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** A string written by {@link #write}, or null when absent or longer than {@code max} bytes (refused before reading). */
  public static String read(DataInputStream d, int max) throws IOException {
    int n = d.readInt();
    if (n < 0 || n > max) {
      return null;
    }
    byte[] b = new byte[n];
    d.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
