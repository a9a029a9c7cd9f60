package org.gongkai.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.model.Metric;
import org.gongkai.model.MetricCatalog;
import org.gongkai.normalize.Text;
import org.gongkai.job.JobFileReader;
import org.gongkai.job.JobSpec;

/**
 * The same job in DuckDB (JDBC, in-process): read the job's structured sources, check and
 * resolve each record, unpivot to {@code township_metrics}, keep one figure per township, year
 * and metric by the job's duplicate rules, roll up per district, year and metric (units
 * reporting, sum, min, max, mean, exact median), compare each township's figure with its
 * district's ({@code comparison}: median, share, rank, robust z, prior year) and write the three
 * tables as Parquet partitioned by year.
 *
 * <p>What it takes from the project: the job file (sources, globs, priorities, column
 * overrides) and the metric catalog's aliases, to name the columns. What it does itself, in SQL:
 * everything else. Its rules are the project's rules for the cell forms the generator writes
 * (digits; 无; blank, —, /; 余/多 lower bounds; 约 approximate; a unit 条/件/项/次/个) — a record
 * with any other cell (若干, a negative count), a bad year or a township it cannot find (by 9-
 * or 12-digit code, or by exact district name + township name, unique) is rejected whole. DuckDB
 * has no GB18030 (the encodings extension cannot be installed offline), so files that are not
 * UTF-8 are transcoded first, inside the timed run.
 *
 * <pre>DuckDbJob JOB.yaml OUT_DIR</pre>
 */
public final class DuckDbJob {
  private DuckDbJob() {}

  private static final String[] ROLES = {"year", "region_code", "region", "district"};
  private static final String[] ROLE_COLUMNS = {"year_text", "code_text", "name_text", "district_text"};

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: DuckDbJob JOB.yaml OUT_DIR");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    JobSpec job = JobFileReader.read(Path.of(args[0]));
    Path out = Path.of(args[1]).toAbsolutePath();
    GenData.deleteTree(out);
    Path tmp = out.resolve(".tmp");
    Files.createDirectories(tmp);
    MetricCatalog catalog = MetricCatalog.standard();
    List<String> metrics = new ArrayList<>();
    for (String m : Figures.METRICS) {
      metrics.add(m);
    }

