package org.gongkai.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.SampleData;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
import org.junit.jupiter.api.Test;

class RollupsTest {
  private final MetricCatalog catalog = MetricCatalog.standard();

  @Test
  void statsHaveAnExactMedian() {
    assertEquals(new Stats(4, 10, 1, 4, 2.5, 2.5), Stats.of(new long[] {4, 1, 3, 2}));
    assertEquals(new Stats(3, 12, 1, 10, 4.0, 1.0), Stats.of(new long[] {10, 1, 1}));
    assertEquals(Long.MAX_VALUE / 2.0 + 0.5, Stats.median(new long[] {Long.MAX_VALUE / 2, Long.MAX_VALUE / 2 + 1}));
  }

  @Test
  void districtRollupWithQualifiersAndUnits() {
    List<Observation> winners = List.of(
        Obs.of(2018, "341503111", "published_other", 1000, Qualifier.LOWER_BOUND, "s", 0, 0, 1),
        Obs.of(2018, "341503100", "published_other", 200),
        Obs.of(2018, "341503101", "published_other", 50),
        Obs.of(2018, "341503100", "hotline_cases", 7));
    List<DistrictShare> shares = Rollups.shares(winners, catalog);
    List<RollupRow> rows = Rollups.rollUp("district", "341503", shares, SampleData.gazetteer(), catalog);
    assertEquals(2, rows.size());
    RollupRow other = rows.get(0);
    assertEquals("published_other", other.metric());
    assertEquals(23, other.unitsExpected());
    assertEquals(3, other.unitsReporting());
    assertEquals(1250, other.sum());
    assertEquals(Qualifier.LOWER_BOUND, other.sumQualifier());
    assertEquals(50, other.min());
    assertEquals(1000, other.max());
    assertEquals(200.0, other.median());
    assertEquals(Qualifier.EXACT, rows.get(1).sumQualifier());
  }

  @Test
  void cityMedianIsOverTownshipsNotDistricts() {
    List<DistrictShare> all = new ArrayList<>();
    all.addAll(Rollups.shares(List.of(Obs.of(2018, "341503100", "hotline_cases", 1), Obs.of(2018, "341503101", "hotline_cases", 2)), catalog));
    all.addAll(Rollups.shares(List.of(Obs.of(2018, "341502100", "hotline_cases", 100)), catalog));
    RollupRow city = Rollups.rollUp("city", "3415", all, SampleData.gazetteer(), catalog).get(0);
    assertEquals(3, city.unitsReporting());
    assertEquals(103, city.sum());
    assertEquals(2.0, city.median());
    assertEquals(SampleData.gazetteer().townshipCount("3415"), city.unitsExpected());
  }
}
