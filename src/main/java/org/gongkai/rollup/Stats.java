package org.gongkai.rollup;

import java.util.Arrays;

/** Count, sum, min, max, mean and exact median of a set of counts. */
public record Stats(int count, long sum, long min, long max, double mean, double median) {

  /** Statistics of the values (which it sorts in place); empty arrays give count 0. */
  public static Stats of(long[] values) {
    int n = values.length;
    if (n == 0) {
      return new Stats(0, 0, 0, 0, Double.NaN, Double.NaN);
    }
    Arrays.sort(values);
    long sum = 0;
    for (long v : values) {
      sum = Math.addExact(sum, v);
    }
    return new Stats(n, sum, values[0], values[n - 1], (double) sum / n, median(values));
  }

  /** Exact median of sorted values: the middle one, or the mean of the two middle ones. */
  public static double median(long[] sorted) {
    int n = sorted.length;
    if (n % 2 == 1) {
      return sorted[n / 2];
    }
    return sorted[n / 2 - 1] / 2.0 + sorted[n / 2] / 2.0;
  }
}
