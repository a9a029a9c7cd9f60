package org.gongkai.publish;

import org.gongkai.staging.Parts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Atomic publish: a run writes into {@code OUT.staging-RUNID} beside the output directory and
 * only a run that succeeded moves it into place. On a local disk the swap is renames only (the
 * previous outputs move aside, the staging directory takes their name, the previous outputs
 * become {@code OUT.replaced-RUNID}); a run killed between them is repaired by {@link #recover}
 * at the next start. Of replaced outputs, the next run deletes only what their manifest lists
 * ({@link OutputOwnership#removeListed}), on a background thread while
 * it works ({@link #removeReplaced}): deleting a national run's ~33,000 files took 12 s on a
 * disk mounted with {@code discard}, a seventh of the run. On an object store (gs://) there
 * are no directory renames: a run writes under {@code OUT/runs/<run id>/} and publishes by
 * writing {@code OUT/manifest.json} last, naming that folder ({@code run_folder}); then it
 * deletes exactly what the previous manifest listed. A reader that reads the manifest first
 * sees one complete run. In both cases {@code _parts/} is removed only once published.
 */
public final class Publisher {
  public static final String STAGING = ".staging-";
  public static final String PREVIOUS = ".previous-";
  public static final String REPLACED = ".replaced-";
  /** Where the runs of an object-store output live, each in its own folder. */
  public static final String RUNS = "runs/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Publisher() {}

  /** {@code OUT.staging-RUNID} beside a local output directory; {@code OUT/runs/RUNID} on an object store. */
  public static String stagingDir(String outputDir, String runId) {
    return isLocal(outputDir) ? trimSlash(outputDir) + STAGING + runId : trimSlash(outputDir) + "/" + RUNS + runId;
  }

  /** Where a run's outputs are once published: the output directory, or the run's folder on an object store. */
  public static String publishedDir(String outputDir, String runId) {
    return isLocal(outputDir) ? outputDir : stagingDir(outputDir, runId);
  }

  public static void publish(String stagingDir, String outputDir, String runId) throws IOException {
    if (isLocal(outputDir)) {
      Path staging = local(stagingDir);
      Path out = local(outputDir);
      // The parts go aside (a sibling named like staging: recover removes it) and only once
      // the swap is done are they deleted.
      Path parts = staging.resolveSibling(staging.getFileName() + "-parts");
      if (Files.exists(staging.resolve(Parts.DIR), LinkOption.NOFOLLOW_LINKS)) {
        Files.move(staging.resolve(Parts.DIR), parts, StandardCopyOption.ATOMIC_MOVE);
      }
      Path previous = out.resolveSibling(out.getFileName() + PREVIOUS + runId);
      OutputOwnership.Verdict v = OutputOwnership.check(out);
      if (!v.ours()) {
        // Checked before the run too: this catches files added while it ran.
        throw new IOException(out + " now holds files Gongkai did not write (" + String.join(", ", v.foreign())
            + "); nothing was replaced");
      }
      if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
        Files.move(out, previous, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
      if (Files.exists(previous, LinkOption.NOFOLLOW_LINKS)) {
        // Only now may it go: a killed run's .previous- is restored, a .replaced- never.
        Files.move(previous, out.resolveSibling(out.getFileName() + REPLACED + runId), StandardCopyOption.ATOMIC_MOVE);
      }
      deleteTree(parts);
    } else {
      publishToObjectStore(stagingDir, outputDir);
    }
  }

  /** Removes what a run that failed staged (a local staging directory, or the run's folder on an object store). */
  public static void discard(String stagingDir) throws IOException {
    if (isLocal(stagingDir)) {
      deleteTree(local(stagingDir));
      deleteTree(local(stagingDir).resolveSibling(local(stagingDir).getFileName() + "-parts"));
    } else {
      delete(FileSystems.match(trimSlash(stagingDir) + "/**", EmptyMatchTreatment.ALLOW));
    }
  }

  /**
   * Before a run (with the output lock held): finish a swap that a killed run left half done, and
   * remove staging directories of runs that never finished. Local output directories only.
   * Previous outputs moved aside by a killed publish are restored when the output directory is
   * missing (the newest of them), else removed. A staging directory that cannot be removed is
   * left and reported: nothing ever reads it, and every run stages under its own name.
   */
  public static List<String> recover(String outputDir) throws IOException {
    List<String> actions = new ArrayList<>();
    Path out = isLocal(outputDir) ? local(outputDir) : null;
    for (Path p : siblings(outputDir, STAGING)) {
      try {
        deleteTree(p);
        actions.add("removed the staging directory of an unfinished run: " + p);
      } catch (IOException e) {
        actions.add("could not remove the staging directory of an unfinished run, ignored: " + p + " (" + e + ")");
      }
    }
    List<Path> previous = siblings(outputDir, PREVIOUS);
    for (int i = 0; i < previous.size(); i++) {
      Path p = previous.get(i);
      if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS) && i == previous.size() - 1) {
        Files.move(p, out, StandardCopyOption.ATOMIC_MOVE);
        actions.add("restored the previous outputs that an interrupted publish had moved aside: " + out);
      } else {
        List<String> left = OutputOwnership.removeListed(p);
        actions.add(left.isEmpty() ? "removed outputs an interrupted publish had moved aside: " + p
            : "left " + p + ": it holds files Gongkai did not write (" + String.join(", ", left) + ")");
      }
    }
    return actions;
  }

  /**
   * Starts deleting, on a background thread, the outputs that earlier runs replaced ({@code
   * OUT.replaced-*}; local output directories only). Call it with the output lock held, and wait
   * for it ({@link Cleanup#problems}) before releasing the lock.
   */
  public static Cleanup removeReplaced(String outputDir) throws IOException {
    return new Cleanup(siblings(outputDir, REPLACED));
  }

  /**
   * The output directory's siblings named {@code OUT<marker>…}, in name order; none for an
   * object store, or when the parent is missing. Every sibling is filtered by prefix: the
   * output's name is not a glob (out[1], {a}).
   */
  private static List<Path> siblings(String outputDir, String marker) throws IOException {
    List<Path> found = new ArrayList<>();
    if (!isLocal(outputDir)) {
      return found;
    }
    Path out = local(outputDir);
    Path parent = out.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent) || out.getFileName() == null) {
      return found;
    }
    String prefix = out.getFileName() + marker;
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent)) {
      for (Path p : siblings) {
        if (p.getFileName().toString().startsWith(prefix)) {
          found.add(p);
        }
      }
    }
    found.sort(null);
    return found;
  }

  /** The deletion of replaced outputs, running beside the job. */
  public static final class Cleanup implements AutoCloseable {
    private final List<String> problems = new ArrayList<>();
    private final Thread thread;

    private Cleanup(List<Path> dirs) {
      thread = new Thread(() -> {
        for (Path p : dirs) {
          try {
            List<String> left = OutputOwnership.removeListed(p);
            if (!left.isEmpty()) {
              problems.add("left " + p + " in place: it holds files Gongkai did not write (" + String.join(", ", left) + ")");
            }
          } catch (IOException e) {
            problems.add("could not remove the outputs an earlier run replaced, left for the next run: " + p + " (" + e + ")");
          }
        }
      }, "gongkai-remove-replaced");
      thread.setDaemon(true);
      thread.start();
    }

    /** Waits for the deletion to end. */
    @Override
    public void close() {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Waits for the deletion to end; what it could not remove, one line per directory. */
    public List<String> problems() {
      close();
      return List.copyOf(problems);
    }
  }

  /**
   * The run's folder is complete (its own {@code manifest.json} last): the pointer {@code
   * OUT/manifest.json} is written next, a copy of it naming the folder; then what the previous
   * pointer listed goes (its folder's files, or, written by an older Gongkai straight into OUT,
   * the files it listed there), and the run's {@code _parts/}.
   */
  private static void publishToObjectStore(String stagingDir, String outputDir) throws IOException {
    String out = trimSlash(outputDir);
    String folder = trimSlash(stagingDir).substring(out.length() + 1);
    ResourceId pointer = FileSystems.matchNewResource(out + "/manifest.json", false);
    JsonNode previous = readIfPresent(pointer);
    ObjectNode manifest = (ObjectNode) JSON.readTree(readAll(FileSystems.matchNewResource(stagingDir + "/manifest.json", false)));
    manifest.put("run_folder", folder);
    try (OutputStream o = Channels.newOutputStream(FileSystems.create(pointer, MimeTypes.TEXT))) {
      o.write((JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    if (previous != null && !folder.equals(previous.path("run_folder").asText(null))) {
      String base = previous.hasNonNull("run_folder") ? out + "/" + trimSlash(previous.get("run_folder").asText()) : out;
      List<ResourceId> listed = new ArrayList<>();
      for (JsonNode o : previous.path("outputs")) {
        listed.add(FileSystems.matchNewResource(base + "/" + o.path("path").asText(), false));
      }
      if (previous.hasNonNull("run_folder")) {
        listed.add(FileSystems.matchNewResource(base + "/manifest.json", false));
      }
      FileSystems.delete(listed, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
    delete(FileSystems.match(trimSlash(stagingDir) + "/" + Parts.DIR + "/**", EmptyMatchTreatment.ALLOW));
  }

  private static void delete(MatchResult m) throws IOException {
    List<ResourceId> files = new ArrayList<>();
    if (m.status() == MatchResult.Status.OK) {
      m.metadata().forEach(f -> files.add(f.resourceId()));
    }
    FileSystems.delete(files, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  /** The manifest an earlier run published, or null when there is none. */
  private static JsonNode readIfPresent(ResourceId manifest) throws IOException {
    MatchResult m = FileSystems.match(List.of(manifest.toString()), EmptyMatchTreatment.ALLOW).get(0);
    if (m.status() != MatchResult.Status.OK || m.metadata().isEmpty()) {
      return null;
    }
    return JSON.readTree(readAll(manifest));
  }

  private static byte[] readAll(ResourceId file) throws IOException {
    try (InputStream in = Channels.newInputStream(FileSystems.open(file))) {
      return in.readAllBytes();
    }
  }

  public static boolean isLocal(String path) {
    return !path.contains("://") || path.startsWith("file://");
  }

  public static Path local(String path) {
    return Path.of(path.startsWith("file://") ? path.substring("file://".length()) : path);
  }

  private static String trimSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** Deletes a directory tree; symbolic links are removed, never followed. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        if (exc != null) {
          throw exc;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
