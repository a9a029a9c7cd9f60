package org.gongkai.rollup;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;

/**
 * Rollups: per region, year and metric, units expected (townships in the gazetteer) and
 * reporting, sum with its qualifier, min, max, mean and exact median over townships. A
 * district rolls up its deduplicated observations; a city or province merges its districts'
 * {@link DistrictShare}s.
 */
public final class Rollups {
  private Rollups() {}

  /** The shares of a district, one per year and metric that at least one township states. */
  public static List<DistrictShare> shares(List<Observation> winners, MetricCatalog catalog) {
    List<List<Observation>> groups = ByYearMetric.group(winners, Observation::year, Observation::metric, catalog);
    List<DistrictShare> shares = new ArrayList<>(groups.size());
    for (List<Observation> group : groups) {
      long[] values = new long[group.size()];
      Qualifier q = Qualifier.EXACT;
      for (int i = 0; i < values.length; i++) {
        values[i] = group.get(i).value();
        q = q.plus(group.get(i).qualifier());
      }
      java.util.Arrays.sort(values);
      shares.add(new DistrictShare(group.get(0).year(), group.get(0).metric(), values, q));
    }
    return shares;
  }

  /** Rollup rows of one region (any level) from the shares of its districts. */
  public static List<RollupRow> rollUp(
      String level, String regionCode, Iterable<DistrictShare> shares, Gazetteer gazetteer, MetricCatalog catalog) {
    List<List<DistrictShare>> groups = ByYearMetric.group(shares, DistrictShare::year, DistrictShare::metric, catalog);
    int expected = gazetteer.townshipCount(regionCode);
    List<RollupRow> rows = new ArrayList<>(groups.size());
    for (List<DistrictShare> group : groups) {
      int n = 0;
      for (DistrictShare p : group) {
        n += p.values().length;
      }
      long[] values = new long[n];
      int at = 0;
      Qualifier q = Qualifier.EXACT;
      for (DistrictShare p : group) {
        System.arraycopy(p.values(), 0, values, at, p.values().length);
        at += p.values().length;
        q = q.plus(p.sumQualifier());
      }
      Stats s = Stats.of(values);
      DistrictShare first = group.get(0);
      rows.add(new RollupRow(level, regionCode, first.year(), first.metric(), expected, s.count(), s.sum(), q,
          s.min(), s.max(), s.mean(), s.median()));
    }
    return rows;
  }
}
