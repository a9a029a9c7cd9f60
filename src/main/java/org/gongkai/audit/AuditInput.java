package org.gongkai.audit;

import java.util.List;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.RejectedRecord;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.rollup.DuplicateConflict;

/**
 * Everything the audit rules see of one district: its deduplicated observations of every
 * year, the conflicts deduplication resolved, the comparison rows, and its reports'
 * fingerprints, and its rejected records whose township is known.
 */
public record AuditInput(
    String districtCode,
    List<Observation> winners,
    List<DuplicateConflict> conflicts,
    List<ComparisonRow> comparisons,
    List<ReportFingerprint> fingerprints,
    Gazetteer gazetteer,
    MetricCatalog catalog,
    AuditConfig config,
    List<RejectedRecord> rejected) {

  /** A district without rejected records of known townships. */
  public AuditInput(String districtCode, List<Observation> winners, List<DuplicateConflict> conflicts,
      List<ComparisonRow> comparisons, List<ReportFingerprint> fingerprints, Gazetteer gazetteer, MetricCatalog catalog,
      AuditConfig config) {
    this(districtCode, winners, conflicts, comparisons, fingerprints, gazetteer, catalog, config, List.of());
  }
}
