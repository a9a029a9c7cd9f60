package org.gongkai.pipeline;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;
import org.gongkai.output.Parts;
import org.gongkai.pipeline.coders.DistrictBatchCoder;

/**
 * The observations travel from the readers to their group's analysis in files under
 * {@code _parts/shuffle/<group>/}, through Beam's FileSystems; the shuffle itself carries only
 * the file names. The DirectRunner copies a key's whole bag each time a bundle adds to it, so
 * shuffling the observations themselves grew with the square of the bundles; names are tiny.
 * On a cluster the files sit beside the outputs (gs://, hdfs://), so no worker needs another's
 * disk. Names are random: only the set of files a group receives matters, never their order.
 */
final class ShuffleFiles {
  private ShuffleFiles() {}

  static String write(String stagingDir, String group, DistrictBatch batch) throws IOException {
    String name = Parts.DIR + "/shuffle/" + group + "/" + UUID.randomUUID() + ".bin";
    ResourceId id = FileSystems.matchNewResource(stagingDir + "/" + name, false);
    try (OutputStream out = new BufferedOutputStream(Channels.newOutputStream(FileSystems.create(id, MimeTypes.BINARY)),
        1 << 16)) {
      DistrictBatchCoder.of().encode(batch, out);
    }
    return name;
  }

  static DistrictBatch read(String stagingDir, String name) throws IOException {
    ResourceId id = FileSystems.matchNewResource(stagingDir + "/" + name, false);
    try (InputStream in = new BufferedInputStream(Channels.newInputStream(FileSystems.open(id)), 1 << 16)) {
      return DistrictBatchCoder.of().decode(in);
    }
  }
}
