package org.gongkai.audit;

import java.io.Serializable;

/**
 * Audit thresholds from the job file's {@code audit} section.
 *
 * @param outlierZ |robust z| on the log scale at or above which a figure is an OUTLIER (3.5)
 * @param outlierMinDifference how far from the district median (in items or cases) a figure must
 *     also be for an OUTLIER (10): a large z between small counts is no anomaly
 * @param outlierMinRatio how many times larger or smaller than the median ((1+x)/(1+median)) a
 *     figure must also be for an OUTLIER (4)
 * @param yoyFactor a change by this factor or more against the prior year is a YOY_JUMP (5)
 * @param yoyMinimum both values must be at least this for a YOY_JUMP (10)
 * @param reuseSimilarity shingle similarity at or above which a report is REPORT_REUSED (0.9)
 * @param robustMinUnits fewest reporting townships for a robust z-score (5)
 * @param regionReportsCoverTownships every district's own figures cover its townships, whether
 *     or not its report says so (false: only those whose report says 全区, 含各乡镇街道)
 * @param missingDistrictShare when more than this share of a district's townships have nothing in a
 *     year, MISSING_REPORT is one finding for the district listing them, not one per township (0.5)
 * @param topFindings findings shown per district, best ranked first, in report.html and the run
 *     summary (10)
 * @param deadlines when reports were due, per level (LATE_PUBLICATION)
 */
public record AuditConfig(
    double outlierZ, long outlierMinDifference, double outlierMinRatio, double yoyFactor, long yoyMinimum, double reuseSimilarity,
    int robustMinUnits, boolean regionReportsCoverTownships, double missingDistrictShare, int topFindings, Deadlines deadlines)
    implements Serializable {
  public AuditConfig {
    deadlines = deadlines == null ? Deadlines.defaults() : deadlines;
  }

  /** Thresholds with the default deadlines. */
  public AuditConfig(double outlierZ, long outlierMinDifference, double outlierMinRatio, double yoyFactor, long yoyMinimum,
      double reuseSimilarity, int robustMinUnits) {
    this(outlierZ, outlierMinDifference, outlierMinRatio, yoyFactor, yoyMinimum, reuseSimilarity, robustMinUnits, false, 0.5, 10, null);
  }

  public static AuditConfig defaults() {
    return new AuditConfig(3.5, 10, 4.0, 5.0, 10, 0.9, 5, false, 0.5, 10, Deadlines.defaults());
  }
}
