package org.gongkai.cache;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * The parse cache: one entry per file reading ({@link FileReadingCodec}), named by its key
 * ({@link CacheKey}), in {@code <folder>/readings/}, and one per group of districts analysed
 * ({@link GroupOutputCodec}) in {@code <folder>/groups/}, through Beam's {@link FileSystems} (a local
 * folder, gs://, hdfs://). An entry is written under a temporary name and renamed into place, so
 * a reader sees a whole entry or none; one that does not decode is a miss, and is rewritten.
 * {@link #trim} keeps the folder within its bound, oldest entries out first (by modification
 * time, which a local hit renews; elsewhere the time it was written).
 *
 * @param folder the cache folder, or null when the cache is off
 * @param maxBytes the bound on the entries' total size
 * @param identity the run's part of every key ({@link CacheKey#identity}: readers' build, gazetteer)
 */
public record ParseCache(String folder, long maxBytes, String identity) implements Serializable {
  static final String ENTRIES = "readings";
  static final String SUFFIX = ".gkpc";
  static final String GROUPS = "groups";
  static final String GROUP_SUFFIX = ".gkgo";
  private static final Pattern ENTRY = Pattern.compile("[0-9a-f]{64}\\.(gkpc|gkgo)");
  private static final Pattern TEMP = Pattern.compile("[0-9a-f]{64}\\.(gkpc|gkgo)\\.tmp-[0-9a-f-]{36}");
  /** A temporary entry older than this was left by a killed worker. */
  private static final long STALE_TEMP_MILLIS = 3_600_000;
  /** What a failed write made the run do instead, each said once per worker. */
  private static final java.util.Set<String> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public static ParseCache off() {
    return new ParseCache(null, 0, null);
  }

  public boolean enabled() {
    return folder != null;
  }

  /** The reading cached under {@code key}, or null (none, or not an intact entry of this key). */
  public FileReading get(String key) {
    return read(entry(key), bytes -> FileReadingCodec.decode(bytes, key));
  }

  /** Stores a reading under {@code key}: written aside, then renamed into place. */
  public void put(String key, FileReading reading) throws IOException {
    write(entry(key), FileReadingCodec.encode(key, reading));
  }

  /** What a group of districts staged, cached under {@code key} ({@link CacheKey#group}), or null. */
  public GroupOutput group(String key) {
    return read(groupEntry(key), bytes -> GroupOutputCodec.decode(bytes, key));
  }

  /** The entry at {@code path} decoded, or null (none, or {@code decode} refused it); a hit renews it. */
  private static <T> T read(String path, java.util.function.Function<byte[], T> decode) {
    byte[] bytes;
    try {
      bytes = readAll(path);
    } catch (IOException missing) {
      return null;
    }
    T value = decode.apply(bytes);
    if (value != null) {
      touch(path);
    }
    return value;
  }

  /** Stores what a group staged under {@code key}: written aside, then renamed into place. */
  public void put(String key, GroupOutput group) throws IOException {
    write(groupEntry(key), GroupOutputCodec.encode(key, group));
  }

  /**
   * Stores an entry by {@code put}; when the folder cannot take it, the run goes on without it,
   * said once per worker ({@code instead}: what the run does then).
   */
  public void putQuietly(IoWrite put, String instead) {
    try {
      put.run();
    } catch (IOException | RuntimeException e) {
      if (WARNED.add(instead)) {
        System.err.println("gongkai: the cache " + folder + " cannot be written (" + e.getMessage() + "); " + instead);
      }
    }
  }

  /** A write into the cache. */
  public interface IoWrite {
    void run() throws IOException;
  }

