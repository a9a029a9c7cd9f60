package org.gongkai.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gongkai.model.MetricCatalog;

/**
 * The audit rules of one district (see docs/audit-rules.md): a pure function of the district's {@link
 * AuditInput}. Findings come out in a fixed order: severity (error, warning, info), year, region
 * code, rule code, metric (catalog order; none first), then message and evidence.
 */
public final class AuditRules {
  private AuditRules() {}

  public static List<Finding> evaluate(AuditInput in) {
    AuditContext cx = new AuditContext(in);
    List<Finding> findings = new ArrayList<>();
    ConsistencyRules.evaluate(cx, findings);
    ConflictRules.evaluate(cx, findings);
    CoverageRules.evaluate(cx, findings);
    TrendRules.evaluate(cx, findings);
    ReuseRules.evaluate(cx, findings);
    ReportRules.evaluate(cx, findings);
    EstimateRules.evaluate(cx, findings);
    findings.sort(order(in.catalog()));
    return findings;
  }

  /** The order findings are listed in everywhere: errors first, then year, region, rule, metric. */
  public static Comparator<Finding> order(MetricCatalog catalog) {
    return Comparator.comparing(Finding::severity)
        .thenComparingInt(Finding::year)
        .thenComparing(Finding::regionCode, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(Finding::rule)
        .thenComparingInt((Finding f) -> f.metric() == null ? -1 : metricIndex(catalog, f.metric()))
        .thenComparing(Finding::metric, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(Finding::message, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(Finding::evidence, Comparator.nullsFirst(Comparator.naturalOrder()));
  }

  private static int metricIndex(MetricCatalog catalog, String metric) {
    int i = catalog.indexOf(metric);
    return i < 0 ? Integer.MAX_VALUE : i;
  }
}
