package org.gongkai.pipeline;

import org.gongkai.job.InputFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gongkai.ingest.SourceSpec;
import org.junit.jupiter.api.Test;

class ReadGroupsTest {
  private static final SourceSpec SOURCE = new SourceSpec("reports", 0, SourceSpec.Format.REPORT, "r/*.txt", "auto",
      null, null, Map.of(), 0, null);

  private static List<InputFile> files(long... sizes) {
    List<InputFile> out = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      out.add(new InputFile(SOURCE, String.format("r/%03d.txt", i), sizes[i]));
    }
    return out;
  }

  private static long bytes(List<InputFile> group) {
    return group.stream().mapToLong(InputFile::sizeBytes).sum();
  }

  @Test
  void everyFileIsInExactlyOneGroupInListOrder() {
    Random r = new Random(5);
    long[] sizes = new long[500];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = 1 + r.nextInt(100_000);
    }
    List<InputFile> files = files(sizes);
    List<List<InputFile>> groups = ReadGroups.of(files, 16).stream().map(ReadGroups.Group::files)
        .map(g -> (List<InputFile>) g).toList();
    assertEquals(16, groups.size());
    List<InputFile> all = new ArrayList<>();
    for (List<InputFile> g : groups) {
      List<InputFile> sorted = new ArrayList<>(g);
      sorted.sort(Comparator.comparing(InputFile::path));
      assertEquals(sorted, g, "a group keeps the list's order");
      all.addAll(g);
    }
    all.sort(Comparator.comparing(InputFile::path));
    assertEquals(files, all);
    // largest first to the lightest group: no group exceeds another by more than the largest file
    long max = groups.stream().mapToLong(ReadGroupsTest::bytes).max().orElseThrow();
    long min = groups.stream().mapToLong(ReadGroupsTest::bytes).min().orElseThrow();
    assertTrue(max - min <= 100_000, max + " vs " + min);
    assertEquals(ReadGroups.of(files, 16), ReadGroups.of(new ArrayList<>(files), 16), "the same list gives the same groups");
  }

  @Test
  void oneLargeFileHasAGroupOfItsOwn() {
    List<ReadGroups.Group> groups = ReadGroups.of(files(10, 10, 1000, 10, 10), 2);
    assertEquals(List.of("r/002.txt"), groups.get(0).files().stream().map(InputFile::path).toList());
    assertEquals(4, groups.get(1).files().size());
  }

  @Test
  void fewerFilesThanGroupsGiveOneGroupEach() {
    assertEquals(3, ReadGroups.of(files(0, 0, 0), 16).size());
    assertTrue(ReadGroups.of(List.of(), 16).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> ReadGroups.of(files(1), 0));
  }
}
