package org.gongkai.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed (SIGKILL) while it writes leaves the previous outputs intact and complete, and
 * nothing half-written where dashboards read; the next run cleans up and succeeds.
 */
class InterruptedRunIT {
  @TempDir Path tmp;

  @Test
  void killedRunLeavesPreviousOutputsIntact() throws Exception {
    Path job = writeJob(tmp, 99, 60, 8);
    Path out = tmp.resolve("out");
    assertEquals(0, gongkai(job).waitFor(), "first run");
    Map<String, String> before = hashes(out);
    assertTrue(before.containsKey("manifest.json"));

    Process second = start(job);
    boolean killedWhileWriting = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (second.isAlive() && System.nanoTime() < deadline) {
      if (stagingHasFiles(tmp)) {
        second.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        killedWhileWriting = true;
        break;
      }
      Thread.sleep(5);
    }
    second.waitFor(30, TimeUnit.SECONDS);
    assertTrue(killedWhileWriting, "the run was killed while writing its tables");
    Map<String, String> intact = hashes(out);
    assertEquals(before.keySet(), intact.keySet(), "previous outputs are complete");
    assertTrue(before.equals(intact), "previous outputs are intact");

    Process third = gongkai(job);
    assertEquals(0, third.waitFor(), "a rerun succeeds");
    try (Stream<Path> s = Files.list(tmp)) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().contains(".staging-")), "staging of the killed run is gone");
    }
    Map<String, String> after = hashes(out);
    after.remove("manifest.json");
    before.remove("manifest.json");
    // CSV and the other text outputs byte for byte; Parquet footers list a column's encodings
    // from a hash set, in an order that can change between JVMs (rows: DeterminismTest).
    before.keySet().removeIf(k -> k.endsWith(".parquet"));
    after.keySet().removeIf(k -> k.endsWith(".parquet"));
    java.util.Set<String> differ = new java.util.TreeSet<>(before.keySet());
    differ.addAll(after.keySet());
    differ.removeIf(k -> java.util.Objects.equals(before.get(k), after.get(k)));
    assertEquals(java.util.Set.of(), differ, "the rerun publishes the same tables");
  }

  /** A synthetic job: districts × townships × years records, big enough that writing takes a while. */
  static Path writeJob(Path dir, int districts, int townships, int years) throws IOException {
    Path gaz = dir.resolve("gazetteer.csv");
    Path data = dir.resolve("records.csv");
    try (BufferedWriter g = Files.newBufferedWriter(gaz, StandardCharsets.UTF_8);
        BufferedWriter d = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
      g.write("code,name\n99,测试省\n9901,测试市\n");
      d.write("区划代码,年度,主动公开信息数,网站公开条数,其他渠道公开数,政策解读,重点领域信息数,依申请公开申请数,咨询投诉,咨询投诉回复数,人大代表建议,政协委员提案\n");
      long seed = 7;
      for (int i = 1; i <= Math.min(districts, 99); i++) {
        String district = String.format("9901%02d", i);
        g.write(district + ",第" + i + "区\n");
        for (int t = 1; t <= townships; t++) {
          String township = district + String.format("%03d", t);
          g.write(township + ",第" + i + "区第" + t + "镇\n");
          for (int y = 0; y < years; y++) {
            StringBuilder row = new StringBuilder(township).append(',').append(2015 + y);
            for (int m = 0; m < 10; m++) {
              seed = seed * 6364136223846793005L + 1442695040888963407L;
              row.append(',').append((seed >>> 33) % 500);
            }
            d.write(row.append('\n').toString());
          }
        }
      }
    }
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, """
        name: interrupted
        gazetteer: gazetteer.csv
        sources:
          - {name: records, format: csv, path: records.csv}
        outputs: {directory: out}
        cache: off    # every run parses again, so the run to interrupt takes as long as the first
        """);
    return job;
  }

  static Process start(Path job) throws IOException {
    return new ProcessBuilder(Path.of("scripts/gongkai").toAbsolutePath().toString(), "run", job.toString(), "--progressSeconds=0")
        .redirectErrorStream(true)
        .redirectOutput(job.resolveSibling("run.log").toFile())
        .start();
  }

  static Process gongkai(Path job) throws IOException {
    return start(job);
  }

  private static boolean stagingHasFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (p.getFileName().toString().startsWith("out.staging-")) {
          try (Stream<Path> w = Files.walk(p)) {
            // a table file being written (not only the shuffle files of the reading stage)
            if (w.anyMatch(f -> f.toString().endsWith(".parquet") && !f.toString().contains("/_parts/"))) {
              return true;
            }
          } catch (IOException | java.io.UncheckedIOException e) {
            // the run is moving it
          }
        }
      }
    }
    return false;
  }

  static Map<String, String> hashes(Path root) throws Exception {
    Map<String, String> map = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        map.put(root.relativize(p).toString(),
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    }
    return map;
  }
}
