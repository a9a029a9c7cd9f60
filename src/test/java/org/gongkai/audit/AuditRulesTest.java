package org.gongkai.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.gongkai.ingest.report.MinHash;
import org.gongkai.model.Division;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.rollup.DuplicateConflict;
import org.gongkai.rollup.Obs;
import org.junit.jupiter.api.Test;

class AuditRulesTest {
  static final MetricCatalog CATALOG = MetricCatalog.standard();
  static final String D = "341503";
  static final String A = "341503100";
  static final String B = "341503101";
  static final String C = "341503102";
  static final String ZONE = "341503400";
  static final Gazetteer GAZ = Gazetteer.of(List.of(
      Gazetteer.division("34", "安徽省", null),
      Gazetteer.division("3415", "六安市", null),
      Gazetteer.division(D, "裕安区", null),
      Gazetteer.division(A, "苏埠镇", null),
      Gazetteer.division(B, "韩摆渡镇", null),
      Gazetteer.division(C, "新安镇", null),
      Gazetteer.division(ZONE, "六安高新技术产业开发区", null)));

  static Observation obs(int year, String t, String metric, long v) {
    return Obs.of(year, t, metric, v);
  }

  static Observation obs(int year, String t, String metric, long v, Qualifier q) {
    return Obs.of(year, t, metric, v, q, "s", 0, 0, 1);
  }

  static List<Finding> run(List<Observation> winners) {
    return run(winners, List.of(), List.of());
  }

  static List<Finding> run(List<Observation> winners, AuditConfig config) {
    List<ComparisonRow> comparisons = Comparisons.compare(winners, config.robustMinUnits(), CATALOG);
    return AuditRules.evaluate(new AuditInput(D, winners, List.of(), comparisons, List.of(), GAZ, CATALOG, config));
  }

  static List<Finding> run(List<Observation> winners, List<DuplicateConflict> conflicts, List<ReportFingerprint> fps) {
    AuditConfig config = AuditConfig.defaults();
    List<ComparisonRow> comparisons = Comparisons.compare(winners, config.robustMinUnits(), CATALOG);
    return AuditRules.evaluate(new AuditInput(D, winners, conflicts, comparisons, fps, GAZ, CATALOG, config));
  }

  static List<Finding> rule(List<Finding> findings, String rule) {
    return findings.stream().filter(f -> f.rule().equals(rule)).toList();
  }

  /** Every township reports something in 2018, so that no MISSING_REPORT clutters the list. */
  static List<Observation> everyone(Observation... more) {
    List<Observation> list = new ArrayList<>();
    for (String t : List.of(A, B, C, ZONE)) {
      list.add(obs(2018, t, "npc_suggestions", 1));
    }
    list.addAll(List.of(more));
    return list;
  }

  @Test
  void hotlineRespondedGreaterThanReceived() {
    List<Finding> f = rule(run(everyone(obs(2018, A, "hotline_cases", 40), obs(2018, A, "hotline_cases_responded", 45))),
        "HOTLINE_RESPONDED_GT_RECEIVED");
    assertEquals(1, f.size());
    Finding x = f.get(0);
    assertEquals(Severity.ERROR, x.severity());
    assertEquals(A, x.regionCode());
    assertEquals(D, x.districtCode());
    assertEquals("township", x.level());
    assertEquals(45L, x.value());
    assertEquals(40L, x.referenceValue());
    assertTrue(x.message().contains("苏埠镇") && x.message().contains("45") && x.message().contains("40"), x.message());
    assertTrue(x.evidence().contains("s.csv line 1"), x.evidence());
    // a tie, an approximate answer count, an open-ended received count, a missing count: nothing
    assertTrue(rule(run(everyone(obs(2018, A, "hotline_cases", 40), obs(2018, A, "hotline_cases_responded", 40))),
        "HOTLINE_RESPONDED_GT_RECEIVED").isEmpty());
    assertTrue(rule(run(everyone(obs(2018, A, "hotline_cases", 40),
        obs(2018, A, "hotline_cases_responded", 45, Qualifier.APPROXIMATE))), "HOTLINE_RESPONDED_GT_RECEIVED").isEmpty());
    assertTrue(rule(run(everyone(obs(2018, A, "hotline_cases", 40, Qualifier.LOWER_BOUND),
        obs(2018, A, "hotline_cases_responded", 45))), "HOTLINE_RESPONDED_GT_RECEIVED").isEmpty());
    assertTrue(rule(run(everyone(obs(2018, A, "hotline_cases_responded", 45))), "HOTLINE_RESPONDED_GT_RECEIVED").isEmpty());
    // "at least 45" answered of exactly 40 received is still impossible
    assertEquals(1, rule(run(everyone(obs(2018, A, "hotline_cases", 40),
        obs(2018, A, "hotline_cases_responded", 45, Qualifier.LOWER_BOUND))), "HOTLINE_RESPONDED_GT_RECEIVED").size());
    // and it is not reported a second time as a part exceeding its total
    assertTrue(rule(run(everyone(obs(2018, A, "hotline_cases", 40), obs(2018, A, "hotline_cases_responded", 45))),
        "PART_EXCEEDS_TOTAL").isEmpty());
  }

