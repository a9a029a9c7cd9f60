package org.gongkai.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which files of a local output directory Gongkai wrote: those its {@code manifest.json} lists,
 * and the manifest itself. A run may only write into a directory that is missing, empty or
 * holds nothing else; replacing outputs removes only what the manifest lists. Symbolic links
 * are never followed: a link is never Gongkai's.
 */
public final class OutputOwnership {
  public static final String MANIFEST = "manifest.json";

  private OutputOwnership() {}

  /** How a directory stands: {@code foreign} lists what Gongkai did not write, shallowest first. */
  public record Verdict(boolean isLink, boolean isFile, List<String> foreign) {
    public boolean ours() {
      return !isLink && !isFile && foreign.isEmpty();
    }
  }

  /** Looks at a local output directory (which may be missing). */
  public static Verdict check(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return new Verdict(false, false, List.of());
    }
    if (Files.isSymbolicLink(dir)) {
      return new Verdict(true, false, List.of());
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return new Verdict(false, true, List.of());
    }
    return new Verdict(false, false, foreign(dir, listed(dir)));
  }

  /**
   * The paths (relative, with /) the directory's manifest lists, with the manifest itself; empty
   * when there is no manifest Gongkai wrote (a regular file with its version and outputs).
   */
  public static Set<String> listed(Path dir) {
    Set<String> listed = new HashSet<>();
    Path manifest = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
      return listed;
    }
    JsonNode m;
    try {
      m = new ObjectMapper().readTree(manifest.toFile());
    } catch (IOException e) {
      return listed; // not JSON: not a manifest of Gongkai's
    }
    if (m == null || !m.path("gongkai_version").isTextual() || !m.path("outputs").isArray()) {
      return listed;
    }
    for (JsonNode o : m.path("outputs")) {
      String p = o.path("path").asText("");
      if (!p.isEmpty() && !p.startsWith("/") && !p.contains("..") && !p.contains("\\")) {
        listed.add(p);
      }
    }
    listed.add(MANIFEST);
    return listed;
  }

  /** What under {@code dir} is not in {@code listed}: files, links, and folders that hold no listed file. */
  static List<String> foreign(Path dir, Set<String> listed) throws IOException {
    Set<String> folders = new HashSet<>();
    for (String p : listed) {
      for (int i = p.indexOf('/'); i > 0; i = p.indexOf('/', i + 1)) {
        folders.add(p.substring(0, i));
      }
    }
    List<String> foreign = new ArrayList<>();
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
        if (d.equals(dir)) {
          return FileVisitResult.CONTINUE;
        }
        String rel = relative(dir, d);
        if (folders.contains(rel)) {
          return FileVisitResult.CONTINUE;
        }
        foreign.add(rel + "/");
        return FileVisitResult.SKIP_SUBTREE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
        String rel = relative(dir, f);
        if (!attrs.isRegularFile() || !listed.contains(rel)) {
          foreign.add(rel);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path f, IOException e) {
        foreign.add(relative(dir, f));
        return FileVisitResult.CONTINUE;
      }
    });
    foreign.sort(Comparator.comparingLong((String p) -> p.chars().filter(c -> c == '/').count()
        - (p.endsWith("/") ? 1 : 0)).thenComparing(Comparator.naturalOrder()));
    return List.copyOf(foreign);
  }

  /**
   * Removes a directory of outputs Gongkai replaced: the files its manifest lists, then the
   * folders left empty, the manifest last. Anything else stays, and so does the directory
   * around it; returns what was left (empty when the directory is gone).
   */
  public static List<String> removeListed(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return Files.exists(dir, LinkOption.NOFOLLOW_LINKS) ? List.of(dir.getFileName().toString()) : List.of();
    }
    Set<String> listed = listed(dir);
    for (String p : listed) {
      Path f = dir.resolve(p);
      if (!p.equals(MANIFEST) && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(f);
      }
    }
    removeEmptyFolders(dir);
    List<String> left = foreign(dir, listed); // the listed files are gone: what is found is not Gongkai's
    if (left.isEmpty()) {
      Files.deleteIfExists(dir.resolve(MANIFEST));
      Files.delete(dir);
    }
    return left;
  }

  private static void removeEmptyFolders(Path dir) throws IOException {
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (!d.equals(dir)) {
          try (var entries = Files.list(d)) {
            if (entries.findAny().isEmpty()) {
              Files.delete(d);
            }
          }
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }
}
