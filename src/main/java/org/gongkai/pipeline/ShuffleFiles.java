package org.gongkai.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;
import org.gongkai.output.OneThreadBuffers;
import org.gongkai.output.Parts;
import org.gongkai.pipeline.coders.DistrictBatchCoder;
import org.gongkai.pipeline.coders.RegionPartsCoder;

/**
 * What crosses a shuffle travels in files under {@code _parts/shuffle/}, through Beam's
 * FileSystems; the shuffle itself carries only the file names. The DirectRunner copies a key's
 * whole bag each time a bundle adds to it, so shuffling the data itself grew with the square of
 * the bundles; names are tiny. On a cluster the files sit beside the outputs (gs://, hdfs://),
 * so no worker needs another's disk. Observations ({@code shuffle/<group>/}) go under random
 * names: only the set of files a group receives matters, never their order. Region parts
 * ({@code shuffle/regions/<province>/<group>.bin}) are named by their group, so a retried
 * bundle writes the same file again. Facts ({@code shuffle/facts/}) are gathered per bundle.
 */
final class ShuffleFiles {
  private static final Coder<List<RegionParts>> REGION_PARTS = ListCoder.of(RegionPartsCoder.of());
  private static final Coder<RunFact> FACTS = SerializableCoder.of(RunFact.class);

  private ShuffleFiles() {}

  static String write(String stagingDir, String group, DistrictBatch batch) throws IOException {
    return write(stagingDir, group + "/" + UUID.randomUUID(), DistrictBatchCoder.of(), batch);
  }

  static DistrictBatch read(String stagingDir, String name) throws IOException {
    return read(stagingDir, name, DistrictBatchCoder.of());
  }

  static String writeRegionParts(String stagingDir, String province, String group, List<RegionParts> parts)
      throws IOException {
    return write(stagingDir, "regions/" + province + "/" + group, REGION_PARTS, parts);
  }

  static List<RegionParts> readRegionParts(String stagingDir, String name) throws IOException {
    return read(stagingDir, name, REGION_PARTS);
  }

  /**
   * Facts of one kind that a bundle gathered, as one {@link RunFact.Gathered} ({@code
   * shuffle/facts/<random>.bin}, like observations).
   */
  static RunFact.Stored writeFacts(String stagingDir, List<RunFact> facts) throws IOException {
    RunFact.Gathered gathered = new RunFact.Gathered(RunFact.kind(facts.get(0)), facts);
    return new RunFact.Stored(gathered.kind(), write(stagingDir, "facts/" + UUID.randomUUID(), FACTS, gathered));
  }

  static RunFact.Gathered readFacts(String stagingDir, RunFact.Stored stored) throws IOException {
    return (RunFact.Gathered) read(stagingDir, stored.file(), FACTS);
  }

  private static <T> String write(String stagingDir, String file, Coder<T> coder, T value) throws IOException {
    String name = Parts.DIR + "/shuffle/" + file + ".bin";
    ResourceId id = FileSystems.matchNewResource(stagingDir + "/" + name, false);
    try (OutputStream out = OneThreadBuffers.out(Channels.newOutputStream(FileSystems.create(id, MimeTypes.BINARY)))) {
      coder.encode(value, out);
    }
    return name;
  }

  private static <T> T read(String stagingDir, String name, Coder<T> coder) throws IOException {
    ResourceId id = FileSystems.matchNewResource(stagingDir + "/" + name, false);
    try (InputStream in = OneThreadBuffers.in(Channels.newInputStream(FileSystems.open(id)))) {
      return coder.decode(in);
    }
  }
}
