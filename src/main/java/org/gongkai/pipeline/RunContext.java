package org.gongkai.pipeline;

import java.io.Serializable;
import java.util.Map;

/**
 * What every stage needs to know about this run besides the job: where to stage outputs, and
 * what the manifest says ran.
 *
 * @param stagingDir where writers put files; beside (not inside) the output directory
 * @param options the pipeline options that were given, for the manifest
 */
public record RunContext(
    String runId, String stagingDir, String outputDir, String startedAt, String version, String runner,
    Map<String, String> options)
    implements Serializable {}
