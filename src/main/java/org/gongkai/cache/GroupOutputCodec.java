package org.gongkai.cache;

import org.gongkai.staging.OneThreadBuffers;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.gongkai.staging.Strings;

/**
 * A group's cache entry: a header (magic {@code GKGO}, format version, the entry's key), the
 * body's length and CRC-32C, then the body as it is (its Parquet files are compressed already):
 * the district count, the files (path, bytes) and the emitted elements. {@link #decode} gives
 * null for anything that is not an intact entry of this key and version.
 */
public final class GroupOutputCodec {
  static final byte[] MAGIC = "GKGO".getBytes(StandardCharsets.US_ASCII);
  /** Bumped whenever the layout below changes: older entries then miss, and are rewritten. */
  static final int FORMAT = 1;

  private GroupOutputCodec() {}

  public static byte[] encode(String key, GroupOutput group) {
    try {
      ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 64, group.bytes() + 4096));
      DataOutputStream d = new DataOutputStream(body);
      d.writeInt(group.districts());
      d.writeInt(group.files().size());
      for (GroupOutput.StagedFile f : group.files()) {
        Strings.write(d, f.path());
        d.writeInt(f.bytes().length);
        d.write(f.bytes());
      }
      d.writeInt(group.emitted().size());
      for (GroupOutput.Emitted e : group.emitted()) {
        Strings.write(d, e.key());
        Strings.write(d, e.value());
      }
      d.flush();
      byte[] b = body.toByteArray();
      CRC32C crc = new CRC32C();
      crc.update(b);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(b.length + 128);
      DataOutputStream h = new DataOutputStream(bytes);
      h.write(MAGIC);
      h.writeInt(FORMAT);
      Strings.write(h, key);
      h.writeInt(b.length);
      h.writeInt((int) crc.getValue());
      h.write(b);
      h.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot happen in memory", e);
    }
  }

  /** The group output in {@code entry}, or null when it is not an intact entry of {@code key} in this format. */
  public static GroupOutput decode(byte[] entry, String key) {
    try {
      DataInputStream h = new DataInputStream(OneThreadBuffers.of(entry, 0, entry.length));
      byte[] magic = new byte[MAGIC.length];
      h.readFully(magic);
      if (!Arrays.equals(magic, MAGIC) || h.readInt() != FORMAT || !key.equals(Strings.read(h, 4096))) {
        return null;
      }
      int length = h.readInt();
      int expectedCrc = h.readInt();
      int at = entry.length - h.available();
      if (length != entry.length - at) {
        return null;
      }
      CRC32C crc = new CRC32C();
      crc.update(entry, at, length);
      if ((int) crc.getValue() != expectedCrc) {
        return null;
      }
      DataInputStream d = new DataInputStream(OneThreadBuffers.of(entry, at, length));
      int districts = d.readInt();
      int n = d.readInt();
      if (districts < 0 || n < 0 || n > length) {
        return null;
      }
      List<GroupOutput.StagedFile> files = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String path = Strings.read(d, 4096);
        int size = d.readInt();
        if (path == null || size < 0 || size > d.available()) {
          return null;
        }
        byte[] b = new byte[size];
        d.readFully(b);
        files.add(new GroupOutput.StagedFile(path, b));
      }
      int m = d.readInt();
      if (m < 0 || m > length) {
        return null;
      }
      List<GroupOutput.Emitted> emitted = new ArrayList<>(m);
      for (int i = 0; i < m; i++) {
        String k = Strings.read(d, 4096);
        String v = Strings.read(d, 4096);
        if (k == null || v == null) {
          return null;
        }
        emitted.add(new GroupOutput.Emitted(k, v));
      }
      return d.available() == 0 ? new GroupOutput(districts, files, emitted) : null;
    } catch (IOException | RuntimeException e) {
      return null; // not an entry of ours: the group is analysed again and the entry rewritten
    }
  }
}
