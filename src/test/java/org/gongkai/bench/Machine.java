package org.gongkai.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the benchmark ran on: cores, memory, CPU model, Java, OS, and the code's git state. */
record Machine(int nproc, long memoryGb, String cpu, String java, String os, String git) {

  static Machine describe(Path root) {
    String cpu = "unknown";
    long memKb = 0;
    try {
      for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (l.startsWith("model name")) {
          cpu = l.substring(l.indexOf(':') + 1).strip();
          break;
        }
      }
      for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (l.startsWith("MemTotal:")) {
          memKb = Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: leave unknown
    }
    String java = first(List.of("java", "-version"), root);
    if (java == null) {
      java = "Java " + System.getProperty("java.runtime.version");
    }
    String os = System.getProperty("os.name") + " " + System.getProperty("os.version");
    String head = first(List.of("git", "rev-parse", "--short", "HEAD"), root);
    String status = all(List.of("git", "status", "--porcelain"), root);
    String git = head == null ? "not a git checkout"
        : "commit " + head + (status == null || status.isBlank() ? ", clean" : ", with " + status.strip().split("\n").length + " uncommitted changes");
    return new Machine(Runtime.getRuntime().availableProcessors(), Math.round(memKb / 1024.0 / 1024.0), cpu, java, os, git);
  }

  private static String first(List<String> cmd, Path dir) {
    String out = all(cmd, dir);
    return out == null || out.isBlank() ? null : out.strip().split("\n")[0].strip();
  }

  private static String all(List<String> cmd, Path dir) {
    try {
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() == 0 ? out : null;
    } catch (IOException | InterruptedException e) {
      return null;
    }
  }
}