  @Test
  void partExceedsTotal() {
    List<Finding> f = rule(run(everyone(obs(2018, C, "published_total", 300), obs(2018, C, "published_website", 350),
        obs(2018, C, "published_other", 60))), "PART_EXCEEDS_TOTAL");
    assertEquals(1, f.size());
    assertEquals("published_website", f.get(0).metric());
    assertEquals(350L, f.get(0).value());
    assertEquals(300L, f.get(0).referenceValue());
    assertTrue(f.get(0).message().contains("网站公开信息数") && f.get(0).message().contains("主动公开信息总数"));
    // equal is fine; overlapping channels (200 + 200 > 300) are fine; a lower-bound total proves nothing
    assertTrue(rule(run(everyone(obs(2018, C, "published_total", 300), obs(2018, C, "published_website", 300))),
        "PART_EXCEEDS_TOTAL").isEmpty());
    assertTrue(rule(run(everyone(obs(2018, C, "published_total", 300), obs(2018, C, "published_website", 200),
        obs(2018, C, "published_other", 200))), "PART_EXCEEDS_TOTAL").isEmpty());
    assertTrue(rule(run(everyone(obs(2018, C, "published_total", 300, Qualifier.LOWER_BOUND),
        obs(2018, C, "published_website", 350))), "PART_EXCEEDS_TOTAL").isEmpty());
    // parts of different years never meet
    assertTrue(rule(run(everyone(obs(2017, C, "published_total", 300), obs(2018, C, "published_website", 350))),
        "PART_EXCEEDS_TOTAL").isEmpty());
  }

  @Test
  void applicationBalance() {
    List<Finding> f = rule(run(everyone(obs(2018, B, "applications_received", 5),
        obs(2018, B, "applications_carried_over_in", 1), obs(2018, B, "applications_completed", 4),
        obs(2018, B, "applications_carried_over_out", 1))), "APPLICATION_BALANCE");
    assertEquals(1, f.size());
    assertEquals(6L, f.get(0).value());
    assertEquals(5L, f.get(0).referenceValue());
    assertEquals(Severity.ERROR, f.get(0).severity());
    assertTrue(rule(run(everyone(obs(2018, B, "applications_received", 5),
        obs(2018, B, "applications_carried_over_in", 1), obs(2018, B, "applications_completed", 5),
        obs(2018, B, "applications_carried_over_out", 1))), "APPLICATION_BALANCE").isEmpty());
    // a missing carried-over figure is unknown, not zero: no check
    assertTrue(rule(run(everyone(obs(2018, B, "applications_received", 5), obs(2018, B, "applications_completed", 4))),
        "APPLICATION_BALANCE").isEmpty());
    assertTrue(rule(run(everyone(obs(2018, B, "applications_received", 5),
        obs(2018, B, "applications_carried_over_in", 1), obs(2018, B, "applications_completed", 4))),
        "APPLICATION_BALANCE").isEmpty());
  }

