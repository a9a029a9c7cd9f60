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
import org.gongkai.rollup.DistrictShare;

/** Deterministic coder for a district's list of {@link DistrictShare}s. */
public final class DistrictSharesCoder extends AtomicCoder<List<DistrictShare>> {
  private static final DistrictSharesCoder INSTANCE = new DistrictSharesCoder();

  public static DistrictSharesCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(List<DistrictShare> shares, OutputStream out) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(shares.size());
    for (DistrictShare p : shares) {
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
  public List<DistrictShare> decode(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    int n = d.readInt();
    List<DistrictShare> shares = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int year = d.readShort();
      String metric = Strings.read(d);
      Qualifier q = Qualifier.values()[d.readByte()];
      long[] values = new long[d.readInt()];
      for (int j = 0; j < values.length; j++) {
        values[j] = d.readLong();
      }
      shares.add(new DistrictShare(year, metric, values, q));
    }
    return shares;
  }

  @Override
  public void verifyDeterministic() {}
}
