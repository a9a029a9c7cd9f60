package org.gongkai.cache;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.ingest.ReadSink;
import org.gongkai.model.Notice;
import org.gongkai.model.Observation;
import org.gongkai.model.Reject;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.model.StatedFigure;

/**
 * Everything a reader gave for one file, in the order it gave it: observations, rejects,
 * fingerprints and notices, and the file's counts. Replayed into a sink it makes the very calls
 * the reader made, so a file read from the cache flows on exactly as one parsed again.
 *
 * @param events each an {@link Observation}, {@link Reject}, {@link ReportFingerprint}, {@link StatedFigure} or {@link Notice}
 */
public record FileReading(List<Object> events, ReadCounts counts) {

  public FileReading {
    events = List.copyOf(events);
  }

  /** Gives every event to {@code sink}, in the order the reader gave them. */
  public void replay(ReadSink sink) {
    for (Object e : events) {
      if (e instanceof Observation o) {
        sink.observation(o);
      } else if (e instanceof Reject r) {
        sink.reject(r);
      } else if (e instanceof ReportFingerprint f) {
        sink.fingerprint(f);
      } else if (e instanceof StatedFigure s) {
        sink.stated(s);
      } else {
        sink.notice((Notice) e);
      }
    }
  }

  /**
   * A sink that passes every event on to {@code next} and keeps it, to be cached after the read;
   * a file of more than {@code maxEvents} events is not kept (its reading would not fit in memory
   * beside the batches), and {@link #reading} gives null.
   */
  public static final class Recorder implements ReadSink {
    private final ReadSink next;
    private final long maxEvents;
    private List<Object> events = new ArrayList<>();

    public Recorder(ReadSink next, long maxEvents) {
      this.next = next;
      this.maxEvents = maxEvents;
    }

    private void keep(Object e) {
      if (events != null) {
        events.add(e);
        if (events.size() > maxEvents) {
          events = null;
        }
      }
    }

    @Override
    public void observation(Observation o) {
      keep(o);
      next.observation(o);
    }

    @Override
    public void reject(Reject r) {
      keep(r);
      next.reject(r);
    }

    @Override
    public void fingerprint(ReportFingerprint f) {
      keep(f);
      next.fingerprint(f);
    }

    @Override
    public void stated(StatedFigure s) {
      keep(s);
      next.stated(s);
    }

    @Override
    public void notice(Notice n) {
      keep(n);
      next.notice(n);
    }

    /** The file's reading, or null when it had too many events to keep. */
    public FileReading reading(ReadCounts counts) {
      return events == null ? null : new FileReading(events, counts);
    }
  }
}
