package org.gongkai.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the district rollups, the comparison tables (and the row counts of {@code
 * township_metrics}) that the engines wrote as Parquet, and compares each with the reference
 * (the first): per (district, year, metric) units_expected, units_reporting, sum,
 * sum_qualifier, min, max, mean and median; per (township, year, metric) value, qualifier,
 * rank, prior value (exact) and district median, share, robust z and change (doubles: both
 * null, or within 1e-9 relative to the larger of 1 and the reference's magnitude). An engine
 * that writes no comparison table (the plain-Java baseline without {@code --full}) is left out
 * of that check and named; when the reference has none, the engines disagree.
 */
final class RollupCompare {
  private RollupCompare() {}

  /** One engine against the reference. */
  record Pair(String engine, long rows, long missing, long extra, long differing, List<String> examples) {
    boolean agree() {
      return missing == 0 && extra == 0 && differing == 0;
    }
  }

  record Result(boolean agree, String reference, long referenceRows, Map<String, Long> townshipMetricRows, List<Pair> pairs, String error,
      Comparison comparison) {
    Result(boolean agree, String reference, long referenceRows, Map<String, Long> townshipMetricRows, List<Pair> pairs, String error) {
      this(agree, reference, referenceRows, townshipMetricRows, pairs, error, null);
    }
  }

  /**
   * The comparison tables against the reference's; {@code without}: engines that wrote none.
   * They agree when none wrote one, or the reference did and every other that did is identical.
   */
  record Comparison(long referenceRows, List<Pair> pairs, List<String> without, boolean anyWritten) {
    boolean agree() {
      return !anyWritten || referenceRows > 0 && pairs.stream().allMatch(Pair::agree);
    }
  }

  static final String COMPARISON_COLUMNS = "township_code, CAST(year AS INTEGER) AS year, metric, value, qualifier, district_median, "
      + "share_of_district, rank_in_district, robust_z, prior_value, change_ratio";

  static final String COLUMNS = "region_code, CAST(year AS INTEGER) AS year, metric, units_expected, units_reporting, sum, sum_qualifier, min, max, mean, median";

  /** @param outputs engine name → its output directory (with rollup/year=…/*.parquet); the first is the reference */
  static Result compare(Map<String, Path> outputs) {
    List<String> engines = new ArrayList<>(outputs.keySet());
    String ref = engines.get(0);
    Map<String, Long> tm = new LinkedHashMap<>();
    List<Pair> pairs = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      for (int i = 0; i < engines.size(); i++) {
        Path dir = outputs.get(engines.get(i));
        if (!Files.isDirectory(dir.resolve("rollup"))) {
          return new Result(false, ref, 0, tm, pairs, engines.get(i) + " wrote no rollup in " + dir);
        }
        st.execute("CREATE TABLE r" + i + " AS SELECT " + COLUMNS + " FROM read_parquet(" + DuckDbJob.lit(dir + "/rollup/*/*.parquet")
            + ", hive_partitioning = true) WHERE level = 'district'");
        tm.put(engines.get(i), count(st, "SELECT count(*) FROM read_parquet(" + DuckDbJob.lit(dir + "/township_metrics/*/*.parquet") + ", hive_partitioning = true)"));
      }
      long refRows = count(st, "SELECT count(*) FROM r0");
      for (int i = 1; i < engines.size(); i++) {
        String t = "r" + i;
        long rows = count(st, "SELECT count(*) FROM " + t);
        long missing = count(st, "SELECT count(*) FROM r0 ANTI JOIN " + t + " USING (region_code, year, metric)");
        long extra = count(st, "SELECT count(*) FROM " + t + " ANTI JOIN r0 USING (region_code, year, metric)");
        String differs = "a.units_expected <> b.units_expected OR a.units_reporting <> b.units_reporting OR a.sum <> b.sum "
            + "OR a.sum_qualifier <> b.sum_qualifier OR a.min <> b.min OR a.max <> b.max "
            + "OR abs(a.mean - b.mean) > 1e-9 * greatest(1, abs(a.mean)) OR abs(a.median - b.median) > 1e-9 * greatest(1, abs(a.median))";
        String join = " FROM r0 a JOIN " + t + " b USING (region_code, year, metric) WHERE " + differs;
        long differing = count(st, "SELECT count(*)" + join);
        List<String> examples = new ArrayList<>();
        try (ResultSet r = st.executeQuery("SELECT region_code, year, metric, "
            + "a.units_reporting || '/' || b.units_reporting, a.sum || '/' || b.sum, a.sum_qualifier || '/' || b.sum_qualifier, "
            + "a.min || '/' || b.min, a.max || '/' || b.max, a.mean || '/' || b.mean, a.median || '/' || b.median" + join
            + " ORDER BY region_code, year, metric LIMIT 5")) {
          while (r.next()) {
            examples.add(r.getString(1) + " " + r.getInt(2) + " " + r.getString(3) + ": units " + r.getString(4) + ", sum " + r.getString(5)
                + " (" + r.getString(6) + "), min " + r.getString(7) + ", max " + r.getString(8) + ", mean " + r.getString(9) + ", median " + r.getString(10)
                + " (" + ref + "/" + engines.get(i) + ")");
          }
        }
        try (ResultSet r = st.executeQuery("SELECT region_code, year, metric FROM r0 ANTI JOIN " + t + " USING (region_code, year, metric) LIMIT 3")) {
          while (r.next()) {
            examples.add("only in " + ref + ": " + r.getString(1) + " " + r.getInt(2) + " " + r.getString(3));
          }
        }
        try (ResultSet r = st.executeQuery("SELECT region_code, year, metric FROM " + t + " ANTI JOIN r0 USING (region_code, year, metric) LIMIT 3")) {
          while (r.next()) {
            examples.add("only in " + engines.get(i) + ": " + r.getString(1) + " " + r.getInt(2) + " " + r.getString(3));
          }
        }
        pairs.add(new Pair(engines.get(i), rows, missing, extra, differing, examples));
      }
      Comparison comparison = comparison(st, engines, outputs);
      boolean agree = refRows > 0 && pairs.stream().allMatch(Pair::agree) && tm.values().stream().distinct().count() == 1
          && comparison.agree();
      return new Result(agree, ref, refRows, tm, pairs, null, comparison);
    } catch (Exception e) {
      return new Result(false, ref, 0, tm, pairs, e.toString());
    }
  }

  private static Comparison comparison(Statement st, List<String> engines, Map<String, Path> outputs) throws java.sql.SQLException {
    List<String> without = new ArrayList<>();
    List<Integer> with = new ArrayList<>();
    for (int i = 0; i < engines.size(); i++) {
      Path dir = outputs.get(engines.get(i)).resolve("comparison");
      if (!Files.isDirectory(dir)) {
        without.add(engines.get(i));
        continue;
      }
      with.add(i);
      st.execute("CREATE TABLE c" + i + " AS SELECT " + COMPARISON_COLUMNS + " FROM read_parquet(" + DuckDbJob.lit(dir + "/*/*.parquet")
          + ", hive_partitioning = true)");
    }
    if (with.isEmpty() || with.get(0) != 0) {
      return new Comparison(0, List.of(), without, !with.isEmpty());
    }
    st.execute("CREATE MACRO close_to(a, b) AS (a IS NULL AND b IS NULL) OR abs(a - b) <= 1e-9 * greatest(1, abs(a))");
    long refRows = count(st, "SELECT count(*) FROM c0");
    List<Pair> pairs = new ArrayList<>();
    String key = "township_code, year, metric";
    for (int i : with.subList(1, with.size())) {
      String t = "c" + i;
      String differs = "a.value <> b.value OR a.qualifier <> b.qualifier OR a.rank_in_district <> b.rank_in_district "
          + "OR a.prior_value IS DISTINCT FROM b.prior_value OR NOT close_to(a.district_median, b.district_median) "
          + "OR NOT close_to(a.share_of_district, b.share_of_district) OR NOT close_to(a.robust_z, b.robust_z) "
          + "OR NOT close_to(a.change_ratio, b.change_ratio)";
      String join = " FROM c0 a JOIN " + t + " b USING (" + key + ") WHERE " + differs;
      List<String> examples = new ArrayList<>();
      try (ResultSet r = st.executeQuery("SELECT township_code, year, metric, a.value || '/' || b.value, a.rank_in_district || '/' || b.rank_in_district, "
          + "a.district_median || '/' || b.district_median, coalesce(a.share_of_district::VARCHAR, '-') || '/' || coalesce(b.share_of_district::VARCHAR, '-'), "
          + "coalesce(a.robust_z::VARCHAR, '-') || '/' || coalesce(b.robust_z::VARCHAR, '-'), "
          + "coalesce(a.prior_value::VARCHAR, '-') || '/' || coalesce(b.prior_value::VARCHAR, '-'), "
          + "coalesce(a.change_ratio::VARCHAR, '-') || '/' || coalesce(b.change_ratio::VARCHAR, '-')" + join + " ORDER BY " + key + " LIMIT 5")) {
        while (r.next()) {
          examples.add("comparison " + r.getString(1) + " " + r.getInt(2) + " " + r.getString(3) + ": value " + r.getString(4) + ", rank " + r.getString(5)
              + ", median " + r.getString(6) + ", share " + r.getString(7) + ", z " + r.getString(8) + ", prior " + r.getString(9)
              + ", change " + r.getString(10) + " (" + engines.get(0) + "/" + engines.get(i) + ")");
        }
      }
      try (ResultSet r = st.executeQuery("(SELECT '" + engines.get(0) + "', " + key + " FROM c0 ANTI JOIN " + t + " USING (" + key + ") LIMIT 3) "
          + "UNION ALL (SELECT '" + engines.get(i) + "', " + key + " FROM " + t + " ANTI JOIN c0 USING (" + key + ") LIMIT 3)")) {
        while (r.next()) {
          examples.add("comparison only in " + r.getString(1) + ": " + r.getString(2) + " " + r.getInt(3) + " " + r.getString(4));
        }
      }
      pairs.add(new Pair(engines.get(i), count(st, "SELECT count(*) FROM " + t),
          count(st, "SELECT count(*) FROM c0 ANTI JOIN " + t + " USING (" + key + ")"),
          count(st, "SELECT count(*) FROM " + t + " ANTI JOIN c0 USING (" + key + ")"),
          count(st, "SELECT count(*)" + join), examples));
    }
    return new Comparison(refRows, pairs, without, true);
  }

  private static long count(Statement st, String sql) throws java.sql.SQLException {
    try (ResultSet r = st.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