  @Test
  void outcomesSum() {
    List<Finding> f = rule(run(everyone(obs(2018, A, "applications_completed", 4),
        obs(2018, A, "applications_granted", 3), obs(2018, A, "applications_partially_granted", 1),
        obs(2018, A, "applications_denied", 1))), "OUTCOMES_SUM");
    assertEquals(1, f.size());
    assertEquals(5L, f.get(0).value());
    assertEquals(4L, f.get(0).referenceValue());
    assertEquals("applications_completed", f.get(0).metric());
    assertTrue(f.get(0).message().contains("未填报"), f.get(0).message());
    // stated outcomes below the total, others missing: they may hold the difference
    assertTrue(rule(run(everyone(obs(2018, A, "applications_completed", 4), obs(2018, A, "applications_granted", 3))),
        "OUTCOMES_SUM").isEmpty());
    // all six stated: any difference counts
    List<Observation> six = everyone(obs(2018, A, "applications_completed", 4));
    for (String m : List.of("applications_granted", "applications_partially_granted", "applications_denied",
        "applications_unavailable", "applications_not_processed", "applications_other_outcome")) {
      six.add(obs(2018, A, m, m.equals("applications_granted") ? 3 : 0));
    }
    assertEquals(1, rule(run(six), "OUTCOMES_SUM").size());
    assertEquals(3L, rule(run(six), "OUTCOMES_SUM").get(0).value());
    // equal: clean
    assertTrue(rule(run(everyone(obs(2018, A, "applications_completed", 4), obs(2018, A, "applications_granted", 3),
        obs(2018, A, "applications_denied", 1))), "OUTCOMES_SUM").isEmpty());
    // no outcome stated, or an approximate one: nothing to say
    assertTrue(rule(run(everyone(obs(2018, A, "applications_completed", 4))), "OUTCOMES_SUM").isEmpty());
    assertTrue(rule(run(everyone(obs(2018, A, "applications_completed", 4),
        obs(2018, A, "applications_granted", 9, Qualifier.APPROXIMATE))), "OUTCOMES_SUM").isEmpty());
    // a single outcome larger than the total is this rule's, not PART_EXCEEDS_TOTAL's
    List<Finding> single = run(everyone(obs(2018, A, "applications_completed", 4), obs(2018, A, "applications_granted", 9)));
    assertEquals(1, rule(single, "OUTCOMES_SUM").size());
    assertTrue(rule(single, "PART_EXCEEDS_TOTAL").isEmpty());
  }

  @Test
  void aCorrectionByPriorityIsANoteWhichSaysWhatWonAndWhy() {
    Observation winner = Obs.of(2018, A, "hotline_cases", 112, Qualifier.EXACT, "corrections", 1, 10, 2);
    Observation loser = Obs.of(2018, A, "hotline_cases", 120, Qualifier.EXACT, "export", 0, 0, 28);
    List<Finding> all = run(everyone(winner), List.of(new DuplicateConflict(winner, List.of(loser), "priority")), List.of());
    assertTrue(rule(all, "DUPLICATE_CONFLICT").isEmpty());
    List<Finding> f = rule(all, "CORRECTED_FIGURE");
    assertEquals(1, f.size());
    Finding x = f.get(0);
    assertEquals(Severity.INFO, x.severity());
    assertEquals(112L, x.value());
    assertEquals(120L, x.referenceValue());
    assertTrue(x.message().contains("采用 corrections 的 112") && x.message().contains("export 的 120")
        && x.message().contains("优先级 10"), x.message());
    assertTrue(x.evidence().contains("corrections.csv line 2") && x.evidence().contains("export.csv line 28"));
    assertTrue(rule(run(everyone(winner)), "CORRECTED_FIGURE").isEmpty());
  }

  @Test
  void aConflictNoPrioritySettlesIsAWarning() {
    Observation winner = Obs.of(2018, A, "hotline_cases", 112, Qualifier.EXACT, "first", 0, 0, 2);
    Observation loser = Obs.of(2018, A, "hotline_cases", 120, Qualifier.EXACT, "second", 1, 0, 28);
    List<Finding> f = rule(run(everyone(winner), List.of(new DuplicateConflict(winner, List.of(loser), "source order")),
        List.of()), "DUPLICATE_CONFLICT");
    assertEquals(1, f.size());
    assertEquals(Severity.WARNING, f.get(0).severity());
    assertTrue(f.get(0).message().contains("排在"), f.get(0).message());
  }

