package org.gongkai.pipeline;

import org.gongkai.cli.RunSummary;
import org.gongkai.job.JobFileReader;
import org.gongkai.job.JobSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's day-one inputs end to end: a column that maps to nothing, one ignored on purpose, a
 * WPS "Unicode text" export (UTF-16, tabs) with a title line, a template report with a row that
 * cannot be aligned, and a typo in a township name (余官镇 for 余关镇). Nothing read goes
 * unsaid, and the township of the typo is shown as 数据被拒收, never as 未报送.
 */
class NoticesJobTest {
  @TempDir static Path dir;
  static Path out;
  static List<Map<String, String>> findings;
  static JsonNode manifest;
  static String summary;

  @BeforeAll
  static void run() throws Exception {
    Files.writeString(dir.resolve("gazetteer.csv"), """
        code,name
        34,安徽省
        3415,六安市
        341503,裕安区
        341503100,苏埠镇
        341503109,徐集镇
        341503111,江家店镇
        341503112,余关镇
        """);
    Files.writeString(dir.resolve("exports.csv"), """
        乡镇,年度,市长热线,信息员人数
        苏埠镇,2018,12,40
        江家店镇,2018,5,3
        余官镇,2018,7,1
        """);
    String tsv = "裕安区2019年政务公开统计表\r\n乡镇\t年度\t市长热线\t信息员人数\r\n苏埠镇\t2019\t13\t41\r\n"
        + "江家店镇\t2019\t6\t4\r\n余关镇\t2019\t8\t2\r\n";
    ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
    utf16.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
    utf16.write(tsv.getBytes(StandardCharsets.UTF_16LE));
    Files.write(dir.resolve("wps.txt"), utf16.toByteArray());
    Files.copy(Path.of("sample-data/reports/341503109-2019-xuji.txt"), dir.resolve("341503109-2019-xuji.txt"));
    Files.writeString(dir.resolve("job.yaml"), """
        name: notices
        gazetteer: gazetteer.csv
        sources:
          - name: exports
            format: csv
            path: exports.csv
            region: 裕安区
          - name: wps
            format: csv
            path: wps.txt
            region: 裕安区
            columns:
              信息员人数: ignore
          - name: reports
            format: report
            path: "*-xuji.txt"
        outputs:
          directory: out
          formats: [parquet, csv]
        """);
    out = dir.resolve("out");
    JobSpec job = JobFileReader.read(dir.resolve("job.yaml"));
    assertEquals(PipelineResult.State.DONE, SampleJob.run(job));
    findings = SampleJob.csv(out.resolve("csv/findings.csv"));
    manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    RunSummary.print(RunSummary.manifest(out.toString()), out.toString(), 1.0, new PrintStream(printed, true, StandardCharsets.UTF_8));
    summary = printed.toString(StandardCharsets.UTF_8);
  }

  private static List<Map<String, String>> findings(String rule) {
    return findings.stream().filter(f -> f.get("rule").equals(rule)).toList();
  }

  @Test
  void anUnmappedColumnIsAWarningAndASummaryLineAndIgnoreSilencesIt() {
    List<Map<String, String>> unmapped = findings("UNMAPPED_COLUMN");
    assertEquals(1, unmapped.size(), unmapped.toString()); // the wps source ignores the same column
    Map<String, String> f = unmapped.get(0);
    assertEquals("warning", f.get("severity"));
    assertEquals("2018", f.get("year"));
    assertEquals("341503", f.get("district_code"));
    assertTrue(f.get("message").contains("列「信息员人数」未对应任何指标"), f.get("message"));
    assertTrue(f.get("evidence").endsWith("exports.csv line 1 列「信息员人数」：信息员人数：40，3，1"), f.get("evidence"));
    assertTrue(summary.contains("read but not used: UNMAPPED_COLUMN 1"), summary);
    assertTrue(summary.contains("exports.csv：列「信息员人数」"), summary);
    assertEquals(1, manifest.path("sources").get(0).path("notices").path("UNMAPPED_COLUMN").asLong());
    assertTrue(manifest.path("sources").get(1).path("notices").path("UNMAPPED_COLUMN").isMissingNode());
  }

