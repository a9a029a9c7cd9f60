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
 * Reads the district rollups (and the row counts of {@code township_metrics}) that the engines
 * wrote as Parquet, and compares each with the reference (the first): per (district, year,
 * metric) units_expected, units_reporting, sum, sum_qualifier, min, max, mean and median; means
 * and medians to a relative 1e-9.
 */
final class RollupCompare {
  private RollupCompare() {}

  /** One engine against the reference. */
  record Pair(String engine, long rows, long missing, long extra, long differing, List<String> examples) {
    boolean agree() {
      return missing == 0 && extra == 0 && differing == 0;
    }
  }

  record Result(boolean agree, String reference, long referenceRows, Map<String, Long> townshipMetricRows, List<Pair> pairs, String error) {}

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
      boolean agree = refRows > 0 && pairs.stream().allMatch(Pair::agree) && tm.values().stream().distinct().count() == 1;
      return new Result(agree, ref, refRows, tm, pairs, null);
    } catch (Exception e) {
      return new Result(false, ref, 0, tm, pairs, e.toString());
    }
  }

  private static long count(Statement st, String sql) throws java.sql.SQLException {
    try (ResultSet r = st.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