  @Test
  void conflictReasonsFollowThePreferenceOrder() {
    Observation w = Obs.of(2018, A, "hotline_cases", 1, Qualifier.EXACT, "a", 0, 0, 1);
    assertTrue(ConflictRules.reason(w, Obs.of(2018, A, "hotline_cases", 2, Qualifier.APPROXIMATE, "a", 0, 0, 2))
        .contains("确数"));
    assertTrue(ConflictRules.reason(w, Obs.of(2018, A, "hotline_cases", 2, Qualifier.EXACT, "b", 1, 0, 2))
        .contains("排在"));
    assertTrue(ConflictRules.reason(w, Obs.of(2018, A, "hotline_cases", 2, Qualifier.EXACT, "a", 0, 0, 5))
        .contains("line 1 先于 line 5"));
  }

  @Test
  void missingReport() {
    List<Observation> obs = List.of(obs(2017, A, "npc_suggestions", 1), obs(2017, B, "npc_suggestions", 1),
        obs(2017, C, "npc_suggestions", 1), obs(2018, A, "npc_suggestions", 1), obs(2018, B, "npc_suggestions", 1));
    List<Finding> f = rule(run(obs), "MISSING_REPORT");
    // 2017: the zone; 2018: C and the zone (half the district: a finding each). 2016: nobody reported.
    assertEquals(List.of("2017 " + ZONE, "2018 " + C, "2018 " + ZONE),
        f.stream().map(x -> x.year() + " " + x.regionCode()).toList());
    Finding c = f.get(1);
    assertEquals(Severity.WARNING, c.severity());
    assertEquals("township", c.level());
    assertNull(c.metric());
    assertNull(c.value());
    assertTrue(c.message().contains("新安镇") && c.message().contains("2/4") && c.message().contains("2017 年有数据"),
        c.message());
    assertTrue(f.get(2).message().contains("开发区"), f.get(2).message());
    // a report (fingerprint) without figures is not missing
    List<Finding> withReport = rule(run(obs, List.of(), List.of(new ReportFingerprint(2018, C, "c-2018.txt",
        new int[] {1, 2, 3}))), "MISSING_REPORT");
    assertTrue(withReport.stream().noneMatch(x -> x.year() == 2018 && x.regionCode().equals(C)));
  }

  @Test
  void mostOfTheDistrictMissingIsOneFindingListingTheTownships() {
    List<Observation> obs = List.of(obs(2017, A, "npc_suggestions", 1), obs(2017, B, "npc_suggestions", 1),
        obs(2017, C, "npc_suggestions", 1), obs(2017, ZONE, "npc_suggestions", 1), obs(2018, A, "npc_suggestions", 1));
    List<org.gongkai.model.RejectedRecord> rejected = List.of(
        new org.gongkai.model.RejectedRecord(2018, C, "UNKNOWN_METRIC", "c.csv", "line 4"));
    List<Finding> f = rule(AuditRules.evaluate(new AuditInput(D, obs, List.of(),
        Comparisons.compare(obs, 5, CATALOG), List.of(), GAZ, CATALOG, AuditConfig.defaults(), rejected)),
        "MISSING_REPORT");
    assertEquals(1, f.size(), f.toString());
    Finding x = f.get(0);
    assertEquals("district", x.level());
    assertEquals(D, x.regionCode());
    assertEquals(2018, x.year());
    assertEquals(3L, x.value(), "townships missing");
    assertEquals(4L, x.referenceValue(), "townships expected");
    assertEquals("裕安区 2018 年有 3 个乡镇没有任何数据或报告（本区该年 1/4 个乡镇有数据，缺失超过 50%）：韩摆渡镇（341503101）、"
        + "新安镇（341503102，数据被拒收）、六安高新技术产业开发区（341503400，开发区/园区）；其中 1 个的数据被拒收（见依据与 rejects 表）",
        x.message());
    assertTrue(x.evidence().startsWith("缺失乡镇：341503101 韩摆渡镇; 341503102 新安镇 数据被拒收（UNKNOWN_METRIC，c.csv line 4）; "
        + "341503400 六安高新技术产业开发区（开发区/园区）。本区 2018 年数据来自："), x.evidence());
    // with "most" meaning more than three quarters, the three are a finding each
    AuditConfig d = AuditConfig.defaults();
    AuditConfig strict = new AuditConfig(d.outlierZ(), d.outlierMinDifference(), d.outlierMinRatio(), d.yoyFactor(),
        d.yoyMinimum(), d.reuseSimilarity(), d.robustMinUnits(), d.regionReportsCoverTownships(), 0.75, d.topFindings(), d.deadlines());
    assertEquals(3, rule(run(obs, strict), "MISSING_REPORT").size());
  }

