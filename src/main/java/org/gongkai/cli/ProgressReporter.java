package org.gongkai.cli;

import org.gongkai.pipeline.Progress;
import java.io.PrintStream;

/** Prints a progress line every few seconds while a run is going (DirectRunner, same JVM). */
final class ProgressReporter implements AutoCloseable {
  private final Thread thread;

  private ProgressReporter(Thread thread) {
    this.thread = thread;
  }

  static ProgressReporter start(int seconds, PrintStream err) {
    if (seconds <= 0) {
      return new ProgressReporter(null);
    }
    long start = System.nanoTime();
    Thread t = new Thread(() -> {
      try {
        while (true) {
          Thread.sleep(seconds * 1000L);
          long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
          err.printf("gongkai: [%dm%02ds] %s: %d files, %d records read, %d accepted, %d rejected; %d districts analysed, %d parts written%n",
              elapsed / 60, elapsed % 60, Progress.STAGE.get(), Progress.FILES_READ.get(), Progress.RECORDS_READ.get(),
              Progress.RECORDS_ACCEPTED.get(), Progress.RECORDS_REJECTED.get(), Progress.DISTRICTS_ANALYSED.get(),
              Progress.PARTS_WRITTEN.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "gongkai-progress");
    t.setDaemon(true);
    t.start();
    return new ProgressReporter(t);
  }

  @Override
  public void close() {
    if (thread != null) {
      thread.interrupt();
    }
  }
}
