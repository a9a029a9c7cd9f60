package org.gongkai.rollup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.gongkai.model.MetricCatalog;

/**
 * Groups things by year and metric, the groups in table order: year, the metric's catalog
 * position, then its key (metrics outside the catalog). Keys are a record, not text built per
 * item, and only the groups are sorted: this runs over every observation of a national run.
 */
public final class ByYearMetric {
  private ByYearMetric() {}

  /** The groups in table order; in a group, the items in the order given. */
  public static <T> List<List<T>> group(Iterable<T> items, ToIntFunction<T> year, Function<T, String> metric,
      MetricCatalog catalog) {
    Map<Key, List<T>> groups = new HashMap<>();
    for (T item : items) {
      groups.computeIfAbsent(new Key(year.applyAsInt(item), metric.apply(item)), k -> new ArrayList<>()).add(item);
    }
    List<Key> keys = new ArrayList<>(groups.keySet());
    keys.sort((a, b) -> {
      int c = Integer.compare(a.year, b.year);
      if (c == 0) {
        c = Integer.compare(catalog.indexOf(a.metric), catalog.indexOf(b.metric));
      }
      return c != 0 ? c : a.metric.compareTo(b.metric);
    });
    List<List<T>> ordered = new ArrayList<>(keys.size());
    for (Key k : keys) {
      ordered.add(groups.get(k));
    }
    return ordered;
  }

  private record Key(int year, String metric) {}
}
