package org.gongkai.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.rollup.Obs;
import org.junit.jupiter.api.Test;

class ComparisonsTest {
  private final MetricCatalog catalog = MetricCatalog.standard();

  private static ComparisonRow row(List<ComparisonRow> rows, int year, String township) {
    return rows.stream().filter(r -> r.year() == year && r.townshipCode().equals(township)).findFirst().orElseThrow();
  }

  @Test
  void rankShareRobustZAndChange() {
    List<Observation> obs = new ArrayList<>();
    long[] values = {10, 20, 20, 30, 40, 200};
    for (int i = 0; i < values.length; i++) {
      obs.add(Obs.of(2018, "t" + i, "hotline_cases", values[i]));
    }
    obs.add(Obs.of(2017, "t5", "hotline_cases", 50));
    obs.add(Obs.of(2017, "t0", "hotline_cases", 0));
    List<ComparisonRow> rows = Comparisons.compare(obs, 5, catalog);
    ComparisonRow top = row(rows, 2018, "t5");
    assertEquals(1, top.rankInDistrict());
    assertEquals(25.0, top.districtMedian());
    assertEquals(200.0 / 320, top.shareOfDistrict(), 1e-12);
    // deviations from 25: 15 5 5 5 15 175 → MAD 10
    assertEquals(0.6745 * 175 / 10, top.robustZ(), 1e-12);
    assertEquals(50L, top.priorValue());
    assertEquals(3.0, top.changeRatio(), 1e-12);
    assertEquals(4, row(rows, 2018, "t1").rankInDistrict(), "ties share a rank");
    assertEquals(4, row(rows, 2018, "t2").rankInDistrict());
    assertEquals(6, row(rows, 2018, "t0").rankInDistrict());
    assertNull(row(rows, 2018, "t0").changeRatio(), "no ratio against a prior 0");
    assertNull(row(rows, 2017, "t5").robustZ(), "fewer than 5 townships");
  }

  @Test
  void madZeroGivesNoZ() {
    List<Observation> obs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      obs.add(Obs.of(2018, "t" + i, "npc_suggestions", i == 5 ? 9 : 3));
    }
    assertNull(row(Comparisons.compare(obs, 5, catalog), 2018, "t5").robustZ());
  }

  /** Rows come out in the table's order (year, township, catalog order) whatever the winners' order. */
  @net.jqwik.api.Property(tries = 200)
  void rowsAreInTableOrderWhateverTheInputOrder(
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.Size(max = 60) List<@net.jqwik.api.constraints.IntRange(max = 999) Integer> picks,
      @net.jqwik.api.ForAll java.util.Random random) {
    List<String> metrics = List.of("hotline_cases", "published_total", "npc_suggestions");
    java.util.Map<String, Observation> unique = new java.util.TreeMap<>();
    for (int p : picks) {
      Observation o = Obs.of(2016 + p % 3, "t" + (p / 3) % 7, metrics.get((p / 21) % 3), p);
      unique.putIfAbsent(o.year() + o.townshipCode() + o.metric(), o);
    }
    List<Observation> shuffled = new ArrayList<>(unique.values());
    java.util.Collections.shuffle(shuffled, random);
    List<ComparisonRow> rows = Comparisons.compare(shuffled, 5, catalog);
    List<ComparisonRow> expected = new ArrayList<>(rows);
    expected.sort(java.util.Comparator.comparingInt(ComparisonRow::year).thenComparing(ComparisonRow::townshipCode)
        .thenComparingInt(r -> catalog.indexOf(r.metric())));
    assertEquals(expected, rows);
    assertEquals(unique.size(), rows.size());
    List<Observation> inOrder = new ArrayList<>(unique.values());
    assertEquals(rows, Comparisons.compare(inOrder, 5, catalog));
  }
}
