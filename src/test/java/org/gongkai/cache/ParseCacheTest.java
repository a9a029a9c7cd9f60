package org.gongkai.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.model.Observation;
import org.gongkai.model.Qualifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCacheTest {
  @TempDir Path tmp;

  private static FileReading reading(int n) {
    List<Object> events = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      events.add(new Observation(2018, "341503101", "hotline_cases", i, Qualifier.EXACT, false, "s", 0, 0, "f.csv",
          "line " + (i + 2), i, String.valueOf(i * 7919 % 1000)));
    }
    return new FileReading(events, new ReadCounts(n, n, 0, n, List.of(), "UTF-8"));
  }

  private static String key(int i) {
    return CacheKey.sha256(("entry " + i).getBytes());
  }

  @Test
  void anEntryIsReadBackAndAForeignOneIsAMiss() throws Exception {
    ParseCache cache = new ParseCache(tmp.toString(), 1 << 20, "id");
    assertNull(cache.get(key(1)), "nothing yet");
    cache.put(key(1), reading(3));
    FileReading back = cache.get(key(1));
    assertNotNull(back);
    assertEquals(reading(3), back);
    Files.copy(Path.of(cache.entry(key(1))), Path.of(cache.entry(key(2))));
    assertNull(cache.get(key(2)), "an entry under another key's name is not that key's");
    try (var s = Files.list(tmp.resolve("readings"))) {
      assertEquals(2, s.count(), "no temporary file is left");
    }
  }

  @Test
  void trimmingDropsTheOldestFirstAndOnlyItsOwnFiles() throws Exception {
    ParseCache probe = new ParseCache(tmp.toString(), Long.MAX_VALUE, "id");
    probe.put(key(0), reading(200));
    long size = Files.size(Path.of(probe.entry(key(0))));
    ParseCache cache = new ParseCache(tmp.toString(), 3 * size + size / 2, "id");
    for (int i = 0; i < 5; i++) {
      cache.put(key(i), reading(200));
      Files.setLastModifiedTime(Path.of(cache.entry(key(i))), FileTime.fromMillis(1_700_000_000_000L + i * 1000L));
    }
    assertNotNull(cache.get(key(0)), "a hit renews the oldest entry");
    Path foreign = tmp.resolve("readings/notes.txt");
    Files.writeString(foreign, "mine");
    Path oldTemp = Path.of(cache.entry(key(9)) + ".tmp-" + java.util.UUID.randomUUID());
    Files.writeString(oldTemp, "half");
    Files.setLastModifiedTime(oldTemp, FileTime.fromMillis(1_000_000_000_000L));
    assertEquals(2, cache.trim());
    assertNotNull(cache.get(key(0)), "renewed, kept");
    assertNull(cache.get(key(1)), "oldest, out");
    assertNull(cache.get(key(2)), "next oldest, out");
    assertNotNull(cache.get(key(3)));
    assertNotNull(cache.get(key(4)));
    assertTrue(Files.exists(foreign), "a file Gongkai did not write stays");
    assertTrue(!Files.exists(oldTemp), "a temporary entry a killed run left goes");
  }

  @Test
  void groupEntriesShareTheBoundWithReadings() throws Exception {
    ParseCache probe = new ParseCache(tmp.toString(), Long.MAX_VALUE, "id");
    probe.put(key(0), reading(200));
    long size = Files.size(Path.of(probe.entry(key(0))));
    ParseCache cache = new ParseCache(tmp.toString(), 2 * size + size / 2, "id");
    GroupOutput group = new GroupOutput(2, List.of(new GroupOutput.StagedFile("_parts/x/g00001.bin",
        new byte[(int) size - 200])), List.of(new GroupOutput.Emitted("34", "_parts/shuffle/regions/34/g00001.bin")));
    cache.put(key(1), group);
    Files.setLastModifiedTime(Path.of(cache.groupEntry(key(1))), FileTime.fromMillis(1_700_000_000_000L));
    Files.setLastModifiedTime(Path.of(cache.entry(key(0))), FileTime.fromMillis(1_700_000_001_000L));
    cache.put(key(2), reading(200));
    assertEquals(group.emitted(), cache.group(key(1)).emitted(), "read back (and renewed)");
    assertNull(cache.group(key(0)), "a reading's key is no group's");
    assertEquals(1, cache.trim());
    assertNotNull(cache.group(key(1)), "renewed by the hit, kept");
    assertNull(cache.get(key(0)), "the oldest, a reading, out");
    assertNotNull(cache.get(key(2)));
  }

  @Test
  void everySettingThatChangesReadingChangesTheKey() {
    SourceSpec s = new SourceSpec("s", 0, SourceSpec.Format.CSV, "a/*.csv", "auto", null, null, Map.of(), 0, null);
    String k = CacheKey.of("id", s, "a/x.csv", "ab", "1,2");
    assertEquals(k, CacheKey.of("id", s, "a/x.csv", "ab", "1,2"), "the same file and settings, the same key");
    assertEquals(k, CacheKey.of("id", new SourceSpec("s", 0, SourceSpec.Format.CSV, "a/*.txt", "auto", null, null, Map.of(),
        0, null), "a/x.csv", "ab", "1,2"), "the glob that found the file is not a setting of its reading");
    List<SourceSpec> others = List.of(
        new SourceSpec("t", 0, SourceSpec.Format.CSV, "a/*.csv", "auto", null, null, Map.of(), 0, null),
        new SourceSpec("s", 1, SourceSpec.Format.CSV, "a/*.csv", "auto", null, null, Map.of(), 0, null),
        new SourceSpec("s", 0, SourceSpec.Format.JSONL, "a/*.csv", "auto", null, null, Map.of(), 0, null),
        new SourceSpec("s", 0, SourceSpec.Format.CSV, "a/*.csv", "gb18030", null, null, Map.of(), 0, null),
        new SourceSpec("s", 0, SourceSpec.Format.CSV, "a/*.csv", "auto", 2018, null, Map.of(), 0, null),
        new SourceSpec("s", 0, SourceSpec.Format.CSV, "a/*.csv", "auto", null, "裕安区", Map.of(), 0, null),
        new SourceSpec("s", 0, SourceSpec.Format.CSV, "a/*.csv", "auto", null, null, Map.of("备注", "ignore"), 0, null),
        new SourceSpec("s", 0, SourceSpec.Format.CSV, "a/*.csv", "auto", null, null, Map.of(), 10, null),
        new SourceSpec("s", 0, SourceSpec.Format.CSV, "a/*.csv", "auto", null, null, Map.of(), 0, "(?<year>\\d{4})"),
        new SourceSpec("s", 0, SourceSpec.Format.CSV, "a/*.csv", "auto", null, null, Map.of(), 0, null, 3),
        new SourceSpec("s", 0, SourceSpec.Format.CSV, "a/*.csv", "auto", null, null, Map.of(), 0, null,
            new SourceSpec.Workbook(List.of("2018"), 2)));
    java.util.Set<String> keys = new java.util.HashSet<>(List.of(k));
    for (SourceSpec o : others) {
      assertTrue(keys.add(CacheKey.of("id", o, "a/x.csv", "ab", "1,2")), "a changed setting misses: " + o);
    }
    assertNotEquals(k, CacheKey.of("id2", s, "a/x.csv", "ab", "1,2"), "another build or gazetteer");
    assertNotEquals(k, CacheKey.of("id", s, "a/y.csv", "ab", "1,2"), "another file");
    assertNotEquals(k, CacheKey.of("id", s, "a/x.csv", "ac", "1,2"), "other content");
    assertNotEquals(k, CacheKey.of("id", s, "a/x.csv", "ab", "1,3"), "other limits");
    assertNotEquals(CacheKey.identity("b", Map.of("gazetteer", new byte[] {1})),
        CacheKey.identity("b", Map.of("gazetteer", new byte[] {2})), "another gazetteer");
  }
}
