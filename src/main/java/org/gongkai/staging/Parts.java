package org.gongkai.staging;

import org.gongkai.publish.Publisher;
import org.gongkai.table.CsvCells;
import org.gongkai.table.OutputFile;
import org.gongkai.table.TableSchema;
import org.gongkai.table.TableWriter;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.commons.csv.CSVPrinter;

/**
 * What workers leave in the staging directory for the last step to join, under {@code _parts/}:
 * headerless CSV parts of each table, streams of records each written with its {@link Codec}
 * (汇总表 pieces, report sections and charts), and small Java-serialized values. Part names sort
 * in output order. Everything goes through Beam's FileSystems, so no worker needs a disk shared
 * with another. Part names come from what a part holds (its group, table and batch), so a
 * retried bundle writes the same names; {@code _parts/} is removed once the run is published.
 */
public final class Parts {
  public static final String DIR = "_parts";

  private Parts() {}

  /** {@code csv/<table>.csv}: a UTF-8 BOM (Excel on Chinese Windows needs it), the header, then the table's parts in name order. */
  public static OutputFile joinCsv(TableSchema table, String stagingDir, long rows) throws IOException {
    String rel = "csv/" + table.name() + ".csv";
    TableWriter.Files.CountingChannel channel = TableWriter.Files.create(stagingDir, rel);
    try (OutputStream out = Channels.newOutputStream(channel)) {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      w.write('\uFEFF');
      CSVPrinter header = new CSVPrinter(w, TableWriter.CSV);
      List<String> names = new ArrayList<>();
      table.columns().forEach(c -> names.add(CsvCells.neutralise(c.name())));
      header.printRecord(names);
      header.flush();
      for (ResourceId part : list(stagingDir, "csv/" + table.name() + "/*.csv")) {
        try (ReadableByteChannel in = FileSystems.open(part); InputStream is = Channels.newInputStream(in)) {
          is.transferTo(out);
        }
      }
    }
    return new OutputFile(rel, rows, channel.bytes());
  }

  /** How the values of a {@link RecordSink} are written, for values read back in bulk. */
  public interface Codec<T> {
    void write(DataOutputStream out, T value) throws IOException;

    T read(DataInputStream in) throws IOException;
  }

  /**
   * A stream of values written one at a time with a {@link Codec}: {@code _parts/<kind>/<part>.bin}.
   * The reader gets them back in the same order ({@link #records}), one at a time, so that neither
   * side holds a whole job's pieces.
   */
  public static final class RecordSink<T> implements Closeable {
    private final Codec<T> codec;
    private final DataOutputStream out;

    public RecordSink(String stagingDir, String kind, String part, Codec<T> codec) throws IOException {
      this.codec = codec;
      out = new DataOutputStream(createStream(stagingDir, kind, part));
    }

    public void write(T value) throws IOException {
      out.writeBoolean(true);
      codec.write(out, value);
    }

    @Override
    public void close() throws IOException {
      out.writeBoolean(false); // the end
      out.close();
    }
  }

  /** Reads the values of one {@link RecordSink} in order; {@link #next} gives null at the end. */
  public static final class RecordSource<T> implements Closeable {
    private final ResourceId file;
    private final Codec<T> codec;
    private final DataInputStream in;

    private RecordSource(ResourceId file, Codec<T> codec) throws IOException {
      this.file = file;
      this.codec = codec;
      in = new DataInputStream(openStream(file));
    }

    public T next() throws IOException {
      try {
        return in.readBoolean() ? codec.read(in) : null;
      } catch (EOFException e) {
        throw new IOException("cannot read " + file + ": it ends before its last value", e);
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Sources for every part of a kind written by {@link RecordSink}s, in part-name order; the caller closes them. */
  public static <T> List<RecordSource<T>> records(String stagingDir, String kind, Codec<T> codec) throws IOException {
    List<RecordSource<T>> sources = new ArrayList<>();
    try {
      for (ResourceId part : list(stagingDir, kind + "/*.bin")) {
        sources.add(new RecordSource<>(part, codec));
      }
    } catch (IOException e) {
      closeAll(sources);
      throw e;
    }
    return sources;
  }

  /**
   * The values of every part of a kind written by {@link RecordSink}s that pass a filter, in
   * part-name order, then write order (the others are dropped as they are read).
   */
  public static <T> List<T> readAll(String stagingDir, String kind, Codec<T> codec, Predicate<T> keep)
      throws IOException {
    List<T> values = new ArrayList<>();
    for (ResourceId part : list(stagingDir, kind + "/*.bin")) {
      try (RecordSource<T> source = new RecordSource<>(part, codec)) {
        for (T v = source.next(); v != null; v = source.next()) {
          if (keep.test(v)) {
            values.add(v);
          }
        }
      }
    }
    return values;
  }

  /**
   * One small value, Java-serialized: {@code _parts/<kind>/<part>.bin} (read back by {@link
   * #readAll(String, String, Class)}).
   */
  public static void writeObject(String stagingDir, String kind, String part, Serializable value) throws IOException {
    try (ObjectOutputStream out = new ObjectOutputStream(createStream(stagingDir, kind, part))) {
      out.writeObject(value);
    }
  }

  /** The value of every part of a kind written by {@link #writeObject}, in part-name order. */
  public static <T> List<T> readAll(String stagingDir, String kind, Class<T> type) throws IOException {
    List<T> values = new ArrayList<>();
    for (ResourceId part : list(stagingDir, kind + "/*.bin")) {
      try (ObjectInputStream in = new ObjectInputStream(openStream(part))) {
        values.add(type.cast(in.readObject()));
      } catch (ClassNotFoundException | ClassCastException e) {
        throw new IOException("cannot read " + part + ": " + e.getMessage(), e);
      }
    }
    return values;
  }

  /** A new stream part {@code _parts/<kind>/<part>.bin}, buffered: what records and objects are written to. */
  private static OutputStream createStream(String stagingDir, String kind, String part) throws IOException {
    return OneThreadBuffers.out(Channels.newOutputStream(TableWriter.Files.create(stagingDir, path(kind, part))));
  }

  /** Where a part of a kind is staged, relative to the staging folder: {@code _parts/<kind>/<part>.bin}. */
  public static String path(String kind, String part) {
    return DIR + "/" + kind + "/" + part + ".bin";
  }

  /** A stream part opened for reading, buffered: what records and objects are read from. */
  private static InputStream openStream(ResourceId file) throws IOException {
    return OneThreadBuffers.in(Channels.newInputStream(FileSystems.open(file)));
  }

  /** Closes every source, keeping the first failure. */
  public static void closeAll(List<? extends Closeable> sources) throws IOException {
    IOException failure = null;
    for (Closeable c : sources) {
      try {
        c.close();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** The files of {@code _parts/} matching a glob, in name order. */
  public static List<ResourceId> list(String stagingDir, String glob) throws IOException {
    MatchResult m = FileSystems.match(root(stagingDir) + "/" + DIR + "/" + glob, EmptyMatchTreatment.ALLOW);
    List<ResourceId> ids = new ArrayList<>();
    if (m.status() == MatchResult.Status.OK) {
      m.metadata().forEach(f -> ids.add(f.resourceId()));
    }
    ids.sort(Comparator.comparing(ResourceId::toString));
    return ids;
  }

  private static String root(String dir) {
    return dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
  }
}
