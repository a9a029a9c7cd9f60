package org.gongkai.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.model.MetricCatalog;

/**
 * The order an auditor works through a district's findings (the {@code rank} column, report.html's
 * and the run summary's top findings): severity first, then how far off the finding is
 * ({@link #distance}), then the size of the figure, then the audit order (year, region, rule,
 * metric) so that the rank is a pure function of the findings.
 */
public final class FindingRanks {
  private FindingRanks() {}

  /**
   * How far off, comparable across rules and metrics: |ln(1+value) − ln(1+reference)|, i.e. how
   * many times larger or smaller the figure found is than the one it was compared with (an
   * OUTLIER against the district median, a YOY_JUMP against the year before, the two sides of a
   * balance, a part against its total). For a district's MISSING_REPORT (value = townships
   * missing, reference = expected) it is ln((1+expected)/(1+reporting)), the same scale. A finding
   * without two figures (a township's missing report, a reused report, an estimate) is 0.
   */
  public static double distance(Finding f) {
    if (f.value() == null || f.referenceValue() == null) {
      return 0;
    }
    if (Rule.MISSING_REPORT.code().equals(f.rule())) {
      long expected = f.referenceValue();
      return Math.log1p(expected) - Math.log1p(Math.max(0, expected - f.value()));
    }
    return Math.abs(Math.log1p(Math.abs((double) f.value())) - Math.log1p(Math.abs((double) f.referenceValue())));
  }

  /** The larger of the figure found and the figure compared with; 0 when neither is given. */
  static long size(Finding f) {
    long v = f.value() == null ? 0 : Math.abs(f.value());
    long r = f.referenceValue() == null ? 0 : Math.abs(f.referenceValue());
    return Math.max(v, r);
  }

  public static Comparator<Finding> order(MetricCatalog catalog) {
    return Comparator.comparing(Finding::severity)
        .thenComparing(Comparator.comparingDouble(FindingRanks::distance).reversed())
        .thenComparing(Comparator.comparingLong(FindingRanks::size).reversed())
        .thenComparing(AuditRules.order(catalog));
  }

  /** One district's findings, best ranked first (rank 1 is the first). */
  public static List<Finding> ranked(List<Finding> findings, MetricCatalog catalog) {
    List<Finding> out = new ArrayList<>(findings);
    out.sort(order(catalog));
    return out;
  }

  /** Each finding of a list {@link #ranked} (by identity) → its 1-based rank: its place in the list. */
  public static Map<Finding, Integer> ranks(List<Finding> ranked) {
    Map<Finding, Integer> out = new IdentityHashMap<>();
    for (int i = 0; i < ranked.size(); i++) {
      out.put(ranked.get(i), i + 1);
    }
    return out;
  }
}
