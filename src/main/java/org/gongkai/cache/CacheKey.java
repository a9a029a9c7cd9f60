package org.gongkai.cache;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.gongkai.ingest.SourceSpec;

/**
 * The key of a file's reading: the SHA-256 of everything the reading depends on — the file's
 * own SHA-256 and path (provenance names it), every setting of its source (format, encoding,
 * columns, year, region, header options, and name, order and priority, which its records
 * carry), the reading limits, and the run's identity: the build of the readers and the files of
 * the gazetteer its regions are resolved against.
 */
public final class CacheKey {
  private CacheKey() {}

  /**
   * @param identity {@link #identity} of the run
   * @param limits the job's limits that bound reading, as text
   */
  public static String of(String identity, SourceSpec s, String path, String sha256, String limits) {
    Map<String, String> columns = new TreeMap<>(s.columns());
    List<Object> parts = List.of(identity, path, sha256, limits, s.name(), s.order(), s.format(), s.encoding(),
        String.valueOf(s.year()), String.valueOf(s.region()), columns, s.priority(), String.valueOf(s.fileNamePattern()),
        String.valueOf(s.headerRow()), s.workbook().sheets(), String.valueOf(s.workbook().headerRows()));
    StringBuilder text = new StringBuilder();
    for (Object p : parts) {
      String v = String.valueOf(p);
      text.append(v.length()).append(':').append(v).append('\n'); // length-prefixed: no two lists give one text
    }
    return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The key of a group of districts' analysis: the run's identity, the job's settings that shape
   * what a group writes ({@code settings}), the group's name and the SHA-256 of each of its input
   * batches, in any order (batches reach a group in no fixed order; the analysis orders what they
   * hold).
   */
  public static String group(String identity, String settings, String group, List<String> batchDigests) {
    List<String> sorted = new java.util.ArrayList<>(batchDigests);
    java.util.Collections.sort(sorted);
    StringBuilder text = new StringBuilder("group\n");
    for (String v : List.of(identity, settings, group, String.valueOf(sorted.size()))) {
      text.append(v.length()).append(':').append(v).append('\n');
    }
    sorted.forEach(d -> text.append(d).append('\n'));
    return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The run's identity: the readers' build and the gazetteer's files (name and SHA-256 of each). */
  public static String identity(String build, Map<String, byte[]> gazetteerFiles) {
    StringBuilder text = new StringBuilder("build ").append(build).append('\n');
    new TreeMap<>(gazetteerFiles).forEach((name, bytes) -> text.append(name).append(' ').append(sha256(bytes)).append('\n'));
    return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The build Gongkai runs from: each entry's name and CRC of its jar (read from the jar's
   * directory, nothing unpacked), or each class and resource of its classes folder. Any change to
   * a reader, the metric catalog or a library makes another build, and every entry misses.
   */
  public static String build(String version) {
    try {
      Path code = Path.of(CacheKey.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      MessageDigest md = digest();
      md.update(version.getBytes(StandardCharsets.UTF_8));
      if (Files.isDirectory(code)) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(code)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
          md.update(code.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
          try (InputStream in = Files.newInputStream(f)) {
            md.update(in.readAllBytes());
          }
        }
      } else {
        try (ZipFile jar = new ZipFile(code.toFile())) {
          TreeMap<String, Long> crcs = new TreeMap<>();
          for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements();) {
            ZipEntry z = e.nextElement();
            crcs.put(z.getName(), z.getCrc());
          }
          crcs.forEach((name, crc) -> md.update((name + ' ' + crc + '\n').getBytes(StandardCharsets.UTF_8)));
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException | URISyntaxException | RuntimeException e) {
      // an unknown build cannot vouch for old entries: this run's own key, so nothing stale is used
      return "unknown-" + java.util.UUID.randomUUID();
    }
  }

  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** A fresh SHA-256 digest. */
  public static MessageDigest sha256Digest() {
    return digest();
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
