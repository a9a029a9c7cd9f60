package org.gongkai.pipeline;

import org.gongkai.staging.DistrictBatch;
import org.gongkai.staging.RegionShares;
import org.gongkai.staging.ShuffleFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.table.OutputFile;
import org.gongkai.staging.RowBatch;
import org.gongkai.table.TablePartWriter;
import org.gongkai.table.Tables;
import org.gongkai.rollup.DistrictShare;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every staging writer, run twice on the same input as a runner's retry of a bundle would run
 * it: the same names, the same bytes, and nothing left under a temporary name.
 */
class StagingRetryTest {
  @TempDir Path tmp;

  @Test
  void eachStagingWriterWritesTheSameFilesWhenRunAgain() throws IOException {
    String staging = tmp.resolve("out.staging-r1").toString();
    Map<String, byte[]> first = writeAll(staging);
    Map<String, byte[]> second = writeAll(staging);
    assertEquals(first.keySet(), second.keySet());
    for (String name : first.keySet()) {
      assertArrayEquals(first.get(name), second.get(name), name);
    }
    assertEquals(List.of(
        "_parts/csv/rejects/00000.csv",
        "_parts/rejects/r00002.bin",
        "_parts/shuffle/facts/1-files-r00002.bin",
        "_parts/shuffle/facts/3-written-g00001.bin",
        "_parts/shuffle/g00001/r00002-000000.bin",
        "_parts/shuffle/g00001/r00002-000001.bin",
        "_parts/shuffle/regions/34/g00001.bin",
        "rejects/part-00000.parquet"), new ArrayList<>(second.keySet()), "names come from what a part holds");
    assertEquals(List.of(), tempFiles(staging), "no attempt is left under a temporary name");
    assertEquals(2, ShuffleFiles.readAllRejects(staging).size(), "a retry replaces, never adds");
  }

  /** What one bundle of each step stages, then every file in staging with its bytes. */
  private static Map<String, byte[]> writeAll(String staging) throws IOException {
    DistrictBatch batch = new DistrictBatch(List.of(), List.of(), List.of());
    ShuffleFiles.write(staging, "g00001", 2, 0, batch);
    ShuffleFiles.write(staging, "g00001", 2, 1, batch);
    ShuffleFiles.writeRegionShares(staging, "34", "g00001", List.of(new RegionShares("3415", List.<DistrictShare>of())));
    ShuffleFiles.writeFacts(staging, "r00002", List.of(new RunFact.FileRead("s", 0, "in/a.csv", 10, "ab",
        new ReadCounts(2, 1, 1, 1, List.of("备注"), "UTF-8"))));
    Object[] row = {"s", "in/a.csv", "line 2", 2018, "x", "NOT_A_COUNT", "不是数"};
    ShuffleFiles.writeRejects(staging, 2, List.of(new RowBatch("rejects", "0000|in/a.csv|000000", List.<Object[]>of(row)),
        new RowBatch("rejects", "0000|in/a.csv|000001", List.<Object[]>of(row))));
    List<OutputFile> written;
    try (TablePartWriter w = new TablePartWriter(Tables.REJECTS, staging, "00000", true, true)) {
      w.write(row);
      w.close();
      written = w.files();
    }
    ShuffleFiles.writeFacts(staging, "g00001", List.of(new RunFact.Written("rejects", written, Map.of())));
    Map<String, byte[]> files = new TreeMap<>();
    Path root = Path.of(staging);
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  private static List<Path> tempFiles(String staging) throws IOException {
    Path tmp = Path.of(staging, "_parts", "tmp");
    if (!Files.exists(tmp)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(tmp)) {
      return s.toList();
    }
  }
}
