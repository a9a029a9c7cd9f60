package org.gongkai.pipeline;

import org.gongkai.cli.JobRunner;
import org.gongkai.job.Inputs;
import org.gongkai.job.JobFileException;
import org.gongkai.job.JobFileReader;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gongkai.model.Gazetteer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Job files that catch real mistakes: a wrong region, a field the format does not read, a bad option. */
class JobMistakesTest {
  private static final Path GAZETTEER = Path.of("sample-data/gazetteer.csv").toAbsolutePath();
  @TempDir Path tmp;

  record Result(int exit, String out, String err) {}

  private Result run(String job, String... options) throws IOException {
    Path file = tmp.resolve("job.yaml");
    Files.writeString(file, job.replace("GAZ", GAZETTEER.toString()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = JobRunner.run(file, options, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    return new Result(exit, out.toString(UTF_8), err.toString(UTF_8));
  }

  private static String job(String source) {
    return """
        gazetteer: GAZ
        sources:
          - SOURCE
        outputs: {directory: out}
        """.replace("SOURCE", source);
  }

  @Test
  void aRegionTheGazetteerDoesNotKnowIsAJobErrorWithTheNearNames() throws IOException {
    Files.writeString(tmp.resolve("r.csv"), "乡镇,年度,政策解读\n江家店镇,2018,3\n");
    Result r = run(job("{name: r, format: csv, path: r.csv, region: 裕安县}"));
    assertEquals(JobRunner.BAD_JOB, r.exit(), r.err());
    assertEquals(tmp.resolve("job.yaml") + ": sources[0].region: '裕安县' is no division of the gazetteer sample-data/gazetteer.csv"
        + "; did you mean 341503 安徽省六安市裕安区?", r.err().strip().substring("gongkai: ".length()));
    assertFalse(Files.exists(tmp.resolve("out")), "nothing ran");

    Result far = run(job("{name: r, format: csv, path: r.csv, region: 北京市朝阳区}"));
    assertTrue(far.err().strip().endsWith("; give the name or code of a district, city or township in it"), far.err());
  }

  @Test
  void aSourceThatMatchesNoFileIsAJobErrorWhenTheRunListsTheInputs() throws IOException {
    Result r = run(job("{name: r, format: csv, path: nowhere/*.csv}"));
    assertEquals(JobRunner.BAD_JOB, r.exit(), r.err());
    assertTrue(r.err().contains(tmp.resolve("job.yaml") + ": sources[0].path: no file matches "), r.err());
    assertFalse(r.err().contains("the run failed"), r.err());
    try (var left = Files.list(tmp)) {
      assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("out.staging-")).toList(),
          "the staging directory goes with the failed run");
    }
  }

  @Test
  void regionsTheResolverReadsAreAccepted() {
    Gazetteer g = Inputs.gazetteer(GAZETTEER.toString());
    for (String region : List.of("裕安区", "裕安", "六安市裕安区", "341503", "341503000000", "六安市", "江家店镇", "341503102")) {
      assertTrue(org.gongkai.normalize.RegionCheck.names(g, region), region);
    }
    for (String region : List.of("裕安县区", "999999", "3415031", "安徽省金安区江家店镇")) {
      assertFalse(org.gongkai.normalize.RegionCheck.names(g, region), region);
    }
    assertEquals(List.of("341503111 安徽省六安市裕安区江家店镇"), org.gongkai.normalize.RegionCheck.candidates(g, "江加店镇"));
  }

  @Test
  void aFieldTheFormatDoesNotReadIsAnError() {
    var e = assertThrows(JobFileException.class, () -> JobFileReader.parse("job.yaml",
        job("{name: r, format: csv, path: r.csv, file_name_pattern: '(?<year>\\\\d{4})'}").replace("GAZ", "g.csv"), tmp));
    assertEquals("job.yaml: sources[0].file_name_pattern: a csv source does not use it (only report sources read"
        + " file_name_pattern); remove it", e.getMessage());
    e = assertThrows(JobFileException.class, () -> JobFileReader.parse("job.yaml",
        job("{name: r, format: report, path: '*.txt', columns: {备注: ignore}}").replace("GAZ", "g.csv"), tmp));
    assertEquals("job.yaml: sources[0].columns: a report source does not use it (only csv, excel and jsonl sources read"
        + " columns); remove it", e.getMessage());
  }

  @Test
  void aBadRunnerOptionIsOneLineNamingIt() throws IOException {
    Files.writeString(tmp.resolve("r.csv"), "乡镇,年度,政策解读\n江家店镇,2018,3\n");
    String ok = job("{name: r, format: csv, path: r.csv, region: 裕安区}");
    Result zero = run(ok, "--targetParallelism=0");
    assertEquals(JobRunner.BAD_JOB, zero.exit());
    assertEquals("gongkai: option --targetParallelism=0: must be at least 1 (the number of worker threads; scripts/gongkai uses one per core)",
        zero.err().strip());
    Result unknown = run(ok, "--targetParalelism=2");
    assertEquals(JobRunner.BAD_JOB, unknown.exit());
    assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
    assertTrue(unknown.err().startsWith("gongkai: option --targetParalelism=2: "), unknown.err());
    Result word = run(ok, "--targetParallelism=two");
    assertEquals(JobRunner.BAD_JOB, word.exit());
    assertTrue(word.err().startsWith("gongkai: option --targetParallelism=two: "), word.err());
    assertEquals(1, word.err().strip().lines().count(), word.err());
    Result progress = run(ok, "--progressSeconds=-1");
    assertEquals("gongkai: option --progressSeconds=-1: must be 0 (no progress lines) or more", progress.err().strip());
    assertFalse(Files.exists(tmp.resolve("out")), "nothing ran");
  }

  @Test
  void theGazetteerMayBeAFolderOfTheNationalTables() throws IOException {
    Files.writeString(tmp.resolve("r.csv"), "乡镇,年度,政策解读\n余关镇,2018,3\n");
    String folder = Path.of("src/test/resources/org/gongkai/ingest/national-tables").toAbsolutePath().toString();
    Result r = run(job("{name: r, format: csv, path: r.csv, region: 裕安区}").replace(GAZETTEER.toString(), "GAZ")
        .replace("GAZ", folder), "--progressSeconds=0");
    assertEquals(JobRunner.OK, r.exit(), r.err());
    assertTrue(r.out().contains("1 observations kept"), r.out());
  }
}