  @Test
  void aLongListIsCutInTheMessageAndWholeInTheEvidence() {
    List<Division> many = new ArrayList<>(List.of(Gazetteer.division("34", "安徽省", null),
        Gazetteer.division("3415", "六安市", null), Gazetteer.division(D, "裕安区", null)));
    for (int i = 0; i < 14; i++) {
      many.add(Gazetteer.division(D + String.format("%03d", 100 + i), "第" + (i + 1) + "镇", null));
    }
    Gazetteer gaz = Gazetteer.of(many);
    List<Observation> obs = List.of(obs(2018, D + "100", "npc_suggestions", 1));
    List<Finding> f = AuditRules.evaluate(new AuditInput(D, obs, List.of(), Comparisons.compare(obs, 5, CATALOG),
        List.of(), gaz, CATALOG, AuditConfig.defaults()));
    assertEquals(1, f.size());
    String m = f.get(0).message();
    assertTrue(m.contains("有 13 个乡镇") && m.contains("第11镇（341503110）") && !m.contains("第12镇")
        && m.endsWith(" 等 13 个，完整名单见依据"), m);
    assertTrue(f.get(0).evidence().contains("341503113 第14镇"), f.get(0).evidence());
  }

  @Test
  void aJumpMustBeUnusualForTheMetricInTheDistrict() {
    String[] codes = {A, B, C, ZONE, "341503104", "341503105"};
    // the other five move little from 2017 to 2018: A's sixfold rise stands out (and the factor alone would say so)
    long[][] calm = {{100, 600}, {100, 110}, {100, 95}, {100, 105}, {100, 90}, {100, 120}};
    // the other five swing three- to fivefold either way: for this district's 其他渠道 a sixfold rise is usual
    long[][] wild = {{100, 600}, {100, 400}, {400, 100}, {100, 480}, {300, 60}, {100, 300}};
    for (long[][] figures : List.of(calm, wild)) {
      List<Observation> list = new ArrayList<>();
      for (int i = 0; i < codes.length; i++) {
        list.add(obs(2017, codes[i], "published_other", figures[i][0]));
        list.add(obs(2018, codes[i], "published_other", figures[i][1]));
      }
      List<Finding> jumps = rule(run(list), "YOY_JUMP").stream().filter(f -> f.regionCode().equals(A)).toList();
      if (figures == calm) {
        assertEquals(1, jumps.size());
        assertTrue(jumps.get(0).message().contains("为上年的 6.0 倍，阈值 5 倍；对数变化的稳健 z 值"), jumps.get(0).message());
      } else {
        assertTrue(jumps.isEmpty(), jumps.toString());
      }
    }
  }

  /** Six townships: five around 20 and one far off (or not). */
  static List<Observation> spread(String metric, long... values) {
    List<Observation> list = new ArrayList<>();
    String[] codes = {A, B, C, ZONE, "341503104", "341503105", "341503106"};
    for (int i = 0; i < values.length; i++) {
      list.add(obs(2018, codes[i], metric, values[i]));
    }
    return list;
  }

