package org.gongkai.pipeline;

import org.gongkai.job.JobSpec;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.gongkai.staging.RowBatch;
import org.gongkai.staging.RowBatchCoder;

/**
 * Builds the Gongkai pipeline for a job. It reads like the data flow: list the input files and
 * deal them into read groups → parse, normalise and resolve → one shuffle by group of districts
 * → per-district deduplication, rollup, comparison, findings, each group writing its part of
 * every table → city and province rollups. Everything lands in the run's staging directory
 * (named by the option {@code --stagingDir}, read when the steps run); checking, joining and
 * publishing come after the pipeline is done ({@link PublishRun}), so no step of it publishes.
 */
public final class GongkaiPipeline {
  private GongkaiPipeline() {}

  public static void build(Pipeline p, JobSpec job) {
    registerCoders(p.getCoderRegistry());
    KvCoder<String, String> names = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
    p.apply("ListInputFiles", new ListInputs(job))
        .apply("ReadSources", new ReadSources(job)).setCoder(names)
        .apply("AnalyseDistricts", new AnalyseDistricts(job)).setCoder(names)
        .apply("RollUpCitiesAndProvinces", new RollUpRegions(job)).setCoder(StringUtf8Coder.of());
  }

  static void registerCoders(CoderRegistry registry) {
    registry.registerCoderForClass(RowBatch.class, RowBatchCoder.of());
  }
}
