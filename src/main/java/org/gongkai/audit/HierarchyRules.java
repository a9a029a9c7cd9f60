package org.gongkai.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
import org.gongkai.model.StatedFigure;
import org.gongkai.rollup.Deduplicator;
import org.gongkai.rollup.DuplicateConflict;

/**
 * A district's own stated figures against its townships'. Where the district's report covers
 * its townships (it says so, 全区 or 含各乡镇街道, or the job's {@code
 * audit.region_reports_cover_townships} says so for every region), a stated figure below what
 * its townships surely add up to is HIERARCHY_MISMATCH. The townships' sum is a lower bound of
 * the truth: a township that did not report, or states an approximate figure, is left out of
 * it, and a lower bound (1000余) counts as its figure. Only an exact stated figure can be
 * shown too small.
 */
public final class HierarchyRules {
  private HierarchyRules() {}

  /** The district's stated figures compared, and their findings (conflicts among them included). */
  public record Result(List<StatedComparison> rows, List<Finding> findings) {}

  public static Result evaluate(String districtCode, List<StatedFigure> stated, List<Observation> townshipWinners,
      Gazetteer gazetteer, MetricCatalog catalog, AuditConfig config) {
    if (stated.isEmpty()) {
      return new Result(List.of(), List.of());
    }
    Map<Observation, String> coverage = new HashMap<>();
    List<Observation> figures = new ArrayList<>(stated.size());
    for (StatedFigure s : stated) {
      figures.add(s.observation());
      coverage.merge(s.observation(), s.coverage() == null ? "" : s.coverage(), (a, b) -> a.isEmpty() ? b : a);
    }
    Deduplicator.Result dedup = Deduplicator.deduplicate(figures, catalog);
    Map<String, Sum> sums = new HashMap<>();
    for (Observation o : townshipWinners) {
      sums.computeIfAbsent(o.year() + "|" + o.metric(), k -> new Sum()).add(o);
    }
    int expected = gazetteer.townshipCount(districtCode);
    List<StatedComparison> rows = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    AuditContext cx = new AuditContext(new AuditInput(districtCode, dedup.winners(), dedup.conflicts(), List.of(),
        List.of(), gazetteer, catalog, config));
    for (Observation w : dedup.winners()) {
      String said = coverage.getOrDefault(w, "");
      String basis = !said.isEmpty() ? "报告称「" + said + "」"
          : config.regionReportsCoverTownships() ? "任务文件 audit.region_reports_cover_townships" : null;
      Sum sum = sums.get(w.year() + "|" + w.metric());
      rows.add(new StatedComparison(new StatedFigure(w, said.isEmpty() ? null : said), basis, expected,
          sum == null ? 0 : sum.units, sum == null ? null : sum.total, sum == null ? null : sum.qualifier));
      if (basis != null && sum != null && w.qualifier() == Qualifier.EXACT && w.value() < sum.surely) {
        findings.add(mismatch(cx, w, sum, expected, basis));
      }
    }
    List<Finding> conflicts = new ArrayList<>();
    ConflictRules.evaluate(cx, conflicts);
    for (Finding f : conflicts) { // the same rules as a township's, about the district itself
      findings.add(new Finding(f.rule(), f.severity(), "district", f.regionCode(), f.districtCode(), f.year(),
          f.metric(), f.message().replaceFirst("有 ", "（区县本级填报）有 "), f.evidence(), f.value(), f.referenceValue()));
    }
    return new Result(rows, findings);
  }

  private static Finding mismatch(AuditContext cx, Observation w, Sum sum, int expected, String basis) {
    boolean atLeast = sum.units < expected || sum.surelyUnits < sum.units || sum.qualifier != Qualifier.EXACT;
    StringBuilder coverage = new StringBuilder();
    coverage.append(expected).append(" 个乡镇中 ").append(sum.units).append(" 个填报");
    if (sum.surelyUnits < sum.units) {
      coverage.append("，其中 ").append(sum.units - sum.surelyUnits).append(" 个为约数，未计入");
    }
    String message = cx.name(w.townshipCode()) + " " + w.year() + " 年区县报告的" + cx.label(w.metric()) + "（"
        + w.value() + "）少于其乡镇之和（" + (atLeast ? "至少 " : "") + sum.surely + "；" + coverage + "）：" + basis
        + "，区县的数字应包含各乡镇的";
    String evidence = AuditContext.evidence(w) + "; 乡镇之和：" + sum.surelyUnits + " 个乡镇的" + cx.label(w.metric())
        + "（见 township_metrics）";
    return new Finding(Rule.HIERARCHY_MISMATCH.code(), Rule.HIERARCHY_MISMATCH.severity(), "district", w.townshipCode(),
        w.townshipCode(), w.year(), w.metric(), message, evidence, w.value(), sum.surely);
  }

  /** The townships' figures of one year and metric: all of them, and those that bound the truth from below. */
  private static final class Sum {
    int units;
    long total;
    Qualifier qualifier = Qualifier.EXACT;
    int surelyUnits;
    long surely;

    void add(Observation o) {
      units++;
      total = saturated(total, o.value());
      qualifier = qualifier.plus(o.qualifier());
      if (o.qualifier() != Qualifier.APPROXIMATE) {
        surelyUnits++;
        surely = saturated(surely, o.value());
      }
    }

    private static long saturated(long a, long b) {
      long s = a + b;
      return ((a ^ s) & (b ^ s)) < 0 ? Long.MAX_VALUE : s;
    }
  }
}
