package org.gongkai.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing a local glob directly finds what Beam's match finds, with the same paths and sizes. */
class InputsTest {
  @TempDir
  static Path dir;

  @BeforeAll
  static void files() throws Exception {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    for (String f : List.of("a.csv", "b.csv", "ab.csv", "c.txt", ".hidden.csv", "报告_2018.txt", "sub/d.csv", "sub/e.txt")) {
      Path p = dir.resolve("in").resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "x".repeat(f.length()), StandardCharsets.UTF_8);
    }
    Files.createDirectories(dir.resolve("in/folder.csv")); // a folder the glob matches: never an input
  }

  private static JobSpec job(String path) {
    return JobFileReader.parse("inputs.yaml", """
        gazetteer: gazetteer.csv
        sources:
          - {name: t, format: csv, path: '%s', year: 2018, region: 裕安区}
        outputs: {directory: out}
        """.formatted(path), dir);
  }

  /** What Beam's match gives, less folders, sorted: the behaviour before the direct listing. */
  private static List<String> viaBeam(String spec) throws Exception {
    List<String> out = new ArrayList<>();
    MatchResult r = FileSystems.match(spec, EmptyMatchTreatment.ALLOW);
    for (MatchResult.Metadata m : r.status() == MatchResult.Status.OK ? r.metadata() : List.<MatchResult.Metadata>of()) {
      String p = m.resourceId().toString();
      if (!m.resourceId().isDirectory() && !Files.isDirectory(Path.of(p))) {
        out.add(p + " " + m.sizeBytes());
      }
    }
    out.sort(null);
    return out;
  }

  private static List<String> listed(String spec) {
    return Inputs.list(job(spec)).stream().map(f -> f.path() + " " + f.sizeBytes()).toList();
  }

  @Test
  void globsListTheFilesBeamMatches() throws Exception {
    for (String glob : List.of("in/*.csv", "in/?.csv", "in/[ab].csv", "in/*.{csv,txt}", "in/*", "in/报告_*.txt",
        "in/**.csv", "in/*/*.csv", "in/a.csv", "in/sub/*.txt")) {
      String spec = dir.resolve(glob).toString();
      List<String> expected = viaBeam(spec);
      assertFalse(expected.isEmpty(), glob);
      assertEquals(expected, listed(glob), glob);
    }
    assertTrue(listed("in/*.csv").stream().noneMatch(p -> p.contains("folder.csv") || p.contains("/sub/")));
  }

  @Test
  void aGlobThatMatchesNothingIsAJobError() {
    JobFileException e = assertThrows(JobFileException.class, () -> Inputs.list(job("in/*.parquet")));
    assertTrue(e.getMessage().contains("no file matches"), e.getMessage());
    assertThrows(JobFileException.class, () -> Inputs.list(job("nowhere/*.csv")));
  }

  @Test
  void readsLocalFilesWhole() throws Exception {
    Path f = dir.resolve("in/a.csv");
    assertArrayEquals(Files.readAllBytes(f), Inputs.readAll(f.toString()));
    assertArrayEquals(Files.readAllBytes(f), Inputs.readAll(f.toUri().toString()), "file:// goes through Beam");
    FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> Inputs.readAll(dir.resolve("in/zz.csv").toString()));
    assertTrue(e.getMessage().contains("zz.csv"), e.getMessage());
  }
}
