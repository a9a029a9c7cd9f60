package org.gongkai.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
import org.gongkai.model.StatedFigure;
import org.junit.jupiter.api.Test;

/** HIERARCHY_MISMATCH: a district's report covering its townships, above and below their sum. */
class HierarchyRulesTest {
  private static final MetricCatalog CATALOG = MetricCatalog.standard();
  private static final Gazetteer GAZ = Gazetteer.of(List.of(
      Gazetteer.division("34", "安徽省", null),
      Gazetteer.division("3415", "六安市", null),
      Gazetteer.division("341503", "裕安区", null),
      Gazetteer.division("341503100", "苏埠镇", null),
      Gazetteer.division("341503101", "韩摆渡镇", null),
      Gazetteer.division("341503102", "新安镇", null)));

  private static Observation township(String code, long v, Qualifier q) {
    return new Observation(2023, code, "published_total", v, q, false, "csv", 0, 0, "t.csv", "line 2", 2, "" + v);
  }

  private static StatedFigure district(long v, Qualifier q, String coverage) {
    return new StatedFigure(new Observation(2023, "341503", "published_total", v, q, false, "reports", 1, 0,
        "yuan-2023.txt", "offset 90", 90, "全区主动公开政府信息" + v + "条"), coverage);
  }

  private static List<Observation> townships(long a, long b, Long c) {
    List<Observation> out = new ArrayList<>(List.of(township("341503100", a, Qualifier.EXACT),
        township("341503101", b, Qualifier.EXACT)));
    if (c != null) {
      out.add(township("341503102", c, Qualifier.EXACT));
    }
    return out;
  }

  private static HierarchyRules.Result check(StatedFigure s, List<Observation> townships, AuditConfig config) {
    return HierarchyRules.evaluate("341503", List.of(s), townships, GAZ, CATALOG, config);
  }

  @Test
  void belowTheSumOfAllItsTownships() {
    HierarchyRules.Result r = check(district(300, Qualifier.EXACT, "全区"), townships(120, 200, 30L), AuditConfig.defaults());
    assertEquals(1, r.findings().size());
    Finding f = r.findings().get(0);
    assertEquals("HIERARCHY_MISMATCH", f.rule());
    assertEquals(Severity.WARNING, f.severity());
    assertEquals("district", f.level());
    assertEquals("341503", f.regionCode());
    assertEquals(300L, f.value());
    assertEquals(350L, f.referenceValue());
    assertEquals("裕安区 2023 年区县报告的主动公开信息总数（300）少于其乡镇之和（350；3 个乡镇中 3 个填报）：报告称「全区」，"
        + "区县的数字应包含各乡镇的", f.message());
    assertTrue(f.evidence().startsWith("yuan-2023.txt offset 90「全区主动公开政府信息300条」"), f.evidence());
    StatedComparison row = r.rows().get(0);
    assertEquals(350L, row.townshipsSum());
    assertEquals(3, row.unitsReporting());
    assertEquals(3, row.unitsExpected());
    assertEquals("报告称「全区」", row.coverage());
  }

  @Test
  void withTownshipsMissingTheSumIsOnlyAtLeast() {
    HierarchyRules.Result r = check(district(300, Qualifier.EXACT, "全区"), townships(120, 200, null), AuditConfig.defaults());
    assertEquals(1, r.findings().size());
    assertTrue(r.findings().get(0).message().contains("少于其乡镇之和（至少 320；3 个乡镇中 2 个填报）"),
        r.findings().get(0).message());
  }

  @Test
  void atOrAboveTheSumIsNoFinding() {
    assertTrue(check(district(350, Qualifier.EXACT, "全区"), townships(120, 200, 30L), AuditConfig.defaults())
        .findings().isEmpty());
    assertTrue(check(district(5000, Qualifier.EXACT, "全区"), townships(120, 200, 30L), AuditConfig.defaults())
        .findings().isEmpty());
  }

