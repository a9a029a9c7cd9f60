package org.gongkai.publish;

import org.gongkai.staging.Parts;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Publishing to an object store (a {@link MemoryFileSystem} under {@code mem://}): each run in
 * its own folder {@code runs/<id>/}, the pointer {@code manifest.json} written last; then what
 * the previous pointer listed goes, so a partition that a run no longer has is not read, and
 * the run's {@code _parts/} goes too.
 */
class ObjectStorePublishTest {
  private static final String OUT = "mem://bucket-publish/out";

  @BeforeAll
  static void register() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
  }

  @Test
  void eachRunIsReadThroughThePointerAndTheOneBeforeIsRemoved() throws IOException {
    String a = Publisher.stagingDir(OUT, "20260101T000000Z-aaaa");
    assertEquals(OUT + "/runs/20260101T000000Z-aaaa", a);
    stage(a, List.of("rollup/year=2017/part-g00000.parquet", "rollup/year=2018/part-g00000.parquet", "csv/rollup.csv"));
    Publisher.publish(a, OUT, "20260101T000000Z-aaaa");
    JsonNode pointer = pointer();
    assertEquals("runs/20260101T000000Z-aaaa", pointer.get("run_folder").asText());
    assertEquals(List.of("csv/rollup.csv", "rollup/year=2017/part-g00000.parquet", "rollup/year=2018/part-g00000.parquet"),
        listed(pointer));
    assertEquals(List.of("manifest.json", "runs/20260101T000000Z-aaaa/csv/rollup.csv",
        "runs/20260101T000000Z-aaaa/manifest.json", "runs/20260101T000000Z-aaaa/rollup/year=2017/part-g00000.parquet",
        "runs/20260101T000000Z-aaaa/rollup/year=2018/part-g00000.parquet"), names(), "the parts are gone once published");

    // The next run has no 2017 any more: its partition must not stay to be read.
    String b = Publisher.stagingDir(OUT, "20260102T000000Z-bbbb");
    stage(b, List.of("rollup/year=2018/part-g00000.parquet", "csv/rollup.csv"));
    assertEquals("runs/20260101T000000Z-aaaa", pointer().get("run_folder").asText(), "until published, readers see run a");
    Publisher.publish(b, OUT, "20260102T000000Z-bbbb");
    assertEquals("runs/20260102T000000Z-bbbb", pointer().get("run_folder").asText());
    assertEquals(List.of("manifest.json", "runs/20260102T000000Z-bbbb/csv/rollup.csv",
        "runs/20260102T000000Z-bbbb/manifest.json", "runs/20260102T000000Z-bbbb/rollup/year=2018/part-g00000.parquet"),
        names(), "exactly what run a's manifest listed went");
    assertEquals("b rollup/year=2018/part-g00000.parquet",
        new String(MemoryFileSystem.objects(OUT + "/runs/20260102T000000Z-bbbb/rollup/").values().iterator().next(), UTF_8));
  }

  @Test
  void filesAnOlderGongkaiCopiedIntoTheOutputAreRemovedAsItsManifestListedThem() throws IOException {
    String out = "mem://bucket-legacy/out";
    MemoryFileSystem.put(out + "/manifest.json", "{\"outputs\":[{\"path\":\"rollup/year=2016/part-0.parquet\"}]}".getBytes(UTF_8));
    MemoryFileSystem.put(out + "/rollup/year=2016/part-0.parquet", new byte[] {1});
    MemoryFileSystem.put(out + "/notes.txt", new byte[] {2});
    String c = Publisher.stagingDir(out, "c");
    stage(c, List.of("rollup/year=2018/part-g00000.parquet"));
    Publisher.publish(c, out, "c");
    assertEquals(List.of(out + "/manifest.json", out + "/notes.txt", out + "/runs/c/manifest.json",
        out + "/runs/c/rollup/year=2018/part-g00000.parquet"), new ArrayList<>(MemoryFileSystem.objects(out + "/").keySet()),
        "what the old manifest did not list is not Gongkai's: it stays");
  }

  @Test
  void aRunThatFailsLeavesNothingOfItsFolder() throws IOException {
    String d = Publisher.stagingDir("mem://bucket-failed/out", "d");
    stage(d, List.of("rollup/year=2018/part-g00000.parquet"));
    Publisher.discard(d);
    assertEquals(Map.of(), MemoryFileSystem.objects("mem://bucket-failed/"));
  }

  /** A run's folder as the pipeline and the publish leave it: outputs, a part, and its manifest last. */
  private static void stage(String dir, List<String> outputs) throws IOException {
    String run = dir.substring(dir.lastIndexOf('/') + 1);
    StringBuilder json = new StringBuilder("{\"run\":\"" + run + "\",\"outputs\":[");
    for (int i = 0; i < outputs.size(); i++) {
      MemoryFileSystem.put(dir + "/" + outputs.get(i), (run.substring(run.length() - 1) + " " + outputs.get(i)).getBytes(UTF_8));
      json.append(i == 0 ? "" : ",").append("{\"path\":\"").append(outputs.get(i)).append("\"}");
    }
    MemoryFileSystem.put(dir + "/" + Parts.DIR + "/csv/rollup/g00000.csv", new byte[] {3});
    MemoryFileSystem.put(dir + "/manifest.json", json.append("]}").toString().getBytes(UTF_8));
  }

  private static JsonNode pointer() throws IOException {
    return new ObjectMapper().readTree(MemoryFileSystem.objects(OUT + "/manifest.json").get(OUT + "/manifest.json"));
  }

  private static List<String> listed(JsonNode manifest) {
    List<String> paths = new ArrayList<>();
    manifest.path("outputs").forEach(o -> paths.add(o.path("path").asText()));
    paths.sort(null);
    return paths;
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>();
    MemoryFileSystem.objects(OUT + "/").keySet().forEach(k -> names.add(k.substring(OUT.length() + 1)));
    assertTrue(names.stream().noneMatch(n -> n.contains("_parts")), names.toString());
    return names;
  }
}
