package org.gongkai.pipeline.coders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.output.Strings;
import org.gongkai.pipeline.DistrictBatch;

/** Compact deterministic coder for {@link DistrictBatch} (no Java serialization on the hot path). */
public final class DistrictBatchCoder extends AtomicCoder<DistrictBatch> {
  private static final DistrictBatchCoder INSTANCE = new DistrictBatchCoder();
  private static final Qualifier[] QUALIFIERS = Qualifier.values();

  public static DistrictBatchCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(DistrictBatch b, OutputStream out) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(b.observations().size());
    for (Observation o : b.observations()) {
      d.writeShort(o.year());
      Strings.write(d, o.townshipCode());
      Strings.write(d, o.metric());
      d.writeLong(o.value());
      d.writeByte(o.qualifier().ordinal());
      d.writeBoolean(o.derived());
      Strings.write(d, o.source());
      d.writeInt(o.sourceOrder());
      d.writeInt(o.priority());
      Strings.write(d, o.sourceFile());
      Strings.write(d, o.locator());
      d.writeLong(o.position());
      Strings.write(d, o.evidence());
    }
    d.writeInt(b.fingerprints().size());
    for (ReportFingerprint f : b.fingerprints()) {
      d.writeShort(f.year());
      Strings.write(d, f.townshipCode());
      Strings.write(d, f.sourceFile());
      d.writeInt(f.minHash().length);
      for (long h : f.minHash()) {
        d.writeLong(h);
      }
    }
    d.flush();
  }

  @Override
  public DistrictBatch decode(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    int n = d.readInt();
    List<Observation> obs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      obs.add(new Observation(d.readShort(), Strings.read(d), Strings.read(d), d.readLong(), QUALIFIERS[d.readByte()],
          d.readBoolean(), Strings.read(d), d.readInt(), d.readInt(), Strings.read(d), Strings.read(d), d.readLong(),
          Strings.read(d)));
    }
    int m = d.readInt();
    List<ReportFingerprint> fps = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      int year = d.readShort();
      String township = Strings.read(d);
      String file = Strings.read(d);
      long[] h = new long[d.readInt()];
      for (int j = 0; j < h.length; j++) {
        h[j] = d.readLong();
      }
      fps.add(new ReportFingerprint(year, township, file, h));
    }
    return new DistrictBatch(obs, fps);
  }

  @Override
  public void verifyDeterministic() {}
}
