package org.gongkai.ingest;

import org.gongkai.model.Notice;
import org.gongkai.model.Observation;
import org.gongkai.model.Reject;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.model.StatedFigure;

/** Where a reader puts what it read: observations of accepted records, and rejects. */
public interface ReadSink {
  void observation(Observation observation);

  void reject(Reject reject);

  /** A district's own figure (its report, or a record naming the district, not a township). */
  void stated(StatedFigure figure);

  /** The text signature of an accepted report (reports only). */
  default void fingerprint(ReportFingerprint fingerprint) {}

  /** Something read and not used (see {@link Notice}); every reader says each one it meets. */
  default void notice(Notice notice) {}
}
