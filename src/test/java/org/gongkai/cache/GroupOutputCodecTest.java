package org.gongkai.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class GroupOutputCodecTest {
  private static final String KEY = "a".repeat(64);

  @Property(tries = 200)
  void whatIsEncodedIsDecoded(@ForAll("groups") GroupOutput group) {
    GroupOutput back = GroupOutputCodec.decode(GroupOutputCodec.encode(KEY, group), KEY);
    assertNotNull(back);
    assertEquals(group.districts(), back.districts());
    assertEquals(group.emitted(), back.emitted());
    assertEquals(group.files().size(), back.files().size());
    for (int i = 0; i < group.files().size(); i++) {
      assertEquals(group.files().get(i).path(), back.files().get(i).path());
      assertArrayEquals(group.files().get(i).bytes(), back.files().get(i).bytes());
    }
  }

  @Property(tries = 200)
  void anyFlippedByteOrCutOrOtherKeyIsNoEntry(@ForAll("groups") GroupOutput group, @ForAll java.util.Random random) {
    byte[] entry = GroupOutputCodec.encode(KEY, group);
    byte[] flipped = entry.clone();
    flipped[random.nextInt(flipped.length)] ^= (byte) (1 + random.nextInt(255));
    assertNull(GroupOutputCodec.decode(flipped, KEY), "a flipped byte");
    assertNull(GroupOutputCodec.decode(Arrays.copyOf(entry, random.nextInt(entry.length)), KEY), "a cut entry");
    assertNull(GroupOutputCodec.decode(entry, "b".repeat(64)), "another key's entry");
    assertNull(GroupOutputCodec.decode(FileReadingCodec.MAGIC, KEY), "a reading's magic alone");
  }

  @Provide
  Arbitrary<GroupOutput> groups() {
    Arbitrary<String> path = Arbitraries.strings().withCharRange('a', 'z').withChars('/', '=', '汇').ofMinLength(1)
        .ofMaxLength(40);
    Arbitrary<GroupOutput.StagedFile> file = Combinators.combine(path,
        Arbitraries.bytes().array(byte[].class).ofMaxSize(300)).as(GroupOutput.StagedFile::new);
    Arbitrary<GroupOutput.Emitted> emitted = Combinators.combine(Arbitraries.strings().numeric().ofLength(2), path)
        .as(GroupOutput.Emitted::new);
    return Combinators.combine(Arbitraries.integers().between(0, 500), file.list().ofMaxSize(8),
        emitted.list().ofMaxSize(5)).as((n, f, e) -> new GroupOutput(n, List.copyOf(f), List.copyOf(e)));
  }
}
