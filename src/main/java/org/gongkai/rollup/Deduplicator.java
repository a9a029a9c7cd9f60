package org.gongkai.rollup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;

/**
 * Keeps one observation per township-year-metric. The winner is, in this order: the higher
 * source {@code priority}; a stated figure over a derived one; an exact figure over an
 * estimate; the source listed first in the job file; the file that sorts first; the earlier
 * position in the file. Observations that agree with the winner are plain duplicates; those
 * that differ make a {@link DuplicateConflict}.
 */
public final class Deduplicator {
  private Deduplicator() {}

  /** The winners in (year, township, catalog metric order), conflicts, and the duplicates dropped. */
  public record Result(List<Observation> winners, List<DuplicateConflict> conflicts, long duplicates) {}

  static final Comparator<Observation> PREFERENCE =
      Comparator.comparingInt(Observation::priority)
          .reversed()
          .thenComparing(Observation::derived)
          .thenComparing(o -> o.qualifier() != Qualifier.EXACT)
          .thenComparingInt(Observation::sourceOrder)
          .thenComparing(Observation::sourceFile)
          .thenComparingLong(Observation::position);

  /**
   * Sorts once in output order, so the observations of a figure (year, township, metric) lie
   * side by side, in their input order (the sort is stable), and the preference decides only
   * within runs of more than one. Each observation's catalog position is looked up once, not
   * once per comparison.
   */
  public static Result deduplicate(List<Observation> observations, MetricCatalog catalog) {
    Keyed[] sorted = new Keyed[observations.size()];
    for (int i = 0; i < sorted.length; i++) {
      Observation o = observations.get(i);
      sorted[i] = new Keyed(o, catalog.indexOf(o.metric()));
    }
    Arrays.sort(sorted, Deduplicator::compare);
    List<Observation> winners = new ArrayList<>(sorted.length);
    List<DuplicateConflict> conflicts = new ArrayList<>();
    long duplicates = 0;
    for (int start = 0, end; start < sorted.length; start = end) {
      end = start + 1;
      while (end < sorted.length && compare(sorted[start], sorted[end]) == 0) {
        end++;
      }
      if (end - start == 1) {
        winners.add(sorted[start].o);
        continue;
      }
      List<Observation> group = new ArrayList<>(end - start);
      for (int i = start; i < end; i++) {
        group.add(sorted[i].o);
      }
      group.sort(PREFERENCE);
      Observation winner = group.get(0);
      winners.add(winner);
      duplicates += group.size() - 1;
      List<Observation> differing = new ArrayList<>();
      for (Observation o : group.subList(1, group.size())) {
        if (o.value() != winner.value() || o.qualifier() != winner.qualifier()) {
          differing.add(o);
        }
      }
      if (!differing.isEmpty()) {
        conflicts.add(new DuplicateConflict(winner, differing, decidedBy(winner, differing.get(0))));
      }
    }
    return new Result(winners, conflicts, duplicates);
  }

  /** An observation and its metric's catalog position. */
  private record Keyed(Observation o, int metric) {}

  private static int compare(Keyed x, Keyed y) {
    return compare(x.o, x.metric, y.o, y.metric);
  }

  /**
   * Output order of observations: year, township code, catalog order of the metric; the order
   * {@link #deduplicate} gives its winners in (its tests hold it to this).
   */
  static Comparator<Observation> order(MetricCatalog catalog) {
    return (a, b) -> compare(a, catalog.indexOf(a.metric()), b, catalog.indexOf(b.metric()));
  }

  /**
   * {@link #order} given the metrics' catalog positions; 0 exactly for the same figure.
   * Written out rather than chained (a national run compares ~50 M pairs): no chain of lambda
   * calls, which C1 does not inline.
   */
  private static int compare(Observation a, int metricA, Observation b, int metricB) {
    int c = Integer.compare(a.year(), b.year());
    if (c == 0) {
      c = a.townshipCode().compareTo(b.townshipCode());
    }
    if (c == 0) {
      c = Integer.compare(metricA, metricB);
      if (c == 0) {
        c = a.metric().compareTo(b.metric());
      }
    }
    return c;
  }

  /** Which rule of the preference order separated the winner from a loser, in words. */
  static String decidedBy(Observation w, Observation l) {
    if (w.priority() != l.priority()) {
      return "priority " + w.priority() + " of source " + w.source() + " > priority " + l.priority() + " of source " + l.source();
    }
    if (w.derived() != l.derived()) {
      return "a stated figure wins over a derived one";
    }
    if ((w.qualifier() == Qualifier.EXACT) != (l.qualifier() == Qualifier.EXACT)) {
      return "an exact figure wins over an estimate";
    }
    if (w.sourceOrder() != l.sourceOrder()) {
      return "source " + w.source() + " is listed before " + l.source() + " in the job file";
    }
    if (!w.sourceFile().equals(l.sourceFile())) {
      return "file " + w.sourceFile() + " sorts before " + l.sourceFile();
    }
    return "the earlier record in the file (" + w.locator() + " before " + l.locator() + ")";
  }
}