  @Test
  void aReportThatDoesNotSayItCoversTheTownshipsIsNotChecked() {
    HierarchyRules.Result r = check(district(100, Qualifier.EXACT, null), townships(120, 200, 30L), AuditConfig.defaults());
    assertTrue(r.findings().isEmpty());
    assertNull(r.rows().get(0).coverage());
    AuditConfig covers = new AuditConfig(3.5, 10, 4.0, 5.0, 10, 0.9, 5, true, 0.5, 10, null);
    HierarchyRules.Result j = check(district(100, Qualifier.EXACT, null), townships(120, 200, 30L), covers);
    assertEquals(1, j.findings().size());
    assertTrue(j.findings().get(0).message().contains("：任务文件 audit.region_reports_cover_townships，"), j.findings().get(0).message());
  }

  @Test
  void estimatesProveOnlyWhatTheyBound() {
    // 约400 of a township bounds nothing: left out of the sum, which is then "at least".
    List<Observation> t = new ArrayList<>(townships(120, 200, null));
    t.add(township("341503102", 400, Qualifier.APPROXIMATE));
    HierarchyRules.Result r = check(district(300, Qualifier.EXACT, "全区"), t, AuditConfig.defaults());
    assertEquals(320L, r.findings().get(0).referenceValue());
    assertTrue(r.findings().get(0).message().contains("（至少 320；3 个乡镇中 3 个填报，其中 1 个为约数，未计入）"),
        r.findings().get(0).message());
    assertEquals(720L, r.rows().get(0).townshipsSum(), "the table shows the rollup's sum");
    assertEquals(Qualifier.APPROXIMATE, r.rows().get(0).townshipsSumQualifier());
    // A township's 200余 is at least 200: counted.
    List<Observation> lower = List.of(township("341503100", 120, Qualifier.EXACT),
        township("341503101", 200, Qualifier.LOWER_BOUND));
    assertEquals(320L, check(district(300, Qualifier.EXACT, "全区"), lower, AuditConfig.defaults()).findings().get(0)
        .referenceValue());
    // The district's own 300余 or 约300 may be more than 320: nothing shown.
    assertTrue(check(district(300, Qualifier.LOWER_BOUND, "全区"), townships(120, 200, 30L), AuditConfig.defaults())
        .findings().isEmpty());
    assertTrue(check(district(300, Qualifier.APPROXIMATE, "全区"), townships(120, 200, 30L), AuditConfig.defaults())
        .findings().isEmpty());
  }

  @Test
  void noTownshipFiguresNothingToCompare() {
    HierarchyRules.Result r = check(district(300, Qualifier.EXACT, "全区"), List.of(), AuditConfig.defaults());
    assertTrue(r.findings().isEmpty());
    assertNull(r.rows().get(0).townshipsSum());
    assertEquals(0, r.rows().get(0).unitsReporting());
  }

  @Test
  void twoSourcesStatingTheDistrictDifferentlyIsAConflictOfTheDistrict() {
    StatedFigure a = district(300, Qualifier.EXACT, "全区");
    Observation o = a.observation();
    StatedFigure b = new StatedFigure(new Observation(2023, "341503", "published_total", 320, Qualifier.EXACT, false,
        "csv", 0, 0, "t.csv", "line 9", 9, "320"), null);
    HierarchyRules.Result r = HierarchyRules.evaluate("341503", List.of(a, b), List.of(), GAZ, CATALOG,
        AuditConfig.defaults());
    assertEquals(1, r.rows().size());
    assertEquals(320L, r.rows().get(0).figure().observation().value(), "the source listed first wins: " + o.source());
    assertEquals(1, r.findings().size());
    assertEquals("DUPLICATE_CONFLICT", r.findings().get(0).rule());
    assertEquals("district", r.findings().get(0).level());
    assertTrue(r.findings().get(0).message().startsWith("裕安区 2023 年主动公开信息总数（区县本级填报）有 2 个不一致的数值"),
        r.findings().get(0).message());
  }
}
