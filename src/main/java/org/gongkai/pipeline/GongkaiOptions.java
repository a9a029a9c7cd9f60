package org.gongkai.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Gongkai's own pipeline options, beside Beam's (--runner, --targetParallelism, …). What is
 * particular to one run (its id, its staging directory) is an option read by the steps when they
 * run, never a value built into the graph: a template made once serves every run.
 */
public interface GongkaiOptions extends PipelineOptions {
  @Description("Seconds between progress lines during a run (0: none)")
  @Default.Integer(10)
  int getProgressSeconds();

  void setProgressSeconds(int value);

  @Description("The parse cache: on (the job file's cache: folder) or off (every file parsed, nothing cached)")
  @Default.String("on")
  String getCache();

  void setCache(String value);

  @Description("The run's id (set by gongkai run; give one when launching a template)")
  String getRunId();

  void setRunId(String value);

  @Description("Where the run stages its parts and outputs (set by gongkai run; give one when launching a template)")
  String getStagingDir();

  void setStagingDir(String value);

  /** The staging directory of the running job, as the steps read it when they start. */
  static String stagingDir(PipelineOptions options) {
    String dir = options.as(GongkaiOptions.class).getStagingDir();
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException("option --stagingDir is not set: the run has nowhere to stage its outputs");
    }
    return dir;
  }
}
