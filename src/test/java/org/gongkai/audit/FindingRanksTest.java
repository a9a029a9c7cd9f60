package org.gongkai.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gongkai.model.MetricCatalog;
import org.junit.jupiter.api.Test;

class FindingRanksTest {
  static final MetricCatalog CATALOG = MetricCatalog.standard();

  static Finding f(String rule, Severity s, String region, int year, Long value, Long reference) {
    return new Finding(rule, s, "township", region, "341503", year, null, rule + " " + region, "", value, reference);
  }

  @Test
  void severityThenHowFarOffThenSize() {
    Finding balance = f("APPLICATION_BALANCE", Severity.ERROR, "341503101", 2018, 6L, 5L);
    Finding bigBalance = f("APPLICATION_BALANCE", Severity.ERROR, "341503102", 2018, 600L, 500L); // same ratio, larger
    Finding outlier28 = f("OUTLIER", Severity.WARNING, "341503103", 2018, 900L, 31L); // 900/31 ≈ 28 times
    Finding jump8 = f("YOY_JUMP", Severity.WARNING, "341503104", 2017, 800L, 99L); // 8 times the year before
    Finding missingDistrict = f("MISSING_REPORT", Severity.WARNING, "341503", 2018, 20L, 23L); // 3 of 23 report
    Finding missingOne = f("MISSING_REPORT", Severity.WARNING, "341503105", 2016, null, null);
    Finding estimate = f("ESTIMATED_VALUE", Severity.INFO, "341503106", 2018, 1000L, null);
    List<Finding> all = List.of(estimate, missingOne, jump8, outlier28, balance, missingDistrict, bigBalance);
    List<Finding> expected = List.of(bigBalance, balance, outlier28, jump8, missingDistrict, missingOne, estimate);
    assertEquals(expected, FindingRanks.ranked(all, CATALOG));
    for (int seed = 0; seed < 5; seed++) {
      List<Finding> shuffled = new ArrayList<>(all);
      Collections.shuffle(shuffled, new Random(seed));
      assertEquals(expected, FindingRanks.ranked(shuffled, CATALOG));
    }
    Map<Finding, Integer> rank = FindingRanks.ranks(FindingRanks.ranked(all, CATALOG));
    assertEquals(1, rank.get(bigBalance));
    assertEquals(3, rank.get(outlier28));
    assertEquals(7, rank.get(estimate));
  }

  @Test
  void distanceIsHowManyTimesOffOnTheLogScale() {
    assertEquals(Math.log(901.0 / 32), FindingRanks.distance(f("OUTLIER", Severity.WARNING, "t", 2018, 900L, 31L)), 1e-12);
    assertEquals(Math.log(901.0 / 32), FindingRanks.distance(f("OUTLIER", Severity.WARNING, "t", 2018, 31L, 900L)), 1e-12,
        "far below counts as far above");
    // 3 of 23 townships reporting: 24/4 on the same scale
    assertEquals(Math.log(24.0 / 4), FindingRanks.distance(f("MISSING_REPORT", Severity.WARNING, "d", 2018, 20L, 23L)), 1e-12);
    assertEquals(0.0, FindingRanks.distance(f("REPORT_REUSED", Severity.WARNING, "t", 2018, null, null)));
    assertEquals(0.0, FindingRanks.distance(f("ESTIMATED_VALUE", Severity.INFO, "t", 2018, 5L, null)));
  }
}
