package org.gongkai.pipeline;

import org.gongkai.cli.JobRunner;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run where a source gave no observation publishes its outputs and ends with exit code 3, saying why. */
class EmptySourceRunTest {
  @TempDir Path tmp;

  @Test
  void aSourceThatGaveNothingEndsWithExitCode3() throws Exception {
    Files.writeString(tmp.resolve("good.csv"), "乡镇,年度,政策解读\n江家店镇,2018,3\n");
    Files.writeString(tmp.resolve("bad.csv"), "乡镇,年度,政策解读\n余官镇,2018,3\n江加店镇,2018,4\n江家店镇,2018,若干\n");
    Path job = tmp.resolve("job.yaml");
    Files.writeString(job, """
        gazetteer: %s
        sources:
          - {name: good, format: csv, path: good.csv, region: 裕安区}
          - {name: bad, format: csv, path: bad.csv, region: 裕安区}
        outputs: {directory: out}
        """.formatted(Path.of("sample-data/gazetteer.csv").toAbsolutePath()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit = JobRunner.run(job, new String[] {"--progressSeconds=0"}, new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8));

    assertEquals(JobRunner.EMPTY_SOURCES, exit, err.toString(UTF_8));
    List<String> lines = err.toString(UTF_8).lines().filter(l -> !l.startsWith("gongkai: running job")).toList();
    assertEquals(List.of(
        "gongkai: source bad gave no observation: 3 read, 0 accepted, 3 rejected, most as UNKNOWN_REGION (2)",
        "gongkai: finished, but 1 source gave nothing (exit code 3); why each record was rejected: " + tmp.resolve("out")
            + "/csv/rejects.csv"), lines);
    JsonNode manifest = new ObjectMapper().readTree(tmp.resolve("out/manifest.json").toFile());
    assertEquals(2, manifest.path("sources").get(1).path("reject_reasons").path("UNKNOWN_REGION").asInt());
    assertEquals(1, manifest.path("sources").get(1).path("reject_reasons").path("VAGUE_COUNT").asInt());
    assertEquals(0, manifest.path("sources").get(0).path("reject_reasons").size());
    assertTrue(Files.isRegularFile(tmp.resolve("out/csv/township_metrics.csv")), "the outputs are published");
  }
}
