package org.gongkai.pipeline;

import org.gongkai.cli.RunSummary;
import org.gongkai.job.JobFileReader;
import org.gongkai.job.JobSpec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.beam.sdk.PipelineResult;
import org.gongkai.SampleData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample job end to end on the DirectRunner, its outputs read back as users read them. */
class SampleJobEndToEndTest {
  @TempDir static Path tmp;
  static Path out;

  @BeforeAll
  static void runSampleJob() {
    out = tmp.resolve("out");
    JobSpec job = SampleJob.withOutput(JobFileReader.read(SampleJob.SAMPLE), out.toString());
    assertEquals(PipelineResult.State.DONE, SampleJob.run(job));
  }

  static Map<String, String> rollup(String level, String region, String year, String metric) throws Exception {
    return SampleJob.csv(out.resolve("csv/rollup.csv")).stream()
        .filter(r -> r.get("level").equals(level) && r.get("region_code").equals(region)
            && r.get("year").equals(year) && r.get("metric").equals(metric))
        .findFirst().orElseThrow(() -> new AssertionError("no rollup row " + level + region + year + metric));
  }

  @Test
  void yuanDistrictHotline2018() throws Exception {
    Map<String, String> r = rollup("district", "341503", "2018", "hotline_cases");
    assertEquals("裕安区", r.get("region_name"));
    assertEquals("23", r.get("units_expected"));
    assertEquals("21", r.get("units_reporting"));
    assertEquals("1405", r.get("sum"), "苏埠镇 counts 112 from the corrections (priority 10), not 120");
    assertEquals("exact", r.get("sum_qualifier"));
    assertEquals("21", r.get("min"));
    assertEquals("120", r.get("max"));
    assertEquals("71", r.get("median"));
  }

  @Test
  void aSumWithAnEstimateIsNotExact() throws Exception {
    Map<String, String> r = rollup("district", "341503", "2018", "published_other");
    assertEquals("21", r.get("units_reporting"));
    assertEquals("6131", r.get("sum"));
    assertEquals("approximate", r.get("sum_qualifier"), "1000余 (lower bound) and 约200 (approximate)");
    Map<String, String> key = rollup("district", "341503", "2018", "key_area_items");
    assertEquals("lower_bound", key.get("sum_qualifier"), "30余 at 江家店镇");
  }

  @Test
  void jiangjiadian2018AgreesWithItsReport() throws Exception {
    Map<String, String> got = new java.util.TreeMap<>();
    for (Map<String, String> r : SampleJob.csv(out.resolve("csv/township_metrics.csv"))) {
      if (r.get("township_code").equals("341503111") && r.get("year").equals("2018") && r.get("source").equals("yuan_export")) {
        got.put(r.get("metric"), r.get("value") + " " + r.get("qualifier"));
      }
    }
    assertEquals(Map.of(
        "published_website", "786 exact", "published_other", "1000 lower_bound", "policy_interpretations", "29 exact",
        "key_area_items", "30 lower_bound", "applications_received", "0 exact", "hotline_cases", "79 exact",
        "hotline_cases_responded", "79 exact", "npc_suggestions", "4 exact", "cppcc_proposals", "4 exact"), got);
  }

  @Test
  void reportOnlyTownshipsComeWithTheirEvidence() throws Exception {
    // 洪集镇 2021 sent only its template report: its figures come from the report's tables.
    Map<String, String> r = SampleJob.csv(out.resolve("csv/township_metrics.csv")).stream()
        .filter(m -> m.get("township_code").equals("341504103") && m.get("year").equals("2021")
            && m.get("metric").equals("regulatory_docs_issued"))
        .findFirst().orElseThrow();
    assertEquals("2", r.get("value"));
    assertEquals("reports", r.get("source"));
    assertTrue(r.get("source_file").endsWith("341504103-2021-hongji.txt"), r.get("source_file"));
    assertTrue(r.get("locator").startsWith("offset "), r.get("locator"));
    assertFalse(r.get("evidence").isBlank());
    // 木厂镇 2017 (金安区) is known from its prose report only; the district rollup counts it.
    Map<String, String> total = rollup("district", "341502", "2017", "published_total");
    assertTrue(Integer.parseInt(total.get("units_reporting")) >= 1);
  }

