package org.gongkai.publish;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;
import org.apache.beam.sdk.io.FileSystem;
import org.apache.beam.sdk.io.FileSystemRegistrar;
import org.apache.beam.sdk.io.fs.CreateOptions;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * An object store in memory for tests, registered for the scheme {@code mem://} (through
 * {@code META-INF/services}, as Beam finds gs:// and s3://). Like one: no directories, an
 * object appears whole when its writer closes, rename is copy then delete. A test can make the
 * first rename onto a name fail ({@link #failFirstRenameOnto}), as a worker lost just before it
 * committed a file.
 */
public final class MemoryFileSystem extends FileSystem<MemoryFileSystem.Id> {
  public static final String SCHEME = "mem";
  private static final Map<String, byte[]> OBJECTS = new ConcurrentSkipListMap<>();
  private static volatile Pattern failOnce;

  /** Every object whose name starts with {@code prefix}, by name. */
  public static Map<String, byte[]> objects(String prefix) {
    Map<String, byte[]> found = new java.util.TreeMap<>();
    OBJECTS.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        found.put(k, v);
      }
    });
    return found;
  }

  public static void put(String name, byte[] bytes) {
    OBJECTS.put(name, bytes);
  }

  /** The next rename onto a name matching {@code regex} throws, once. */
  public static void failFirstRenameOnto(String regex) {
    failOnce = Pattern.compile(regex);
  }

  @Override
  protected List<MatchResult> match(List<String> specs) {
    List<MatchResult> results = new ArrayList<>();
    for (String spec : specs) {
      Pattern p = Pattern.compile(globToRegex(spec));
      List<MatchResult.Metadata> found = new ArrayList<>();
      OBJECTS.forEach((name, bytes) -> {
        if (p.matcher(name).matches()) {
          found.add(MatchResult.Metadata.builder().setResourceId(new Id(name)).setSizeBytes(bytes.length)
              .setIsReadSeekEfficient(false).setLastModifiedMillis(0).build());
        }
      });
      results.add(found.isEmpty() ? MatchResult.create(MatchResult.Status.NOT_FOUND, new FileNotFoundException(spec))
          : MatchResult.create(MatchResult.Status.OK, found));
    }
    return results;
  }

  private static String globToRegex(String glob) {
    StringBuilder r = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        r.append(".*");
        i++;
      } else if (c == '*') {
        r.append("[^/]*");
      } else if (c == '?') {
        r.append("[^/]");
      } else {
        r.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return r.toString();
  }

  @Override
  protected WritableByteChannel create(Id id, CreateOptions options) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    WritableByteChannel inner = Channels.newChannel(bytes);
    return new WritableByteChannel() {
      private boolean open = true;

      @Override
      public int write(ByteBuffer src) throws IOException {
        return inner.write(src);
      }

      @Override
      public boolean isOpen() {
        return open;
      }

      @Override
      public void close() {
        if (open) {
          open = false;
          OBJECTS.put(id.name, bytes.toByteArray());
        }
      }
    };
  }

  @Override
  protected ReadableByteChannel open(Id id) throws IOException {
    byte[] bytes = OBJECTS.get(id.name);
    if (bytes == null) {
      throw new FileNotFoundException(id.name);
    }
    return Channels.newChannel(new java.io.ByteArrayInputStream(bytes));
  }

  @Override
  protected void copy(List<Id> src, List<Id> dst) throws IOException {
    for (int i = 0; i < src.size(); i++) {
      byte[] bytes = OBJECTS.get(src.get(i).name);
      if (bytes == null) {
        throw new FileNotFoundException(src.get(i).name);
      }
      OBJECTS.put(dst.get(i).name, bytes);
    }
  }

  @Override
  protected void rename(List<Id> src, List<Id> dst, MoveOptions... options) throws IOException {
    for (Id d : dst) {
      Pattern p = failOnce;
      if (p != null && p.matcher(d.name).matches()) {
        failOnce = null;
        throw new IOException("injected: the worker was lost before renaming onto " + d.name);
      }
    }
    copy(src, dst);
    delete(src);
  }

  @Override
  protected void delete(Collection<Id> ids) {
    ids.forEach(id -> OBJECTS.remove(id.name));
  }

  @Override
  protected Id matchNewResource(String spec, boolean isDirectory) {
    return new Id(isDirectory && !spec.endsWith("/") ? spec + "/" : spec);
  }

  @Override
  protected String getScheme() {
    return SCHEME;
  }

  /** A name in the store: {@code mem://bucket/a/b}; one ending in '/' is a directory. */
  public static final class Id implements ResourceId {
    private final String name;

    Id(String name) {
      this.name = name;
    }

    @Override
    public ResourceId resolve(String other, ResolveOptions options) {
      String dir = name.endsWith("/") ? name : name.substring(0, name.lastIndexOf('/') + 1);
      boolean asDir = options == ResolveOptions.StandardResolveOptions.RESOLVE_DIRECTORY;
      return new Id(dir + other + (asDir && !other.endsWith("/") ? "/" : ""));
    }

    @Override
    public ResourceId getCurrentDirectory() {
      return new Id(name.endsWith("/") ? name : name.substring(0, name.lastIndexOf('/') + 1));
    }

    @Override
    public String getScheme() {
      return SCHEME;
    }

    @Override
    public String getFilename() {
      String n = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
      return n.substring(n.lastIndexOf('/') + 1);
    }

    @Override
    public boolean isDirectory() {
      return name.endsWith("/");
    }

    @Override
    public String toString() {
      return name;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Id i && i.name.equals(name);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }

  /** Makes {@code mem://} known to Beam's FileSystems. */
  public static final class Registrar implements FileSystemRegistrar {
    @Override
    public Iterable<FileSystem<?>> fromOptions(PipelineOptions options) {
      return List.of(new MemoryFileSystem());
    }
  }
}
