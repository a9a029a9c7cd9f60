package org.gongkai.pipeline;

import org.gongkai.job.JobFileReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * District reports in a job (src/test/resources/hierarchy): 裕安区's 2023 template report (全区,
 * 300 items published) below its townships' 120 + 200 (新安镇 states none), 金安区's 2018 prose
 * report (1200) above its townships', 金安区's own 2023 record (400, nothing says it covers the
 * townships), and a department's report, rejected. Read back with DuckDB and as CSV.
 */
class HierarchyJobTest {
  private static final Path DATA = Path.of("src/test/resources/hierarchy").toAbsolutePath();
  @TempDir Path tmp;

  private Path run(String audit) throws Exception {
    Path out = tmp.resolve("out");
    Path jobFile = tmp.resolve("hierarchy.yaml");
    Files.writeString(jobFile, String.join("\n",
        "name: hierarchy",
        "gazetteer: " + DATA.resolve("gazetteer.csv"),
        "sources:",
        "  - {name: townships, format: csv, path: '" + DATA.resolve("townships.csv") + "'}",
        "  - {name: reports, format: report, path: '" + DATA.resolve("reports") + "/*.txt'}",
        "outputs: {directory: '" + out + "'}",
        audit,
        ""));
    assertEquals(PipelineResult.State.DONE, SampleJob.run(JobFileReader.read(jobFile)));
    return out;
  }

  private static List<String> query(String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          cells.add(String.valueOf(rs.getObject(i)));
        }
        rows.add(String.join(" ", cells));
      }
    }
    return rows;
  }

  @Test
  void districtFiguresAreKeptBesideTheirTownshipsAndChecked() throws Exception {
    Path out = run("");
    String regions = "read_parquet('" + out.resolve("region_metrics") + "/*/*.parquet', hive_partitioning = true)";
    assertEquals(List.of(
        "2018 341502 金安区 published_total 1200 exact true 报告称「全区」 3 950 approximate",
        "2018 341502 金安区 applications_received 5 exact true 报告称「全区」 3 3 exact",
        "2023 341502 金安区 published_total 400 exact false null 3 330 exact",
        "2023 341503 裕安区 published_total 300 exact true 报告称「全区」 2 320 exact",
        "2023 341503 裕安区 applications_received 12 exact true 报告称「全区」 3 10 exact"),
        query("SELECT year, region_code, region_name, metric, value, qualifier, covers_townships, coverage,"
            + " units_reporting, townships_sum, townships_sum_qualifier FROM " + regions
            + " WHERE metric IN ('published_total', 'applications_received')"
            + " ORDER BY year, region_code, metric DESC"));
    assertEquals(List.of("2018 5", "2023 22"), query("SELECT year, count(*) FROM " + regions + " GROUP BY year ORDER BY year"),
        "every figure of the two reports and the record");

    String findings = "read_parquet('" + out.resolve("findings") + "/*/*.parquet', hive_partitioning = true)";
    assertEquals(List.of("HIERARCHY_MISMATCH warning district 341503 2023 published_total 300 320 "
        + "裕安区 2023 年区县报告的主动公开信息总数（300）少于其乡镇之和（至少 320；3 个乡镇中 2 个填报）："
        + "报告称「全区」，区县的数字应包含各乡镇的"),
        query("SELECT rule, severity, level, region_code, year, metric, value, reference_value, message FROM " + findings
            + " WHERE level = 'district'"));
    assertEquals(List.of(), query("SELECT rule FROM " + findings + " WHERE rule = 'DUPLICATE_CONFLICT'"));

    // The district figures stay out of the townships' tables and the rollup.
    assertEquals(List.of("0"), query("SELECT count(*) FROM read_parquet('" + out.resolve("township_metrics")
        + "/*/*.parquet', hive_partitioning = true) WHERE length(township_code) <> 9"));
    assertEquals(List.of("320 2"), query("SELECT sum, units_reporting FROM read_parquet('" + out.resolve("rollup")
        + "/*/*.parquet', hive_partitioning = true) WHERE level = 'district' AND region_code = '341503' AND year = 2023"
        + " AND metric = 'published_total'"));

    List<Map<String, String>> rejects = SampleJob.csv(out.resolve("csv/rejects.csv"));
    assertEquals(1, rejects.size(), rejects.toString());
    assertEquals("DEPARTMENT_REPORT", rejects.get(0).get("reason_code"));
    assertTrue(rejects.get(0).get("source_file").endsWith("yuan-jiaoyuju-2023.txt"));

    // The 汇总表: the district's own figures in a 区县自报 row below 合计.
    List<String> wide = Files.readAllLines(out.resolve("wide/2023/341503-裕安区.csv"), StandardCharsets.UTF_8);
    assertTrue(wide.get(0).startsWith("\uFEFF乡镇代码,乡镇名称,所属县区,状态,"), wide.get(0));
    List<String> header = List.of(wide.get(0).substring(1).split(",", -1));
    List<String> total = List.of(wide.get(4).split(",", -1));
    List<String> own = List.of(wide.get(5).split(",", -1));
    assertEquals(6, wide.size(), wide.toString());
    assertEquals("合计", total.get(1));
    assertEquals("区县自报", own.get(1));
    int published = header.indexOf("主动公开信息总数");
    assertEquals("320", total.get(published));
    assertEquals("300", own.get(published));
    int received = header.indexOf("依申请公开申请数");
    assertEquals("10", total.get(received));
    assertEquals("12", own.get(received));

    List<String> all = Files.readAllLines(out.resolve("wide/2023/all.csv"), StandardCharsets.UTF_8);
    assertEquals(2, all.stream().filter(l -> l.contains(",区县自报,")).count(), "both districts' own rows in all.csv: " + all);
    assertEquals(List.of("341502,金安区", "341503,裕安区"), SampleJob.csv(out.resolve("csv/region_metrics.csv")).stream()
        .filter(r -> r.get("year").equals("2023") && r.get("metric").equals("published_total"))
        .map(r -> r.get("region_code") + "," + r.get("region_name")).toList());

    // report.html: a 区县自报 column beside the 全区合计.
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("<th>全区合计</th><th>区县自报</th>"), "a column for the district's own figures");
    assertTrue(html.contains("<td class=\"num\"><b>320</b></td><td class=\"num\">300</td>"), "300 beside 320");

    // Conservation: the district report and record are accepted; the department's report is the one reject.
    var manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertEquals(10, manifest.get("sources").get(0).get("accepted").asLong());
    assertEquals(2, manifest.get("sources").get(1).get("accepted").asLong());
    assertEquals(1, manifest.get("sources").get(1).get("rejected").asLong());
  }

  @Test
  void theJobCanSayEveryDistrictFigureCoversItsTownships() throws Exception {
    Path out = run("audit: {region_reports_cover_townships: true}");
    String regions = "read_parquet('" + out.resolve("region_metrics") + "/*/*.parquet', hive_partitioning = true)";
    assertEquals(List.of("true 任务文件 audit.region_reports_cover_townships"),
        query("SELECT covers_townships, coverage FROM " + regions + " WHERE year = 2023 AND region_code = '341502'"
            + " AND metric = 'published_total'"));
    // 400 ≥ 100 + 150 + 80: still the one finding, 裕安区's.
    assertEquals(List.of("341503 published_total"), query("SELECT region_code, metric FROM read_parquet('"
        + out.resolve("findings") + "/*/*.parquet', hive_partitioning = true) WHERE rule = 'HIERARCHY_MISMATCH'"));
  }
}
