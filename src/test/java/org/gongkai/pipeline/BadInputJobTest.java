package org.gongkai.pipeline;

import org.gongkai.job.JobFileReader;
import org.gongkai.job.JobSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pipelines/bad.yaml} end to end: the inputs districts really send when something went
 * wrong (sample-data/bad/). The run finishes, every source conserves its records, every bad
 * record is a reject with the expected code at the expected place, and nothing from the data can
 * run as a spreadsheet formula or as script.
 */
class BadInputJobTest {
  static final Path BAD = Path.of("pipelines/bad.yaml");

  @TempDir static Path tmp;
  static Path out;
  static List<Map<String, String>> rejects;

  @BeforeAll
  static void runTheBadJob() throws Exception {
    out = tmp.resolve("out");
    JobSpec job = SampleJob.withOutput(JobFileReader.read(BAD), out.toString());
    assertEquals(PipelineResult.State.DONE, SampleJob.run(job), "bad input never stops the run");
    rejects = SampleJob.csv(out.resolve("csv/rejects.csv"));
  }

  /** read/accepted/rejected per source, in job order. */
  static final Map<String, String> COUNTS = new LinkedHashMap<>();

  /** Per file of sample-data/bad/: read/accepted/rejected, and every reject's locator and code in file order. */
  static final Map<String, String> FILE_COUNTS = new LinkedHashMap<>();
  static final Map<String, List<String>> REJECTS = new LinkedHashMap<>();

  static {
    COUNTS.put("truncated", "6/4/2");
    file("truncated-in-character.csv", "3/2/1", "line 4 BAD_ENCODING");
    file("truncated.csv", "3/2/1", "line 4 MALFORMED_RECORD");
    source("gb18030_as_utf8", "gb18030-declared-utf8.csv", "2/0/2", "line 2 BAD_ENCODING", "line 3 BAD_ENCODING");
    source("workbook_renamed", "workbook-renamed.csv", "1/0/1", "offset 0 BINARY_DATA");
    source("nul_byte", "nul-byte.csv", "3/2/1", "line 3 BINARY_DATA");
    source("bad_counts", "bad-counts.csv", "6/1/5", "line 2 NEGATIVE_COUNT", "line 3 FRACTIONAL_COUNT", "line 4 VAGUE_COUNT",
        "line 5 TOO_LARGE", "line 6 NEGATIVE_COUNT");
    source("duplicated_header", "duplicated-header.csv", "2/0/2", "line 2 DUPLICATE_COLUMN", "line 3 DUPLICATE_COLUMN");
    source("missing_header_column", "missing-header-column.csv", "2/0/2", "line 2 MALFORMED_RECORD", "line 3 MALFORMED_RECORD");
    source("bom_in_middle", "bom-in-middle.csv", "3/2/1", "line 3 MALFORMED_RECORD");
    source("quoted_newlines_crlf", "quoted-newlines-crlf.csv", "3/2/1", "line 5 VAGUE_COUNT");
    source("empty_file", "empty.csv", "1/0/1", "offset 0 EMPTY_FILE");
    source("free_text", "free-text.csv", "7/0/7", "line 2 UNKNOWN_REGION", "line 3 UNKNOWN_REGION", "line 4 UNKNOWN_REGION",
        "line 5 UNKNOWN_REGION", "line 6 UNKNOWN_REGION", "line 7 VAGUE_COUNT", "line 8 NOT_A_COUNT");
    source("broken_jsonl", "broken.jsonl", "16/3/13", "line 2 BAD_JSON", "line 3 NOT_A_JSON_OBJECT", "line 4 BAD_JSON",
        "line 5 BAD_JSON", "line 6 UNKNOWN_REGION", "line 7 NEGATIVE_COUNT", "line 8 NOT_A_COUNT", "line 10 BAD_JSON",
        "line 11 BAD_JSON", "line 12 BAD_JSON", "line 14 TOO_LARGE", "line 15 RECORD_TOO_LARGE", "line 16 BAD_JSON");
  }

  private static void source(String source, String file, String counts, String... rejects) {
    COUNTS.put(source, counts);
    file(file, counts, rejects);
  }

  private static void file(String file, String counts, String... rejects) {
    FILE_COUNTS.put(file, counts);
    REJECTS.put(file, List.of(rejects));
  }

  private static String fileName(String path) {
    return Path.of(path).getFileName().toString();
  }

