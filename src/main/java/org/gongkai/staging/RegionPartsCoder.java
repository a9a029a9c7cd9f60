package org.gongkai.staging;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.gongkai.staging.Strings;
import org.gongkai.staging.RegionParts;

/** Deterministic coder for {@link RegionParts}. */
public final class RegionPartsCoder extends AtomicCoder<RegionParts> {
  private static final RegionPartsCoder INSTANCE = new RegionPartsCoder();

  public static RegionPartsCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(RegionParts value, OutputStream out) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    Strings.write(d, value.regionCode());
    d.flush();
    RollupPartsCoder.of().encode(value.parts(), out);
  }

  @Override
  public RegionParts decode(InputStream in) throws IOException {
    String code = Strings.read(new DataInputStream(in));
    return new RegionParts(code, RollupPartsCoder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
