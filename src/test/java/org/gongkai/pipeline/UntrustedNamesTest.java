package org.gongkai.pipeline;

import org.gongkai.job.JobFileReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names from a gazetteer are data too: a township called {@code <script>…} or
 * {@code =HYPERLINK(…)} that reports figures reaches every table, the 汇总表 and report.html,
 * and stays inert text in all of them.
 */
class UntrustedNamesTest {
  static final String SCRIPT = "<script>alert(1)</script>镇";
  static final String FORMULA = "=HYPERLINK(\"http://x\",\"点我\")";
  @TempDir static Path tmp;
  static Path out;

  @BeforeAll
  static void run() throws Exception {
    List<String> gazetteer = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("sample-data/gazetteer.csv"), StandardCharsets.UTF_8)) {
      if (line.startsWith("341503111,")) {
        line = "341503111," + SCRIPT;
      } else if (line.startsWith("341503001,")) {
        line = "341503001,\"" + FORMULA.replace("\"", "\"\"") + "\"";
      }
      gazetteer.add(line);
    }
    Files.write(tmp.resolve("gazetteer.csv"), gazetteer, StandardCharsets.UTF_8);
    StringBuilder csv = new StringBuilder("区划代码,年度,主动公开信息数,咨询投诉\n");
    for (String code : List.of("341503111", "341503001", "341503002", "341503100", "341503101", "341503102")) {
      csv.append(code).append(",2018,").append(code.hashCode() % 500 + 600).append(",-").append('\n');
    }
    csv.append("341503111,2018,,=1+2\n"); // a formula where a count should be: a reject, shown as text
    Files.writeString(tmp.resolve("records.csv"), csv.toString(), StandardCharsets.UTF_8);
    Files.writeString(tmp.resolve("job.yaml"), """
        name: untrusted
        gazetteer: gazetteer.csv
        sources:
          - {name: records, format: csv, path: records.csv}
        outputs: {directory: out}
        """);
    out = tmp.resolve("out");
    assertEquals(PipelineResult.State.DONE, SampleJob.run(JobFileReader.read(tmp.resolve("job.yaml"))));
  }

  @Test
  void noCsvCellCanRunAsAFormula() throws Exception {
    List<Path> csvs;
    try (Stream<Path> files = Files.walk(out)) {
      csvs = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    assertTrue(csvs.size() >= 7, csvs.toString());
    int seen = 0;
    for (Path file : csvs) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        for (CSVRecord rec : CSVFormat.RFC4180.parse(r)) {
          for (String cell : rec) {
            String c = cell.startsWith("\uFEFF") ? cell.substring(1) : cell;
            if (c.contains("HYPERLINK")) {
              seen++;
            }
            if (!c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0) {
              assertTrue(c.matches("-?[0-9]+(\\.[0-9]+)?"), out.relativize(file) + ": '" + c + "' could run as a formula");
            }
          }
        }
      }
    }
    assertTrue(seen >= 3, "the name reached township_metrics, comparison and the 汇总表 (" + seen + " cells)");
  }

  @Test
  void theReportShowsTheNamesAsText() throws Exception {
    String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    assertFalse(html.contains("<script>alert"), "a name is never markup");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;镇"), "the name is shown, escaped");
    assertFalse(html.contains("<script"), "the page has no script at all");
  }
}
