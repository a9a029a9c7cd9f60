package org.gongkai.normalize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.model.Division;
import org.gongkai.model.Division.Level;
import org.gongkai.model.Gazetteer;

/**
 * Finds the township a record names: by 9- or 12-digit code, by a full or partial path
 * (六安市裕安区江家店镇, 裕安区江家店镇), or by name with a district (or city) given as
 * context. An unknown or ambiguous name is never guessed: the result lists the candidates. A
 * text that names one district is that district ({@link RegionResolution.Region}); a city or a
 * province is not a township ({@code NOT_A_TOWNSHIP}).
 * Answers are remembered (a file names each township once a year): one resolver per thread.
 */
public final class RegionResolver {
  static final int MAX_CANDIDATES = 8;
  /** Remembered answers kept at most; then forgotten all at once. */
  static final int MEMO_SIZE = 100_000;
  private final Gazetteer gazetteer;
  private final Map<List<String>, RegionResolution> memo = new HashMap<>();

  public RegionResolver(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /**
   * @param region the record's region text (code or name), may be null
   * @param contexts other region texts that narrow a name (a district column, the source's
   *     default region); null or blank entries are skipped
   */
  public RegionResolution resolve(String region, String... contexts) {
    String[] key = new String[contexts.length + 1];
    key[0] = region;
    System.arraycopy(contexts, 0, key, 1, contexts.length);
    List<String> k = Arrays.asList(key);
    RegionResolution known = memo.get(k);
    if (known == null) {
      if (memo.size() >= MEMO_SIZE) {
        memo.clear();
      }
      known = resolveAnew(region, contexts);
      memo.put(k, known);
    }
    return known;
  }

  private RegionResolution resolveAnew(String region, String... contexts) {
    List<String> ctx = new ArrayList<>();
    for (String c : contexts) {
      if (c != null && !c.isBlank()) {
        ctx.add(c);
      }
    }
    String text = region == null ? "" : Text.key(region);
    if (text.isEmpty()) {
      // A source for a single township may name it once in its defaults.
      for (String c : ctx) {
        List<Division> found = lookup(Text.key(c));
        if (found.size() == 1 && found.get(0).level() == Level.TOWNSHIP) {
          return new RegionResolution.Resolved(found.get(0));
        }
      }
      return new RegionResolution.Unresolved("MISSING_REGION", "没有写乡镇名称或代码", List.of());
    }
    if (text.chars().allMatch(Character::isDigit)) {
      return byCode(text);
    }
    List<Division> candidates = lookup(text);
    List<Division> townships = new ArrayList<>();
    for (Division d : candidates) {
      if (d.level() == Level.TOWNSHIP) {
        townships.add(d);
      }
    }
    if (townships.isEmpty()) {
      if (candidates.size() == 1 && candidates.get(0).level() == Level.DISTRICT) {
        return new RegionResolution.Region(candidates.get(0));
      }
      if (candidates.size() > 1 && candidates.stream().allMatch(d -> d.level() == Level.DISTRICT)) {
        return new RegionResolution.Unresolved("AMBIGUOUS_REGION",
            "有 " + candidates.size() + " 个区县叫这个名字；请写明所属地市或代码", describe(candidates));
      }
      if (!candidates.isEmpty()) {
        return new RegionResolution.Unresolved(
            "NOT_A_TOWNSHIP", notATownship(candidates.get(0).level()), describe(candidates));
      }
      return nearMisses(text, ctx, "区划表中没有这个乡镇", List.of());
    }
    List<Division> narrowed = townships;
    for (String c : ctx) {
      List<Division> within = within(narrowed, c);
      if (within != null) {
        narrowed = within;
      }
    }
    if (narrowed.size() == 1) {
      return new RegionResolution.Resolved(narrowed.get(0));
    }
    if (narrowed.isEmpty()) {
      return nearMisses(text, ctx, String.join("、", ctx) + "没有这个名称的乡镇", describe(townships));
    }
    return new RegionResolution.Unresolved(
        "AMBIGUOUS_REGION",
        "有 " + narrowed.size() + " 个乡镇叫这个名字；请写明所属区县或代码",
        describe(narrowed));
  }

  /**
   * UNKNOWN_REGION for a name, with the townships whose names are near it (江加店镇 → 江家店镇):
   * in the divisions the contexts name (the district, or the job's region), else anywhere; one
   * character off for names of up to four characters, two for longer ones (see {@link
   * #distance}); nearest first.
   */
  private RegionResolution nearMisses(String key, List<String> ctx, String why, List<String> candidates) {
    List<String> scope = new ArrayList<>();
    for (String c : ctx) {
      String k = Text.key(c);
      if (k.chars().allMatch(Character::isDigit)) {
        scope.add(k.length() == 12 && k.endsWith("000000") ? k.substring(0, 6) : k);
      } else {
        lookup(k).forEach(d -> scope.add(d.code()));
      }
    }
    List<Division> near = new ArrayList<>();
    List<Integer> distances = new ArrayList<>();
    for (Division d : gazetteer.divisions()) {
      if (d.level() != Level.TOWNSHIP || (!scope.isEmpty() && scope.stream().noneMatch(d.code()::startsWith))) {
        continue;
      }
      int distance = distance(key, d);
      if (distance >= 0) {
        int at = 0;
        while (at < near.size() && (distances.get(at) < distance
            || (distances.get(at) == distance && near.get(at).code().compareTo(d.code()) < 0))) {
          at++;
        }
        near.add(at, d);
        distances.add(at, distance);
      }
    }
    List<String> named = new ArrayList<>();
    for (int i = 0; i < near.size() && i < MAX_CANDIDATES; i++) {
      named.add(near.get(i).name() + "（" + near.get(i).code() + "）");
    }
    String nearest = near.size() == 1 || (near.size() > 1 && distances.get(0) < distances.get(1)) ? near.get(0).code() : null;
    return new RegionResolution.Unresolved("UNKNOWN_REGION", why, candidates, named, nearest);
  }

  /**
   * The distance of a township's name to the text, or to the text's end where what comes before
   * is the names of its district, city or province (裕安区江加店镇); -1 when further than allowed.
   */
  private int distance(String text, Division d) {
    String name = Text.key(d.name());
    int allowed = name.length() <= 4 ? 1 : 2;
    int best = EditDistance.within(text, name, allowed);
    for (int len = name.length() - 1; len <= name.length() + 1; len++) {
      if (len > 0 && len < text.length() && prefixMatchesAncestors(text.substring(0, text.length() - len), d)) {
        int at = EditDistance.within(text.substring(text.length() - len), name, allowed);
        if (at >= 0 && (best < 0 || at < best)) {
          best = at;
        }
      }
    }
    return best;
  }

  private RegionResolution byCode(String digits) {
    String code = digits;
    if (digits.length() == 12) {
      if (!digits.endsWith("000")) {
        return new RegionResolution.Unresolved(
            "UNKNOWN_REGION", "12 位代码低于乡镇级（末尾不是 000）", List.of());
      }
      code = digits.substring(0, 9);
      Division district = digits.endsWith("000000") ? gazetteer.get(digits.substring(0, 6)) : null;
      if (gazetteer.get(code) == null && district != null && district.level() == Level.DISTRICT) {
        return new RegionResolution.Region(district);
      }
    } else if (digits.length() != 9) {
      Division d = gazetteer.get(digits);
      if (d != null && d.level() == Level.DISTRICT) {
        return new RegionResolution.Region(d);
      }
      if (d != null) {
        return new RegionResolution.Unresolved(
            "NOT_A_TOWNSHIP", notATownship(d.level()), describe(List.of(d)));
      }
      return new RegionResolution.Unresolved(
          "UNKNOWN_REGION", "乡镇代码应为 9 位或 12 位", List.of());
    }
    Division d = gazetteer.get(code);
    if (d == null) {
      return new RegionResolution.Unresolved("UNKNOWN_REGION", "区划表中没有这个乡镇代码", List.of());
    }
    return new RegionResolution.Resolved(d);
  }

  /**
   * Divisions of any level that the text names, alone or behind the names of its ancestors:
   * the longest suffix of the text that is a known name, whose remaining prefix is made of the
   * names (or short names) of that division's province, city and district.
   */
  List<Division> lookup(String key) {
    for (int start = 0; start < key.length(); start++) {
      List<Division> named = gazetteer.byNameKey(key.substring(start));
      if (named.isEmpty()) {
        continue;
      }
      String prefix = key.substring(0, start);
      List<Division> consistent = new ArrayList<>();
      for (Division d : named) {
        if (prefixMatchesAncestors(prefix, d)) {
          consistent.add(d);
        }
      }
      if (!consistent.isEmpty()) {
        return consistent;
      }
    }
    return List.of();
  }

  private boolean prefixMatchesAncestors(String prefix, Division d) {
    String rest = prefix;
    for (String code : new String[] {d.provinceCode(), d.cityCode(), d.districtCode()}) {
      if (rest.isEmpty()) {
        return true;
      }
      if (code == null || code.equals(d.code())) {
        continue;
      }
      Division ancestor = gazetteer.get(code);
      if (ancestor == null) {
        continue;
      }
      String full = Text.key(ancestor.name());
      String shortName = Gazetteer.shortName(full, ancestor.level());
      if (rest.startsWith(full)) {
        rest = rest.substring(full.length());
      } else if (rest.startsWith(shortName)) {
        rest = rest.substring(shortName.length());
      }
    }
    return rest.isEmpty();
  }

  /** The townships among these that lie in the division a context names, or null if it names none. */
  private List<Division> within(List<Division> townships, String context) {
    String key = Text.key(context);
    Set<String> codes = new LinkedHashSet<>();
    if (key.chars().allMatch(Character::isDigit)) {
      codes.add(key.length() == 12 && key.endsWith("000000") ? key.substring(0, 6) : key);
    } else {
      for (Division d : lookup(key)) {
        codes.add(d.code());
      }
    }
    if (codes.isEmpty()) {
      return null;
    }
    List<Division> out = new ArrayList<>();
    for (Division t : townships) {
      for (String code : codes) {
        if (t.code().startsWith(code)) {
          out.add(t);
          break;
        }
      }
    }
    return out;
  }

  /** Districts' own figures are read and checked against their townships; a city's or province's are not (yet). */
  private static String notATownship(Level level) {
    return "是" + levelName(level) + "，不是乡镇" + (level == Level.TOWNSHIP || level == Level.DISTRICT ? ""
        : "（只读取乡镇和区县本级的数字，" + levelName(level) + "本级的不读取）");
  }

  private static String levelName(Level level) {
    return switch (level) {
      case PROVINCE -> "省级区划";
      case CITY -> "地市";
      case DISTRICT -> "区县";
      case TOWNSHIP -> "乡镇";
    };
  }

  private List<String> describe(List<Division> divisions) {
    List<String> out = new ArrayList<>();
    for (Division d : divisions) {
      if (out.size() == MAX_CANDIDATES) {
        out.add("…另有 " + (divisions.size() - MAX_CANDIDATES) + " 个");
        break;
      }
      out.add(d.code() + " " + gazetteer.pathOf(d));
    }
    return out;
  }
}
