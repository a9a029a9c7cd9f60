package org.gongkai.audit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.audit.AuditContext.Range;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;

/**
 * Figures that are possible but suspicious against the district or the township's own past:
 * OUTLIER (far from the district median), YOY_JUMP (a jump from the prior year) and
 * CARRYOVER_MISMATCH (carried over in ≠ last year's carried forward).
 */
final class TrendRules {
  private TrendRules() {}

  static void evaluate(AuditContext cx, List<Finding> out) {
    outliers(cx, out);
    for (String t : cx.townships()) {
      for (Map.Entry<Integer, Map<String, Observation>> e : cx.yearsOf(t).entrySet()) {
        int year = e.getKey();
        Map<String, Observation> prior = cx.yearsOf(t).get(year - 1);
        if (prior == null) {
          continue;
        }
        jumps(cx, t, year, e.getValue(), prior, out);
        carryOver(cx, t, year, e.getValue(), prior, out);
      }
    }
  }

  /** |robust z| ≥ outlierZ; the comparison rows leave z null when MAD is 0 or too few townships report. */
  private static void outliers(AuditContext cx, List<Finding> out) {
    double threshold = cx.in.config().outlierZ();
    for (ComparisonRow r : cx.in.comparisons()) {
      Double z = r.robustZ();
      if (z == null || Double.isNaN(z) || Math.abs(z) < threshold) {
        continue;
      }
      Observation o = cx.get(r.townshipCode(), r.year(), r.metric());
      String shown = AuditContext.show(r.value(), r.qualifier());
      out.add(cx.township(Rule.OUTLIER, r.townshipCode(), r.year(), r.metric(),
          cx.name(r.townshipCode()) + " " + r.year() + " 年" + cx.label(r.metric()) + "为 " + shown
              + "，" + (z > 0 ? "远高于" : "远低于") + "全区中位数 " + number(r.districtMedian())
              + "（稳健 z 值 " + String.format(Locale.ROOT, "%.1f", z) + "，阈值 ±" + number(threshold) + "）"
              + (r.qualifier() == Qualifier.EXACT ? "" : "；该数字为估计值"),
          o == null ? "" : AuditContext.evidence(o), r.value(), Math.round(r.districtMedian())));
    }
  }

  /** value ≥ factor × prior or value ≤ prior / factor, both values at least yoyMinimum. */
  private static void jumps(AuditContext cx, String t, int year, Map<String, Observation> now,
      Map<String, Observation> prior, List<Finding> out) {
    double factor = cx.in.config().yoyFactor();
    long min = cx.in.config().yoyMinimum();
    for (Observation o : sorted(cx, now)) {
      Observation p = prior.get(o.metric());
      if (p == null || o.value() < min || p.value() < min) {
        continue;
      }
      boolean up = o.value() >= factor * p.value();
      boolean down = o.value() * factor <= p.value();
      if (!up && !down) {
        continue;
      }
      String ratio = up
          ? "为上年的 " + String.format(Locale.ROOT, "%.1f", (double) o.value() / p.value()) + " 倍"
          : "为上年的 1/" + String.format(Locale.ROOT, "%.1f", (double) p.value() / o.value());
      out.add(cx.township(Rule.YOY_JUMP, t, year, o.metric(),
          cx.name(t) + " " + cx.label(o.metric()) + "从 " + (year - 1) + " 年的 " + AuditContext.show(p)
              + (up ? " 猛增至 " : " 骤降至 ") + year + " 年的 " + AuditContext.show(o) + "（" + ratio + "，阈值 "
              + number(factor) + " 倍）",
          AuditContext.evidence(o, p), o.value(), p.value()));
    }
  }

  /** This year's carried over in against last year's carried forward, both stated. */
  private static void carryOver(AuditContext cx, String t, int year, Map<String, Observation> now,
      Map<String, Observation> prior, List<Finding> out) {
    Observation in = now.get(ConsistencyRules.CARRIED_IN);
    Observation lastOut = prior.get(ConsistencyRules.CARRIED_OUT);
    if (in == null || lastOut == null || !Range.surelyDifferent(Range.of(in), Range.of(lastOut))) {
      return;
    }
    out.add(cx.township(Rule.CARRYOVER_MISMATCH, t, year, ConsistencyRules.CARRIED_IN,
        cx.name(t) + " " + year + " 年" + cx.label(ConsistencyRules.CARRIED_IN) + "为 " + AuditContext.show(in) + "，但 "
            + (year - 1) + " 年" + cx.label(ConsistencyRules.CARRIED_OUT) + "为 " + AuditContext.show(lastOut)
            + "：上年结转到本年的申请应与本年承接的一致",
        AuditContext.evidence(in, lastOut), in.value(), lastOut.value()));
  }

  private static List<Observation> sorted(AuditContext cx, Map<String, Observation> figures) {
    return figures.values().stream()
        .sorted(java.util.Comparator.comparingInt((Observation o) -> cx.in.catalog().indexOf(o.metric()))
            .thenComparing(Observation::metric))
        .toList();
  }

  /** 35, 27.5, 3.5: no trailing zeros. */
  static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return java.math.BigDecimal.valueOf(d).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
        .toPlainString();
  }
}
