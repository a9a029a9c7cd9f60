package org.gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The summary says which files made from every district a job did not write, and how to ask for them. */
class RunSummaryTest {

  private static String summary(String outputs) throws Exception {
    return summary(outputs, "");
  }

  private static String summary(String outputs, String more) throws Exception {
    JsonNode m = new ObjectMapper().readTree("{\"job\": {\"name\": \"j\"}, \"outputs\": [" + outputs + "]" + more + "}");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RunSummary.print(m, "/out", 1.0, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void saysWhichDistrictFilesWereNotWritten() throws Exception {
    String all = "{\"path\": \"wide/2018/all.csv\"}, {\"path\": \"wide/2018/all.xlsx\"}";
    String district = ", {\"path\": \"wide/2018/341502-金安区.csv\"}";
    String book = ", {\"path\": \"wide/2018/341502-金安区.xlsx\"}";
    assertTrue(summary(all).contains("no CSV or workbook per district (outputs.district_csv, outputs.district_workbooks;"
        + " by default none beyond 200 districts)"), summary(all));
    assertTrue(summary(all + district).contains("no workbook per district (outputs.district_workbooks;"));
    assertTrue(summary(all + book).contains("no CSV per district (outputs.district_csv;"));
    assertFalse(summary(all + district + book).contains("per district ("), "both written: nothing to say");
  }

  @Test
  void saysWhichWholeJobFilesTheJobTurnedOff() throws Exception {
    String off = ", \"not_written\": [{\"output\": \"report.html\", \"switch\": \"outputs.report\"},"
        + " {\"output\": \"wide/\", \"switch\": \"outputs.wide\"}]";
    String s = summary("{\"path\": \"rollup/year=2018/part-g00000.parquet\"}", off);
    assertTrue(s.contains("    汇总表 (wide)         not written (outputs.wide: false)"), s);
    assertTrue(s.contains("  report.html not written (outputs.report: false)"), s);
    assertFalse(s.contains("report to open in a browser") || s.contains("per district ("), s);
    assertTrue(summary("{\"path\": \"wide/2018/all.csv\"}").contains("report to open in a browser: /out/report.html"));
  }
}
