package org.gongkai.model;

import java.util.Locale;

/** How a stated figure relates to the true count. */
public enum Qualifier {
  /** The figure is the count. */
  EXACT,
  /** The true count is at least the figure: 余, 多, 以上, 超过, 逾. */
  LOWER_BOUND,
  /** The figure is an estimate either way: 约, 左右, 近, 大约. */
  APPROXIMATE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Qualifier fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }

  /**
   * The qualifier of a sum of parts: exact only if every part is exact; a lower bound if
   * every estimate is a lower bound; approximate as soon as one part is approximate.
   */
  public Qualifier plus(Qualifier other) {
    if (this == APPROXIMATE || other == APPROXIMATE) {
      return APPROXIMATE;
    }
    if (this == LOWER_BOUND || other == LOWER_BOUND) {
      return LOWER_BOUND;
    }
    return EXACT;
  }
}
