package org.gongkai.publish;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Publisher#recover}: what a killed run leaves beside the output directory is cleaned up
 * or restored before the next run, and the published outputs are never touched.
 */
class PublisherTest {
  @TempDir Path dir;

  /** A complete published run: a few tables and the manifest. */
  private static void published(Path out, String tag) throws IOException {
    write(out.resolve("manifest.json"), manifest(tag));
    write(out.resolve("csv/rejects.csv"), "source,reason_code\n" + tag + ",BAD_JSON\n");
    write(out.resolve("township_metrics/year=2018/part-00000.parquet"), "PAR1 " + tag + " PAR1");
  }

  /** The manifest of {@link #published}: it lists the two files, as Gongkai's does. */
  private static String manifest(String tag) {
    return "{\"gongkai_version\": \"test\", \"run\": \"" + tag + "\", \"outputs\": [{\"path\": \"csv/rejects.csv\"},"
        + " {\"path\": \"township_metrics/year=2018/part-00000.parquet\"}]}";
  }

  /** A run killed while writing: some tables, no manifest. */
  private static void halfWritten(Path staging) throws IOException {
    write(staging.resolve("township_metrics/year=2018/part-00000.parquet"), "PAR1 half");
    write(staging.resolve("csv/_parts/rejects/00001.csv"), "x,y");
    Files.createDirectories(staging.resolve("rollup/year=2017"));
  }

