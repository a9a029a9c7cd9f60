package org.gongkai.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Gongkai's own pipeline options, beside Beam's (--runner, --targetParallelism, …). */
public interface GongkaiOptions extends PipelineOptions {
  @Description("Seconds between progress lines during a run (0: none)")
  @Default.Integer(10)
  int getProgressSeconds();

  void setProgressSeconds(int value);

  @Description("The parse cache: on (the job file's cache: folder) or off (every file parsed, nothing cached)")
  @Default.String("on")
  String getCache();

  void setCache(String value);
}
