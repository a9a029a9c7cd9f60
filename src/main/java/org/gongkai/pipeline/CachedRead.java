package org.gongkai.pipeline;

import org.gongkai.cli.Version;
import org.gongkai.job.InputFile;
import org.gongkai.job.Inputs;
import org.gongkai.job.JobSpec;
import java.io.IOException;
import java.util.function.Function;
import org.gongkai.cache.CacheKey;
import org.gongkai.cache.FileReading;
import org.gongkai.cache.ParseCache;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.ingest.ReadSink;

/**
 * Reading one file through the parse cache: a hit replays the cached reading into the sink, a
 * miss parses the file and stores what the parse gave. Either way the sink sees the same calls
 * in the same order, so what follows cannot tell the two apart.
 */
public final class CachedRead {
  /** Files with more events than this are parsed every time (their reading would not fit beside the batches). */
  static final long MAX_EVENTS = 2_000_000;

  private final ParseCache cache;
  private final String limits;

  CachedRead(ParseCache cache, JobSpec.Limits l) {
    this.cache = cache;
    // only the limits that bound reading: batch sizes and groups change nothing a reader gives
    this.limits = l.maxRecordBytes() + "," + l.maxReportBytes() + "," + l.maxReportPages() + "," + l.maxWorkbookRows()
        + "," + l.maxWorkbookBytes();
  }

  record Result(ReadCounts counts, boolean fromCache) {}

  /** The job's parse cache, unless {@code --cache=off}; its keys carry this build and the gazetteer's files. */
  public static ParseCache cache(JobSpec job, org.apache.beam.sdk.options.PipelineOptions options) {
    if (job.cache().folder() == null || "off".equals(options.as(GongkaiOptions.class).getCache())) {
      return ParseCache.off();
    }
    try {
      String identity = CacheKey.identity(CacheKey.build(Version.get()), Inputs.gazetteerFiles(job.gazetteer()));
      return new ParseCache(job.cache().folder(), job.cache().maxMegabytes() << 20, identity);
    } catch (IOException e) {
      throw new org.gongkai.ingest.GazetteerReader.GazetteerException(job.gazetteer() + ": cannot be read: " + e.getMessage());
    }
  }

  Result read(InputFile file, String sha256, ReadSink sink, Function<ReadSink, ReadCounts> parse) {
    if (!cache.enabled()) {
      return new Result(parse.apply(sink), false);
    }
    // the name too: a reading names its file as the job does (relative to the job file)
    String key = CacheKey.of(cache.identity(), file.source(), file.path() + "\u0000" + file.name(), sha256, limits);
    FileReading cached = cache.get(key);
    if (cached != null) {
      cached.replay(sink);
      return new Result(cached.counts(), true);
    }
    FileReading.Recorder recorder = new FileReading.Recorder(sink, MAX_EVENTS);
    ReadCounts counts = parse.apply(recorder);
    FileReading reading = recorder.reading(counts);
    if (reading != null) {
      cache.putQuietly(() -> cache.put(key, reading), "files are read in full instead");
    }
    return new Result(counts, false);
  }
}
