package org.gongkai.pipeline;

import org.gongkai.job.JobFileReader;
import org.gongkai.job.JobSpec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.gongkai.publish.MemoryFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample job on an object store ({@code mem://}, in memory), where one bundle's first
 * attempt fails just before it commits a shuffle file (the DirectRunner does not retry, so the
 * run fails); run again with the same run id and staging directory, as a runner retries, it
 * publishes exactly the outputs of a clean local run: the failed attempt's file, left under a
 * temporary name, is never read, and what was staged twice was staged the same.
 */
class RetriedRunTest {
  @TempDir Path tmp;

  @Test
  void aBundleThatFailedOnceChangesNothingInTheOutputs() throws Exception {
    PipelineOptionsFactory.register(GongkaiOptions.class);
    JobSpec job = JobFileReader.read(SampleJob.SAMPLE);
    Path local = tmp.resolve("out");
    assertEquals(PipelineResult.State.DONE, SampleJob.run(SampleJob.withOutput(job, local.toString())));

    String out = "mem://bucket-retry/out";
    String runs = out + "/runs/retry-1";
    JobSpec remote = SampleJob.withOutput(job, out);
    String[] args = {"--runId=retry-1", "--stagingDir=" + runs};
    MemoryFileSystem.failFirstRenameOnto(".*/_parts/shuffle/g\\d+/r00001-\\d+\\.bin");
    assertThrows(RuntimeException.class, () -> SampleJob.run(remote, args));
    assertFalse(MemoryFileSystem.objects(runs + "/_parts/tmp/").isEmpty(), "the failed attempt's file stays unnamed");
    assertTrue(MemoryFileSystem.objects(out + "/manifest.json").isEmpty(), "nothing published");

    assertEquals(PipelineResult.State.DONE, SampleJob.run(remote, args));
    ObjectMapper json = new ObjectMapper();
    JsonNode pointer = json.readTree(MemoryFileSystem.objects(out + "/manifest.json").get(out + "/manifest.json"));
    assertEquals("runs/retry-1", pointer.get("run_folder").asText());
    JsonNode clean = json.readTree(local.resolve("manifest.json").toFile());
    assertEquals(clean.get("outputs"), pointer.get("outputs"), "the same files, rows and bytes");
    assertEquals(clean.get("stages"), pointer.get("stages"));
    List<String> compared = new ArrayList<>();
    for (JsonNode o : clean.get("outputs")) {
      String path = o.get("path").asText();
      byte[] remoteBytes = MemoryFileSystem.objects(runs + "/" + path).get(runs + "/" + path);
      assertArrayEquals(Files.readAllBytes(local.resolve(path)), remoteBytes, path);
      compared.add(path);
    }
    assertTrue(compared.size() > 20, compared.toString());
    Map<String, byte[]> all = MemoryFileSystem.objects(out + "/");
    assertEquals(compared.size() + 2, all.size(), "the outputs, the run's manifest and the pointer; no _parts/: " + all.keySet());
  }
}