  @Test
  void outlier() {
    List<Finding> f = rule(run(spread("policy_interpretations", 18, 20, 22, 19, 21, 900)), "OUTLIER");
    assertEquals(1, f.size());
    assertEquals("341503105", f.get(0).regionCode());
    assertEquals(900L, f.get(0).value());
    assertEquals(21L, f.get(0).referenceValue(), "median 20.5 rounds to 21");
    assertTrue(f.get(0).message().contains("远高于"), f.get(0).message());
    // low side too
    List<Finding> low = rule(run(spread("policy_interpretations", 500, 520, 510, 505, 515, 1)), "OUTLIER");
    assertEquals(1, low.size());
    assertTrue(low.get(0).message().contains("远低于"));
    // MAD 0: every other township states the same figure: no z, no finding
    assertTrue(rule(run(spread("policy_interpretations", 20, 20, 20, 20, 20, 900)), "OUTLIER").isEmpty());
    // fewer than five reporting townships: no z
    assertTrue(rule(run(spread("policy_interpretations", 18, 20, 22, 900)), "OUTLIER").isEmpty());
    // nothing unusual
    assertTrue(rule(run(spread("policy_interpretations", 18, 20, 22, 19, 21, 25)), "OUTLIER").isEmpty());
  }

  @Test
  void outlierIsJudgedOnTheLogScale() {
    // Each township twice the one before: a skewed district, not an anomaly. On raw counts the
    // largest is 5.4 robust z away from the median (MAD 70); on the log scale only 2.0.
    assertTrue(rule(run(spread("published_total", 10, 20, 40, 80, 160, 320, 640)), "OUTLIER").isEmpty());
    Finding f = rule(run(spread("published_total", 400, 380, 420, 390, 410, 405, 19)), "OUTLIER").get(0);
    assertTrue(f.message().contains("远低于全区中位数 400（相差 381，为中位数的 1/21.1；对数尺度稳健 z 值 "), f.message());
  }

  @Test
  void outlierNeedsAMaterialDifference() {
    // 50 among 2s and 3s: z 6.0 on the log scale, 47 above the median of 3, and (1+50)/(1+10) = 4.6
    // times the floor of 10 (outlier_min_difference) that stands in for a median of a handful.
    List<Observation> small = spread("npc_suggestions", 2, 3, 2, 3, 2, 3, 50);
    assertEquals(1, rule(run(small), "OUTLIER").size());
    // 18 is 4.75 times the median 3 but only (1+18)/(1+10) = 1.7 times the floor: a handful more, no outlier
    assertTrue(rule(run(spread("npc_suggestions", 2, 3, 2, 3, 2, 3, 18)), "OUTLIER").isEmpty());
    assertTrue(rule(run(spread("npc_suggestions", 0, 0, 0, 1, 0, 0, 15)), "OUTLIER").isEmpty(), "15 where most have none");
    AuditConfig d = AuditConfig.defaults();
    AuditConfig moreItems = new AuditConfig(d.outlierZ(), 48, d.outlierMinRatio(), d.yoyFactor(), d.yoyMinimum(),
        d.reuseSimilarity(), d.robustMinUnits(), d.regionReportsCoverTownships(), d.missingDistrictShare(), d.topFindings(), d.deadlines());
    assertTrue(rule(run(small, moreItems), "OUTLIER").isEmpty());
    AuditConfig moreTimes = new AuditConfig(d.outlierZ(), d.outlierMinDifference(), 5, d.yoyFactor(), d.yoyMinimum(),
        d.reuseSimilarity(), d.robustMinUnits(), d.regionReportsCoverTownships(), d.missingDistrictShare(), d.topFindings(), d.deadlines());
    assertTrue(rule(run(small, moreTimes), "OUTLIER").isEmpty());
  }

  @Test
  void outlierSpreadIsTheDistrictsOverItsYears() {
    // In 2018 six townships state nearly the same figure, and 60 is 5 times their median: on that
    // year's MAD alone, z 13. In 2016 and 2017 the district's figures spread widely, and over its
    // years 60 is within that spread (z 1.9).
    List<Observation> tight = spread("published_total", 10, 11, 10, 11, 10, 11, 60);
    assertEquals(1, rule(run(tight), "OUTLIER").size());
    List<Observation> list = new ArrayList<>(tight);
    String[] codes = {A, B, C, ZONE, "341503104", "341503105", "341503106"};
    long[][] earlier = {{40, 5, 60, 12, 25, 8, 15}, {5, 40, 12, 60, 8, 25, 15}};
    for (int y = 0; y < earlier.length; y++) {
      for (int i = 0; i < codes.length; i++) {
        list.add(obs(2016 + y, codes[i], "published_total", earlier[y][i]));
      }
    }
    assertTrue(rule(run(list), "OUTLIER").isEmpty());
  }

