package org.gongkai.analysis;

import java.util.List;
import org.gongkai.audit.AuditConfig;
import org.gongkai.audit.AuditInput;
import org.gongkai.audit.AuditRules;
import org.gongkai.audit.ComparisonRow;
import org.gongkai.audit.Comparisons;
import org.gongkai.audit.Finding;
import org.gongkai.audit.HierarchyRules;
import org.gongkai.audit.StatedComparison;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.RejectedRecord;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.model.StatedFigure;
import org.gongkai.rollup.Deduplicator;
import org.gongkai.rollup.DuplicateConflict;
import org.gongkai.rollup.DistrictShare;
import org.gongkai.rollup.RollupRow;
import org.gongkai.rollup.Rollups;

/**
 * Everything Gongkai concludes about one district, as a pure function of the district's
 * records (all years): deduplication, rollup, comparison and findings, and the district's own
 * stated figures beside its townships'. The pipeline calls it
 * once per district after the one shuffle.
 */
public final class DistrictAnalysis {
  private DistrictAnalysis() {}

  /** What one district gives to the outputs and to the city and province rollups. */
  public record Result(
      String districtCode,
      List<Observation> winners,
      List<DuplicateConflict> conflicts,
      long duplicates,
      List<RollupRow> rollup,
      List<DistrictShare> shares,
      List<ComparisonRow> comparisons,
      List<Finding> findings,
      List<StatedComparison> stated) {}

  public static Result analyse(
      String districtCode,
      List<Observation> observations,
      List<ReportFingerprint> fingerprints,
      Gazetteer gazetteer,
      MetricCatalog catalog,
      AuditConfig config) {
    return analyse(districtCode, observations, fingerprints, List.of(), gazetteer, catalog, config);
  }

  /** As above, knowing the district's rejected records whose township is known (数据被拒收, not 未报送). */
  public static Result analyse(
      String districtCode,
      List<Observation> observations,
      List<ReportFingerprint> fingerprints,
      List<RejectedRecord> rejected,
      Gazetteer gazetteer,
      MetricCatalog catalog,
      AuditConfig config) {
    return analyse(districtCode, observations, fingerprints, rejected, List.of(), gazetteer, catalog, config);
  }

  /** As above, with the district's own stated figures, checked against its townships'. */
  public static Result analyse(
      String districtCode,
      List<Observation> observations,
      List<ReportFingerprint> fingerprints,
      List<RejectedRecord> rejected,
      List<StatedFigure> stated,
      Gazetteer gazetteer,
      MetricCatalog catalog,
      AuditConfig config) {
    Deduplicator.Result dedup = Deduplicator.deduplicate(observations, catalog);
    List<DistrictShare> shares = Rollups.shares(dedup.winners(), catalog);
    List<RollupRow> rollup = Rollups.rollUp("district", districtCode, shares, gazetteer, catalog);
    List<ComparisonRow> comparisons = Comparisons.compare(dedup.winners(), config.robustMinUnits(), catalog);
    List<Finding> findings = AuditRules.evaluate(new AuditInput(
        districtCode, dedup.winners(), dedup.conflicts(), comparisons, fingerprints, gazetteer, catalog, config,
        rejected));
    HierarchyRules.Result hierarchy = HierarchyRules.evaluate(districtCode, stated, dedup.winners(), gazetteer, catalog,
        config);
    if (!hierarchy.findings().isEmpty()) {
      findings = new java.util.ArrayList<>(findings);
      findings.addAll(hierarchy.findings());
      findings.sort(AuditRules.order(catalog));
    }
    return new Result(districtCode, dedup.winners(), dedup.conflicts(), dedup.duplicates(), rollup, shares,
        comparisons, findings, hierarchy.rows());
  }
}
