package org.gongkai.staging;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.gongkai.model.MetricCatalog;

/**
 * Strings that repeat within one encoded value (township, metric, source, file) are written
 * once and then referred to by number: smaller encodings, and decoded records share the strings.
 * Writer and reader each keep their own table ({@code seen}) for one value.
 */
public final class SharedStrings {
  private static final MetricCatalog CATALOG = MetricCatalog.standard();

  private SharedStrings() {}

  public static void write(DataOutputStream d, String s, Map<String, Integer> seen) throws IOException {
    if (s == null) {
      d.writeInt(-1);
      return;
    }
    Integer at = seen.get(s);
    if (at != null) {
      d.writeInt(at);
      return;
    }
    seen.put(s, seen.size());
    d.writeInt(-2);
    Strings.write(d, s);
  }

  public static String read(DataInputStream d, List<String> seen) throws IOException {
    int at = d.readInt();
    if (at == -1) {
      return null;
    }
    if (at == -2) {
      String s = Strings.read(d);
      seen.add(s);
      return s;
    }
    return seen.get(at);
  }

  /** A metric key, as the catalog's own instance (see {@link MetricCatalog#sharedKey}). */
  public static String readMetric(DataInputStream d, List<String> seen) throws IOException {
    int size = seen.size();
    String s = read(d, seen);
    if (seen.size() > size) {
      s = CATALOG.sharedKey(s);
      seen.set(size, s);
    }
    return s;
  }
}
