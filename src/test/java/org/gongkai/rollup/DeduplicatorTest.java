package org.gongkai.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
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
}