  @Test
  void yearOnYearJump() {
    assertEquals(1, jumps(100, 800).size());
    assertEquals(800L, jumps(100, 800).get(0).value());
    assertEquals(100L, jumps(100, 800).get(0).referenceValue());
    assertEquals(1, jumps(100, 500).size(), "exactly five times is a jump");
    assertTrue(jumps(100, 499).isEmpty());
    assertEquals(1, jumps(500, 100).size(), "down to a fifth is a jump too");
    assertTrue(jumps(500, 101).isEmpty());
    assertTrue(jumps(0, 800).isEmpty(), "prior 0: below the minimum");
    assertTrue(jumps(2, 80).isEmpty(), "prior below the minimum of 10");
    assertTrue(jumps(80, 2).isEmpty(), "value below the minimum of 10");
    assertEquals(1, jumps(10, 50).size(), "both at the minimum");
    // a gap year: no prior year, no jump
    assertTrue(rule(run(everyone(obs(2016, A, "published_website", 100), obs(2018, A, "published_website", 900))),
        "YOY_JUMP").isEmpty());
  }

  private static List<Finding> jumps(long prior, long now) {
    return rule(run(everyone(obs(2017, A, "published_website", prior), obs(2018, A, "published_website", now))), "YOY_JUMP");
  }

  @Test
  void carryOverMismatch() {
    List<Finding> f = rule(run(everyone(obs(2017, A, "applications_carried_over_out", 2),
        obs(2018, A, "applications_carried_over_in", 0))), "CARRYOVER_MISMATCH");
    assertEquals(1, f.size());
    assertEquals(2018, f.get(0).year());
    assertEquals(0L, f.get(0).value());
    assertEquals(2L, f.get(0).referenceValue());
    assertTrue(rule(run(everyone(obs(2017, A, "applications_carried_over_out", 2),
        obs(2018, A, "applications_carried_over_in", 2))), "CARRYOVER_MISMATCH").isEmpty());
    assertTrue(rule(run(everyone(obs(2018, A, "applications_carried_over_in", 3))), "CARRYOVER_MISMATCH").isEmpty());
    // another township's carry-over is not this one's
    assertTrue(rule(run(everyone(obs(2017, B, "applications_carried_over_out", 2),
        obs(2018, A, "applications_carried_over_in", 0))), "CARRYOVER_MISMATCH").isEmpty());
  }

  @Test
  void estimatedValues() {
    List<Finding> f = rule(run(everyone(obs(2018, A, "published_other", 1000, Qualifier.LOWER_BOUND),
        obs(2018, B, "published_other", 200, Qualifier.APPROXIMATE), obs(2018, C, "published_other", 300))),
        "ESTIMATED_VALUE");
    assertEquals(List.of(A, B), f.stream().map(Finding::regionCode).toList());
    assertEquals(Severity.INFO, f.get(0).severity());
    assertTrue(f.get(0).message().contains("1000余") && f.get(0).message().contains("下限"), f.get(0).message());
    assertTrue(f.get(1).message().contains("约200"), f.get(1).message());
  }

  static int[] signature(int n, int seed, int changed) {
    int[] h = new int[n];
    Random r = new Random(42);
    for (int i = 0; i < n; i++) {
      h[i] = r.nextInt(Integer.MAX_VALUE);
    }
    Random c = new Random(seed);
    for (int i = 0; i < changed; i++) {
      h[i] = c.nextInt(Integer.MAX_VALUE);
    }
    return h;
  }

