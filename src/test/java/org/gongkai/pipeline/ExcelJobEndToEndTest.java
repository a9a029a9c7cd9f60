package org.gongkai.pipeline;

import org.gongkai.job.JobFileReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A county workbook (the committed {@code sample-data/excel/yuan-county-2022.xlsx}) read by a job
 * on the DirectRunner: every figure lands in township_metrics exactly, read back with DuckDB; the
 * 合计 row is counted in the manifest, not as a township or a reject.
 */
class ExcelJobEndToEndTest {
  @TempDir Path tmp;

  @Test
  void aCountyWorkbookLandsExactly() throws Exception {
    Path data = Path.of("sample-data").toAbsolutePath();
    Path out = tmp.resolve("out");
    Path jobFile = tmp.resolve("excel.yaml");
    Files.writeString(jobFile, String.join("\n",
        "name: excel",
        "gazetteer: " + data.resolve("gazetteer.csv"),
        "sources:",
        "  - {name: yuan_county, format: excel, path: '" + data.resolve("excel/yuan-county-2022.xlsx") + "', region: 裕安区}",
        "outputs: {directory: '" + out + "'}",
        ""));
    assertEquals(PipelineResult.State.DONE, SampleJob.run(JobFileReader.read(jobFile)));

    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT township_name, metric, value, qualifier, locator FROM read_parquet('"
            + out.resolve("township_metrics") + "/*/*.parquet', hive_partitioning = true) WHERE year = 2022"
            + " ORDER BY locator")) {
      while (rs.next()) {
        rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " " + rs.getString(4) + " " + rs.getString(5));
      }
    }
    assertEquals(List.of(
        "鼓楼街道 published_total 120 exact 2022年汇总!C6",
        "西市街道 published_total 151 lower_bound 2022年汇总!C7",
        "苏埠镇 published_total 98 exact 2022年汇总!C8",
        "江家店镇 published_total 60 exact 2022年汇总!C9",
        "鼓楼街道 published_website 100 exact 2022年汇总!D6",
        "西市街道 published_website 130 exact 2022年汇总!D7",
        "苏埠镇 published_website 90 exact 2022年汇总!D8",
        "江家店镇 published_website 55 exact 2022年汇总!D9",
        "鼓楼街道 policy_interpretations 8 exact 2022年汇总!E6",
        "西市街道 policy_interpretations 6 exact 2022年汇总!E7",
        "苏埠镇 policy_interpretations 0 exact 2022年汇总!E8",
        "鼓楼街道 applications_received 5 exact 2022年汇总!F6",
        "西市街道 applications_received 3 exact 2022年汇总!F7",
        "苏埠镇 applications_received 2 exact 2022年汇总!F8",
        "江家店镇 applications_received 0 exact 2022年汇总!F9",
        "鼓楼街道 applications_completed 5 exact 2022年汇总!G6",
        "西市街道 applications_completed 3 exact 2022年汇总!G7",
        "苏埠镇 applications_completed 2 exact 2022年汇总!G8",
        "江家店镇 applications_completed 0 exact 2022年汇总!G9"), rows);

    JsonNode file = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("sources").get(0).get("files").get(0);
    assertEquals(4, file.get("read").asLong());
    assertEquals(4, file.get("accepted").asLong());
    assertEquals(0, file.get("rejected").asLong());
    assertEquals(1, file.get("total_rows").asLong(), "the 合计 row, checked");
    assertEquals(19, file.get("observations").asLong());

    // The 合计 row's SUM skipped the cells typed as text (151余, 98): a finding that says so.
    List<String> findings = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT severity, message FROM read_parquet('" + out.resolve("findings")
            + "/*/*.parquet', hive_partitioning = true) WHERE rule = 'TOTAL_ROW_MISMATCH'")) {
      while (rs.next()) {
        findings.add(rs.getString(1) + " " + rs.getString(2));
      }
    }
    assertEquals(1, findings.size(), findings.toString());
    assertTrue(findings.get(0).startsWith("warning "), findings.get(0));
    assertTrue(findings.get(0).contains("2022年汇总!C7") && findings.get(0).contains("Excel 的 SUM 不计文本"), findings.get(0));
  }
}
