package org.gongkai.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.gongkai.job.JobFileException;
import org.gongkai.job.JobFileReader;
import org.gongkai.job.JobSpec;

/**
 * The job-file reader: whatever the file holds, the answer is a job or a {@link JobFileException}
 * that names the file (and the field, when there is one), never another exception.
 */
class JobFileFuzzTest {
  private static final Path BASE = Path.of("/jobs/pipelines");
  private static final String SAMPLE;
  private static Path tmp;

  static {
    try {
      SAMPLE = Files.readString(Path.of("pipelines/sample.yaml"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeContainer
  static void makeTemp() throws IOException {
    tmp = Files.createTempDirectory("gongkai-jobfuzz");
  }

  @AfterContainer
  static void removeTemp() throws IOException {
    try (Stream<Path> all = Files.walk(tmp)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Parses, and checks the contract: a sane job or a JobFileException naming the file and field. */
  private static JobSpec parse(String text) {
    try {
      JobSpec job = JobFileReader.parse("fuzz.yaml", text, BASE);
      checkJob(job);
      return job;
    } catch (JobFileException e) {
      checkError(e, "fuzz.yaml");
      return null;
    } catch (RuntimeException | StackOverflowError e) {
      fail("a job file gave " + e + " instead of a JobFileException:\n" + text, e);
      return null;
    }
  }

  private static void checkError(JobFileException e, String file) {
    assertEquals(file, e.file());
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    if (e.field() != null && !e.field().isEmpty()) {
      assertTrue(e.getMessage().startsWith(file + ": " + e.field() + ": "), "the message names the field: " + e.getMessage());
    }
    assertTrue(e.getMessage().length() < 2000, "a short message, not a dump: " + e.getMessage().length());
  }

  private static void checkJob(JobSpec job) {
    assertNotNull(job.name());
    assertTrue(Path.of(job.gazetteer()).isAbsolute() || job.gazetteer().contains("://"), job.gazetteer());
    assertTrue(!job.sources().isEmpty());
    job.sources().forEach(s -> assertTrue(Path.of(s.path()).isAbsolute() || s.path().contains("://"), s.path()));
    assertTrue(job.limits().maxRecordBytes() >= 1 && job.limits().maxReportBytes() >= 1 && job.limits().maxBatchRows() >= 1,
        "limits are at least 1: " + job.limits());
    assertTrue(job.rollupLevels().contains("district"));
  }

  @Property(tries = 300)
  void arbitraryTextIsAJobOrAJobFileError(@ForAll("yamlish") String text) {
    parse(text);
  }

  /** YAML-like text: keys of a job, values, indentation, flow and block syntax, anchors, tags and noise. */
  @Provide
  Arbitrary<String> yamlish() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("name", "gazetteer", "sources", "outputs", "directory", "formats", "rollup", "levels", "audit", "limits",
            "max_record_bytes", "max_report_bytes", "max_batch_rows", "format", "path", "encoding", "year", "region", "columns",
            "priority", "file_name_pattern", "outlier_z", "csv", "jsonl", "report", "parquet", "2018", "-1", "0", "0.5", "1e400",
            "99999999999999999999", "null", "~", "true", "[", "]", "{", "}", ": ", ":", ", ", "\n", "\n  ", "\n    ", "- ", "  - ",
            "&a ", "*a", "!!binary ", "!!python/object ", "<<: ", "'", "\"", "#", "|", ">", "---\n", "...\n", "\t", "\uFEFF", "\u0000",
            "../", "/", "gs://b/x", "file:///x", "*.csv", "(?<region>", "["),
        Arbitraries.strings().ofMaxLength(5));
    return piece.list().ofMaxSize(80).map(l -> String.join("", l));
  }

  /** The sample job with pieces cut, repeated, swapped or spoiled. */
  @Property(tries = 300)
  void mutatedSampleJobIsAJobOrAJobFileError(@ForAll("mutations") List<int[]> mutations, @ForAll("yamlish") String junk) {
    StringBuilder text = new StringBuilder(SAMPLE);
    for (int[] m : mutations) {
      int a = Math.floorMod(m[1], text.length() + 1);
      int b = Math.floorMod(m[2], text.length() + 1);
      int from = Math.min(a, b);
      int to = Math.max(a, b);
      switch (m[0]) {
        case 0 -> text.delete(from, to);
        case 1 -> text.insert(from, text.substring(from, to));
        case 2 -> text.insert(from, junk);
        case 3 -> text.setLength(from);
        default -> text.replace(from, Math.min(to, from + 1), "\t");
      }
    }
    parse(text.toString());
  }

  @Provide
  Arbitrary<List<int[]>> mutations() {
    return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers(), Arbitraries.integers())
        .as((k, a, b) -> new int[] {k, a, b})
        .list().ofMinSize(1).ofMaxSize(3);
  }

  @Example
  void yamlBombsAndDeepNestingAreJobFileErrors() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 0; i < 12; i++) {
      bomb.append((char) ('b' + i)).append(": &").append((char) ('b' + i)).append(" [*").append((char) ('a' + i));
      bomb.append(", *").append((char) ('a' + i)).append(", *").append((char) ('a' + i)).append("]\n");
    }
    bomb.append("gazetteer: g\nsources: [{name: a, format: csv, path: p}]\noutputs: {directory: o}\n");
    assertNull(parse(bomb.toString()));
    assertNull(parse("[".repeat(10_000) + "]".repeat(10_000)));
    assertNull(parse("a:\n" + " - \n".repeat(5000)));
  }

  /** A key given twice: the first value would be lost without a word (two sources: lists, the first list gone). */
  @Example
  void aKeyGivenTwiceIsAJobFileError() {
    assertNull(parse("gazetteer: g\nsources: [{name: a, format: csv, path: p}]\noutputs: {directory: o}\nname: y\nname: x\n"));
    assertNull(parse("gazetteer: g\nsources: [{name: a, format: csv, path: p}]\noutputs: {directory: o}\n"
        + "sources: [{name: b, format: csv, path: q}]\n"));
  }

  // ------------------------------------------------------------- files on disk

  @Example
  void filesThatAreNotThereOrNotFiles() throws IOException {
    JobFileException missing = assertThrows(JobFileException.class, () -> JobFileReader.read(tmp.resolve("nope.yaml")));
    checkError(missing, tmp.resolve("nope.yaml").toString());
    assertTrue(missing.getMessage().contains("no such job file"));
    JobFileException dir = assertThrows(JobFileException.class, () -> JobFileReader.read(tmp));
    checkError(dir, tmp.toString());
    assertTrue(dir.getMessage().contains("is a directory"));
    Path inMissingDir = tmp.resolve("no/such/dir/job.yaml");
    checkError(assertThrows(JobFileException.class, () -> JobFileReader.read(inMissingDir)), inMissingDir.toString());
    Path empty = Files.writeString(tmp.resolve("empty.yaml"), "");
    checkError(assertThrows(JobFileException.class, () -> JobFileReader.read(empty)), empty.toString());
    Path gb = Files.write(tmp.resolve("gb.yaml"), SAMPLE.getBytes(Fuzz.GB18030));
    JobFileException notUtf8 = assertThrows(JobFileException.class, () -> JobFileReader.read(gb));
    checkError(notUtf8, gb.toString());
    assertTrue(notUtf8.getMessage().contains("UTF-8"), notUtf8.getMessage());
    Path link = tmp.resolve("loop.yaml");
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, link);
    checkError(assertThrows(JobFileException.class, () -> JobFileReader.read(link)), link.toString());
  }

