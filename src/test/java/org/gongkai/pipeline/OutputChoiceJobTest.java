package org.gongkai.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.gongkai.cli.RunSummary;
import org.gongkai.job.JobFileReader;
import org.gongkai.job.JobSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job that turns off the 汇总表 ({@code outputs.wide: false}) or report.html ({@code
 * outputs.report: false}) gets the very same tables, without those files, and is told so.
 */
class OutputChoiceJobTest {
  @TempDir Path tmp;

  @Test
  void tablesOnlyGivesTheSameTablesAndSaysWhatWasNotWritten() throws Exception {
    JobSpec job = JobFileReader.read(SampleJob.SAMPLE);
    Path all = tmp.resolve("all");
    Path tables = tmp.resolve("tables");
    Path noPage = tmp.resolve("no-page");
    assertEquals(PipelineResult.State.DONE, SampleJob.run(SampleJob.withOutput(job, all.toString())));
    assertEquals(PipelineResult.State.DONE, SampleJob.run(with(job, tables, false, false)));
    assertEquals(PipelineResult.State.DONE, SampleJob.run(with(job, noPage, true, false)));

    List<Path> everything = SampleJob.files(all);
    List<Path> tableFiles = everything.stream()
        .filter(f -> !f.startsWith("wide") && !f.toString().equals("report.html") && !f.toString().equals("manifest.json"))
        .toList();
    assertTrue(tableFiles.stream().anyMatch(f -> f.toString().endsWith(".parquet")));
    assertTrue(everything.stream().anyMatch(f -> f.startsWith("wide")), "the default writes the 汇总表");
    List<Path> tablesOnly = SampleJob.files(tables);
    assertEquals(tableFiles, tablesOnly.stream().filter(f -> !f.toString().equals("manifest.json")).toList(),
        "the tables, and no wide/ or report.html");
    for (Path f : tableFiles) {
      assertArrayEquals(Files.readAllBytes(all.resolve(f)), Files.readAllBytes(tables.resolve(f)), f + " is byte-identical");
    }
    for (Path f : everything) {
      if (f.startsWith("wide")) {
        assertArrayEquals(Files.readAllBytes(all.resolve(f)), Files.readAllBytes(noPage.resolve(f)),
            f + " is the same without report.html");
      }
    }
    assertFalse(Files.exists(noPage.resolve("report.html")));

    JsonNode m = new ObjectMapper().readTree(tables.resolve("manifest.json").toFile());
    assertEquals("[{\"output\":\"report.html\",\"switch\":\"outputs.report\"},{\"output\":\"wide/\",\"switch\":\"outputs.wide\"}]",
        m.path("not_written").toString());
    assertTrue(m.path("outputs").findValuesAsText("path").stream().noneMatch(p -> p.startsWith("wide/") || p.equals("report.html")));
    String summary = summary(m);
    assertTrue(summary.contains("汇总表 (wide)         not written (outputs.wide: false)"), summary);
    assertTrue(summary.contains("report.html not written (outputs.report: false)"), summary);
    assertFalse(summary.contains("report to open in a browser"), summary);
    JsonNode full = new ObjectMapper().readTree(all.resolve("manifest.json").toFile());
    assertTrue(full.path("not_written").isMissingNode(), "a job that writes everything lists nothing as not written");
    assertTrue(summary(full).contains("report to open in a browser"));
  }

  private static JobSpec with(JobSpec job, Path out, boolean wide, boolean report) {
    JobSpec.Outputs o = job.outputs();
    return SampleJob.withOutputs(job, new JobSpec.Outputs(out.toString(), o.formats(), o.districtWorkbooks(),
        o.districtCsv(), wide, report));
  }

  private static String summary(JsonNode manifest) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RunSummary.print(manifest, "/out", 1.0, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
