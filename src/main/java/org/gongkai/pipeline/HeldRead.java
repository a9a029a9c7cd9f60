package org.gongkai.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.ingest.FormatReader;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.ingest.ReadSink;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.model.Notice;
import org.gongkai.model.Observation;
import org.gongkai.model.Reject;
import org.gongkai.model.ReportFingerprint;

/**
 * One file read whole, what its reader gives held until it has finished: a reader that fails
 * with an unexpected exception half way (a bug, never bad data: readers reject that) leaves
 * nothing of the file but one reject {@value #READER_ERROR} with the exception's message, and
 * the run goes on with the other files.
 *
 * @param counts the reader's counts, or one record read and rejected
 * @param given observations, fingerprints, notices and rejects in the order the reader gave them
 */
record HeldRead(ReadCounts counts, List<Object> given) {
  static final String READER_ERROR = "READER_ERROR";

  static HeldRead of(FormatReader reader, SourceSpec source, String file, byte[] bytes) {
    List<Object> given = new ArrayList<>();
    ReadSink sink = into(given);
    try {
      return new HeldRead(reader.read(file, bytes, sink), given);
    } catch (RuntimeException e) {
      String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      Reject failed = new Reject(source.name(), file, "offset 0", 0, source.year(), "", READER_ERROR,
          "读取该文件时读取器出错，整个文件未使用（请报告此问题）：" + message);
      return new HeldRead(new ReadCounts(1, 0, 1, 0, List.of(), "unknown"), List.of(failed));
    }
  }

  /** What this reading gave, in order, into {@code sink}. */
  void replay(ReadSink sink) {
    for (Object x : given) {
      if (x instanceof Observation o) {
        sink.observation(o);
      } else if (x instanceof ReportFingerprint f) {
        sink.fingerprint(f);
      } else if (x instanceof org.gongkai.model.StatedFigure s) {
        sink.stated(s);
      } else if (x instanceof Notice n) {
        sink.notice(n);
      } else if (x instanceof Reject r) {
        sink.reject(r);
      }
    }
  }

  /** A sink that keeps what it is given, in order. */
  static ReadSink into(List<Object> given) {
    return new ReadSink() {
      @Override
      public void observation(Observation o) {
        given.add(o);
      }

      @Override
      public void fingerprint(ReportFingerprint f) {
        given.add(f);
      }

      @Override
      public void stated(org.gongkai.model.StatedFigure s) {
        given.add(s);
      }

      @Override
      public void notice(Notice n) {
        given.add(n);
      }

      @Override
      public void reject(Reject r) {
        given.add(r);
      }
    };
  }
}
