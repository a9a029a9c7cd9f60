package org.gongkai.cache;

import org.gongkai.staging.OneThreadBuffers;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Notice;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
import org.gongkai.model.Reject;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.model.StatedFigure;
import org.gongkai.staging.DistrictBatch;
import org.gongkai.staging.DistrictBatchCoder;
import org.gongkai.staging.SharedStrings;
import org.gongkai.staging.Strings;

/**
 * A cache entry: a header (magic {@code GKPC}, format version, the entry's key), the body's
 * length and CRC-32 (of the stored, deflated bytes), and the body deflated: the file's events in order, then its counts. Strings
 * that repeat (township, metric, source, file, locator) are written once and then referred to by
 * number. {@link #decode} gives null for anything that is not an intact entry of this key and
 * version: another format, a foreign or truncated file, a flipped bit.
 */
public final class FileReadingCodec {
  static final byte[] MAGIC = "GKPC".getBytes(StandardCharsets.US_ASCII);
  /** Bumped whenever the layout below changes: older entries then miss, and are rewritten. */
  static final int FORMAT = 3;
  private static final int OBSERVATION = 1;
  private static final int REJECT = 2;
  private static final int FINGERPRINT = 3;
  private static final int NOTICE = 4;
  private static final int STATED = 5;
  private static final int END = 0;
  private static final Qualifier[] QUALIFIERS = Qualifier.values();
  private static final MetricCatalog CATALOG = MetricCatalog.standard();
  /** An entry whose body claims more than this is not one of ours. */
  private static final int MAX_BODY = Integer.MAX_VALUE - 64;

  private FileReadingCodec() {}

  public static byte[] encode(String key, FileReading reading) {
    try {
      byte[] body = body(reading);
      Deflater deflater = new Deflater(Deflater.BEST_SPEED);
      deflater.setInput(body);
      deflater.finish();
      ByteArrayOutputStream packed = new ByteArrayOutputStream(body.length / 4 + 64);
      byte[] buf = new byte[1 << 16];
      while (!deflater.finished()) {
        packed.write(buf, 0, deflater.deflate(buf));
      }
      deflater.end();
      // over the stored bytes: a flipped bit that inflates to the same body is still refused
      CRC32 crc = new CRC32();
      crc.update(packed.toByteArray());
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(packed.size() + 64);
      DataOutputStream d = new DataOutputStream(bytes);
      d.write(MAGIC);
      d.writeInt(FORMAT);
      Strings.write(d, key);
      d.writeInt(body.length);
      d.writeInt((int) crc.getValue());
      packed.writeTo(d);
      d.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot happen in memory", e);
    }
  }

  /** The reading in {@code entry}, or null when it is not an intact entry of {@code key} in this format. */
  public static FileReading decode(byte[] entry, String key) {
    try {
      DataInputStream h = new DataInputStream(OneThreadBuffers.of(entry, 0, entry.length));
      byte[] magic = new byte[MAGIC.length];
      h.readFully(magic);
      if (!Arrays.equals(magic, MAGIC) || h.readInt() != FORMAT || !key.equals(Strings.read(h, 4096))) {
        return null;
      }
      int length = h.readInt();
      int expectedCrc = h.readInt();
      if (length < 0 || length > MAX_BODY) {
        return null;
      }
      int headerLength = entry.length - h.available();
      CRC32 crc = new CRC32();
      crc.update(entry, headerLength, entry.length - headerLength);
      if ((int) crc.getValue() != expectedCrc) {
        return null;
      }
      Inflater inflater = new Inflater();
      byte[] body = new byte[length];
      try {
        inflater.setInput(entry, headerLength, entry.length - headerLength);
        int n = 0;
        while (n < length && !inflater.finished() && !inflater.needsInput()) {
          n += inflater.inflate(body, n, length - n);
        }
        if (n != length || !inflater.finished() || inflater.getRemaining() != 0) {
          return null;
        }
      } finally {
        inflater.end();
      }
      DataInputStream d = new DataInputStream(OneThreadBuffers.of(body, 0, body.length));
      FileReading reading = readBody(d);
      return d.available() == 0 ? reading : null;
    } catch (IOException | DataFormatException | RuntimeException e) {
      return null; // not an entry of ours: the caller reads the file again and rewrites the entry
    }
  }

