package org.gongkai.staging;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.gongkai.model.Qualifier;
import org.gongkai.staging.Strings;
import org.gongkai.rollup.RollupPart;

/** Deterministic coder for a district's list of {@link RollupPart}s. */
public final class RollupPartsCoder extends AtomicCoder<List<RollupPart>> {
  private static final RollupPartsCoder INSTANCE = new RollupPartsCoder();

  public static RollupPartsCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(List<RollupPart> parts, OutputStream out) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(parts.size());
    for (RollupPart p : parts) {
      d.writeShort(p.year());
      Strings.write(d, p.metric());
      d.writeByte(p.sumQualifier().ordinal());
      d.writeInt(p.values().length);
      for (long v : p.values()) {
        d.writeLong(v);
      }
    }
    d.flush();
  }

  @Override
  public List<RollupPart> decode(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    int n = d.readInt();
    List<RollupPart> parts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int year = d.readShort();
      String metric = Strings.read(d);
      Qualifier q = Qualifier.values()[d.readByte()];
      long[] values = new long[d.readInt()];
      for (int j = 0; j < values.length; j++) {
        values[j] = d.readLong();
      }
      parts.add(new RollupPart(year, metric, values, q));
    }
    return parts;
  }

  @Override
  public void verifyDeterministic() {}
}
