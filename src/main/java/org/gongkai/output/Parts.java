package org.gongkai.output;

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
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * What workers leave in the staging directory for the last step to join, under {@code _parts/}:
 * headerless CSV parts of each table, and serialized pieces (wide-table pieces, report
 * sections). Part names sort in output order. Everything goes through Beam's FileSystems, so
 * no worker needs a disk shared with another; {@code _parts/} is removed before publishing.
 */
public final class Parts {
  public static final String DIR = "_parts";

  private Parts() {}

  /** {@code csv/<table>.csv}: the header, then the table's parts in name order. */
  public static OutputFile joinCsv(TableSchema table, String stagingDir, long rows) throws IOException {
    String rel = "csv/" + table.name() + ".csv";
    TableWriter.Files.CountingChannel channel = TableWriter.Files.create(stagingDir, rel);
    try (OutputStream out = Channels.newOutputStream(channel)) {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      CSVPrinter header = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
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

  /** A serialized piece: {@code _parts/<kind>/<part>.bin}. */
  public static void writeObject(String stagingDir, String kind, String part, Serializable value) throws IOException {
    try (ObjectOutputStream out = new ObjectOutputStream(new java.io.BufferedOutputStream(
        Channels.newOutputStream(TableWriter.Files.create(stagingDir, DIR + "/" + kind + "/" + part + ".bin")), 1 << 16))) {
      out.writeObject(value);
    }
  }

  /** Every piece of a kind, in part-name order. */
  public static <T> List<T> readObjects(String stagingDir, String kind, Class<T> type) throws IOException {
    List<T> values = new ArrayList<>();
    for (ResourceId part : list(stagingDir, kind + "/*.bin")) {
      try (ReadableByteChannel in = FileSystems.open(part);
          ObjectInputStream is = new ObjectInputStream(new java.io.BufferedInputStream(Channels.newInputStream(in), 1 << 16))) {
        values.add(type.cast(is.readObject()));
      } catch (ClassNotFoundException e) {
        throw new IOException("cannot read " + part + ": " + e.getMessage(), e);
      }
    }
    return values;
  }

  /** Removes {@code _parts/}: nothing of it is published. */
  public static void delete(String stagingDir) throws IOException {
    MatchResult m = FileSystems.match(root(stagingDir) + "/" + DIR + "/**", EmptyMatchTreatment.ALLOW);
    List<ResourceId> files = new ArrayList<>();
    if (m.status() == MatchResult.Status.OK) {
      m.metadata().forEach(f -> files.add(f.resourceId()));
    }
    FileSystems.delete(files, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    if (Publisher.isLocal(stagingDir)) {
      Publisher.deleteTree(Publisher.local(root(stagingDir)).resolve(DIR));
    }
  }

  private static List<ResourceId> list(String stagingDir, String glob) throws IOException {
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