  @Test
  void theUnicodeTextExportWithATitleLineIsReadInFull() {
    JsonNode wps = manifest.path("sources").get(1);
    assertEquals(3, wps.path("read").asLong());
    assertEquals(3, wps.path("accepted").asLong());
    assertEquals(0, wps.path("rejected").asLong());
    assertEquals("UTF-16LE", wps.path("files").get(0).path("charset").asText());
    assertEquals(1, wps.path("notices").path("LINES_SKIPPED").asLong());
    List<Map<String, String>> skipped = findings("LINES_SKIPPED");
    assertEquals(1, skipped.size());
    assertEquals("2019", skipped.get(0).get("year"));
    assertTrue(skipped.get(0).get("evidence").endsWith("wps.txt line 1：裕安区2019年政务公开统计表"), skipped.get(0).toString());
    assertTrue(summary.contains("read but not used: LINES_SKIPPED 1"), summary);
  }

  @Test
  void aTemplateTableRowThatCannotBeAlignedIsAPartNotRead() {
    List<Map<String, String>> parts = findings("REPORT_PART_NOT_READ");
    assertEquals(1, parts.size(), parts.toString());
    assertEquals("2019", parts.get(0).get("year"));
    assertTrue(parts.get(0).get("message").contains("6 个数值对应 7 列，无法对齐"), parts.get(0).toString());
    assertTrue(parts.get(0).get("evidence").contains("341503109-2019-xuji.txt 表三 行「(二)部分公开"), parts.get(0).toString());
  }

  @Test
  void aTypoIsRejectedWithTheCandidateAndItsTownshipIsShownAsRejectedNotAsMissing() throws Exception {
    List<Map<String, String>> rejects = SampleJob.csv(out.resolve("csv/rejects.csv"));
    assertEquals(1, rejects.size(), rejects.toString());
    assertEquals("UNKNOWN_REGION", rejects.get(0).get("reason_code"));
    assertTrue(rejects.get(0).get("reason").contains("余官镇"), rejects.get(0).toString());
    assertTrue(rejects.get(0).get("reason").contains("您是否指：余关镇（341503112）"), rejects.get(0).toString());

    List<String> wide = Files.readAllLines(out.resolve("wide/2018/all.csv"), StandardCharsets.UTF_8);
    String yuguan = wide.stream().filter(l -> l.startsWith("341503112,")).findFirst().orElseThrow();
    assertTrue(yuguan.startsWith("341503112,余关镇,裕安区,数据被拒收（UNKNOWN_REGION，"), yuguan);
    assertTrue(yuguan.contains("exports.csv line 4）"), yuguan);
    String xuji = wide.stream().filter(l -> l.startsWith("341503109,")).findFirst().orElseThrow();
    assertTrue(xuji.startsWith("341503109,徐集镇,裕安区,未报送"), xuji);

    List<Map<String, String>> missing = findings("MISSING_REPORT");
    assertEquals(2, missing.size(), missing.toString());
    Map<String, String> refused = missing.stream().filter(f -> f.get("region_code").equals("341503112")).findFirst()
        .orElseThrow();
    assertEquals("2018", refused.get("year"));
    assertTrue(refused.get("message").startsWith("余关镇 2018 年数据被拒收（UNKNOWN_REGION，"), refused.get("message"));
    assertTrue(!refused.get("message").contains("没有任何数据"), refused.get("message"));
    Map<String, String> silent = missing.stream().filter(f -> f.get("region_code").equals("341503109")).findFirst()
        .orElseThrow();
    assertTrue(silent.get("message").contains("没有任何数据或报告"), silent.get("message"));

    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("余关镇 2018 年数据被拒收"), "the finding is on the page");
    assertTrue(html.contains("已读取但未使用的内容") && html.contains("列「信息员人数」"), "the notices are on the page");
  }
}
