package org.gongkai.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only its own folders, as a user meets it: {@code scripts/gongkai run} refuses an output
 * directory holding files it did not write (exit code 2, one line naming them) and leaves
 * every one of them byte for byte as it was.
 */
class OutputFolderIT {
  @TempDir Path tmp;

  /** The small synthetic job of {@link InterruptedRunIT} writing into {@code directory}. */
  private Path job(String directory) throws IOException {
    Path job = InterruptedRunIT.writeJob(tmp, 1, 3, 1);
    Files.writeString(job, Files.readString(job).replace("directory: out", "directory: " + directory));
    return job;
  }

  /** Runs {@code scripts/gongkai run job.yaml} in the job's folder; the exit code and what it printed. */
  private Map.Entry<Integer, String> run() throws Exception {
    Path log = tmp.resolve("run.log");
    Process p = new ProcessBuilder(Path.of("scripts/gongkai").toAbsolutePath().toString(), "run", "job.yaml",
        "--progressSeconds=0")
        .directory(tmp.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the run ends");
    return Map.entry(p.exitValue(), Files.readString(log, UTF_8));
  }

  private static String lastLine(String log) {
    List<String> lines = log.lines().filter(l -> !l.isBlank()).toList();
    return lines.get(lines.size() - 1);
  }

  @Test
  void aFolderWithTheUsersNoteIsRefusedAndTheNoteKept() throws Exception {
    job("mine");
    byte[] note = "明天交汇总表\n".getBytes(UTF_8);
    Files.createDirectories(tmp.resolve("mine"));
    Files.write(tmp.resolve("mine/笔记.txt"), note);

    for (int attempt = 0; attempt < 2; attempt++) { // the second run must not delete what the first left
      var r = run();
      assertEquals(2, r.getKey(), r.getValue());
      assertEquals("gongkai: job.yaml: outputs.directory: 'mine' holds files Gongkai did not write (笔记.txt);"
          + " choose an empty folder", lastLine(r.getValue()));
      assertArrayEquals(note, Files.readAllBytes(tmp.resolve("mine/笔记.txt")));
    }
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("mine.")).toList(),
          "nothing was created beside it");
    }
  }

  @Test
  void aFileAddedToPublishedOutputsIsRefusedAndKept() throws Exception {
    job("out");
    assertEquals(0, run().getKey(), "first run into a new folder");
    byte[] added = "我的透视表".getBytes(UTF_8);
    Files.write(tmp.resolve("out/csv/透视.csv"), added);

    var r = run();

    assertEquals(2, r.getKey(), r.getValue());
    assertEquals("gongkai: job.yaml: outputs.directory: 'out' holds files Gongkai did not write (csv/透视.csv);"
        + " choose an empty folder", lastLine(r.getValue()));
    assertArrayEquals(added, Files.readAllBytes(tmp.resolve("out/csv/透视.csv")));
    assertTrue(Files.isRegularFile(tmp.resolve("out/manifest.json")), "the published outputs stay too");

    Files.delete(tmp.resolve("out/csv/透视.csv"));
    assertEquals(0, run().getKey(), "once the file is gone the outputs are replaced as usual");
  }

  @Test
  void aHomeLikeFolderIsRefusedWhole() throws Exception {
    job("home");
    Path home = tmp.resolve("home");
    Files.createDirectories(home.resolve("Documents/2024"));
    Files.writeString(home.resolve(".bashrc"), "export LANG=zh_CN.UTF-8\n");
    Files.writeString(home.resolve("Documents/2024/报告.txt"), "草稿\n");
    Map<String, String> before = InterruptedRunIT.hashes(home);

    var r = run();

    assertEquals(2, r.getKey(), r.getValue());
    assertEquals("gongkai: job.yaml: outputs.directory: 'home' holds files Gongkai did not write (.bashrc,"
        + " Documents/); choose an empty folder", lastLine(r.getValue()));
    assertEquals(before, InterruptedRunIT.hashes(home));
    assertFalse(r.getValue().contains("running job"), "nothing ran");
  }

  @Test
  void aSymbolicLinkInsideIsRefusedAndNeverFollowed() throws Exception {
    job("out");
    assertEquals(0, run().getKey(), "first run");
    Path elsewhere = tmp.resolve("elsewhere");
    Files.createDirectories(elsewhere);
    Files.writeString(elsewhere.resolve("precious.txt"), "keep\n");
    Files.createSymbolicLink(tmp.resolve("out/wide/link"), elsewhere);

    var r = run();

    assertEquals(2, r.getKey(), r.getValue());
    assertEquals("gongkai: job.yaml: outputs.directory: 'out' holds files Gongkai did not write (wide/link);"
        + " choose an empty folder", lastLine(r.getValue()));
    assertTrue(Files.isSymbolicLink(tmp.resolve("out/wide/link")));
    assertEquals("keep\n", Files.readString(elsewhere.resolve("precious.txt")));
  }
}
