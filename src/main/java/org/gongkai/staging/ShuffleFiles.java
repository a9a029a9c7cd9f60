package org.gongkai.staging;

import org.gongkai.pipeline.RunFact;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.gongkai.staging.OneThreadBuffers;
import org.gongkai.staging.Parts;
import org.gongkai.staging.RowBatch;
import org.gongkai.staging.RowBatchCoder;
import org.gongkai.table.TableWriter;
import org.gongkai.staging.DistrictBatchCoder;
import org.gongkai.staging.RegionSharesCoder;

/**
 * What crosses a shuffle travels in files under {@code _parts/shuffle/}, through Beam's
 * FileSystems; the shuffle itself carries only the file names. The DirectRunner copies a key's
 * whole bag each time a bundle adds to it, so shuffling the data itself grew with the square of
 * the bundles; names are tiny. On a cluster the files sit beside the outputs (gs://, hdfs://),
 * so no worker needs another's disk. Every name comes from what the file holds, so a retried
 * bundle writes the same files again (each under a temporary name first, see {@link
 * TableWriter.Files}): observations {@code shuffle/<group>/r<read group>-<batch>.bin}, region
 * parts {@code shuffle/regions/<province>/<group>.bin}, facts {@code shuffle/facts/<kind>-<of
 * what>.bin} (read back by listing them after the run), rejects {@code rejects/r<read group>.bin}.
 */
public final class ShuffleFiles {
  private static final Coder<List<RegionShares>> REGION_SHARES = ListCoder.of(RegionSharesCoder.of());
  private static final Coder<RunFact> FACTS = SerializableCoder.of(RunFact.class);
  private static final Coder<List<RowBatch>> REJECTS = ListCoder.of(RowBatchCoder.of());

  private ShuffleFiles() {}

  /** A batch of observations of a group of districts, the {@code batch}-th that read group {@code readGroup} wrote. */
  public static String write(String stagingDir, String group, int readGroup, int batch, DistrictBatch batchOf)
      throws IOException {
    return write(stagingDir, "shuffle/" + group + "/" + String.format("r%05d-%06d", readGroup, batch),
        DistrictBatchCoder.of(), batchOf);
  }

  public static DistrictBatch read(String stagingDir, String name) throws IOException {
    return read(stagingDir, name, DistrictBatchCoder.of());
  }

  /** A batch, its file's bytes also fed to {@code digest} (a group's cache key is made of its batches' digests). */
  public static DistrictBatch read(String stagingDir, String name, java.security.MessageDigest digest) throws IOException {
    ResourceId id = FileSystems.matchNewResource(stagingDir + "/" + name, false);
    try (InputStream in = OneThreadBuffers.in(new java.security.DigestInputStream(
        Channels.newInputStream(FileSystems.open(id)), digest))) {
      DistrictBatch b = DistrictBatchCoder.of().decode(in);
      in.transferTo(java.io.OutputStream.nullOutputStream()); // every byte counts, even any the coder left
      return b;
    }
  }

  /** A staged file's bytes ({@code name} relative to the staging folder). */
  public static byte[] readBytes(String stagingDir, String name) throws IOException {
    ResourceId id = FileSystems.matchNewResource(stagingDir + "/" + name, false);
    try (InputStream in = Channels.newInputStream(FileSystems.open(id))) {
      return in.readAllBytes();
    }
  }

  /** Puts a file into staging under {@code name}: written aside, then renamed into place. */
  public static void writeBytes(String stagingDir, String name, byte[] bytes) throws IOException {
    try (java.io.OutputStream out = Channels.newOutputStream(TableWriter.Files.create(stagingDir, name))) {
      out.write(bytes);
    }
  }

  public static String writeRegionShares(String stagingDir, String province, String group, List<RegionShares> parts)
      throws IOException {
    return write(stagingDir, "shuffle/regions/" + province + "/" + group, REGION_SHARES, parts);
  }

  public static List<RegionShares> readRegionShares(String stagingDir, String name) throws IOException {
    return read(stagingDir, name, REGION_SHARES);
  }

  /** Facts of one kind about one read group, district group or province ({@code of}), as one {@link RunFact.Gathered}. */
  public static String writeFacts(String stagingDir, String of, List<RunFact> facts) throws IOException {
    String kind = RunFact.kind(facts.get(0));
    return write(stagingDir, "shuffle/facts/" + kind + "-" + of, FACTS, new RunFact.Gathered(kind, facts));
  }

  /** Every fact the run staged, in file-name order. */
  public static List<RunFact> readAllFacts(String stagingDir) throws IOException {
    List<RunFact> all = new ArrayList<>();
    for (ResourceId f : Parts.list(stagingDir, "shuffle/facts/*.bin")) {
      all.addAll(((RunFact.Gathered) read(f, FACTS)).facts());
    }
    return all;
  }

  /** The reject rows of one read group, in batches keyed by source order, file and chunk. */
  public static String writeRejects(String stagingDir, int readGroup, List<RowBatch> batches) throws IOException {
    return write(stagingDir, String.format("rejects/r%05d", readGroup), REJECTS, batches);
  }

  /** The reject batches of every read group, in file-name order. */
  public static List<RowBatch> readAllRejects(String stagingDir) throws IOException {
    List<RowBatch> all = new ArrayList<>();
    for (ResourceId f : Parts.list(stagingDir, "rejects/*.bin")) {
      all.addAll(read(f, REJECTS));
    }
    return all;
  }

  private static <T> String write(String stagingDir, String file, Coder<T> coder, T value) throws IOException {
    String name = Parts.DIR + "/" + file + ".bin";
    TableWriter.Files.CountingChannel channel = TableWriter.Files.create(stagingDir, name);
    try (OutputStream out = OneThreadBuffers.out(Channels.newOutputStream(channel))) {
      try {
        coder.encode(value, out);
      } catch (IOException | RuntimeException e) {
        channel.abandon();
        throw e;
      }
    }
    return name;
  }

  private static <T> T read(String stagingDir, String name, Coder<T> coder) throws IOException {
    return read(FileSystems.matchNewResource(stagingDir + "/" + name, false), coder);
  }

  private static <T> T read(ResourceId id, Coder<T> coder) throws IOException {
    try (InputStream in = OneThreadBuffers.in(Channels.newInputStream(FileSystems.open(id)))) {
      return coder.decode(in);
    }
  }
}