  private static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, UTF_8);
  }

  /** Every file under a directory with its content: the whole state a dashboard could see. */
  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readString(p, UTF_8));
      }
    }
    return files;
  }

  private List<String> siblings() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void nothingToDoLeavesEverythingAsItIs() throws IOException {
    Path out = dir.resolve("bad");
    published(out, "r1");
    Map<String, String> before = tree(out);
    assertEquals(List.of(), Publisher.recover(out.toString()));
    assertEquals(before, tree(out));
    assertEquals(List.of(), Publisher.recover(dir.resolve("never-written").toString()), "no output yet");
    assertEquals(List.of(), Publisher.recover(dir.resolve("no/such/parent/out").toString()));
  }

  @Test
  void stagingDirectoriesOfKilledRunsAreRemovedAndThePublishedOutputsKept() throws IOException {
    Path out = dir.resolve("bad");
    published(out, "r1");
    Map<String, String> before = tree(out);
    halfWritten(dir.resolve("bad.staging-20260101T000000Z-1a2b"));
    halfWritten(dir.resolve("bad.staging-20260102T000000Z-3c4d"));
    write(dir.resolve("bad.lock"), "");
    // Neighbours that only look alike belong to someone else.
    published(dir.resolve("bad2"), "other");
    halfWritten(dir.resolve("bad2.staging-20260101T000000Z-ffff"));
    halfWritten(dir.resolve("sample.staging-20260101T000000Z-eeee"));
    write(dir.resolve("bad-staging-notes.txt"), "keep");

    List<String> actions = Publisher.recover(out.toString());

    assertEquals(2, actions.size(), actions.toString());
    assertTrue(actions.stream().allMatch(a -> a.startsWith("removed the staging directory of an unfinished run")), actions.toString());
    assertEquals(before, tree(out), "the published outputs are untouched");
    assertEquals(List.of("bad", "bad-staging-notes.txt", "bad.lock", "bad2", "bad2.staging-20260101T000000Z-ffff",
        "sample.staging-20260101T000000Z-eeee"), siblings());
    assertEquals(List.of(), Publisher.recover(out.toString()), "a second recover has nothing left to do");
  }

  @Test
  void aRunKilledBetweenTheTwoRenamesGetsThePreviousOutputsBack() throws IOException {
    // publish() moved bad → bad.previous-RUN and was killed before bad.staging-RUN → bad.
    Path out = dir.resolve("bad");
    published(out, "r1");
    Map<String, String> before = tree(out);
    String run = "20260103T000000Z-5e6f";
    Files.move(out, dir.resolve("bad" + Publisher.PREVIOUS + run));
    published(dir.resolve("bad" + Publisher.STAGING + run), "r2");

    List<String> actions = Publisher.recover(out.toString());

    assertEquals(before, tree(out), "the previous outputs are back, whole");
    assertEquals(List.of("bad"), siblings());
    assertTrue(actions.stream().anyMatch(a -> a.startsWith("restored the previous outputs")), actions.toString());
  }

  @Test
  void theNewestOfSeveralMovedAsideOutputsIsRestored() throws IOException {
    Path out = dir.resolve("bad");
    published(dir.resolve("bad.previous-20260101T000000Z-aaaa"), "old");
    published(dir.resolve("bad.previous-20260105T000000Z-bbbb"), "newest");
    published(dir.resolve("bad.previous-20260103T000000Z-cccc"), "middle");

    Publisher.recover(out.toString());

    assertEquals(manifest("newest"), Files.readString(out.resolve("manifest.json")));
    assertEquals(List.of("bad"), siblings());
  }

  @Test
  void aRunKilledWhileDeletingTheOldOutputsLeavesTheNewOnes() throws IOException {
    // publish() swapped the directories and was killed while the old outputs were removed
    // (their manifest goes last).
    Path out = dir.resolve("bad");
    published(out, "r2");
    Map<String, String> before = tree(out);
    Path previous = dir.resolve("bad.previous-20260103T000000Z-5e6f");
    published(previous, "r1");
    Files.delete(previous.resolve("csv/rejects.csv"));

    List<String> actions = Publisher.recover(out.toString());

    assertEquals(before, tree(out));
    assertEquals(List.of("bad"), siblings());
    assertEquals(1, actions.size(), actions.toString());
  }

  @Test
  void anOutputNameThatLooksLikeAGlobIsTakenLiterally() throws IOException {
    for (String name : List.of("out[2018]", "out{a,b}", "out*", "out?")) {
      Path out = dir.resolve(name);
      published(out, name);
      halfWritten(dir.resolve(name + ".staging-20260101T000000Z-1a2b"));
      Publisher.recover(out.toString());
      assertFalse(Files.exists(dir.resolve(name + ".staging-20260101T000000Z-1a2b")), name);
      assertEquals(manifest(name), Files.readString(out.resolve("manifest.json")), name);
    }
    assertEquals(List.of("out*", "out?", "out[2018]", "out{a,b}"), siblings());
  }

  @Test
  void aStagingNameThatIsASymbolicLinkIsRemovedNotFollowed() throws IOException {
    Path out = dir.resolve("bad");
    published(out, "r1");
    Path elsewhere = dir.resolve("precious");
    published(elsewhere, "precious");
    Map<String, String> precious = tree(elsewhere);
    Path link = dir.resolve("bad.staging-20260101T000000Z-1a2b");
    Path dangling = dir.resolve("bad.staging-20260101T000000Z-9999");
    try {
      Files.createSymbolicLink(link, elsewhere);
      Files.createSymbolicLink(dangling, dir.resolve("gone"));
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here: " + e);
    }
    Path staging = dir.resolve("bad.staging-20260102T000000Z-2b3c");
    halfWritten(staging);
    Files.createSymbolicLink(staging.resolve("link-to-precious"), elsewhere);

    Publisher.recover(out.toString());

    assertFalse(Files.exists(link, LinkOption.NOFOLLOW_LINKS));
    assertFalse(Files.exists(dangling, LinkOption.NOFOLLOW_LINKS));
    assertFalse(Files.exists(staging, LinkOption.NOFOLLOW_LINKS));
    assertEquals(precious, tree(elsewhere), "what a link points to is never deleted");
    assertEquals(List.of("bad", "precious"), siblings());
  }

  @Test
  void aStagingDirectoryThatCannotBeRemovedIsIgnored() throws IOException {
    Path out = dir.resolve("bad");
    published(out, "r1");
    Map<String, String> before = tree(out);
    Path staging = dir.resolve("bad.staging-20260101T000000Z-1a2b");
    halfWritten(staging);
    Path locked = staging.resolve("csv");
    assumeTrue(locked.toFile().setWritable(false), "cannot make a directory read-only here");
    try {
      assumeTrue(!Files.isWritable(locked), "running as a user who may delete anything (root)");
      List<String> actions = Publisher.recover(out.toString());
      assertTrue(actions.get(0).startsWith("could not remove the staging directory"), actions.toString());
      assertEquals(before, tree(out));
    } finally {
      locked.toFile().setWritable(true);
    }
  }

  @Test
  void publishAfterRecoverReplacesTheOutputsWhole() throws IOException {
    Path out = dir.resolve("bad");
    published(out, "r1");
    halfWritten(dir.resolve("bad.staging-20260101T000000Z-dead"));
    Publisher.recover(out.toString());
    String run = "20260102T000000Z-beef";
    String staging = Publisher.stagingDir(out.toString(), run);
    assertEquals(dir.resolve("bad.staging-" + run).toString(), staging, "staging is beside the output, not inside");
    published(Path.of(staging), "r2");
    Map<String, String> staged = tree(Path.of(staging));

    Publisher.publish(staging, out.toString(), run);

    assertEquals(staged, tree(out));
    assertEquals(List.of("bad", "bad.replaced-" + run), siblings(), "the replaced outputs wait for the next run");
    assertEquals(manifest("r1"), Files.readString(dir.resolve("bad.replaced-" + run).resolve("manifest.json")));
    assertEquals(List.of(), Publisher.recover(out.toString()), "recover leaves replaced outputs to the cleanup");
    try (Publisher.Cleanup cleanup = Publisher.removeReplaced(out.toString())) {
      assertEquals(List.of(), cleanup.problems());
    }
    assertEquals(staged, tree(out));
    assertEquals(List.of("bad"), siblings());
  }

  @Test
  void replacedOutputsAreNeverRestoredAndTheirCleanupTouchesNothingElse() throws IOException {
    Path out = dir.resolve("bad");
    published(dir.resolve("bad.replaced-20260101T000000Z-aaaa"), "r1");
    published(dir.resolve("bad.replaced-20260102T000000Z-bbbb"), "r2");
    published(dir.resolve("bad2.replaced-20260102T000000Z-cccc"), "someone else's");
    write(dir.resolve("bad.replaced-notes.txt"), "not a folder of outputs: kept");

    assertEquals(List.of(), Publisher.recover(out.toString()), "the output was deleted by hand: it stays deleted");
    assertFalse(Files.exists(out));
    try (Publisher.Cleanup cleanup = Publisher.removeReplaced(out.toString())) {
      assertEquals(List.of("left " + dir.resolve("bad.replaced-notes.txt") + " in place: it holds files Gongkai did not write"
          + " (bad.replaced-notes.txt)"), cleanup.problems());
    }
    assertEquals(List.of("bad.replaced-notes.txt", "bad2.replaced-20260102T000000Z-cccc"), siblings());
    try (Publisher.Cleanup cleanup = Publisher.removeReplaced("gs://bucket/out/bad")) {
      assertEquals(List.of(), cleanup.problems(), "object stores have nothing to clean");
    }
  }

  @Test
  void aReplacedOutputThatCannotBeRemovedIsReportedAndLeft() throws IOException {
    Path out = dir.resolve("bad");
    published(out, "r2");
    Path replaced = dir.resolve("bad.replaced-20260101T000000Z-aaaa");
    published(replaced, "r1");
    Path locked = replaced.resolve("csv");
    assumeTrue(locked.toFile().setWritable(false), "cannot make a directory read-only here");
    try {
      assumeTrue(!Files.isWritable(locked), "running as a user who may delete anything (root)");
      try (Publisher.Cleanup cleanup = Publisher.removeReplaced(out.toString())) {
        List<String> problems = cleanup.problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("could not remove the outputs an earlier run replaced"), problems.toString());
      }
      assertEquals(manifest("r2"), Files.readString(out.resolve("manifest.json")));
    } finally {
      locked.toFile().setWritable(true);
    }
  }

  @Test
  void replacingOutputsRemovesOnlyWhatTheirManifestLists() throws IOException {
    Path out = dir.resolve("bad");
    Path replaced = dir.resolve("bad.replaced-20260101T000000Z-aaaa");
    published(replaced, "r1");
    write(replaced.resolve("csv/笔记.txt"), "mine");
    Path elsewhere = dir.resolve("precious");
    published(elsewhere, "precious");
    Map<String, String> precious = tree(elsewhere);
    try {
      Files.createSymbolicLink(replaced.resolve("township_metrics/link"), elsewhere);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here: " + e);
    }

    try (Publisher.Cleanup cleanup = Publisher.removeReplaced(out.toString())) {
      assertEquals(List.of("left " + replaced + " in place: it holds files Gongkai did not write (csv/笔记.txt,"
          + " township_metrics/link)"), cleanup.problems());
    }
    assertEquals(Map.of("csv/笔记.txt", "mine", "manifest.json", manifest("r1")), tree(replaced),
        "the listed files are gone, the note, the link and the manifest stay");
    assertTrue(Files.isSymbolicLink(replaced.resolve("township_metrics/link")));
    assertEquals(precious, tree(elsewhere), "what a link points to is never touched");
  }

  @Test
  void publishRefusesAnOutputDirectoryThatGainedAForeignFile() throws IOException {
    Path out = dir.resolve("bad");
    published(out, "r1");
    write(out.resolve("笔记.txt"), "added while the run ran");
    String run = "20260102T000000Z-beef";
    String staging = Publisher.stagingDir(out.toString(), run);
    published(Path.of(staging), "r2");
    Map<String, String> before = tree(out);

    IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> Publisher.publish(staging, out.toString(), run));

    assertTrue(e.getMessage().contains("holds files Gongkai did not write (笔记.txt)"), e.getMessage());
    assertEquals(before, tree(out));
  }

  @Test
  void objectStoresAreLeftAlone() throws IOException {
    assertEquals(List.of(), Publisher.recover("gs://bucket/out/bad"));
  }
}
