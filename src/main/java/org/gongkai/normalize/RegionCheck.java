package org.gongkai.normalize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gongkai.model.Division;
import org.gongkai.model.Gazetteer;

/**
 * Whether a job file's {@code region} names a division of the gazetteer, as the resolver reads
 * it (a code, a name, a short name or a path such as 六安市裕安区), and the near names when it
 * does not: a mistyped district would otherwise narrow nothing and be ignored.
 */
public final class RegionCheck {
  static final int MAX_CANDIDATES = 5;

  private RegionCheck() {}

  /** True when the resolver finds a division for {@code region}. */
  public static boolean names(Gazetteer gazetteer, String region) {
    String key = Text.key(region);
    if (key.isEmpty()) {
      return false;
    }
    if (key.chars().allMatch(Character::isDigit)) {
      String code = key.length() == 12 && key.endsWith("000000") ? key.substring(0, 6)
          : key.length() == 12 && key.endsWith("000") ? key.substring(0, 9) : key;
      return gazetteer.get(code) != null;
    }
    return !new RegionResolver(gazetteer).lookup(key).isEmpty();
  }

  /**
   * Divisions whose name is within one character of {@code region} (two for names of four
   * characters or more), or whose short name is the stem of {@code region} (裕安县 → 裕安区),
   * those nearest only, as "code path".
   */
  public static List<String> candidates(Gazetteer gazetteer, String region) {
    String key = Text.key(region);
    record Near(Division d, int distance) {}
    List<Near> near = new ArrayList<>();
    for (Division d : gazetteer.divisions()) {
      String name = Text.key(d.name());
      String stem = Gazetteer.shortName(name, d.level());
      int limit = name.length() >= 4 ? 2 : 1;
      int distance = distance(key, name, limit);
      boolean sameStem = !stem.equals(name) && stemOf(key).equals(stem);
      if (distance <= limit || sameStem) {
        near.add(new Near(d, sameStem ? Math.min(distance, 1) : distance));
      }
    }
    near.sort(Comparator.comparingInt(Near::distance).thenComparing(n -> n.d().code()));
    if (!near.isEmpty()) { // the nearest only: one character off hides the many two off
      int best = near.get(0).distance();
      near.removeIf(n -> n.distance() > best);
    }
    List<String> out = new ArrayList<>();
    for (Near n : near.subList(0, Math.min(MAX_CANDIDATES, near.size()))) {
      out.add(n.d().code() + " " + gazetteer.pathOf(n.d()));
    }
    if (near.size() > MAX_CANDIDATES) {
      out.add("… " + (near.size() - MAX_CANDIDATES) + " more");
    }
    return out;
  }

  /** The text without a division suffix of any level (裕安县 → 裕安). */
  private static String stemOf(String key) {
    String stem = key;
    for (Division.Level level : Division.Level.values()) {
      String s = Gazetteer.shortName(key, level);
      if (s.length() < stem.length()) {
        stem = s;
      }
    }
    return stem;
  }

  /** The edit distance, or limit + 1 once it must exceed the limit. */
  static int distance(String a, String b, int limit) {
    int d = EditDistance.within(a, b, limit);
    return d < 0 ? limit + 1 : d;
  }
}
