package org.gongkai.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (SIGINT) during a run prints one line and leaves the previous outputs as they were. */
class CtrlCIT {
  @TempDir Path tmp;

  @Test
  void ctrlCSaysSoOnceAndLeavesThePreviousOutputs() throws Exception {
    Path job = InterruptedRunIT.writeJob(tmp, 99, 60, 8);
    Path out = tmp.resolve("out");
    assertEquals(0, InterruptedRunIT.gongkai(job).waitFor(), "first run");
    Map<String, String> before = InterruptedRunIT.hashes(out);

    Process second = InterruptedRunIT.start(job);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    boolean staging = false;
    while (second.isAlive() && System.nanoTime() < deadline && !staging) {
      try (Stream<Path> s = Files.list(tmp)) {
        staging = s.anyMatch(p -> p.getFileName().toString().startsWith("out.staging-"));
      }
      Thread.sleep(20);
    }
    assertTrue(staging && second.isAlive(), "the second run was working");
    Thread.sleep(500);
    new ProcessBuilder("kill", "-INT", String.valueOf(second.pid())).start().waitFor();
    assertTrue(second.waitFor(60, TimeUnit.SECONDS), "Ctrl-C ends the run");

    assertEquals(130, second.exitValue(), "the exit code of a run ended by SIGINT");
    List<String> said = Files.readAllLines(tmp.resolve("run.log"), UTF_8).stream()
        .filter(l -> l.startsWith("gongkai: interrupted")).toList();
    assertEquals(List.of("gongkai: interrupted; previous outputs untouched in " + out), said);
    assertEquals(before, InterruptedRunIT.hashes(out), "previous outputs are intact");
  }
}