  /** Arbitrary bytes in a job file on disk: a job or a JobFileException, never a stack trace. */
  @Property(tries = 100)
  void arbitraryBytesOnDisk(@ForAll @Size(max = 500) byte[] bytes, @ForAll boolean withBom) throws IOException {
    Path job = tmp.resolve("fuzz.yaml");
    Files.write(job, withBom ? Fuzz.concat(Fuzz.UTF8_BOM, bytes) : bytes);
    try {
      checkJob(JobFileReader.read(job));
    } catch (JobFileException e) {
      checkError(e, job.toString());
    }
  }

  // ------------------------------------------------------------- limits

  private static final String MINIMAL = "gazetteer: ../g.csv\nsources: [{name: a, format: csv, path: a.csv}]\noutputs: {directory: ../out/x}\n";

  @Property(tries = 100)
  void limitsAreReadFromTheJobFile(
      @ForAll @LongRange(min = 1, max = 1L << 40) long record,
      @ForAll @LongRange(min = 1, max = 1L << 40) long report,
      @ForAll @LongRange(min = 1, max = Integer.MAX_VALUE) long rows) {
    JobSpec job = parse(MINIMAL + "limits:\n  max_record_bytes: " + record + "\n  max_report_bytes: " + report + "\n  max_batch_rows: " + rows + "\n");
    assertNotNull(job);
    assertEquals(record, job.limits().maxRecordBytes());
    assertEquals(report, job.limits().maxReportBytes());
    assertEquals(rows, job.limits().maxBatchRows());
  }

  @Example
  void limitsHaveSensibleDefaults() {
    JobSpec job = parse(MINIMAL);
    assertEquals(JobSpec.Limits.defaults(), job.limits());
    assertEquals(1L << 20, job.limits().maxRecordBytes());
    assertEquals(20L << 20, job.limits().maxReportBytes());
    assertEquals(16, job.limits().readGroups());
    assertEquals(3, parse(MINIMAL + "limits:\n  read_groups: 3\n").limits().readGroups());
    assertEquals(JobSpec.Limits.defaults(), parse(MINIMAL + "limits:\n").limits());
  }

