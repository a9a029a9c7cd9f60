package org.gongkai.pipeline;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
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
final class CachedRead {
  /** Files with more events than this are parsed every time (their reading would not fit beside the batches). */
  static final long MAX_EVENTS = 2_000_000;
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private final ParseCache cache;
  private final String limits;

  CachedRead(ParseCache cache, JobSpec.Limits l) {
    this.cache = cache;
    // only the limits that bound reading: batch sizes and groups change nothing a reader gives
    this.limits = l.maxRecordBytes() + "," + l.maxReportBytes() + "," + l.maxReportPages() + "," + l.maxWorkbookRows()
        + "," + l.maxWorkbookBytes();
  }

  record Result(ReadCounts counts, boolean fromCache) {}

  Result read(InputFile file, String sha256, ReadSink sink, Function<ReadSink, ReadCounts> parse) {
    if (!cache.enabled()) {
      return new Result(parse.apply(sink), false);
    }
    String key = CacheKey.of(cache.identity(), file.source(), file.path(), sha256, limits);
    FileReading cached = cache.get(key);
    if (cached != null) {
      cached.replay(sink);
      return new Result(cached.counts(), true);
    }
    FileReading.Recorder recorder = new FileReading.Recorder(sink, MAX_EVENTS);
    ReadCounts counts = parse.apply(recorder);
    FileReading reading = recorder.reading(counts);
    if (reading != null) {
      try {
        cache.put(key, reading);
      } catch (IOException | RuntimeException e) {
        // the run goes on without the entry; said once per worker, not once per file
        if (WARNED.compareAndSet(false, true)) {
          System.err.println("gongkai: the parse cache " + cache.folder() + " cannot be written (" + e.getMessage()
              + "); files are read in full instead");
        }
      }
    }
    return new Result(counts, false);
  }
}
