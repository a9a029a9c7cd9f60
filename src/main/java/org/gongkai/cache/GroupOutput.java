package org.gongkai.cache;

import java.util.List;

/**
 * What one group of districts staged: every file it wrote (path relative to the staging folder,
 * and bytes) and the elements it emitted downstream, so that a rerun whose group has the same
 * inputs puts the same files in place and emits the same elements instead of analysing again.
 *
 * @param districts how many districts the group analysed (for the progress line)
 */
public record GroupOutput(int districts, List<StagedFile> files, List<Emitted> emitted) {
  public GroupOutput {
    files = List.copyOf(files);
    emitted = List.copyOf(emitted);
  }

  /** A file of the group, its path relative to the staging folder. */
  public record StagedFile(String path, byte[] bytes) {}

  /** An element the group emitted: a key and a value. */
  public record Emitted(String key, String value) {}

  public long bytes() {
    return files.stream().mapToLong(f -> f.bytes().length).sum();
  }
}