  private static void write(String path, byte[] bytes) throws IOException {
    ResourceId temp = FileSystems.matchNewResource(path + ".tmp-" + UUID.randomUUID(), false);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(temp, MimeTypes.BINARY))) {
      out.write(bytes);
    }
    FileSystems.rename(List.of(temp), List.of(FileSystems.matchNewResource(path, false)));
  }

  String entry(String key) {
    return folder + "/" + ENTRIES + "/" + key + SUFFIX;
  }

  String groupEntry(String key) {
    return folder + "/" + GROUPS + "/" + key + GROUP_SUFFIX;
  }

  /**
   * Removes the oldest entries until the rest fit in {@code maxBytes}, and temporary files a
   * killed worker left. Only files named as Gongkai names its entries are ever removed.
   *
   * @return how many entries were removed
   */
  public int trim() throws IOException {
    if (!enabled()) {
      return 0;
    }
    List<Entry> entries = new ArrayList<>(list(ENTRIES));
    entries.addAll(list(GROUPS));
    long now = System.currentTimeMillis();
    List<String> remove = new ArrayList<>();
    List<Entry> kept = new ArrayList<>();
    for (Entry e : entries) {
      if (TEMP.matcher(e.name()).matches()) {
        if (now - e.modified() > STALE_TEMP_MILLIS) {
          remove.add(e.path());
        }
      } else if (ENTRY.matcher(e.name()).matches()) {
        kept.add(e);
      }
    }
    kept.sort(Comparator.comparingLong(Entry::modified).reversed().thenComparing(Entry::name));
    long total = 0;
    int removed = 0;
    for (Entry e : kept) {
      total += e.bytes();
      if (total > maxBytes) {
        remove.add(e.path());
        removed++;
      }
    }
    if (!remove.isEmpty()) {
      List<ResourceId> ids = new ArrayList<>();
      for (String p : remove) {
        ids.add(FileSystems.matchNewResource(p, false));
      }
      FileSystems.delete(ids, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
    return removed;
  }

  private record Entry(String path, String name, long bytes, long modified) {}

  private List<Entry> list(String kind) throws IOException {
    String dir = folder + "/" + kind;
    List<Entry> out = new ArrayList<>();
    Path local = local(dir);
    if (local != null) {
      if (!Files.isDirectory(local)) {
        return out;
      }
      try (DirectoryStream<Path> files = Files.newDirectoryStream(local)) {
        for (Path p : files) {
          try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            if (a.isRegularFile()) {
              out.add(new Entry(p.toString(), p.getFileName().toString(), a.size(), a.lastModifiedTime().toMillis()));
            }
          } catch (NoSuchFileException gone) {
            // removed meanwhile
          }
        }
      }
      return out;
    }
    MatchResult r = FileSystems.match(dir + "/*", EmptyMatchTreatment.ALLOW);
    if (r.status() == MatchResult.Status.OK) {
      for (MatchResult.Metadata m : r.metadata()) {
        String name = m.resourceId().getFilename();
        out.add(new Entry(m.resourceId().toString(), name == null ? "" : name, m.sizeBytes(), m.lastModifiedMillis()));
      }
    }
    return out;
  }

  /** A hit renews a local entry's time, so that trimming drops the least recently used first. */
  private static void touch(String path) {
    Path local = local(path);
    if (local != null) {
      try {
        Files.setLastModifiedTime(local, FileTime.fromMillis(System.currentTimeMillis()));
      } catch (IOException e) {
        // a read-only cache still serves; its entries age by write time
      }
    }
  }

  private static byte[] readAll(String path) throws IOException {
    Path local = local(path);
    if (local != null) {
      try {
        return Files.readAllBytes(local);
      } catch (NoSuchFileException e) {
        throw new FileNotFoundException(path);
      }
    }
    ResourceId id = FileSystems.matchSingleFileSpec(path).resourceId();
    try (var in = Channels.newInputStream(FileSystems.open(id))) {
      return in.readAllBytes();
    }
  }

  private static Path local(String path) {
    if (path.startsWith("file://")) {
      return Path.of(path.substring("file://".length()));
    }
    return path.contains("://") ? null : Path.of(path);
  }
}