  private static byte[] body(FileReading reading) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 12);
    DataOutputStream d = new DataOutputStream(bytes);
    Map<String, Integer> seen = new HashMap<>();
    for (Object e : reading.events()) {
      if (e instanceof Observation o) {
        d.writeByte(OBSERVATION);
        d.writeInt(o.year());
        SharedStrings.write(d, o.townshipCode(), seen);
        SharedStrings.write(d, o.metric(), seen);
        d.writeLong(o.value());
        d.writeByte(o.qualifier().ordinal());
        d.writeBoolean(o.derived());
        SharedStrings.write(d, o.source(), seen);
        d.writeInt(o.sourceOrder());
        d.writeInt(o.priority());
        SharedStrings.write(d, o.sourceFile(), seen);
        SharedStrings.write(d, o.locator(), seen);
        d.writeLong(o.position());
        Strings.write(d, o.evidence());
        Strings.write(d, o.remark());
      } else if (e instanceof Reject r) {
        d.writeByte(REJECT);
        SharedStrings.write(d, r.source(), seen);
        SharedStrings.write(d, r.sourceFile(), seen);
        Strings.write(d, r.locator());
        d.writeLong(r.position());
        year(d, r.year());
        Strings.write(d, r.raw());
        SharedStrings.write(d, r.reasonCode(), seen);
        Strings.write(d, r.reason());
        Strings.write(d, r.townshipCode());
      } else if (e instanceof ReportFingerprint f) {
        d.writeByte(FINGERPRINT);
        batch(d, new DistrictBatch(List.of(), List.of(f), List.of(), List.of()));
      } else if (e instanceof StatedFigure s) {
        d.writeByte(STATED);
        batch(d, new DistrictBatch(List.of(), List.of(), List.of(), List.of(s)));
      } else {
        Notice n = (Notice) e;
        d.writeByte(NOTICE);
        SharedStrings.write(d, n.source(), seen);
        SharedStrings.write(d, n.sourceFile(), seen);
        year(d, n.year());
        SharedStrings.write(d, n.code(), seen);
        Strings.write(d, n.locator());
        Strings.write(d, n.message());
        Strings.write(d, n.evidence());
      }
    }
    d.writeByte(END);
    ReadCounts c = reading.counts();
    d.writeLong(c.read());
    d.writeLong(c.accepted());
    d.writeLong(c.rejected());
    d.writeLong(c.observations());
    d.writeInt(c.unmappedColumns().size());
    for (String u : c.unmappedColumns()) {
      Strings.write(d, u);
    }
    Strings.write(d, c.charset());
    d.writeLong(c.totalRows());
    d.writeLong(c.uncertain());
    d.flush();
    return bytes.toByteArray();
  }

  /** A report's fingerprint (with its facts) or a stated figure, in the shuffle's own encoding. */
  private static void batch(DataOutputStream d, DistrictBatch b) throws IOException {
    ByteArrayOutputStream one = new ByteArrayOutputStream();
    DistrictBatchCoder.of().encode(b, one);
    d.writeInt(one.size());
    one.writeTo(d);
  }

  private static DistrictBatch batch(DataInputStream d) throws IOException {
    byte[] one = new byte[d.readInt()];
    d.readFully(one);
    return DistrictBatchCoder.of().decode(OneThreadBuffers.of(one, 0, one.length));
  }

  private static FileReading readBody(DataInputStream d) throws IOException {
    List<String> seen = new ArrayList<>();
    List<Object> events = new ArrayList<>();
    for (int kind = d.readByte(); kind != END; kind = d.readByte()) {
      switch (kind) {
        case OBSERVATION -> events.add(new Observation(d.readInt(), SharedStrings.read(d, seen), SharedStrings.readMetric(d, seen), d.readLong(),
            QUALIFIERS[d.readByte()], d.readBoolean(), SharedStrings.read(d, seen), d.readInt(), d.readInt(), SharedStrings.read(d, seen),
            SharedStrings.read(d, seen), d.readLong(), Strings.read(d), Strings.read(d)));
        case REJECT -> events.add(new Reject(SharedStrings.read(d, seen), SharedStrings.read(d, seen), Strings.read(d), d.readLong(), year(d),
            Strings.read(d), SharedStrings.read(d, seen), Strings.read(d), Strings.read(d)));
        case FINGERPRINT -> events.add(batch(d).fingerprints().get(0));
        case STATED -> events.add(batch(d).stated().get(0));
        case NOTICE -> events.add(new Notice(SharedStrings.read(d, seen), SharedStrings.read(d, seen), year(d), SharedStrings.read(d, seen), Strings.read(d),
            Strings.read(d), Strings.read(d)));
        default -> throw new IOException("unknown event kind " + kind);
      }
    }
    long read = d.readLong();
    long accepted = d.readLong();
    long rejected = d.readLong();
    long observations = d.readLong();
    int u = d.readInt();
    List<String> unmapped = new ArrayList<>();
    for (int i = 0; i < u; i++) {
      unmapped.add(Strings.read(d));
    }
    return new FileReading(events, new ReadCounts(read, accepted, rejected, observations, unmapped, Strings.read(d),
        d.readLong(), d.readLong()));
  }

  private static void year(DataOutputStream d, Integer year) throws IOException {
    d.writeBoolean(year != null);
    d.writeInt(year == null ? 0 : year);
  }

  private static Integer year(DataInputStream d) throws IOException {
    boolean present = d.readBoolean();
    int y = d.readInt();
    return present ? y : null;
  }

}