  @Test
  void everySourceAndFileConservesItsRecordsExactly() throws Exception {
    JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    Map<String, String> sources = new LinkedHashMap<>();
    Map<String, String> files = new TreeMap<>();
    for (JsonNode s : m.get("sources")) {
      String name = s.get("name").asText();
      long read = s.get("read").asLong();
      long accepted = s.get("accepted").asLong();
      long rejected = s.get("rejected").asLong();
      assertEquals(read, accepted + rejected, name + ": read = accepted + rejected");
      long inTable = rejects.stream().filter(r -> r.get("source").equals(name)).count();
      assertEquals(rejected, inTable, name + ": every rejected record is in the rejects table, once");
      sources.put(name, read + "/" + accepted + "/" + rejected);
      long fileRead = 0;
      for (JsonNode f : s.get("files")) {
        fileRead += f.get("read").asLong();
        files.put(fileName(f.get("path").asText()), f.get("read").asLong() + "/" + f.get("accepted").asLong() + "/" + f.get("rejected").asLong());
      }
      assertEquals(read, fileRead, name + ": the files add up to the source");
    }
    assertEquals(COUNTS, sources);
    assertEquals(new TreeMap<>(FILE_COUNTS), files);
  }

  @Test
  void everyBadRecordIsARejectWithItsCodeAndPlace() {
    Map<String, List<String>> got = new TreeMap<>();
    for (Map<String, String> r : rejects) {
      got.computeIfAbsent(fileName(r.get("source_file")), k -> new ArrayList<>()).add(r.get("locator") + " " + r.get("reason_code"));
      assertFalse(r.get("reason").isBlank(), "a reason for " + r);
      assertTrue(Files.exists(BAD.getParent().resolve(r.get("source_file"))), "the reject names its file, relative to the job: " + r.get("source_file"));
    }
    assertEquals(new TreeMap<>(REJECTS), got);
  }

  @Test
  void reasonsSayWhatIsWrongAndWhere() {
    assertReason("truncated-in-character.csv", "line 4", "不是 UTF-8 或 GB18030 有效文本的字节", "只有 2 个单元格，表头有 8 列（文件被截断？）");
    assertReason("truncated.csv", "line 4", "4 个单元格，表头有 8 列", "记录不完整");
    assertReason("gb18030_as_utf8", "line 2", "不是 utf-8 的字节", "encoding");
    assertReason("workbook_renamed", "offset 0", "ZIP 压缩包", ".xlsx");
    assertReason("nul_byte", "line 3", "NUL 字节");
    assertReason("bad_counts", "line 2", "字段 政策解读：'-3' 是负数");
    assertReason("bad_counts", "line 6", "字段 主动公开信息数：'－7'", "字段 政策解读：'3.5'", "字段 咨询投诉：'一些'");
    assertReason("duplicated_header", "line 2", "第 4 列 '咨询投诉' 和第 5 列 '咨询投诉' 都表示 hotline_cases");
    assertReason("missing_header_column", "line 2", "7 个单元格，表头有 6 列");
    assertReason("bom_in_middle", "line 3", "重复了表头");
    assertReason("empty_file", "offset 0", "空的（0 字节）");
    assertReason("free_text", "line 2", "字段 乡镇：'=HYPERLINK(\"http://x\",\"点我\")' 区划表中没有这个乡镇");
    assertReason("broken_jsonl", "line 4", "Duplicate field 'hotline'");
    assertReason("broken_jsonl", "line 15", "limits.max_record_bytes");
    assertReason("broken_jsonl", "line 16", "一行里有不止一个 JSON 值");
  }

  /** The reject at a place of a source (or a file of sample-data/bad/, for the truncated source's two). */
  private static void assertReason(String source, String locator, String... parts) {
    Map<String, String> r = rejects.stream()
        .filter(x -> (x.get("source").equals(source) || fileName(x.get("source_file")).equals(source)) && x.get("locator").equals(locator))
        .findFirst().orElseThrow(() -> new AssertionError("no reject " + source + " " + locator));
    for (String p : parts) {
      assertTrue(r.get("reason").contains(p), source + " " + locator + ": '" + p + "' in " + r.get("reason"));
    }
  }

