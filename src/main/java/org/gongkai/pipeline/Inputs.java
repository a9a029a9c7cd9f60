package org.gongkai.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.gongkai.ingest.GazetteerReader;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.model.Gazetteer;

/** Finding and reading input files through Beam's {@link FileSystems} (local, gs://, hdfs://). */
public final class Inputs {
  private static final ConcurrentHashMap<String, Gazetteer> GAZETTEERS = new ConcurrentHashMap<>();

  private Inputs() {}

  /** Every file of every source, in source order then path order; a source that matches nothing is a job error. */
  public static List<InputFile> list(JobSpec job) {
    List<InputFile> files = new ArrayList<>();
    for (int i = 0; i < job.sources().size(); i++) {
      SourceSpec s = job.sources().get(i);
      String field = "sources[" + i + "].path";
      if (isLocalDirectory(s.path())) {
        throw new JobFileException(job.jobFile(), field, s.path() + " is a directory; give a file or a glob such as " + s.path() + "/*.csv");
      }
      List<MatchResult.Metadata> matched;
      try {
        MatchResult r = FileSystems.match(s.path(), EmptyMatchTreatment.ALLOW);
        matched = r.status() == MatchResult.Status.OK ? r.metadata() : List.of();
      } catch (IOException e) {
        throw new JobFileException(job.jobFile(), field, "cannot list " + s.path() + ": " + e.getMessage());
      }
      List<MatchResult.Metadata> regular = new ArrayList<>();
      for (MatchResult.Metadata m : matched) {
        if (!m.resourceId().isDirectory() && !isLocalDirectory(m.resourceId().toString())) {
          regular.add(m);
        }
      }
      if (regular.isEmpty()) {
        throw new JobFileException(job.jobFile(), field, "no file matches " + s.path());
      }
      regular.sort(Comparator.comparing(m -> m.resourceId().toString()));
      for (MatchResult.Metadata m : regular) {
        files.add(new InputFile(s, m.resourceId().toString(), m.sizeBytes()));
      }
    }
    return files;
  }

  private static boolean isLocalDirectory(String path) {
    if (path.contains("://") && !path.startsWith("file://")) {
      return false;
    }
    try {
      return java.nio.file.Files.isDirectory(java.nio.file.Path.of(path.replaceFirst("^file://", "")));
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  /** The whole content of a file. */
  public static byte[] readAll(String path) throws IOException {
    ResourceId id = FileSystems.matchSingleFileSpec(path).resourceId();
    try (ReadableByteChannel ch = FileSystems.open(id); InputStream in = Channels.newInputStream(ch)) {
      return in.readAllBytes();
    }
  }

  /** The job's gazetteer, read once per JVM and path. */
  public static Gazetteer gazetteer(String path) {
    return GAZETTEERS.computeIfAbsent(path, p -> {
      try {
        return GazetteerReader.read(p, readAll(p));
      } catch (IOException e) {
        throw new GazetteerReader.GazetteerException(p + ": cannot be read: " + e.getMessage());
      }
    });
  }
}
