package org.gongkai.audit;

import java.util.List;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.rollup.DuplicateConflict;

/**
 * Everything the audit rules see of one district: its deduplicated observations of every
 * year, the conflicts deduplication resolved, the comparison rows, and its reports'
 * fingerprints.
 */
public record AuditInput(
    String districtCode,
    List<Observation> winners,
    List<DuplicateConflict> conflicts,
    List<ComparisonRow> comparisons,
    List<ReportFingerprint> fingerprints,
    Gazetteer gazetteer,
    MetricCatalog catalog,
    AuditConfig config) {}
