package org.gongkai.pipeline;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Progress of a run inside this JVM, for the progress lines of {@code gongkai run} on the
 * DirectRunner. On a cluster the workers count elsewhere; the runner's own UI shows progress.
 */
public final class Progress {
  private Progress() {}

  public static final AtomicLong FILES_READ = new AtomicLong();
  public static final AtomicLong RECORDS_READ = new AtomicLong();
  public static final AtomicLong RECORDS_ACCEPTED = new AtomicLong();
  public static final AtomicLong RECORDS_REJECTED = new AtomicLong();
  public static final AtomicLong DISTRICTS_ANALYSED = new AtomicLong();
  public static final AtomicLong PARTS_WRITTEN = new AtomicLong();
  public static final AtomicReference<String> STAGE = new AtomicReference<>("starting");

  public static void reset() {
    FILES_READ.set(0);
    RECORDS_READ.set(0);
    RECORDS_ACCEPTED.set(0);
    RECORDS_REJECTED.set(0);
    DISTRICTS_ANALYSED.set(0);
    PARTS_WRITTEN.set(0);
    STAGE.set("starting");
  }
}
