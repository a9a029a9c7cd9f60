package org.gongkai.pipeline;

import org.gongkai.cli.JobRunner;
import org.gongkai.job.JobFileReader;
import org.gongkai.job.JobSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarOutputStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/**
 * The pipeline of the sample job, built exactly as {@code gongkai run} builds it, is accepted
 * by a cluster runner: the DataflowRunner translates it offline into a job template (no
 * credentials, no network, nothing submitted). Runs in {@code mvn -Pdataflow-runner verify};
 * skipped where the Dataflow runner is not on the classpath.
 */
class DataflowTemplateTest {

  @Test
  void sampleJobTranslatesToADataflowBatchJob() throws Exception {
    assumeTrue(onClasspath("org.apache.beam.runners.dataflow.DataflowRunner"), "build with -Pdataflow-runner");
    Path dir = Path.of("target/dataflow").toAbsolutePath();
    Files.createDirectories(dir.resolve("temp"));
    Path jar = dir.resolve("stage.jar");
    try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
      // a small jar to stage: the template only names it
    }
    Path template = dir.resolve("sample-template.json");
    Files.deleteIfExists(template);
    PipelineOptions options = PipelineOptionsFactory.fromArgs(
        "--runner=DataflowRunner", "--project=test-project", "--region=us-central1",
        "--gcpTempLocation=" + dir.resolve("temp"),
        "--pathValidatorClass=org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator",
        "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory",
        "--filesToStage=" + jar, "--templateLocation=" + template).withValidation().create();
    Pipeline p = Pipeline.create(options);
    JobSpec job = JobFileReader.read(SampleJob.SAMPLE);
    JobRunner.prepare(p, job, options);
    p.run();

    JsonNode spec = new ObjectMapper().readTree(template.toFile());
    assertEquals("JOB_TYPE_BATCH", spec.get("type").asText());
    List<String> steps = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    for (JsonNode s : spec.get("steps")) {
      JsonNode name = s.path("properties").path("user_name");
      steps.add(name.isObject() ? name.path("value").asText() : name.asText());
      kinds.add(s.path("kind").asText());
    }
    String all = String.join("\n", steps);
    for (String expected : List.of("ListInputFiles/DealIntoReadGroups", "ReadSources/GatherReadGroups",
        "ReadSources/ParseNormaliseResolve", "AnalyseDistricts/ShuffleByDistrictGroup",
        "AnalyseDistricts/AnalyseAndWriteDistricts", "RollUpCitiesAndProvinces/GroupByProvince",
        "RollUpCitiesAndProvinces/RollUpAndWrite")) {
      assertTrue(all.contains(expected), expected + " in\n" + all);
    }
    assertFalse(all.contains("Publish") || all.contains("Reject"), "the template stages; gongkai publishes after it:\n" + all);
    long shuffles = kinds.stream().filter(k -> k.equals("GroupByKey")).count();
    assertEquals(3, shuffles, "files by read group, by group of districts, by province: " + kinds);
    List<String> flow = new ArrayList<>(); // runs of ParallelDo as one: Create decodes its element in one of its own
    for (String k : kinds) {
      if (flow.isEmpty() || !(k.equals("ParallelDo") && flow.get(flow.size() - 1).equals(k))) {
        flow.add(k);
      }
    }
    assertEquals(List.of("ParallelRead", "ParallelDo", "GroupByKey", "ParallelDo", "GroupByKey", "ParallelDo",
        "GroupByKey", "ParallelDo"), flow, "listed and dealt into read groups when the run starts → parse, normalise,"
        + " resolve → the one shuffle of observations → analysis → by province → rollups; then nothing: " + kinds);

  }

  private static boolean onClasspath(String name) {
    try {
      Class.forName(name);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
