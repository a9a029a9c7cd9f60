package org.gongkai.pipeline;

import org.gongkai.cli.JobRunner;
import org.gongkai.job.JobFileReader;
import org.gongkai.job.JobSpec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample job run through the parse cache on the DirectRunner: a rerun reads only what
 * changed (the manifest's {@code from_cache} says which file was parsed), and its tables are
 * byte-identical to a run with {@code --cache=off} on the same inputs.
 */
class ParseCacheJobTest {
  @TempDir Path tmp;
  private Path jobFile;
  private Path cache;
  private int runs;

  @BeforeEach
  void copySample() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("sample-data"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path to = tmp.resolve(f.toString());
        Files.createDirectories(to.getParent());
        Files.copy(f, to);
      }
    }
    Files.createDirectories(tmp.resolve("pipelines"));
    jobFile = tmp.resolve("pipelines/sample.yaml");
    Files.writeString(jobFile, Files.readString(SampleJob.SAMPLE) + "cache: ../cache\n");
    cache = tmp.resolve("cache");
  }

  @Test
  void aRerunParsesOnlyTheChangedFileAndGivesTheSameTablesAsNoCache() throws Exception {
    Path cold = run();
    Map<String, Boolean> first = fromCache(cold);
    assertEquals(28, first.size(), "3 data files and 25 reports (.txt, .htm, .html)");
    assertTrue(first.values().stream().noneMatch(b -> b), "a cold run parses every file: " + first);
    assertEquals(28, entries().size(), "one entry per file");

    Path warm = run();
    assertTrue(fromCache(warm).values().stream().allMatch(b -> b), "a warm run parses none: " + fromCache(warm));
    assertSameFiles(cold, warm);
    assertEquals(28, manifest(warm).path("stages").path("files_from_cache").asLong());
    assertEquals(List.of(3L, 0L), groups(cold), "3 district groups, each analysed");
    assertEquals(List.of(3L, 3L), groups(warm), "none analysed again: the same batches");
    assertEquals(3, groupEntries().size());

    Path corrections = tmp.resolve("sample-data/yuan-corrections-2018.csv");
    String text = Files.readString(corrections, StandardCharsets.UTF_8);
    assertTrue(text.contains(",2018,112,"));
    Files.writeString(corrections, text.replace(",2018,112,", ",2018,113,"), StandardCharsets.UTF_8);
    Path changed = run();
    Map<String, Boolean> third = fromCache(changed);
    third.forEach((file, hit) -> assertEquals(!file.endsWith("yuan-corrections-2018.csv"), hit, file));
    assertEquals(List.of(3L, 2L), groups(changed), "only the group of 裕安区 is analysed again");
    Path off = run("--cache=off");
    assertTrue(fromCache(off).values().stream().noneMatch(b -> b));
    assertSameFiles(off, changed);
    assertEquals(29, entries().size(), "the old entry of the changed file stays until trimmed");
  }

  @Test
  void aCorruptEntryIsIgnoredAndRewritten() throws Exception {
    Path cold = run();
    for (Path e : entries()) {
      Files.setLastModifiedTime(e, FileTime.fromMillis(1_000_000_000_000L));
    }
    Path bad = entries().get(5);
    byte[] bytes = Files.readAllBytes(bad);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(bad, bytes);
    Path again = run();
    Map<String, Boolean> hits = fromCache(again);
    assertEquals(27, hits.values().stream().filter(b -> b).count(), "only the corrupt entry's file is parsed: " + hits);
    assertSameFiles(cold, again);
    assertTrue(Files.getLastModifiedTime(bad).toMillis() > 1_000_000_000_000L, "its entry was written again");
    assertTrue(fromCache(run()).values().stream().allMatch(b -> b), "and serves the next run");
  }

  @Test
  void aCorruptGroupEntryIsIgnoredAndRewritten() throws Exception {
    Path cold = run();
    Path bad = groupEntries().get(1);
    byte[] bytes = Files.readAllBytes(bad);
    bytes[bytes.length - 10] ^= 0x01;
    Files.write(bad, bytes);
    Path again = run();
    assertEquals(List.of(3L, 2L), groups(again), "the corrupt entry's group is analysed again");
    assertSameFiles(cold, again);
    assertEquals(List.of(3L, 3L), groups(run()), "and its entry serves the next run");
  }

  @Test
  void aChangedAuditSettingAnalysesEveryGroupAgain() throws Exception {
    run();
    String job = Files.readString(jobFile);
    assertTrue(job.contains("outlier_z: 3.5"));
    Files.writeString(jobFile, job.replace("outlier_z: 3.5", "outlier_z: 3.0"));
    Path changed = run();
    assertEquals(28, manifest(changed).path("stages").path("files_from_cache").asLong(), "the readings still serve");
    assertEquals(List.of(3L, 0L), groups(changed), "but no group: the findings depend on the setting");
  }

  /** A group stages 汇总表 pieces only for a job that writes the 汇总表: its cached files depend on it. */
  @Test
  void turningTheWideTablesOffAndOnMissesThenHitsTheirOwnEntries() throws Exception {
    Path first = run();
    String job = Files.readString(jobFile);
    assertTrue(job.contains("formats: [parquet, csv]"));
    Files.writeString(jobFile, job.replace("formats: [parquet, csv]", "formats: [parquet, csv]\n  wide: false"));
    Path off = run();
    assertEquals(List.of(3L, 0L), groups(off), "no group's entry holds what a job without the 汇总表 stages");
    assertFalse(Files.exists(off.resolve("wide")));
    Files.writeString(jobFile, job);
    Path on = run();
    assertEquals(List.of(3L, 3L), groups(on), "the first run's entries serve again");
    assertSameFiles(first, on);
  }

  @Test
  void aChangedSourceSettingMissesOnlyThatSourcesFiles() throws Exception {
    run();
    // the same bytes read with another setting (its encoding named rather than detected)
    Files.writeString(jobFile, Files.readString(jobFile).replaceFirst("encoding: auto", "encoding: gb18030"));
    Map<String, Boolean> hits = fromCache(run());
    hits.forEach((file, hit) -> assertEquals(!file.endsWith("yuan-district-2017-2018.csv"), hit, file));
  }

  @Test
  void cacheOffInTheJobFileWritesNothing() throws Exception {
    Files.writeString(jobFile, Files.readString(SampleJob.SAMPLE) + "cache: off\n");
    run();
    assertTrue(fromCache(run()).values().stream().noneMatch(b -> b));
    assertTrue(!Files.exists(cache));
  }

  private Path run(String... args) {
    Path out = tmp.resolve("out-" + runs++);
    JobSpec job = JobFileReader.read(jobFile);
    JobSpec.Outputs o = job.outputs();
    job = new JobSpec(job.name(), job.jobFile(), job.gazetteer(), job.sources(),
        new JobSpec.Outputs(out.toString(), o.formats(), o.districtWorkbooks(), o.districtCsv(), o.wide(), o.report()),
        job.rollupLevels(), job.audit(), job.limits(), job.cache());
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--runner=DirectRunner", "--targetParallelism=2"));
    GongkaiOptions options = JobRunner.options(all.toArray(String[]::new));
    Pipeline p = Pipeline.create(options);
    RunContext context = JobRunner.prepare(p, job, options);
    assertEquals(PipelineResult.State.DONE, p.run().waitUntilFinish());
    try {
      JobRunner.publish(job, context);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  private List<Path> entries() throws IOException {
    try (Stream<Path> s = Files.list(cache.resolve("readings"))) {
      return s.sorted().toList();
    }
  }

  private List<Path> groupEntries() throws IOException {
    try (Stream<Path> s = Files.list(cache.resolve("groups"))) {
      return s.sorted().toList();
    }
  }

  /** The district groups of a run, and how many of them came from the cache. */
  private static List<Long> groups(Path out) throws IOException {
    JsonNode st = manifest(out).path("stages");
    return List.of(st.path("district_groups").asLong(), st.path("district_groups_from_cache").asLong());
  }

  private static JsonNode manifest(Path out) throws IOException {
    return new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
  }

  /** Each input file (its name) and whether its reading came from the cache. */
  private static Map<String, Boolean> fromCache(Path out) throws IOException {
    Map<String, Boolean> m = new TreeMap<>();
    for (JsonNode s : manifest(out).path("sources")) {
      for (JsonNode f : s.path("files")) {
        m.put(f.path("path").asText(), f.path("from_cache").asBoolean());
      }
    }
    return m;
  }

  /** Every output byte-identical; the manifests equal but for times and cache flags. */
  private static void assertSameFiles(Path a, Path b) throws IOException {
    List<Path> files = SampleJob.files(a);
    assertEquals(files, SampleJob.files(b));
    for (Path f : files) {
      if (!f.toString().equals("manifest.json")) {
        assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + " is byte-identical");
      }
    }
    assertEquals(runFree(a), runFree(b));
  }

  private static JsonNode runFree(Path out) throws IOException {
    ObjectNode m = (ObjectNode) manifest(out);
    m.remove(List.of("started_at", "finished_at"));
    ((ObjectNode) m.path("stages")).remove(List.of("files_from_cache", "district_groups_from_cache"));
    for (JsonNode s : m.path("sources")) {
      for (JsonNode f : s.path("files")) {
        ((ObjectNode) f).remove("from_cache");
      }
    }
    return m;
  }
}
