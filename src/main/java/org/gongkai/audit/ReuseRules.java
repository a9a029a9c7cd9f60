package org.gongkai.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.gongkai.ingest.report.MinHash;
import org.gongkai.model.ReportFingerprint;

/**
 * REPORT_REUSED: a report whose text is nearly identical (MinHash similarity ≥
 * reuseSimilarity) to the same township's report of an earlier year, or to another township's
 * report of the district (same year or any year). One finding per pair of township-years, on the
 * later report (the later year; in the same year, the higher township code); when several files
 * stand for the same township-year the most similar pair is named.
 */
final class ReuseRules {
  private ReuseRules() {}

  /** Report order: year, township code, file. The later of a pair carries the finding. */
  static final Comparator<ReportFingerprint> ORDER = Comparator.comparingInt(ReportFingerprint::year)
      .thenComparing(ReportFingerprint::townshipCode)
      .thenComparing(ReportFingerprint::sourceFile);

  static void evaluate(AuditContext cx, List<Finding> out) {
    List<ReportFingerprint> reports = new ArrayList<>(cx.in.fingerprints());
    if (reports.size() < 2) {
      return;
    }
    reports.sort(ORDER);
    double threshold = cx.in.config().reuseSimilarity();
    // (later township-year, earlier township-year) → the best pair found
    Map<String, Pair> best = new TreeMap<>();
    for (int j = 1; j < reports.size(); j++) {
      ReportFingerprint later = reports.get(j);
      for (int i = 0; i < j; i++) {
        ReportFingerprint earlier = reports.get(i);
        if (earlier.year() == later.year() && earlier.townshipCode().equals(later.townshipCode())) {
          continue; // the same report, read from two files: a duplicate, not a reuse
        }
        double s = similarity(earlier.minHash(), later.minHash());
        if (s < threshold) {
          continue;
        }
        String key = later.year() + "|" + later.townshipCode() + "|" + earlier.year() + "|" + earlier.townshipCode();
        Pair p = best.get(key);
        if (p == null || s > p.similarity) {
          best.put(key, new Pair(earlier, later, s));
        }
      }
    }
    for (Pair p : best.values()) {
      ReportFingerprint a = p.earlier;
      ReportFingerprint b = p.later;
      String self = cx.name(b.townshipCode());
      String other = a.townshipCode().equals(b.townshipCode()) ? "其 " + a.year() + " 年报告"
          : cx.name(a.townshipCode()) + " " + a.year() + " 年的报告";
      String pct = String.format(Locale.ROOT, "%.0f%%", Math.floor(p.similarity * 100));
      out.add(cx.township(Rule.REPORT_REUSED, b.townshipCode(), b.year(), null,
          self + " " + b.year() + " 年报告与" + other + "几乎相同（文本相似度 " + pct + "，阈值 "
              + String.format(Locale.ROOT, "%.0f%%", cx.in.config().reuseSimilarity() * 100) + "），可能照搬",
          b.sourceFile() + " 与 " + a.sourceFile(), null, null));
    }
  }

  private record Pair(ReportFingerprint earlier, ReportFingerprint later, double similarity) {}

  /** The share of equal MinHash slots (see {@link MinHash#similarity}). */
  static double similarity(int[] a, int[] b) {
    return MinHash.similarity(a, b);
  }
}