  @Test
  void everyCsvStartsWithAUtf8Bom() throws Exception {
    List<Path> csvs;
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(out)) {
      csvs = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    assertTrue(csvs.size() >= 5 + 4, "the tables and the 汇总表: " + csvs);
    for (Path csv : csvs) {
      byte[] head = java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(csv), 3);
      assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, head, out.relativize(csv).toString());
    }
  }

  @Test
  void wideTablesAndReportPage() throws Exception {
    List<String> lines = java.nio.file.Files.readAllLines(out.resolve("wide/2018/341503-裕安区.csv"));
    assertTrue(lines.get(0).startsWith("\uFEFF乡镇代码,乡镇名称,所属县区,状态"), lines.get(0));
    assertEquals(23 + 2, lines.size(), "a header, one row per township of the gazetteer, the 合计 row");
    assertTrue(lines.get(lines.size() - 1).contains("合计"));
    List<String> all = java.nio.file.Files.readAllLines(out.resolve("wide/2018/all.csv"));
    assertTrue(all.get(all.size() - 1).contains("总计"));
    String html = java.nio.file.Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("裕安区") && html.contains("金安区") && html.contains("叶集区"));
    assertFalse(html.replace("http://www.w3.org/2000/svg", "").replace("<link rel=\"icon\" href=\"data:,\">", "").matches("(?s).*(<script src|<link |https?://|@import|url\\().*"),
        "self-contained: no external script, font, style or link (the SVG namespace aside)");
    assertFalse(java.nio.file.Files.exists(out.resolve("_parts")), "work files are not published");
  }

  @Test
  void cityAndProvinceRollups() throws Exception {
    Map<String, String> city = rollup("city", "3415", "2018", "hotline_cases");
    assertEquals(String.valueOf(SampleData.gazetteer().townshipCount("3415")), city.get("units_expected"));
    int jinan = Integer.parseInt(rollup("district", "341502", "2018", "hotline_cases").get("sum"));
    int yeji = Integer.parseInt(rollup("district", "341504", "2018", "hotline_cases").get("sum"));
    assertEquals(String.valueOf(1405 + jinan + yeji), city.get("sum"), "裕安区 + 金安区 + 叶集区 (from its reports)");
    assertEquals(city.get("sum"), rollup("province", "34", "2018", "hotline_cases").get("sum"));
  }

  @Test
  void rejectsExplainEveryBadRecord() throws Exception {
    List<Map<String, String>> rejects = SampleJob.csv(out.resolve("csv/rejects.csv"));
    assertEquals(List.of("UNKNOWN_REGION", "VAGUE_COUNT", "NEGATIVE_COUNT", "BAD_YEAR", "NO_FIGURES",
        "AMBIGUOUS_REGION", "BAD_JSON", "FRACTIONAL_COUNT"), rejects.stream().map(r -> r.get("reason_code")).toList());
    Map<String, String> unknown = rejects.get(0);
    assertEquals("yuan_export", unknown.get("source"));
    assertEquals("line 40", unknown.get("locator"));
    assertTrue(unknown.get("reason").contains("'幸福镇'"), unknown.get("reason"));
    assertTrue(rejects.get(5).get("reason").contains("341522100 安徽省六安市霍邱县城关镇"), "candidates are listed");
  }

  /** The same job gives the same tables on any machine: no output names where this checkout is. */
  @Test
  void outputsNameInputsRelativeToTheJobFile() throws Exception {
    String here = Path.of("").toAbsolutePath().toString();
    for (String table : List.of("township_metrics", "rejects", "findings")) {
      String csv = Files.readString(out.resolve("csv/" + table + ".csv"));
      assertFalse(csv.contains(here), table + " names an absolute path");
    }
    assertTrue(Files.readString(out.resolve("csv/township_metrics.csv")).contains(",../sample-data/jinan-district-2017-2018.jsonl,"));
  }

  @Test
  void manifestProvesConservationPerSource() throws Exception {
    JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    List<String> counts = new ArrayList<>();
    for (JsonNode s : m.get("sources")) {
      long read = s.get("read").asLong();
      assertEquals(read, s.get("accepted").asLong() + s.get("rejected").asLong(), s.get("name").asText());
      counts.add(s.get("name").asText() + " " + read + "/" + s.get("accepted") + "/" + s.get("rejected"));
      for (JsonNode f : s.get("files")) {
        assertEquals(64, f.get("sha256").asText().length());
        assertFalse(Path.of(f.get("path").asText()).isAbsolute(), "named relative to the job file: " + f.get("path"));
        assertEquals(Files.size(SampleJob.SAMPLE.getParent().resolve(f.get("path").asText())), f.get("bytes").asLong());
      }
    }
    assertEquals(List.of("yuan_export 43/38/5", "yuan_corrections 1/1/0", "jinan_jsonl 39/36/3", "reports 25/25/0"), counts);
    assertEquals(1, m.get("stages").get("duplicate_conflicts").asLong());
    for (JsonNode o : m.get("outputs")) {
      assertEquals(Files.size(out.resolve(o.get("path").asText())), o.get("bytes").asLong(), o.toString());
    }
    try (var siblings = Files.list(tmp)) {
      assertEquals(List.of("out"),
          siblings.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock")).sorted().toList(),
          "no staging directory is left beside the outputs");
    }
  }

  @Test
  void parquetReadByDuckDbHasTheRowsOfTheCsv() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      for (String table : List.of("township_metrics", "rollup", "comparison", "reports")) {
        List<Map<String, String>> csv = SampleJob.csv(out.resolve("csv/" + table + ".csv"));
        List<String> columns = new ArrayList<>(csv.get(0).keySet());
        TreeSet<String> fromCsv = new TreeSet<>();
        csv.forEach(r -> fromCsv.add(line(columns.stream().map(r::get).toList())));
        TreeSet<String> fromParquet = new TreeSet<>();
        String glob = out.resolve(table).toString() + "/*/*.parquet";
        try (ResultSet rs = st.executeQuery("SELECT " + String.join(", ", columns)
            + " FROM read_parquet('" + glob + "', hive_partitioning = true)")) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            List<String> cells = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              Object v = rs.getObject(i);
              cells.add(v == null ? "" : v instanceof Double d ? new java.math.BigDecimal(d.toString()).stripTrailingZeros().toPlainString() : v.toString());
            }
            fromParquet.add(line(cells));
          }
        }
        assertEquals(csv.size(), fromParquet.size(), table);
        assertEquals(fromCsv, fromParquet, table);
      }
      try (ResultSet rs = st.executeQuery("SELECT sum(\"sum\") FROM read_parquet('" + out.resolve("rollup")
          + "/*/*.parquet', hive_partitioning = true) WHERE level = 'district' AND region_code = '341503' AND year = 2018 AND metric = 'hotline_cases'")) {
        rs.next();
        assertEquals(1405, rs.getLong(1), "a dashboard query over the partitioned Parquet");
      }
    }
  }

  @Test
  void findingsAreRankedPerDistrictAndTheTopOnesShown() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      String findings = "read_parquet('" + out.resolve("findings") + "/*/*.parquet', hive_partitioning = true)";
      try (ResultSet rs = st.executeQuery("SELECT district_code, count(*), count(DISTINCT rank), min(rank), max(rank) FROM "
          + findings + " WHERE rank IS NOT NULL GROUP BY 1 ORDER BY 1")) {
        List<String> got = new ArrayList<>();
        while (rs.next()) {
          got.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " " + rs.getLong(4) + " " + rs.getLong(5));
        }
        assertEquals(List.of("341502 19 19 1 19", "341503 40 40 1 40", "341504 2 2 1 2"), got, "ranks 1..n in each district");
      }
      // 裕安区's first: the error furthest off, 421 website items of 287 in all (1.47 times; the
      // other errors are 1.2 times or less); 金安区's: its only error.
      try (ResultSet rs = st.executeQuery("SELECT district_code, rule, region_code, year FROM " + findings
          + " WHERE rank = 1 ORDER BY 1")) {
        List<String> got = new ArrayList<>();
        while (rs.next()) {
          got.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getInt(4));
        }
        assertEquals(List.of("341502 APPLICATION_BALANCE 341502108 2020", "341503 PART_EXCEEDS_TOTAL 341503108 2017",
            "341504 MISSING_REPORT 341504 2018"), got);
      }
      // 叶集区 2018: 1 of 6 townships reported, so one finding for the district lists the five
      try (ResultSet rs = st.executeQuery("SELECT level, value, reference_value, message FROM " + findings
          + " WHERE rule = 'MISSING_REPORT' AND district_code = '341504' AND year = 2018")) {
        assertTrue(rs.next());
        assertEquals("district", rs.getString(1));
        assertEquals(5, rs.getLong(2));
        assertEquals(6, rs.getLong(3));
        assertTrue(rs.getString(4).contains("平岗街道（341504002）"), rs.getString(4));
        assertFalse(rs.next());
      }
    }
    JsonNode top = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("top_findings");
    assertEquals(3, top.get("districts_with_findings").asLong());
    List<String> order = new ArrayList<>();
    top.get("districts").forEach(d -> order.add(d.get("code").asText() + " " + d.get("findings").size()));
    assertEquals(List.of("341503 10", "341502 10", "341504 2"), order, "the district whose first finding ranks highest first");
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    RunSummary.print(RunSummary.manifest(out.toString()), out.toString(), 1.0,
        new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
    String summary = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(summary.contains("    裕安区 341503: 5 errors, 14 warnings, 21 info\n       1 error   PART_EXCEEDS_TOTAL 固镇镇 2017 年")
        && summary.contains("… 30 more in the findings table"), summary);
    String html = Files.readString(out.resolve("report.html"));
    int section = html.indexOf("<section id=\"top-findings\">");
    assertTrue(section > 0 && section < html.indexOf("<section id=\"findings\">"), "before the list of all findings");
    assertTrue(html.contains("其余 30 条（错误 0，警告 9，提示 21）见 findings 表。"), "裕安区: 40 findings, 10 shown");
  }

  /** One row per report read, with its publication date where it states one; none is late or lacks a section. */
  @Test
  void reportsTableReadByDuckDb() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*), count(published_on), count(days_late),"
            + " count(*) FILTER (WHERE sections_missing <> '' OR tables_missing <> ''), sum(text_table_mismatches),"
            + " string_agg(township_code || ' ' || year || ' ' || published_on || ' ' || published_where || ' ' || deadline, '; '"
            + " ORDER BY year, township_code) FILTER (WHERE published_on IS NOT NULL)"
            + " FROM read_parquet('" + out.resolve("reports") + "/*/*.parquet', hive_partitioning = true)")) {
      rs.next();
      assertEquals(25, rs.getLong(1));
      assertEquals(6, rs.getLong(2)); // 木厂镇, 东桥镇, 施桥镇 ×2, 韩摆渡镇, 江家店镇
      assertEquals(0, rs.getLong(3));
      assertEquals(0, rs.getLong(4));
      assertEquals(0, rs.getLong(5));
      assertEquals("341502100 2017 2018-03-10 报告末尾落款 2018-03-31; 341502102 2017 2018-03-15 页面发布时间 2018-03-31; "
          + "341502107 2017 2018-02-26 报告末尾落款 2018-03-31; 341503101 2017 2018-01-20 标题下日期 2018-03-31; "
          + "341502107 2018 2019-02-22 报告末尾落款 2019-03-31; 341503111 2018 2019-02-20 页面发布时间 2019-03-31", rs.getString(6));
    }
    List<Map<String, String>> findings = SampleJob.csv(out.resolve("csv/findings.csv"));
    assertEquals(0, findings.stream().filter(f -> f.get("rule").matches("LATE_PUBLICATION|REPORT_SECTION_MISSING|TEXT_TABLE_MISMATCH"))
        .count());
    Map<String, String> undated = SampleJob.csv(out.resolve("csv/reports.csv")).stream()
        .filter(r -> r.get("township_code").equals("341503109")).findFirst().orElseThrow();
    assertEquals("未找到发布日期（页面发布时间、标题下或末尾落款日期），不判断是否迟报", undated.get("published_where"));
    assertEquals("2020-01-31", undated.get("deadline"));
  }

  private static String line(List<String> cells) {
    return String.join("\u0001", cells);
  }
}
