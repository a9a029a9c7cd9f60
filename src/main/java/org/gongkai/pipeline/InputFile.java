package org.gongkai.pipeline;

import java.io.Serializable;
import org.gongkai.ingest.SourceSpec;

/** One input file of a source, found when the pipeline is built. */
public record InputFile(SourceSpec source, String path, long sizeBytes) implements Serializable {}