  @Test
  void reportReused() {
    // 128 slots; 5 differ = 96% similar; 40 differ = 69%.
    ReportFingerprint a17 = new ReportFingerprint(2017, A, "a-2017.txt", signature(128, 1, 5));
    ReportFingerprint a18 = new ReportFingerprint(2018, A, "a-2018.txt", signature(128, 2, 5));
    ReportFingerprint b18 = new ReportFingerprint(2018, B, "b-2018.txt", signature(128, 3, 40));
    List<Finding> f = rule(run(everyone(), List.of(), List.of(a18, b18, a17)), "REPORT_REUSED");
    assertEquals(1, f.size(), f.toString());
    Finding x = f.get(0);
    assertEquals(2018, x.year());
    assertEquals(A, x.regionCode());
    assertNull(x.metric());
    assertEquals("a-2018.txt 与 a-2017.txt", x.evidence());
    assertTrue(x.message().contains("其 2017 年报告"), x.message());
    // another township's report of the same year: the higher code carries it
    ReportFingerprint c18 = new ReportFingerprint(2018, C, "c-2018.txt", signature(128, 4, 5));
    List<Finding> g = rule(run(everyone(), List.of(), List.of(c18, b18)), "REPORT_REUSED");
    assertTrue(g.isEmpty(), "69% is not a copy");
    ReportFingerprint b18copy = new ReportFingerprint(2018, B, "b-2018.txt", signature(128, 5, 6));
    g = rule(run(everyone(), List.of(), List.of(c18, b18copy)), "REPORT_REUSED");
    assertEquals(1, g.size());
    assertEquals(C, g.get(0).regionCode());
    assertTrue(g.get(0).message().contains("韩摆渡镇 2018 年的报告"), g.get(0).message());
    // the same township-year read from two files is a duplicate, not a reuse
    ReportFingerprint a18html = new ReportFingerprint(2018, A, "a-2018.html", signature(128, 2, 5));
    assertTrue(rule(run(everyone(), List.of(), List.of(a18, a18html)), "REPORT_REUSED").isEmpty());
    // ... and it does not double the finding against 2017
    assertEquals(1, rule(run(everyone(), List.of(), List.of(a17, a18, a18html)), "REPORT_REUSED").size());
  }

  @Test
  void similarity() {
    assertEquals(1.0, ReuseRules.similarity(new int[] {1, 2, 3, 4}, new int[] {1, 2, 3, 4}));
    assertEquals(0.75, ReuseRules.similarity(new int[] {1, 2, 3, 4}, new int[] {1, 2, 3, 5}));
    assertEquals(0.0, ReuseRules.similarity(new int[0], new int[0]));
    assertEquals(0.0, ReuseRules.similarity(new int[] {1, 2}, new int[] {1, 3, 3, 3}), "different lengths");
    int e = MinHash.EMPTY; // the slot of a text too short to have shingles
    assertEquals(0.0, ReuseRules.similarity(new int[] {e, e}, new int[] {e, e}), "two empty texts are not a copy");
  }

  @Test
  void orderIsSeverityYearRegionRuleMetric() {
    List<Observation> obs = new ArrayList<>(everyone(
        obs(2017, C, "published_other", 5, Qualifier.APPROXIMATE),
        obs(2018, B, "hotline_cases", 40), obs(2018, B, "hotline_cases_responded", 45),
        obs(2017, C, "hotline_cases", 40), obs(2017, C, "hotline_cases_responded", 45),
        obs(2018, A, "published_total", 300), obs(2018, A, "published_website", 350),
        obs(2018, A, "published_other", 310)));
    List<Finding> f = run(obs);
    List<String> got = f.stream().map(x -> x.severity().code() + " " + x.year() + " " + x.regionCode() + " " + x.rule()
        + " " + x.metric()).toList();
    assertEquals(List.of(
        "error 2017 341503102 HOTLINE_RESPONDED_GT_RECEIVED hotline_cases_responded",
        "error 2018 341503100 PART_EXCEEDS_TOTAL published_website",
        "error 2018 341503100 PART_EXCEEDS_TOTAL published_other",
        "error 2018 341503101 HOTLINE_RESPONDED_GT_RECEIVED hotline_cases_responded",
        "warning 2017 341503 MISSING_REPORT null",
        "info 2017 341503102 ESTIMATED_VALUE published_other"), got);
    // deterministic whatever the input order
    for (int seed = 0; seed < 5; seed++) {
      List<Observation> shuffled = new ArrayList<>(obs);
      Collections.shuffle(shuffled, new Random(seed));
      assertEquals(f, run(shuffled));
    }
  }
}
