package org.gongkai.staging;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.gongkai.staging.Strings;
import org.gongkai.staging.RegionShares;

/** Deterministic coder for {@link RegionShares}. */
public final class RegionSharesCoder extends AtomicCoder<RegionShares> {
  private static final RegionSharesCoder INSTANCE = new RegionSharesCoder();

  public static RegionSharesCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(RegionShares value, OutputStream out) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    Strings.write(d, value.regionCode());
    d.flush();
    DistrictSharesCoder.of().encode(value.shares(), out);
  }

  @Override
  public RegionShares decode(InputStream in) throws IOException {
    String code = Strings.read(new DataInputStream(in));
    return new RegionShares(code, DistrictSharesCoder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
