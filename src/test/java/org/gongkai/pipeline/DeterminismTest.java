package org.gongkai.pipeline;

import org.gongkai.job.JobFileReader;
import org.gongkai.job.JobSpec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same job run twice gives the same files, whatever the threads did. */
class DeterminismTest {
  @TempDir Path tmp;

  @Test
  void sameInputsSameOutputs() throws Exception {
    JobSpec job = JobFileReader.read(SampleJob.SAMPLE);
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    assertEquals(PipelineResult.State.DONE, SampleJob.run(SampleJob.withOutput(job, a.toString())));
    assertEquals(PipelineResult.State.DONE, SampleJob.run(SampleJob.withOutput(job, b.toString()), "--targetParallelism=1"));
    List<Path> files = SampleJob.files(a);
    assertEquals(files, SampleJob.files(b), "the same files");
    assertTrue(files.stream().anyMatch(f -> f.toString().endsWith(".parquet")));
    for (Path f : files) {
      if (f.toString().equals("manifest.json")) {
        continue;
      }
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + " is byte-identical");
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode ma = (ObjectNode) json.readTree(a.resolve("manifest.json").toFile());
    ObjectNode mb = (ObjectNode) json.readTree(b.resolve("manifest.json").toFile());
    for (ObjectNode m : List.of(ma, mb)) {
      m.remove(List.of("started_at", "finished_at"));
      ((ObjectNode) m.get("options")).remove("targetParallelism");
    }
    assertEquals(ma, mb, "the manifests differ only in times (and the option that was changed)");
  }

  /**
   * Bounded elements and the grouping of districts and of files change how the work is cut,
   * never the result: with batches of 7 rows, a single group of districts and every file read
   * in one group the CSV tables are byte-identical.
   */
  @Test
  void smallBatchesAndOneGroupOfEachKindGiveTheSameTables() throws Exception {
    JobSpec job = JobFileReader.read(SampleJob.SAMPLE);
    Path a = tmp.resolve("default");
    Path b = tmp.resolve("small");
    assertEquals(PipelineResult.State.DONE, SampleJob.run(SampleJob.withOutput(job, a.toString())));
    JobSpec.Limits l = job.limits();
    JobSpec small = new JobSpec(job.name(), job.jobFile(), job.gazetteer(), job.sources(),
        new JobSpec.Outputs(b.toString(), job.outputs().formats()), job.rollupLevels(), job.audit(),
        new JobSpec.Limits(l.maxRecordBytes(), l.maxReportBytes(), 7, 1, 1));
    assertEquals(PipelineResult.State.DONE, SampleJob.run(small));
    for (Path f : SampleJob.files(a)) {
      String name = f.toString();
      if (name.endsWith(".csv") || name.equals("report.html")) {
        assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), name + " is byte-identical");
      }
    }
  }
}
