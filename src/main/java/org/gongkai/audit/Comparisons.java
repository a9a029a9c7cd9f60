package org.gongkai.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.rollup.ByYearMetric;
import org.gongkai.rollup.Stats;

/**
 * The {@code comparison} table of one district: per township, year and metric, the district
 * median, share of the district total, rank (1 = highest, ties shared), robust z-score and
 * the change from the prior year.
 */
public final class Comparisons {
  private Comparisons() {}

  /** The constant that makes the MAD comparable to a standard deviation for normal data. */
  static final double MAD_SCALE = 0.6745;

  /**
   * @param winners deduplicated observations of one district, all years
   * @param minUnits fewest reporting townships for a robust z-score (5 by default)
   */
  public static List<ComparisonRow> compare(List<Observation> winners, int minUnits, MetricCatalog catalog) {
    Map<Figure, Long> values = new HashMap<>(winners.size() * 2);
    for (Observation o : winners) {
      values.put(new Figure(o.townshipCode(), o.year(), o.metric()), o.value());
    }
    // Rows are made group by group (year, catalog order of the metric), then put in the table's
    // order: year, township, metric. A township's region columns then repeat row after row,
    // which Parquet's dictionary and statistics pass quickly.
    List<ComparisonRow> rows = new ArrayList<>(winners.size());
    for (List<Observation> group : ByYearMetric.group(winners, Observation::year, Observation::metric, catalog)) {
      long[] sorted = new long[group.size()];
      for (int i = 0; i < sorted.length; i++) {
        sorted[i] = group.get(i).value();
      }
      Arrays.sort(sorted);
      Stats stats = Stats.of(sorted.clone());
      double median = stats.median();
      Double mad = mad(sorted, median);
      for (Observation o : group) {
        Double share = stats.sum() == 0 ? null : (double) o.value() / stats.sum();
        Double z = (mad == null || mad == 0 || sorted.length < minUnits) ? null : MAD_SCALE * (o.value() - median) / mad;
        Long prior = values.get(new Figure(o.townshipCode(), o.year() - 1, o.metric()));
        Double change = prior == null || prior == 0 ? null : (double) (o.value() - prior) / prior;
        rows.add(new ComparisonRow(o.year(), o.townshipCode(), o.metric(), o.value(), o.qualifier(), median, share,
            rank(sorted, o.value()), z, prior, change));
      }
    }
    rows.sort(TABLE_ORDER); // stable: a township's metrics stay in catalog order
    return rows;
  }

  private static final java.util.Comparator<ComparisonRow> TABLE_ORDER = (a, b) -> a.year() != b.year()
      ? Integer.compare(a.year(), b.year()) : a.townshipCode().compareTo(b.townshipCode());

  private record Figure(String township, int year, String metric) {}

  /** 1 + the number of values strictly greater: the highest is 1 and ties share a rank. */
  static int rank(long[] ascending, long value) {
    int firstGreater = upperBound(ascending, value);
    return ascending.length - firstGreater + 1;
  }

  private static int upperBound(long[] a, long v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Median absolute deviation from the median; null for an empty set. */
  static Double mad(long[] values, double median) {
    if (values.length == 0) {
      return null;
    }
    double[] dev = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      dev[i] = Math.abs(values[i] - median);
    }
    Arrays.sort(dev);
    int n = dev.length;
    return n % 2 == 1 ? dev[n / 2] : (dev[n / 2 - 1] + dev[n / 2]) / 2.0;
  }
}