    List<String> selects = new ArrayList<>();
    int transcoded = 0;
    for (SourceSpec s : job.sources()) {
      switch (s.format()) {
        case CSV -> {
          for (Path file : Baseline.glob(s.path())) {
            Path readable = file;
            byte[] bytes = Files.readAllBytes(file);
            String text = utf8(bytes);
            if (text == null) {
              text = new String(bytes, GenData.GB18030);
              readable = tmp.resolve("utf8-" + transcoded++ + "-" + file.getFileName());
              Files.writeString(readable, text, StandardCharsets.UTF_8);
            }
            List<String> header = header(text);
            selects.add(csvSelect(s, file, readable, header, catalog, metrics));
          }
        }
        case JSONL -> selects.add(jsonSelect(s, catalog, metrics));
        case REPORT -> System.err.println("duckdb: skipping report source " + s.name() + " (structured sources only)");
      }
    }

    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st0 = c.createStatement()) {
      Timed st = new Timed(st0, System.getenv("BENCH_VERBOSE") != null);
      st.execute("SET temp_directory = " + lit(tmp.resolve("spill").toString()));
      st.execute("SET preserve_insertion_order = true");
      st.execute("CREATE MACRO missing_cell(x) AS x IS NULL OR trim(x) IN ('', '-', '--', '—', '——', '/')");
      st.execute("CREATE MACRO valid_cell(x) AS missing_cell(x) OR trim(x) = '无' OR regexp_full_match(trim(x), '(约)?[0-9]+(余|多)?(条|件|项|次|个)?')");
      st.execute("CREATE TEMP TABLE gaz AS SELECT code, name FROM read_csv(" + lit(job.gazetteer())
          + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', columns = {'code': 'VARCHAR', 'name': 'VARCHAR'})");
      st.execute("CREATE TEMP TABLE town AS SELECT code, name, left(code, 6) AS district_code FROM gaz WHERE length(code) = 9");
      st.execute("CREATE TEMP TABLE town_by_name AS SELECT d.name AS dname, t.name AS tname, min(t.code) AS code "
          + "FROM town t JOIN gaz d ON d.code = t.district_code GROUP BY d.name, t.name HAVING count(*) = 1");
      StringBuilder labels = new StringBuilder("CREATE TEMP TABLE metrics AS SELECT * FROM (VALUES ");
      int ord = 0;
      for (Metric m : catalog.metrics()) {
        labels.append(ord == 0 ? "" : ", ").append('(').append(lit(m.key())).append(", ").append(lit(m.labelZh())).append(", ").append(ord++).append(')');
      }
      st.execute(labels.append(") t(metric, metric_label, ord)").toString());

      st.execute("CREATE TEMP TABLE raw AS " + String.join("\nUNION ALL BY NAME\n", selects));
      // Files and sources as small numbers in the long tables; their names are joined back on output.
      st.execute("CREATE TEMP TABLE files AS SELECT file, row_number() OVER (ORDER BY file)::INTEGER AS file_id FROM (SELECT DISTINCT file FROM raw)");
      st.execute("CREATE TEMP TABLE sources AS SELECT DISTINCT source_order, source FROM raw");
      StringBuilder valid = new StringBuilder();
      StringBuilder any = new StringBuilder();
      for (String m : metrics) {
        valid.append(" AND valid_cell(").append(m).append(')');
        any.append(any.length() == 0 ? "" : " OR ").append("NOT missing_cell(").append(m).append(')');
      }
      st.execute("""
          CREATE TEMP TABLE checked AS
          WITH r0 AS (
            SELECT *,
              CASE WHEN regexp_full_match(trim(year_text), '[0-9]{4}(年度?)?') THEN CAST(left(trim(year_text), 4) AS INTEGER) END AS y,
              nullif(trim(code_text), '') AS c, nullif(trim(name_text), '') AS n, nullif(trim(district_text), '') AS dt
            FROM raw),
          r AS (
            SELECT *,
              CASE WHEN length(c) = 9 THEN c WHEN length(c) = 12 AND c LIKE '%000' THEN left(c, 9) END AS c9,
              CASE WHEN c IS NULL THEN n END AS nk
            FROM r0)
          SELECT r.*, coalesce(tc.code, tn.code) AS township_code
          FROM r
          LEFT JOIN town tc ON tc.code = r.c9
          LEFT JOIN town_by_name tn ON tn.tname = r.nk AND tn.dname = r.dt
          """);
      st.execute("CREATE TEMP TABLE accepted AS SELECT * FROM checked WHERE y BETWEEN 1990 AND 2100 AND township_code IS NOT NULL"
          + valid + " AND (" + any + ")");
      StringBuilder summary = new StringBuilder();
      try (ResultSet r = st.executeQuery("SELECT source, count(*) AS read, count(*) FILTER (WHERE y BETWEEN 1990 AND 2100 AND township_code IS NOT NULL"
          + valid + " AND (" + any + ")) AS accepted FROM checked GROUP BY source ORDER BY min(source_order)")) {
        while (r.next()) {
          summary.append(String.format(Locale.ROOT, "  %-28s read %9d accepted %9d rejected %7d%n", r.getString(1), r.getLong(2), r.getLong(3),
              r.getLong(2) - r.getLong(3)));
        }
      }
      st.execute("DROP TABLE raw");
      st.execute("DROP TABLE checked");
      String cols = String.join(", ", metrics);
      st.execute("CREATE TEMP TABLE obs AS SELECT year, township_code, metric, "
          + "CASE WHEN trim(cell) = '无' THEN 0 ELSE CAST(regexp_extract(cell, '[0-9]+') AS BIGINT) END AS value, "
          + "CASE WHEN starts_with(trim(cell), '约') THEN 'approximate' WHEN regexp_matches(cell, '[余多]') THEN 'lower_bound' ELSE 'exact' END AS qualifier, "
          + "source_order, priority, file_id, line, trim(cell) AS evidence "
          + "FROM (UNPIVOT (SELECT y AS year, township_code, source_order, priority, file_id, line, " + cols + " FROM accepted JOIN files USING (file)) "
          + "ON " + cols + " INTO NAME metric VALUE cell) WHERE NOT missing_cell(cell)");
      st.execute("DROP TABLE accepted");
      long obs = count(st, "SELECT count(*) FROM obs");
      // One figure per (year, township, metric): only the few keys stated more than once need ranking.
      st.execute("CREATE TEMP TABLE dup_keys AS SELECT year, township_code, metric FROM obs GROUP BY ALL HAVING count(*) > 1");
      st.execute("CREATE TEMP TABLE winners AS SELECT * FROM obs ANTI JOIN dup_keys USING (year, township_code, metric) "
          + "UNION ALL (SELECT * FROM obs SEMI JOIN dup_keys USING (year, township_code, metric) QUALIFY row_number() OVER ("
          + "PARTITION BY year, township_code, metric ORDER BY priority DESC, qualifier <> 'exact', source_order, file_id, line) = 1)");
      st.execute("DROP TABLE obs");
      // township_metrics, one year at a time (each year's sort fits in memory; the layout is the
      // same Hive partitioning as PARTITION_BY (year) gives).
      List<Integer> years = new ArrayList<>();
      try (ResultSet r = st.executeQuery("SELECT DISTINCT year FROM winners ORDER BY year")) {
        while (r.next()) {
          years.add(r.getInt(1));
        }
      }
      for (int year : years) {
        Path dir = out.resolve("township_metrics/year=" + year);
        Files.createDirectories(dir);
        st.execute("COPY (SELECT left(w.township_code, 2) AS province_code, p.name AS province_name, left(w.township_code, 4) AS city_code, "
            + "c.name AS city_name, left(w.township_code, 6) AS district_code, d.name AS district_name, w.township_code, t.name AS township_name, "
            + "w.metric, m.metric_label, w.value, w.qualifier, false AS derived, s.source, f.file AS source_file, 'line ' || w.line AS locator, w.evidence "
            + "FROM winners w JOIN town t ON t.code = w.township_code JOIN metrics m ON m.metric = w.metric "
            + "JOIN files f ON f.file_id = w.file_id JOIN sources s ON s.source_order = w.source_order "
            + "LEFT JOIN gaz d ON d.code = left(w.township_code, 6) LEFT JOIN gaz c ON c.code = left(w.township_code, 4) "
            + "LEFT JOIN gaz p ON p.code = left(w.township_code, 2) WHERE w.year = " + year + " "
            + "ORDER BY w.township_code, m.ord) TO " + lit(dir.resolve("data_0.parquet").toString()) + " (FORMAT parquet, COMPRESSION snappy)");
      }
      st.execute("COPY (SELECT * EXCLUDE (ord) FROM (SELECT 'district' AS level, left(w.township_code, 6) AS region_code, d.name AS region_name, "
          + "w.year, w.metric, m.metric_label, e.units_expected, count(*)::INTEGER AS units_reporting, sum(w.value)::BIGINT AS sum, "
          + "CASE WHEN bool_or(w.qualifier = 'approximate') THEN 'approximate' WHEN bool_or(w.qualifier = 'lower_bound') THEN 'lower_bound' ELSE 'exact' END AS sum_qualifier, "
          + "min(w.value) AS min, max(w.value) AS max, avg(w.value) AS mean, quantile_cont(w.value, 0.5) AS median, m.ord "
          + "FROM winners w JOIN metrics m ON m.metric = w.metric LEFT JOIN gaz d ON d.code = left(w.township_code, 6) "
          + "JOIN (SELECT district_code, count(*)::INTEGER AS units_expected FROM town GROUP BY district_code) e ON e.district_code = left(w.township_code, 6) "
          + "GROUP BY left(w.township_code, 6), d.name, w.year, w.metric, m.metric_label, e.units_expected, m.ord) "
          + "ORDER BY region_code, year, ord) TO " + lit(out.resolve("rollup").toString()) + " (FORMAT parquet, PARTITION_BY (year), COMPRESSION snappy)");

      comparison(st, out.resolve("comparison"), job.audit().robustMinUnits());

      long kept = count(st, "SELECT count(*) FROM winners");
      System.err.printf(Locale.ROOT, "duckdb: %d observations, %d kept after duplicates; %.1f s%n%s", obs, kept, (System.nanoTime() - t0) / 1e9, summary);
    }
    GenData.deleteTree(tmp);
  }

  /**
   * The {@code comparison} table, from the documented rules (DESIGN.md, docs/audit-rules.md):
   * per township, year and metric, against the district's townships stating the metric that
   * year — the median (exact: the mean of the two middle values for an even count), the share
   * of the district's sum (none when the sum is 0), the rank (1 = highest, ties share the
   * better rank), the robust z 0.6745·(x − median)/MAD with MAD the median of |x − median|
   * (none when the MAD is 0 or fewer than {@code minUnits} townships report), the township's
   * figure the year before and the change (value − prior) / prior (none without a prior or
   * when it is 0).
   */
  private static void comparison(Timed st, Path dir, int minUnits) throws SQLException {
    st.execute("""
        CREATE TEMP TABLE cmp_groups AS
        SELECT left(township_code, 6) AS district_code, year, metric, count(*) AS n, sum(value)::DOUBLE AS total,
          quantile_cont(value, 0.5) AS median
        FROM winners GROUP BY ALL""");
    st.execute("""
        CREATE TEMP TABLE cmp_mad AS
        SELECT g.district_code, g.year, g.metric, quantile_cont(abs(w.value - g.median), 0.5) AS mad
        FROM winners w JOIN cmp_groups g ON g.district_code = left(w.township_code, 6) AND g.year = w.year AND g.metric = w.metric
        GROUP BY ALL""");
    st.execute("COPY (SELECT * EXCLUDE (ord) FROM (SELECT w.year, left(w.township_code, 2) AS province_code, p.name AS province_name, "
        + "left(w.township_code, 4) AS city_code, c.name AS city_name, g.district_code, d.name AS district_name, w.township_code, "
        + "t.name AS township_name, w.metric, m.metric_label, w.value, w.qualifier, g.median AS district_median, "
        + "CASE WHEN g.total <> 0 THEN w.value / g.total END AS share_of_district, "
        + "(rank() OVER (PARTITION BY g.district_code, w.year, w.metric ORDER BY w.value DESC))::INTEGER AS rank_in_district, "
        + "CASE WHEN x.mad <> 0 AND g.n >= " + minUnits + " THEN 0.6745::DOUBLE * (w.value - g.median) / x.mad END AS robust_z, "
        + "prior.value AS prior_value, CASE WHEN prior.value <> 0 THEN (w.value - prior.value)::DOUBLE / prior.value END AS change_ratio, m.ord "
        + "FROM winners w JOIN cmp_groups g ON g.district_code = left(w.township_code, 6) AND g.year = w.year AND g.metric = w.metric "
        + "JOIN cmp_mad x ON x.district_code = g.district_code AND x.year = g.year AND x.metric = g.metric "
        + "LEFT JOIN winners prior ON prior.township_code = w.township_code AND prior.metric = w.metric AND prior.year = w.year - 1 "
        + "JOIN town t ON t.code = w.township_code JOIN metrics m ON m.metric = w.metric "
        + "LEFT JOIN gaz d ON d.code = g.district_code LEFT JOIN gaz c ON c.code = left(w.township_code, 4) "
        + "LEFT JOIN gaz p ON p.code = left(w.township_code, 2)) "
        + "ORDER BY district_code, year, township_code, ord) TO " + lit(dir.toString()) + " (FORMAT parquet, PARTITION_BY (year), COMPRESSION snappy)");
    st.execute("DROP TABLE cmp_groups");
    st.execute("DROP TABLE cmp_mad");
  }

  /** Statements, each timed to stderr when verbose. */
  record Timed(Statement st, boolean verbose) {
    void execute(String sql) throws SQLException {
      long t = System.nanoTime();
      st.execute(sql);
      if (verbose) {
        System.err.printf(Locale.ROOT, "duckdb: %6.2f s  %s%n", (System.nanoTime() - t) / 1e9, sql.replaceAll("\\s+", " ").substring(0, Math.min(90, sql.replaceAll("\\s+", " ").length())));
      }
    }

    ResultSet executeQuery(String sql) throws SQLException {
      return st.executeQuery(sql);
    }
  }

  private static long count(Timed st, String sql) throws SQLException {
    try (ResultSet r = st.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** The text if the bytes are UTF-8 (BOM dropped), else null. */
  static String utf8(byte[] bytes) {
    int bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, bom, bytes.length - bom)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static List<String> header(String text) throws IOException {
    int nl = text.indexOf('\n');
    String first = nl < 0 ? text : text.substring(0, nl);
    try (CSVParser p = CSVFormat.RFC4180.parse(new StringReader(first))) {
      List<String> out = new ArrayList<>();
      for (CSVRecord r : p) {
        r.forEach(out::add);
        break;
      }
      return out;
    }
  }

  /** What a header means: a metric key, a role (year, region_code, region, district), or null. */
  private static String target(String header, SourceSpec s, MetricCatalog catalog) {
    for (Map.Entry<String, String> e : s.columns().entrySet()) {
      if (Text.key(e.getKey()).equals(Text.key(header))) {
        return e.getValue().equals("ignore") ? null : e.getValue();
      }
    }
    return catalog.roleOf(header).orElseGet(() -> catalog.byAlias(header).map(Metric::key).orElse(null));
  }

  private static String csvSelect(SourceSpec s, Path original, Path readable, List<String> header, MetricCatalog catalog, List<String> metrics) {
    Map<String, String> columns = new LinkedHashMap<>(); // target -> header
    StringBuilder types = new StringBuilder();
    for (String h : header) {
      types.append(types.length() == 0 ? "" : ", ").append(lit(h)).append(": 'VARCHAR'");
      String t = target(h, s, catalog);
      if (t != null) {
        columns.putIfAbsent(t, h);
      }
    }
    String from = "read_csv(" + lit(readable.toString()) + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', "
        + "null_padding = true, columns = {" + types + "})";
    return select(s, lit(original.toString()), "row_number() OVER () + 1", columns, metrics, from);
  }

  private static String jsonSelect(SourceSpec s, MetricCatalog catalog, List<String> metrics) {
    Map<String, String> columns = new LinkedHashMap<>();
    StringBuilder types = new StringBuilder();
    for (String k : GenData.JSON_KEYS) {
      types.append(types.length() == 0 ? "" : ", ").append(lit(k)).append(": 'VARCHAR'");
      String t = target(k, s, catalog);
      if (t != null) {
        columns.putIfAbsent(t, k);
      }
    }
    String from = "read_json(" + lit(s.path()) + ", format = 'newline_delimited', filename = true, columns = {" + types + "})";
    return select(s, "filename", "row_number() OVER (PARTITION BY filename)", columns, metrics, from);
  }

  private static String select(SourceSpec s, String file, String line, Map<String, String> columns, List<String> metrics, String from) {
    StringBuilder b = new StringBuilder("SELECT ").append(lit(s.name())).append(" AS source, ").append(s.order()).append(" AS source_order, ")
        .append(s.priority()).append(" AS priority, ").append(file).append(" AS file, ").append(line).append(" AS line");
    for (int i = 0; i < ROLES.length; i++) {
      b.append(", ").append(columns.containsKey(ROLES[i]) ? ident(columns.get(ROLES[i])) : "NULL::VARCHAR").append(" AS ").append(ROLE_COLUMNS[i]);
    }
    for (String m : metrics) {
      b.append(", ").append(columns.containsKey(m) ? ident(columns.get(m)) : "NULL::VARCHAR").append(" AS ").append(m);
    }
    return b.append(" FROM ").append(from).toString();
  }

  static String lit(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  static String ident(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
