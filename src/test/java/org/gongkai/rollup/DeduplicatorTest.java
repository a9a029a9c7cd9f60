package org.gongkai.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {
  private final MetricCatalog catalog = MetricCatalog.standard();

  @Test
  void priorityWinsAndTheConflictSaysWhy() {
    Observation export = Obs.of(2018, "341503100", "hotline_cases", 120, Qualifier.EXACT, "export", 0, 0, 5);
    Observation fix = Obs.of(2018, "341503100", "hotline_cases", 112, Qualifier.EXACT, "fix", 1, 10, 2);
    var r = Deduplicator.deduplicate(List.of(export, fix), catalog);
    assertEquals(List.of(fix), r.winners());
    assertEquals(1, r.duplicates());
    assertEquals(1, r.conflicts().size());
    assertTrue(r.conflicts().get(0).decidedBy().startsWith("priority 10 of source fix"), r.conflicts().get(0).decidedBy());
  }

  @Test
  void equalValuesAreDuplicatesNotConflicts() {
    var a = Obs.of(2018, "341503111", "hotline_cases", 79, Qualifier.EXACT, "csv", 0, 0, 1);
    var b = Obs.of(2018, "341503111", "hotline_cases", 79, Qualifier.EXACT, "report", 1, 0, 1);
    var r = Deduplicator.deduplicate(List.of(b, a), catalog);
    assertEquals(List.of(a), r.winners(), "the source listed first wins a tie");
    assertEquals(1, r.duplicates());
    assertTrue(r.conflicts().isEmpty());
  }

  @Test
  void exactBeatsEstimateThenSourceOrderThenPosition() {
    var est = Obs.of(2018, "t", "published_other", 1000, Qualifier.LOWER_BOUND, "a", 0, 0, 1);
    var exact = Obs.of(2018, "t", "published_other", 1012, Qualifier.EXACT, "b", 1, 0, 1);
    assertEquals(List.of(exact), Deduplicator.deduplicate(List.of(est, exact), catalog).winners());
    var first = Obs.of(2018, "t", "npc_suggestions", 3, Qualifier.EXACT, "a", 0, 0, 1);
    var later = Obs.of(2018, "t", "npc_suggestions", 4, Qualifier.EXACT, "a", 0, 0, 9);
    var r = Deduplicator.deduplicate(List.of(later, first), catalog);
    assertEquals(List.of(first), r.winners());
    assertTrue(r.conflicts().get(0).decidedBy().contains("line 1 before line 9"));
  }

  @Test
  void winnersComeInYearTownshipCatalogOrder() {
    var r = Deduplicator.deduplicate(List.of(
        Obs.of(2018, "b", "hotline_cases", 1), Obs.of(2017, "b", "hotline_cases", 1),
        Obs.of(2018, "a", "npc_suggestions", 1), Obs.of(2018, "a", "published_total", 1)), catalog);
    assertEquals(List.of("2017b hotline_cases", "2018a published_total", "2018a npc_suggestions", "2018b hotline_cases"),
        r.winners().stream().map(o -> o.year() + o.townshipCode() + " " + o.metric()).toList());
  }

  /** The written-out output order is the chain it replaced: year, township, catalog order, key. */
  @Property(tries = 200)
  void outputOrderIsTheChainedOne(@ForAll @Size(max = 60) List<@IntRange(max = 47) Integer> picks) {
    MetricCatalog catalog = MetricCatalog.standard();
    List<String> metrics = List.of("published_total", "hotline_cases", "npc_suggestions", "zz_not_in_catalog",
        "aa_not_in_catalog", "applications_received");
    List<Observation> observations = new java.util.ArrayList<>();
    for (int p : picks) {
      observations.add(Obs.of(2016 + p % 2, "3401" + (p / 2) % 4, metrics.get((p / 8) % metrics.size()), p));
    }
    java.util.Comparator<Observation> chained = java.util.Comparator.comparingInt(Observation::year)
        .thenComparing(Observation::townshipCode)
        .thenComparingInt(o -> catalog.indexOf(o.metric()))
        .thenComparing(Observation::metric);
    List<Observation> expected = new java.util.ArrayList<>(observations);
    expected.sort(chained.thenComparingLong(Observation::value));
    List<Observation> actual = new java.util.ArrayList<>(observations);
    actual.sort(Deduplicator.order(catalog).thenComparingLong(Observation::value));
    assertEquals(expected, actual);
  }

  /**
   * Sorting once and walking runs of the same figure keeps what grouping by figure kept: the
   * same winners in the same order, the same duplicates count and the same conflicts.
   */
  @Property(tries = 300)
  void sortingOnceKeepsWhatGroupingByFigureKept(@ForAll @Size(max = 80) List<@IntRange(max = 1 << 20) Integer> picks) {
    List<String> metrics = List.of("published_total", "hotline_cases", "zz_not_in_catalog", "npc_suggestions");
    List<Observation> observations = new java.util.ArrayList<>();
    for (int p : picks) {
      Qualifier q = p % 5 == 0 ? Qualifier.LOWER_BOUND : Qualifier.EXACT;
      observations.add(new Observation(2016 + p % 2, "3401" + (p >> 1) % 3, metrics.get((p >> 3) % metrics.size()),
          (p >> 5) % 3, q, (p >> 7) % 4 == 0, "s" + (p >> 9) % 2, (p >> 9) % 2, (p >> 10) % 2 * 10,
          "f" + (p >> 11) % 2 + ".csv", "line " + (p >> 12), (p >> 12), "e"));
    }
    // The grouping it replaced: figures in a map, each figure's observations in input order.
    java.util.Map<String, List<Observation>> byFigure = new java.util.TreeMap<>();
    for (Observation o : observations) {
      byFigure.computeIfAbsent(o.year() + "|" + o.townshipCode() + "|" + o.metric(), k -> new java.util.ArrayList<>())
          .add(o);
    }
    List<Observation> winners = new java.util.ArrayList<>();
    java.util.Set<DuplicateConflict> conflicts = new java.util.HashSet<>();
    long duplicates = 0;
    for (List<Observation> group : byFigure.values()) {
      group.sort(Deduplicator.PREFERENCE);
      Observation w = group.get(0);
      winners.add(w);
      duplicates += group.size() - 1;
      List<Observation> differing = group.subList(1, group.size()).stream()
          .filter(o -> o.value() != w.value() || o.qualifier() != w.qualifier()).toList();
      if (!differing.isEmpty()) {
        conflicts.add(new DuplicateConflict(w, differing, Deduplicator.decidedBy(w, differing.get(0))));
      }
    }
    winners.sort(Deduplicator.order(catalog));
    var r = Deduplicator.deduplicate(observations, catalog);
    assertEquals(winners, r.winners());
    assertEquals(duplicates, r.duplicates());
    assertEquals(conflicts, new java.util.HashSet<>(r.conflicts()));
    assertEquals(conflicts.size(), r.conflicts().size());
  }
}
