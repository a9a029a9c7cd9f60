package org.gongkai.pipeline;

import org.gongkai.cli.JobRunner;
import org.gongkai.job.JobSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Runs a job in this JVM on the DirectRunner, as tests need it. */
public final class SampleJob {
  private SampleJob() {}

  public static final Path SAMPLE = Path.of("pipelines/sample.yaml");

  /** The job with its outputs redirected. */
  public static JobSpec withOutput(JobSpec job, String directory) {
    return withOutputs(job, new JobSpec.Outputs(directory, job.outputs().formats()));
  }

  /** The job with these outputs. */
  public static JobSpec withOutputs(JobSpec job, JobSpec.Outputs outputs) {
    return new JobSpec(job.name(), job.jobFile(), job.gazetteer(), job.sources(), outputs, job.rollupLevels(),
        job.audit(), job.limits());
  }

  /**
   * Runs with the DirectRunner's checks on (immutability, encodability) and 4 threads, then
   * publishes as {@code gongkai run} does once the pipeline is DONE.
   */
  public static PipelineResult.State run(JobSpec job, String... extraArgs) {
    List<String> args = new ArrayList<>(List.of(extraArgs));
    args.add("--runner=DirectRunner");
    if (args.stream().noneMatch(a -> a.startsWith("--targetParallelism="))) {
      args.add("--targetParallelism=4");
    }
    PipelineOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).withValidation().create();
    Pipeline p = Pipeline.create(options);
    RunContext run = JobRunner.prepare(p, job, options);
    PipelineResult.State state = p.run().waitUntilFinish();
    if (state == PipelineResult.State.DONE) {
      try {
        JobRunner.publish(job, run);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return state;
  }

  /** Every file under {@code root}, relative to it, in name order. */
  public static List<Path> files(Path root) throws IOException {
    try (java.util.stream.Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  /** A CSV output read back as a user would: header names to values. */
  public static List<Map<String, String>> csv(Path file) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      r.mark(1);
      if (r.read() != '\uFEFF') { // every CSV Gongkai writes starts with a BOM, which is not part of the header
        r.reset();
      }
      for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        rows.add(rec.toMap());
      }
    }
    return rows;
  }
}
