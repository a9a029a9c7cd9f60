package org.gongkai.rollup;

import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;

/** Observations for tests. */
public final class Obs {
  private Obs() {}

  public static Observation of(int year, String township, String metric, long value) {
    return of(year, township, metric, value, Qualifier.EXACT, "s", 0, 0, 1);
  }

  public static Observation of(int year, String township, String metric, long value, Qualifier q, String source,
      int order, int priority, long position) {
    return new Observation(year, township, metric, value, q, false, source, order, priority, source + ".csv",
        "line " + position, position, Long.toString(value));
  }
}