  @Test
  void goodRecordsBesideBadOnesAreKept() throws Exception {
    Map<String, String> got = new TreeMap<>();
    List<Map<String, String>> metrics = SampleJob.csv(out.resolve("csv/township_metrics.csv"));
    assertEquals(65, metrics.size(), "observations of the accepted records");
    for (Map<String, String> r : metrics) {
      assertFalse(r.get("township_name").equals("石板冲乡"), "a cut line is not used in part: " + r);
      if (r.get("metric").equals("hotline_cases")) {
        got.put(r.get("source") + " " + r.get("township_name"), r.get("value") + " " + r.get("locator"));
      }
    }
    assertEquals("70 line 2", got.get("truncated 鼓楼街道"), "a character cut at the end does not make the file GB18030");
    assertEquals("40 line 3", got.get("truncated 独山镇"), "a cut last line does not spoil the rest of the file");
    assertEquals("112 line 2", got.get("quoted_newlines_crlf 苏埠镇"), "a remark over three lines is one record");
    assertEquals("26 line 6", got.get("quoted_newlines_crlf 单王乡"), "line numbers count the lines inside quotes");
    assertEquals("79 line 4", got.get("bom_in_middle 江家店镇"), "the second of two joined files is read");
    assertEquals("78 line 9", got.get("broken_jsonl 施桥镇"), "a BOM before a JSON line is not data");
    assertFalse(got.containsKey("broken_jsonl 东桥镇"), "no guess between two values of one key");
  }

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  @Test
  void noCsvCellCanRunAsASpreadsheetFormula() throws Exception {
    List<Path> csvs;
    try (Stream<Path> files = Files.walk(out)) {
      csvs = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    assertTrue(csvs.stream().anyMatch(p -> p.endsWith("csv/rejects.csv")), csvs.toString());
    assertTrue(csvs.size() >= 5, "the run writes its tables as CSV: " + csvs);
    int cells = 0;
    for (Path csv : csvs) {
      assertFalse(Files.readString(csv, StandardCharsets.UTF_8).contains("\0"), out.relativize(csv) + " holds a NUL");
      try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
        for (CSVRecord rec : CSVFormat.RFC4180.parse(r)) {
          for (String cell : rec) {
            cells++;
            String c = rec.getRecordNumber() == 1 && cell.startsWith("\uFEFF") ? cell.substring(1) : cell;
            if (!c.isEmpty() && "=+-@\t\r＝＋－＠".indexOf(c.charAt(0)) >= 0) {
              assertTrue(NUMBER.matcher(c).matches(),
                  out.relativize(csv) + " line " + rec.getRecordNumber() + ": cell '" + c + "' could run as a formula");
            }
          }
        }
      }
    }
    assertTrue(cells > 100, "cells were checked");
    // The formulas of free-text.csv reach the rejects table as text.
    List<String> raws = rejects.stream().filter(r -> r.get("source").equals("free_text")).map(r -> r.get("raw")).toList();
    assertEquals("'=HYPERLINK(\"http://x\",\"点我\"),2018,5,", raws.get(0));
    assertEquals("'@SUM(1+1),2018,8,", raws.get(2));
    assertEquals("'\t-2+3,2018,10,", raws.get(4));
    assertEquals("2018,独山镇,41\u24000,12,40,3,1,", rejects.stream()
        .filter(r -> r.get("source").equals("nul_byte")).findFirst().orElseThrow().get("raw"), "a NUL is shown as ␀");
  }

  @Test
  void theReportEscapesWhatTheDataSays() throws Exception {
    Path report = out.resolve("report.html");
    if (!Files.exists(report)) {
      return;
    }
    String html = Files.readString(report, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    assertFalse(html.contains("<script>alert"), "data from the inputs is escaped in report.html");
    assertFalse(html.contains("alert(1)</script>"), "data from the inputs is escaped in report.html");
  }

  @Test
  void theRejectsParquetHasTheRowsOfTheCsv() throws Exception {
    Map<String, Long> fromCsv = new TreeMap<>();
    rejects.forEach(r -> fromCsv.merge(r.get("source") + " " + r.get("reason_code"), 1L, Long::sum));
    Map<String, Long> fromParquet = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT source, reason_code, count(*) FROM read_parquet('"
            + out.resolve("rejects") + "/**/*.parquet', union_by_name = true) GROUP BY ALL")) {
      while (rs.next()) {
        fromParquet.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
      }
    }
    assertEquals(fromCsv, fromParquet);
  }
}
