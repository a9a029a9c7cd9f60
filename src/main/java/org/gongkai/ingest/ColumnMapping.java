package org.gongkai.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongkai.model.MetricCatalog;
import org.gongkai.normalize.Text;

/**
 * What each column of a table means: a metric, the region (name or code), the district, the
 * year, or nothing. Per-source overrides come first, then the catalog's aliases. A column
 * that no alias names is listed as unmapped; two columns that claim the same meaning make
 * every record of the file a reject, since choosing one would be a guess.
 */
public final class ColumnMapping {
  public static final String REGION = "region";
  public static final String REGION_CODE = "region_code";
  public static final String DISTRICT = "district";
  public static final String YEAR = "year";
  public static final String IGNORE = "ignore";

  private final List<String> headers;
  private final String[] targets; // metric key, a role, or null when unmapped/ignored
  private final List<String> unmapped;
  private final String problem;
  private final int named; // columns that have a meaning or are ignored on purpose
  private final boolean[] ignored;

  private ColumnMapping(List<String> headers, String[] targets, List<String> unmapped, String problem, int named,
      boolean[] ignored) {
    this.ignored = ignored;
    this.headers = headers;
    this.targets = targets;
    this.unmapped = unmapped;
    this.problem = problem;
    this.named = named;
  }

  public static ColumnMapping of(List<String> headers, Map<String, String> overrides, MetricCatalog catalog) {
    Map<String, String> overrideByKey = new LinkedHashMap<>();
    overrides.forEach((h, t) -> overrideByKey.put(Text.key(h), t));
    String[] targets = new String[headers.size()];
    boolean[] ignored = new boolean[headers.size()];
    List<String> unmapped = new ArrayList<>();
    Map<String, Integer> claimed = new LinkedHashMap<>();
    String problem = null;
    int named = 0;
    for (int i = 0; i < headers.size(); i++) {
      String header = headers.get(i) == null ? "" : headers.get(i);
      String key = Text.key(header);
      String target = overrideByKey.get(key);
      if (target == null) {
        Optional<String> role = catalog.roleOf(header);
        target = role.orElseGet(() -> catalog.byAlias(header).map(m -> m.key()).orElse(null));
      }
      if (target == null) {
        if (!key.isEmpty()) {
          unmapped.add(header);
        }
        continue;
      }
      named++;
      if (target.equals(IGNORE)) {
        ignored[i] = true;
        continue;
      }
      Integer previous = claimed.putIfAbsent(target, i);
      if (previous != null && problem == null) {
        problem =
            "第 " + (previous + 1) + " 列 '" + headers.get(previous) + "' 和第 " + (i + 1) + " 列 '" + header
                + "' 都表示 " + target + "；请在作业文件的 columns 中只映射其中一列";
      }
      targets[i] = target;
    }
    return new ColumnMapping(List.copyOf(headers), targets, List.copyOf(unmapped), problem, named, ignored);
  }

  public int size() {
    return headers.size();
  }

  public String header(int i) {
    return headers.get(i);
  }

  /** The metric key or role of column i, or null. */
  public String target(int i) {
    return i < targets.length ? targets[i] : null;
  }

  public boolean isRole(int i) {
    String t = target(i);
    return t != null && (t.equals(REGION) || t.equals(REGION_CODE) || t.equals(DISTRICT) || t.equals(YEAR));
  }

  public List<String> unmapped() {
    return unmapped;
  }

  /** True when column i has a header that maps to nothing (not even {@code ignore}). */
  public boolean isUnmapped(int i) {
    return i < targets.length && targets[i] == null && !ignored[i] && !Text.key(headers.get(i) == null ? "" : headers.get(i)).isEmpty();
  }

  /** Columns that have a meaning or are ignored on purpose. */
  int named() {
    return named;
  }

  /** True when some column names the township (by name or code). */
  boolean namesRegion() {
    for (String t : targets) {
      if (REGION.equals(t) || REGION_CODE.equals(t)) {
        return true;
      }
    }
    return false;
  }

  /** True when some column names a metric. */
  boolean namesMetric() {
    for (int i = 0; i < targets.length; i++) {
      if (targets[i] != null && !isRole(i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when no column names anything the catalog or the source knows (not a region, a year or
   * a metric, nor a column ignored on purpose): the first line is data, not a header.
   */
  public boolean namesNothing() {
    return named == 0;
  }

  /** Why no record of this table can be used, or null. */
  public String problem() {
    return problem;
  }
}
