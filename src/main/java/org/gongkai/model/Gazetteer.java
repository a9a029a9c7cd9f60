package org.gongkai.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongkai.model.Division.Level;
import org.gongkai.normalize.Text;

/**
 * The divisions a job knows: provinces, cities, districts and townships, with name indexes.
 * The expected set of townships of each district comes from here. Build it with {@link
 * #of(List)}; parents are known from the code itself (341503111 is in 341503, 3415 and 34).
 */
public final class Gazetteer implements Serializable {
  private final Map<String, Division> byCode;
  /** The same divisions hashed: lookups happen per output row, the sorted map is for iteration. */
  private final Map<String, Division> index;
  private final Map<String, List<Division>> townshipsByDistrict;
  private final Map<String, List<Division>> byNameKey;

  private Gazetteer(Map<String, Division> byCode) {
    this.byCode = byCode;
    this.index = new HashMap<>(byCode);
    Map<String, List<Division>> byDistrict = new TreeMap<>();
    Map<String, List<Division>> byName = new HashMap<>();
    for (Division d : byCode.values()) { // TreeMap: code order
      if (d.level() == Level.TOWNSHIP) {
        byDistrict.computeIfAbsent(d.districtCode(), k -> new ArrayList<>()).add(d);
      }
      for (String key : nameKeys(d.name(), d.level())) {
        byName.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
      }
    }
    byDistrict.replaceAll((k, v) -> List.copyOf(v));
    this.townshipsByDistrict = Collections.unmodifiableMap(byDistrict);
    this.byNameKey = byName;
  }

  /** A gazetteer of these divisions; each code's length gives its level. */
  public static Gazetteer of(List<Division> divisions) {
    Map<String, Division> map = new TreeMap<>();
    for (Division d : divisions) {
      if (map.put(d.code(), d) != null) {
        throw new IllegalArgumentException("division code " + d.code() + " appears twice");
      }
    }
    return new Gazetteer(Collections.unmodifiableMap(map));
  }

  /** Builds a division from its code and name, its parents taken from the code. */
  public static Division division(String code, String name, Long population) {
    Level level = Level.ofCodeLength(code.length());
    if (level == null) {
      throw new IllegalArgumentException("a division code has 2, 4, 6 or 9 digits: " + code);
    }
    return new Division(
        code,
        name,
        level,
        code.length() >= 6 ? code.substring(0, 6) : null,
        code.length() >= 4 ? code.substring(0, 4) : null,
        code.substring(0, 2),
        population);
  }

  /**
   * The keys a name is found by: the name itself and, for townships and districts, the name
   * without its generic suffix (江家店镇 → 江家店, 裕安区 → 裕安), when something remains.
   */
  static List<String> nameKeys(String name, Level level) {
    String key = Text.key(name);
    List<String> keys = new ArrayList<>(2);
    keys.add(key);
    String shortName = shortName(key, level);
    if (!shortName.equals(key)) {
      keys.add(shortName);
    }
    return keys;
  }

  public static String shortName(String key, Level level) {
    String[] suffixes =
        switch (level) {
          case TOWNSHIP -> new String[] {"街道办事处", "街道", "镇", "乡", "办事处"};
          case DISTRICT -> new String[] {"自治县", "区", "县", "市", "旗"};
          case CITY -> new String[] {"自治州", "地区", "市", "盟"};
          case PROVINCE -> new String[] {"维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"};
        };
    for (String suffix : suffixes) {
      if (key.endsWith(suffix) && key.length() - suffix.length() >= 2) {
        return key.substring(0, key.length() - suffix.length());
      }
    }
    return key;
  }

  public Division get(String code) {
    return index.get(code);
  }

  /** All divisions in code order. */
  public Iterable<Division> divisions() {
    return byCode.values();
  }

  /** The townships of a district in code order; empty for an unknown district. */
  public List<Division> townshipsOf(String districtCode) {
    return townshipsByDistrict.getOrDefault(districtCode, List.of());
  }

  /** District codes that have townships, in code order. */
  public List<String> districtCodes() {
    return List.copyOf(townshipsByDistrict.keySet());
  }

  /** Divisions whose name or short name has this matching key (see {@link Text#key}). */
  public List<Division> byNameKey(String key) {
    return byNameKey.getOrDefault(key, List.of());
  }

  /** Number of townships under a division of any level. */
  public int townshipCount(String code) {
    if (code.length() == 6) {
      return townshipsOf(code).size();
    }
    int n = 0;
    for (Map.Entry<String, List<Division>> e : townshipsByDistrict.entrySet()) {
      if (e.getKey().startsWith(code)) {
        n += e.getValue().size();
      }
    }
    return n;
  }

  /** The name of a division, or its code when the gazetteer does not have it. */
  public String nameOf(String code) {
    if (code == null) {
      return null;
    }
    Division d = index.get(code);
    return d == null ? code : d.name();
  }

  /** 安徽省六安市裕安区江家店镇: the names from the province down. */
  public String pathOf(Division d) {
    StringBuilder b = new StringBuilder();
    for (String code : new String[] {d.provinceCode(), d.cityCode(), d.districtCode()}) {
      if (code != null && !code.equals(d.code()) && byCode.containsKey(code)) {
        b.append(byCode.get(code).name());
      }
    }
    return b.append(d.name()).toString();
  }

  public int size() {
    return byCode.size();
  }
}