  @Property(tries = 100)
  void badLimitsNameTheirField(@ForAll("limitKeys") String key, @ForAll("badLimitValues") String value) {
    String text = MINIMAL + "limits:\n  " + key + ": " + value + "\n";
    JobFileException e = assertThrows(JobFileException.class, () -> JobFileReader.parse("fuzz.yaml", text, BASE), text);
    checkError(e, "fuzz.yaml");
    assertEquals("limits." + key, e.field());
  }

  @Provide
  Arbitrary<String> limitKeys() {
    return Arbitraries.of("max_record_bytes", "max_report_bytes", "max_batch_rows", "district_groups", "read_groups");
  }

  @Provide
  Arbitrary<String> badLimitValues() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(Long.MIN_VALUE, 0).map(String::valueOf),
        Arbitraries.of("0", "-1", "1 MB", "'1024'", "[1]", "{a: 1}", "true", "-0.5", "null x"));
  }

  /** YAML's .nan and -.inf: a job-file error (Jackson calls them malformed numbers), never a NaN limit. */
  @Example
  void notANumberIsAJobFileError() {
    for (String v : List.of(".nan", "-.inf", ".NaN")) {
      assertNull(parse(MINIMAL + "limits:\n  max_record_bytes: " + v + "\n"), v);
    }
  }

  /** A limit below one byte or row, or beyond what it can hold, is not a limit. */
  @Example
  void fractionalAndHugeLimitsAreJobFileErrors() {
    for (String key : List.of("max_record_bytes", "max_report_bytes", "max_batch_rows", "district_groups", "read_groups")) {
      for (String v : List.of("0.5", "1.5", "1e400", "99999999999999999999999")) {
        String text = MINIMAL + "limits:\n  " + key + ": " + v + "\n";
        JobFileException e = assertThrows(JobFileException.class, () -> JobFileReader.parse("fuzz.yaml", text, BASE), text);
        assertEquals("limits." + key, e.field());
      }
    }
  }

  @Example
  void unknownLimitIsNamed() {
    JobFileException e = assertThrows(JobFileException.class,
        () -> JobFileReader.parse("fuzz.yaml", MINIMAL + "limits: {max_record_byte: 10}\n", BASE));
    assertEquals("limits.max_record_byte", e.field());
  }

  // ------------------------------------------------------------- paths

  /**
   * The output directory is replaced as a whole when a run publishes, so it must not be the job's
   * folder, the root, or a folder that holds the gazetteer or an input: otherwise a run would
   * write over (and delete) files outside its outputs.
   */
  @Property(tries = 100)
  void anOutputDirectoryThatHoldsTheInputsIsAJobFileError(@ForAll("dangerousOutputs") String directory) {
    String text = "gazetteer: ../sample-data/gazetteer.csv\nsources: [{name: a, format: csv, path: ../sample-data/x/*.csv}]\n"
        + "outputs: {directory: '" + directory + "'}\n";
    JobFileException e = assertThrows(JobFileException.class, () -> JobFileReader.parse("fuzz.yaml", text, BASE),
        "outputs.directory '" + directory + "' would replace files outside the outputs");
    checkError(e, "fuzz.yaml");
    assertEquals("outputs.directory", e.field());
  }

  @Provide
  Arbitrary<String> dangerousOutputs() {
    return Arbitraries.of(".", "./", "..", "../", "../..", "/", "/jobs", "../sample-data", "../sample-data/", "../sample-data/x",
        "../sample-data/../sample-data", "./../..", "/jobs/pipelines", "../pipelines", "file:///jobs", "file:///");
  }

  @Property(tries = 50)
  void anInputInsideTheOutputDirectoryIsAJobFileError(@ForAll("inputFields") String field) {
    String gazetteer = field.equals("gazetteer") ? "../out/sample/csv/g.csv" : "../sample-data/gazetteer.csv";
    String source = field.startsWith("sources") ? "../out/sample/csv/x.csv" : "../sample-data/x.csv";
    String text = "gazetteer: " + gazetteer + "\nsources: [{name: a, format: csv, path: " + source + "}]\n"
        + "outputs: {directory: ../out/sample}\n";
    JobFileException e = assertThrows(JobFileException.class, () -> JobFileReader.parse("fuzz.yaml", text, BASE), text);
    checkError(e, "fuzz.yaml");
    assertEquals(field, e.field());
  }

  @Provide
  Arbitrary<String> inputFields() {
    return Arbitraries.of("gazetteer", "sources[0].path");
  }

  @Example
  void ordinaryOutputDirectoriesAreFine() {
    for (String dir : List.of("../out/sample", "out", "/tmp/gongkai-out", "gs://bucket/out", "../sample-data-out")) {
      String text = "gazetteer: ../sample-data/gazetteer.csv\nsources: [{name: a, format: csv, path: ../sample-data/*.csv}]\n"
          + "outputs: {directory: '" + dir + "'}\n";
      assertNotNull(parse(text), dir);
    }
  }
}
