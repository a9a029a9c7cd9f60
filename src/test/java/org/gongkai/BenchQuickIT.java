package org.gongkai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code scripts/bench --quick --runs 1} as a process — a small generated data set through
 * Gongkai, DuckDB and the plain-Java baseline — and checks that it succeeds and that the three
 * engines' district rollups agree. An integration test (failsafe, after {@code package}, so
 * the jar that scripts/gongkai runs is the one just built); it runs in {@code mvn verify}, the
 * README's test command. Skipped when the national gazetteer ({@code ../shared/data/gazetteer})
 * is not beside the repository. No timing is asserted.
 */
class BenchQuickIT {
  @Test
  void quickBenchmarkRunsAndTheEnginesAgree() throws Exception {
    Path root = Path.of("").toAbsolutePath();
    Path gazetteer = root.resolve("../shared/data/gazetteer/streets.csv").normalize();
    assumeTrue(Files.isRegularFile(gazetteer), "no national gazetteer at " + gazetteer.getParent() + "; benchmark skipped");

    Path log = root.resolve("target/bench/bench-quick-it.log");
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(root.resolve("scripts/bench").toString(), "--quick", "--runs", "1")
        .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    // The test classpath has everything the bench tools need: no nested Maven build.
    pb.environment().put("BENCH_CLASSPATH", System.getProperty("java.class.path"));
    Process p = pb.start();
    // A guard against a hung process only (not a performance check): the quick run takes about a minute.
    boolean finished = p.waitFor(30, TimeUnit.MINUTES);
    if (!finished) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(finished, "scripts/bench --quick did not finish:\n" + output);
    assertEquals(0, p.exitValue(), "scripts/bench --quick failed:\n" + output);

    JsonNode results = new ObjectMapper().readTree(root.resolve("target/bench/results.json").toFile());
    assertTrue(results.path("agree").asBoolean(), "the engines' district rollups differ:\n" + results.toPrettyString());
    assertTrue(results.path("records").asLong() > 1000, "a quick run reads a few thousand records");
    assertEquals(4, countEngines(results), "gongkai, gongkai-tables, duckdb and baseline each ran");
  }

  private static long countEngines(JsonNode results) {
    long n = 0;
    for (JsonNode r : results.path("runs")) {
      String e = r.path("engine").asText();
      if (List.of("gongkai", "gongkai-tables", "duckdb", "baseline").contains(e) && r.path("ok").asBoolean()) {
        n++;
      }
    }
    return n;
  }
}
