package org.gongkai.pipeline;

import java.io.Serializable;
import java.util.Map;
import org.gongkai.cache.ParseCache;

/**
 * What every stage needs to know about this run besides the job: where to stage outputs, and
 * what the manifest says ran.
 *
 * @param stagingDir where writers put files; beside (not inside) the output directory
 * @param options the pipeline options that were given, for the manifest
 * @param cache the parse cache the readers use (see {@link ParseCache#off})
 */
public record RunContext(
    String runId, String stagingDir, String outputDir, String startedAt, String version, String runner,
    Map<String, String> options, ParseCache cache)
    implements Serializable {

  /** A run without the parse cache. */
  public RunContext(String runId, String stagingDir, String outputDir, String startedAt, String version, String runner,
      Map<String, String> options) {
    this(runId, stagingDir, outputDir, startedAt, version, runner, options, ParseCache.off());
  }
}
