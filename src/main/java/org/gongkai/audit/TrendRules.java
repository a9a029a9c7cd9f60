package org.gongkai.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.audit.AuditContext.Range;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;

/**
 * Figures that are possible but suspicious against the district or the township's own past:
 * OUTLIER (far from the district median on the log scale), YOY_JUMP (a jump from the prior year) and
 * CARRYOVER_MISMATCH (carried over in ≠ last year's carried forward).
 */
final class TrendRules {
  private TrendRules() {}

  static void evaluate(AuditContext cx, List<Finding> out) {
    outliers(cx, out);
    Map<String, double[]> changes = changeScales(cx);
    for (String t : cx.townships()) {
      for (Map.Entry<Integer, Map<String, Observation>> e : cx.yearsOf(t).entrySet()) {
        int year = e.getKey();
        Map<String, Observation> prior = cx.yearsOf(t).get(year - 1);
        if (prior == null) {
          continue;
        }
        jumps(cx, t, year, e.getValue(), prior, changes, out);
        carryOver(cx, t, year, e.getValue(), prior, out);
      }
    }
  }

  /**
   * Far from the district on the log scale. Counts of items and cases are skewed (a city street
   * office publishes ten times what a mountain township does), so a robust z of the raw counts
   * flags the skew; on log1p(x) it judges a figure by how many times larger or smaller than its
   * district's it is. The spread (MAD) is the district's over all its years, each year's figures
   * taken from that year's median: a district has a dozen townships, and one year's MAD of a
   * dozen figures is often far too small. The figure must also differ materially from the median,
   * in items and as a ratio.
   */
  private static void outliers(AuditContext cx, List<Finding> out) {
    AuditConfig config = cx.in.config();
    Map<String, Map<Integer, List<ComparisonRow>>> byMetric = new LinkedHashMap<>();
    for (ComparisonRow r : cx.in.comparisons()) {
      byMetric.computeIfAbsent(r.metric(), k -> new LinkedHashMap<>()).computeIfAbsent(r.year(), k -> new ArrayList<>()).add(r);
    }
    double minLogRatio = Math.log(config.outlierMinRatio());
    for (Map<Integer, List<ComparisonRow>> years : byMetric.values()) {
      LogScale scale = LogScale.of(years.values(), config.robustMinUnits());
      if (scale == null) {
        continue;
      }
      for (List<ComparisonRow> rows : years.values()) {
        Double median = scale.medians.get(rows.get(0).year());
        if (median == null) {
          continue;
        }
        for (ComparisonRow r : rows) {
          double z = Comparisons.MAD_SCALE * (Math.log1p(r.value()) - median) / scale.mad;
          double difference = r.value() - r.districtMedian();
          // Above a median of a handful (most townships stating 0 or 1) "times the median" means
          // nothing: the ratio is taken against at least outlier_min_difference.
          double base = difference > 0 ? Math.max(r.districtMedian(), config.outlierMinDifference()) : r.districtMedian();
          if (Math.abs(z) < config.outlierZ() || Math.abs(difference) < config.outlierMinDifference()
              || Math.abs(Math.log1p(r.value()) - Math.log1p(base)) < minLogRatio) {
            continue;
          }
          out.add(outlier(cx, r, z, difference));
        }
      }
    }
  }

  private static Finding outlier(AuditContext cx, ComparisonRow r, double z, double difference) {
    Observation o = cx.get(r.townshipCode(), r.year(), r.metric());
    return cx.township(Rule.OUTLIER, r.townshipCode(), r.year(), r.metric(),
        cx.name(r.townshipCode()) + " " + r.year() + " 年" + cx.label(r.metric()) + "为 "
            + AuditContext.show(r.value(), r.qualifier()) + "，" + (z > 0 ? "远高于" : "远低于") + "全区中位数 "
            + number(r.districtMedian()) + "（相差 " + number(Math.abs(difference)) + times(r.value(), r.districtMedian())
            + "；对数尺度稳健 z 值 " + String.format(Locale.ROOT, "%.1f", z) + "，阈值 ±" + number(cx.in.config().outlierZ()) + "）"
            + (r.qualifier() == Qualifier.EXACT ? "" : "；该数字为估计值"),
        o == null ? "" : AuditContext.evidence(o), r.value(), Math.round(r.districtMedian()));
  }

  /** "，为中位数的 28.1 倍" or "，为中位数的 1/20.0"; nothing against a median of 0. */
  private static String times(long value, double median) {
    if (median <= 0 || value <= 0) {
      return "";
    }
    return value >= median
        ? "，为中位数的 " + String.format(Locale.ROOT, "%.1f", value / median) + " 倍"
        : "，为中位数的 1/" + String.format(Locale.ROOT, "%.1f", median / value);
  }

