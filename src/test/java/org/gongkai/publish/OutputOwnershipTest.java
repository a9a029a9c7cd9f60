package org.gongkai.publish;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OutputOwnership}: which output directories are Gongkai's own. */
class OutputOwnershipTest {
  @TempDir Path dir;

  private static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, UTF_8);
  }

  /** Outputs as a run publishes them: two files and a manifest that lists them. */
  private static void published(Path out) throws IOException {
    write(out.resolve("csv/findings.csv"), "rule\n");
    write(out.resolve("rollup/year=2018/part-00000.parquet"), "PAR1");
    write(out.resolve("manifest.json"), "{\"gongkai_version\": \"1\", \"outputs\": [{\"path\": \"csv/findings.csv\"},"
        + " {\"path\": \"rollup/year=2018/part-00000.parquet\"}]}");
  }

  @Test
  void missingEmptyAndPublishedDirectoriesAreOurs() throws IOException {
    assertTrue(OutputOwnership.check(dir.resolve("none")).ours());
    Files.createDirectories(dir.resolve("empty"));
    assertTrue(OutputOwnership.check(dir.resolve("empty")).ours());
    published(dir.resolve("out"));
    assertTrue(OutputOwnership.check(dir.resolve("out")).ours());
    assertEquals(Set.of("manifest.json", "csv/findings.csv", "rollup/year=2018/part-00000.parquet"),
        OutputOwnership.listed(dir.resolve("out")));
  }

  @Test
  void aForeignFileInsideIsNamed() throws IOException {
    Path mine = dir.resolve("mine");
    write(mine.resolve("笔记.txt"), "my note");
    assertEquals(List.of("笔记.txt"), OutputOwnership.check(mine).foreign());
  }

  @Test
  void aFileAddedAfterARunIsForeignWhereverItIs() throws IOException {
    Path out = dir.resolve("out");
    published(out);
    write(out.resolve("csv/笔记.txt"), "added");
    write(out.resolve("rollup/year=2019/part-00000.parquet"), "not listed");
    write(out.resolve("汇总.xlsx"), "added");
    assertEquals(List.of("汇总.xlsx", "csv/笔记.txt", "rollup/year=2019/"), OutputOwnership.check(out).foreign());
  }

  @Test
  void aManifestGongkaiDidNotWriteOwnsNothing() throws IOException {
    Path out = dir.resolve("out");
    published(out);
    write(out.resolve("manifest.json"), "{\"outputs\": [{\"path\": \"csv/findings.csv\"}]}");
    assertEquals(List.of("csv/", "manifest.json", "rollup/"), OutputOwnership.check(out).foreign());
    write(out.resolve("manifest.json"), "not json");
    assertEquals(List.of("csv/", "manifest.json", "rollup/"), OutputOwnership.check(out).foreign());
  }

  @Test
  void aHomeLikeFolderIsRefused() throws IOException {
    Path home = dir.resolve("home");
    write(home.resolve(".bashrc"), "export PATH");
    write(home.resolve("Documents/报告.docx"), "x");
    write(home.resolve("manifest.json"), "{\"gongkai_version\": \"1\", \"outputs\": []}");
    assertEquals(List.of(".bashrc", "Documents/"), OutputOwnership.check(home).foreign());
  }

  @Test
  void aSymbolicLinkInsideIsForeignAndNeverFollowed() throws IOException {
    Path out = dir.resolve("out");
    published(out);
    Path elsewhere = dir.resolve("elsewhere");
    write(elsewhere.resolve("precious.txt"), "keep");
    try {
      Files.createSymbolicLink(out.resolve("csv/link"), elsewhere);
      Files.delete(out.resolve("csv/findings.csv"));
      Files.createSymbolicLink(out.resolve("csv/findings.csv"), elsewhere.resolve("precious.txt"));
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here: " + e);
    }
    assertEquals(List.of("csv/findings.csv", "csv/link"), OutputOwnership.check(out).foreign(),
        "a link is never Gongkai's, even under a listed name");

    assertEquals(List.of("csv/findings.csv", "csv/link"), OutputOwnership.removeListed(out));
    assertTrue(Files.isSymbolicLink(out.resolve("csv/link")));
    assertTrue(Files.isSymbolicLink(out.resolve("csv/findings.csv")));
    assertEquals("keep", Files.readString(elsewhere.resolve("precious.txt")));
    assertFalse(Files.exists(out.resolve("rollup")), "the listed file and its emptied folders are gone");
  }

  @Test
  void theOutputDirectoryItselfAsALinkOrAFileIsNotOurs() throws IOException {
    Path target = dir.resolve("target");
    published(target);
    try {
      Files.createSymbolicLink(dir.resolve("link"), target);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here: " + e);
    }
    assertTrue(OutputOwnership.check(dir.resolve("link")).isLink());
    write(dir.resolve("file"), "x");
    assertTrue(OutputOwnership.check(dir.resolve("file")).isFile());
  }

  @Test
  void removingPublishedOutputsRemovesThemWhole() throws IOException {
    Path out = dir.resolve("out");
    published(out);
    assertEquals(List.of(), OutputOwnership.removeListed(out));
    assertFalse(Files.exists(out));
    Files.createDirectories(dir.resolve("empty"));
    assertEquals(List.of(), OutputOwnership.removeListed(dir.resolve("empty")), "an empty folder (the first run's) goes");
    assertFalse(Files.exists(dir.resolve("empty")));
  }
}
