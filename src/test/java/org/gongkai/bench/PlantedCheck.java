package org.gongkai.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How well the findings of a run catch the anomalies that {@code gen-data} planted
 * ({@link GenData#PLANTED_FILE}), and how many warnings an auditor gets per observation. A
 * planted anomaly is found when a finding of one of its rules names its township, year and
 * metric. Warnings on a planted township-metric in the planted year or the year after (the jump
 * back) are the plant's, and so are those on the parts of a total planted low; the others are
 * "not planted". Read with DuckDB, as a user would.
 */
final class PlantedCheck {
  /** The figures an {@code outlier_low} plant cuts with the total (Figures.plant). */
  private static final java.util.List<String> LOW_TOTAL_PARTS =
      java.util.List.of("'published_website'", "'published_other'", "'key_area_items'");

  private PlantedCheck() {}

  record Result(long planted, long found, long observations, long warnings, long warningsNotPlanted,
      Map<String, Long> notPlantedByRule, Map<String, Long> foundByKind, Map<String, Long> plantedByKind) {
    double foundShare() {
      return planted == 0 ? Double.NaN : (double) found / planted;
    }

    double warningsPerObservation() {
      return observations == 0 ? Double.NaN : (double) warnings / observations;
    }
  }

  /** Null when the data set has no planted file or the output no findings. */
  static Result check(Path dataDir, Path outputDir) throws SQLException {
    Path plantedFile = dataDir.resolve(GenData.PLANTED_FILE);
    if (!Files.isRegularFile(plantedFile) || !Files.isDirectory(outputDir.resolve("findings"))) {
      return null;
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE planted AS SELECT township_code, CAST(year AS INTEGER) AS year, metric, kind,"
          + " string_split(rules, '|') AS rules FROM read_csv('" + sql(plantedFile) + "', header = true, all_varchar = true)");
      st.execute("CREATE TABLE findings AS SELECT rule, severity, region_code, CAST(year AS INTEGER) AS year, metric"
          + " FROM read_parquet('" + sql(outputDir.resolve("findings")) + "/*/*.parquet', hive_partitioning = true)");
      st.execute("CREATE TABLE hit AS SELECT p.*, EXISTS (SELECT 1 FROM findings f WHERE f.region_code = p.township_code"
          + " AND f.year = p.year AND f.metric = p.metric AND list_contains(p.rules, f.rule)) AS found FROM planted p");
      long observations = one(st, "SELECT count(*) FROM read_parquet('" + sql(outputDir.resolve("township_metrics"))
          + "/*/*.parquet', hive_partitioning = true)");
      long planted = one(st, "SELECT count(*) FROM hit");
      long found = one(st, "SELECT count(*) FROM hit WHERE found");
      long warnings = one(st, "SELECT count(*) FROM findings WHERE severity = 'warning'");
      // A low total is planted with its parts cut alike (Figures.plant): their warnings are the plant's too.
      String notPlanted = " FROM findings f WHERE severity = 'warning' AND NOT EXISTS (SELECT 1 FROM planted p"
          + " WHERE f.region_code = p.township_code AND f.year IN (p.year, p.year + 1) AND (f.metric IS NOT DISTINCT FROM p.metric"
          + " OR p.kind = 'outlier_low' AND f.metric IN (" + String.join(", ", LOW_TOTAL_PARTS) + ")))";
      long warningsNotPlanted = one(st, "SELECT count(*)" + notPlanted);
      return new Result(planted, found, observations, warnings, warningsNotPlanted,
          counts(st, "SELECT rule, count(*)" + notPlanted + " GROUP BY rule ORDER BY 2 DESC, 1"),
          counts(st, "SELECT kind, count(*) FROM hit WHERE found GROUP BY kind ORDER BY 1"),
          counts(st, "SELECT kind, count(*) FROM hit GROUP BY kind ORDER BY 1"));
    }
  }

  private static long one(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Map<String, Long> counts(Statement st, String sql) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }

  private static String sql(Path p) {
    return p.toString().replace("'", "''");
  }
}
