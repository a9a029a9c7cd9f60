package org.gongkai.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one command as its own process and measures it from outside: wall time from start to
 * exit, and peak resident memory — the largest VmHWM (the kernel's high-water mark of RSS) of
 * the process or any of its descendants, polled from /proc every 10 ms. Output goes to a log file.
 *
 * <p>Listing a process's descendants walks all of /proc ({@link ProcessHandle#descendants}):
 * done every 10 ms it took 17 % of a core from the engine being measured, so the list is
 * renewed every half second and only the known processes' VmHWM is read in between (a high-water
 * mark: reading it less often loses nothing but the last few milliseconds of a process).
 */
final class ProcessTimer {
  private ProcessTimer() {}

  /** @param exitCode the process's exit code, or {@link #TIMED_OUT} */
  record Measurement(int exitCode, double wallSeconds, double peakRssMb, Path log) {
    boolean ok() {
      return exitCode == 0;
    }

    boolean timedOut() {
      return exitCode == TIMED_OUT;
    }
  }

  static final int TIMED_OUT = -9999;

  static Measurement run(List<String> command, Path workDir, Map<String, String> env, Path log) throws IOException, InterruptedException {
    return run(command, workDir, env, log, 0);
  }

  /** @param timeoutSeconds when positive, the process (and its descendants) are stopped after this long */
  static Measurement run(List<String> command, Path workDir, Map<String, String> env, Path log, long timeoutSeconds)
      throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    AtomicLong peakKb = new AtomicLong();
    long t0 = System.nanoTime();
    Process p = pb.start();
    Thread poller = new Thread(() -> {
      List<ProcessHandle> known = List.of();
      for (int i = 0; p.isAlive(); i++) {
        if (i % LIST_EVERY == 0) {
          known = p.descendants().toList();
        }
        peakKb.accumulateAndGet(vmHwmKb(p.pid()), Math::max);
        known.forEach(d -> peakKb.accumulateAndGet(vmHwmKb(d.pid()), Math::max));
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "rss-poller");
    poller.setDaemon(true);
    poller.start();
    int code;
    if (timeoutSeconds > 0 && !p.waitFor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor();
      }
      code = TIMED_OUT;
    } else {
      code = p.waitFor();
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    poller.interrupt();
    poller.join();
    return new Measurement(code, wall, peakKb.get() / 1024.0, log);
  }

  /** Polls between two listings of the descendants (10 ms each). */
  private static final int LIST_EVERY = 50;

  /** VmHWM of a process in kB, or 0 when it is gone. */
  static long vmHwmKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").strip());
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended between the listing and the read
    }
    return 0;
  }
}