  /**
   * A district's figures of one metric on the log scale: each year's median of log1p (years
   * where at least minUnits townships state it), and the MAD of every such figure from its
   * year's median, pooled over the years.
   */
  record LogScale(Map<Integer, Double> medians, double mad) {
    /** Null when no year has minUnits figures or the MAD is 0 (no spread to judge by). */
    static LogScale of(java.util.Collection<List<ComparisonRow>> years, int minUnits) {
      Map<Integer, Double> medians = new LinkedHashMap<>();
      List<Double> deviations = new ArrayList<>();
      for (List<ComparisonRow> rows : years) {
        if (rows.size() < minUnits) {
          continue;
        }
        double[] logs = new double[rows.size()];
        for (int i = 0; i < logs.length; i++) {
          logs[i] = Math.log1p(rows.get(i).value());
        }
        double median = median(logs);
        medians.put(rows.get(0).year(), median);
        for (double l : logs) {
          deviations.add(Math.abs(l - median));
        }
      }
      if (deviations.isEmpty()) {
        return null;
      }
      double mad = median(deviations.stream().mapToDouble(Double::doubleValue).toArray());
      return mad == 0 ? null : new LogScale(medians, mad);
    }

    static double median(double[] values) {
      double[] v = values.clone();
      Arrays.sort(v);
      int n = v.length;
      return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
  }

  /**
   * value ≥ factor × prior or value ≤ prior / factor, both values at least yoyMinimum, and the
   * change unusual for the metric in the district: |robust z| ≥ outlier_z of log(1+value) −
   * log(1+prior) against every consecutive-year change of the metric in the district. Some
   * figures swing by nature (其他渠道 is what the named channels leave over), and a fivefold swing
   * there is the metric's habit, not a jump. Without that spread (MAD 0, fewer than
   * robust_min_units changes) the factor alone decides.
   */
  private static void jumps(AuditContext cx, String t, int year, Map<String, Observation> now,
      Map<String, Observation> prior, Map<String, double[]> changes, List<Finding> out) {
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
      double[] scale = changes.get(o.metric());
      double z = scale == null ? Double.NaN
          : Comparisons.MAD_SCALE * (Math.log1p(o.value()) - Math.log1p(p.value()) - scale[0]) / scale[1];
      if (scale != null && Math.abs(z) < cx.in.config().outlierZ()) {
        continue;
      }
      String ratio = up
          ? "为上年的 " + String.format(Locale.ROOT, "%.1f", (double) o.value() / p.value()) + " 倍"
          : "为上年的 1/" + String.format(Locale.ROOT, "%.1f", (double) p.value() / o.value());
      String robust = scale == null ? "" : "；对数变化的稳健 z 值 " + String.format(Locale.ROOT, "%.1f", z) + "，阈值 ±"
          + number(cx.in.config().outlierZ());
      out.add(cx.township(Rule.YOY_JUMP, t, year, o.metric(),
          cx.name(t) + " " + cx.label(o.metric()) + "从 " + (year - 1) + " 年的 " + AuditContext.show(p)
              + (up ? " 猛增至 " : " 骤降至 ") + year + " 年的 " + AuditContext.show(o) + "（" + ratio + "，阈值 "
              + number(factor) + " 倍" + robust + "）",
          AuditContext.evidence(o, p), o.value(), p.value()));
    }
  }

  /**
   * metric → {median, MAD} of log(1+value) − log(1+prior) over the district's consecutive-year
   * pairs; absent when fewer than robust_min_units pairs or the MAD is 0.
   */
  static Map<String, double[]> changeScales(AuditContext cx) {
    Map<String, List<Double>> byMetric = new LinkedHashMap<>();
    for (String t : cx.townships()) {
      Map<Integer, Map<String, Observation>> years = cx.yearsOf(t);
      for (Map.Entry<Integer, Map<String, Observation>> e : years.entrySet()) {
        Map<String, Observation> prior = years.get(e.getKey() - 1);
        if (prior == null) {
          continue;
        }
        for (Observation o : e.getValue().values()) {
          Observation p = prior.get(o.metric());
          if (p != null) {
            byMetric.computeIfAbsent(o.metric(), k -> new ArrayList<>()).add(Math.log1p(o.value()) - Math.log1p(p.value()));
          }
        }
      }
    }
    Map<String, double[]> out = new java.util.HashMap<>();
    byMetric.forEach((metric, list) -> {
      if (list.size() < cx.in.config().robustMinUnits()) {
        return;
      }
      double[] d = list.stream().mapToDouble(Double::doubleValue).toArray();
      double median = LogScale.median(d);
      for (int i = 0; i < d.length; i++) {
        d[i] = Math.abs(d[i] - median);
      }
      double mad = LogScale.median(d);
      if (mad > 0) {
        out.put(metric, new double[] {median, mad});
      }
    });
    return out;
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
