package org.gongkai.pipeline;

import org.gongkai.job.JobFileReader;
import org.gongkai.job.JobSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample job with {@code file://} URIs for every input and the output gives the figures of
 * the plain-path run (reading, writing, staging and publishing all go through Beam's
 * FileSystems, which is what lets gs:// and hdfs:// work on a cluster).
 */
class FileUriJobTest {
  @TempDir Path tmp;

  @Test
  void sampleJobWithFileUris() throws Exception {
    Path data = Path.of("sample-data").toAbsolutePath();
    Path out = tmp.resolve("out");
    Path jobFile = tmp.resolve("uri.yaml");
    Files.writeString(jobFile, String.join("\n",
        "name: uri",
        "gazetteer: file://" + data.resolve("gazetteer.csv"),
        "sources:",
        "  - {name: yuan_export, format: csv, path: 'file://" + data.resolve("yuan-district-2017-2018.csv")
            + "', region: 裕安区, columns: {备注: ignore}}",
        "  - {name: yuan_corrections, format: csv, path: 'file://" + data.resolve("yuan-corrections-2018.csv")
            + "', priority: 10, columns: {备注: ignore}}",
        "  - {name: jinan_jsonl, format: jsonl, path: 'file://" + data.resolve("jinan-district-2017-2018.jsonl") + "'}",
        "  - {name: reports, format: report, path: 'file://" + data.resolve("reports") + "/*.{txt,htm,html}'}",
        "outputs: {directory: 'file://" + out + "'}",
        ""));
    JobSpec job = JobFileReader.read(jobFile);
    assertEquals(out.toString(), job.outputs().directory(), "a file URI is the local path it names");
    assertEquals(PipelineResult.State.DONE, SampleJob.run(job));

    Map<String, String> hotline = SampleJob.csv(out.resolve("csv/rollup.csv")).stream()
        .filter(r -> r.get("level").equals("district") && r.get("region_code").equals("341503")
            && r.get("year").equals("2018") && r.get("metric").equals("hotline_cases"))
        .findFirst().orElseThrow();
    assertEquals("1405", hotline.get("sum"));
    assertEquals("21", hotline.get("units_reporting"));
    List<Map<String, String>> rejects = SampleJob.csv(out.resolve("csv/rejects.csv"));
    assertEquals(8, rejects.size());
    assertTrue(Files.exists(out.resolve("manifest.json")));
    assertTrue(Files.exists(out.resolve("report.html")));
    try (var s = Files.list(tmp)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".staging-")), "staging moved into place");
    }
  }
}
