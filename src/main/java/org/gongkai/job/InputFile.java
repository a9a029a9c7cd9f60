package org.gongkai.job;

import java.io.Serializable;
import org.gongkai.ingest.SourceSpec;

/**
 * One input file of a source, found when the pipeline is built.
 *
 * @param path where it is read from (absolute, or a URI)
 * @param name how outputs name it: relative to the job file's folder for a local file, the URI as
 *     matched otherwise, so the same job gives the same tables on any machine
 */
public record InputFile(SourceSpec source, String path, String name, long sizeBytes) implements Serializable {

  /** A file named by its path. */
  public InputFile(SourceSpec source, String path, long sizeBytes) {
    this(source, path, path, sizeBytes);
  }

  /** The same file, named relative to the job's folder. */
  InputFile named(String name) {
    return new InputFile(source, path, name, sizeBytes);
  }
}
