package org.gongkai.ingest;

import org.gongkai.model.Notice;
import org.gongkai.model.Observation;
import org.gongkai.model.Reject;
import org.gongkai.model.ReportFingerprint;

/** Where a reader puts what it read: observations of accepted records, and rejects. */
public interface ReadSink {
  void observation(Observation observation);

  void reject(Reject reject);

  /** The text signature of an accepted report (reports only). */
  default void fingerprint(ReportFingerprint fingerprint) {}

  /** Something read and not used (see {@link Notice}); every reader says each one it meets. */
  default void notice(Notice notice) {}
}
