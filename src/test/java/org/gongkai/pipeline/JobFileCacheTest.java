package org.gongkai.pipeline;

import org.gongkai.cli.JobRunner;
import org.gongkai.job.JobFileException;
import org.gongkai.job.JobFileReader;
import org.gongkai.job.JobSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code cache:} and {@code cache_max_mb:} of a job file, and {@code --cache}. */
class JobFileCacheTest {
  private static final String JOB = """
      gazetteer: g.csv
      sources:
        - {name: s, format: csv, path: a.csv}
      outputs: {directory: out}
      """;
  private static final Path BASE = Path.of("/data/jobs");

  private static JobSpec parse(String extra) {
    return JobFileReader.parse("job.yaml", JOB + extra, BASE);
  }

  @Test
  void aFolderIsResolvedAgainstTheJobFile() {
    JobSpec job = parse("cache: ../cache\ncache_max_mb: 300\n");
    assertEquals("/data/cache", job.cache().folder());
    assertEquals(300, job.cache().maxMegabytes());
    assertEquals(Path.of(System.getProperty("user.home"), ".cache/g").toString(), parse("cache: ~/.cache/g\n").cache().folder());
  }

  @Test
  void offInAnySpellingTurnsItOff() {
    assertNull(parse("cache: off\n").cache().folder());
    assertNull(parse("cache: 'off'\n").cache().folder());
    assertNull(parse("cache: false\n").cache().folder());
  }

  @Test
  void withoutItTheUsersCacheFolder() {
    JobSpec job = parse("");
    assertEquals(JobSpec.Cache.defaultFolder(), job.cache().folder());
    assertTrue(job.cache().folder().endsWith("/gongkai"));
    assertEquals(JobSpec.Cache.DEFAULT_MAX_MB, job.cache().maxMegabytes());
  }

  @Test
  void mistakesAreNamed() {
    JobFileException e = assertThrows(JobFileException.class, () -> parse("cache_max_mb: -5\n"));
    assertTrue(e.getMessage().contains("cache_max_mb") && e.getMessage().contains("-5"), e.getMessage());
    e = assertThrows(JobFileException.class, () -> parse("cache: out/cache\n"));
    assertTrue(e.getMessage().contains("cache") && e.getMessage().contains("output directory"), e.getMessage());
    e = assertThrows(JobFileException.class, () -> parse("cache: [a, b]\n"));
    assertTrue(e.getMessage().contains("cache") && e.getMessage().contains("folder"), e.getMessage());
    IllegalArgumentException o = assertThrows(IllegalArgumentException.class, () -> JobRunner.options(new String[] {"--cache=no"}));
    assertTrue(o.getMessage().contains("--cache=no") && o.getMessage().contains("off"), o.getMessage());
  }
}
