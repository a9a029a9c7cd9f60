package org.gongkai.table;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.gongkai.audit.ComparisonRow;
import org.gongkai.audit.Deadlines;
import org.gongkai.audit.ReportRules;
import org.gongkai.audit.Finding;
import org.gongkai.audit.StatedComparison;
import org.gongkai.model.Division;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Reject;
import org.gongkai.model.ReportFacts;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.rollup.RollupRow;

/** Domain records to table rows (in the column order of {@link Tables}). */
public final class Rows {
  private final Gazetteer gazetteer;
  private final MetricCatalog catalog;

  public Rows(Gazetteer gazetteer, MetricCatalog catalog) {
    this.gazetteer = gazetteer;
    this.catalog = catalog;
  }

  public Object[] townshipMetric(Observation o) {
    Division t = gazetteer.get(o.townshipCode());
    return new Object[] {
      o.year(),
      t.provinceCode(), gazetteer.nameOf(t.provinceCode()),
      t.cityCode(), gazetteer.nameOf(t.cityCode()),
      t.districtCode(), gazetteer.nameOf(t.districtCode()),
      t.code(), t.name(),
      o.metric(), label(o.metric()),
      o.value(), o.qualifier().code(), o.derived(),
      o.source(), o.sourceFile(), o.locator(), o.evidence()
    };
  }

  public Object[] rollup(RollupRow r) {
    return new Object[] {
      r.level(), r.regionCode(), gazetteer.nameOf(r.regionCode()), r.year(), r.metric(), label(r.metric()),
      r.unitsExpected(), r.unitsReporting(), r.sum(), r.sumQualifier().code(), r.min(), r.max(), r.mean(), r.median()
    };
  }

  public Object[] comparison(ComparisonRow c) {
    Division t = gazetteer.get(c.townshipCode());
    return new Object[] {
      c.year(),
      t.provinceCode(), gazetteer.nameOf(t.provinceCode()),
      t.cityCode(), gazetteer.nameOf(t.cityCode()),
      t.districtCode(), gazetteer.nameOf(t.districtCode()),
      t.code(), t.name(),
      c.metric(), label(c.metric()), c.value(), c.qualifier().code(),
      c.districtMedian(), c.shareOfDistrict(), c.rankInDistrict(), c.robustZ(), c.priorValue(), c.changeRatio()
    };
  }

  /** A finding not ranked among a district's (a file's notice). */
  public Object[] finding(Finding f) {
    return finding(f, null);
  }

  /** A finding and its rank among its district's findings ({@link org.gongkai.audit.FindingRanks}). */
  public Object[] finding(Finding f, Integer rank) {
    return new Object[] {
      f.rule(), f.severity().code(), f.level(), f.regionCode(), gazetteer.nameOf(f.regionCode()), f.districtCode(),
      f.year(), f.metric(), f.message(), f.evidence(), f.value(), f.referenceValue(), rank
    };
  }

  public Object[] regionMetric(StatedComparison s) {
    Observation o = s.figure().observation();
    Division r = gazetteer.get(o.townshipCode());
    return new Object[] {
      o.year(), r.level().code(), r.code(), r.name(),
      r.provinceCode(), gazetteer.nameOf(r.provinceCode()), r.cityCode(), gazetteer.nameOf(r.cityCode()),
      o.metric(), label(o.metric()), o.value(), o.qualifier().code(), o.derived(),
      s.coverage() != null, s.coverage(), s.unitsExpected(), s.unitsReporting(), s.townshipsSum(),
      s.townshipsSumQualifier() == null ? null : s.townshipsSumQualifier().code(),
      o.source(), o.sourceFile(), o.locator(), o.evidence()
    };
  }

  /** A report's row: its facts, and its deadline by regime and level ({@link ReportRules#level}). */
  public Object[] report(ReportFingerprint r, Deadlines deadlines) {
    Division t = gazetteer.get(r.townshipCode());
    ReportFacts f = r.facts();
    Deadlines.Due due = deadlines.due(ReportRules.level(r.townshipCode()), r.year());
    Integer late = null;
    if (f.publishedOn() != null && LocalDate.parse(f.publishedOn()).isAfter(due.date())) {
      late = (int) ChronoUnit.DAYS.between(due.date(), LocalDate.parse(f.publishedOn()));
    }
    String where = f.publishedWhereZh();
    return new Object[] {
      r.year(),
      t.provinceCode(), gazetteer.nameOf(t.provinceCode()),
      t.cityCode(), gazetteer.nameOf(t.cityCode()),
      t.districtCode(), gazetteer.nameOf(t.districtCode()),
      t.code(), t.name(),
      r.sourceFile(), f.format(), f.publishedOn(), where,
      f.publishedOn() == null ? null : f.publishedLocator() + "「" + f.publishedEvidence() + "」",
      due.date().toString(), late,
      ReportRules.names(f.sectionsFound()), ReportRules.names(f.sectionsMissing()), ReportRules.names(f.tablesMissing()),
      f.complete(), f.mismatches().size()
    };
  }

  public static Object[] reject(Reject r) {
    return new Object[] {r.source(), r.sourceFile(), r.locator(), r.year(), r.raw(), r.reasonCode(), r.reason()};
  }

  private String label(String metric) {
    return catalog.byKey(metric).map(m -> m.labelZh()).orElse(metric);
  }
}
