package org.gongkai.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The table paths of Text.key and Text.nfkc give what the normaliser gives, whatever the text. */
class TextTest {
  @Test
  void everySingleCharacter() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      String s = String.valueOf(c);
      assertEquals(Text.normalizedKey(s), Text.key(s), () -> "U+" + Integer.toHexString(s.charAt(0)));
      assertEquals(Text.normalizedNfkc(s), Text.nfkc(s), () -> "U+" + Integer.toHexString(s.charAt(0)));
    }
  }

  @Test
  void examples() {
    assertEquals("政策解读条", Text.key("政策 解读（条）"));
    assertEquals("政策解读条", Text.key("政策解读(条)"));
    assertEquals("abc1", Text.key("A b\tC、1。"));
    assertEquals("", Text.key(null));
  }

  @Property(tries = 1000)
  void sameKeyAsTheNormaliser(@ForAll("texts") String s) {
    assertEquals(Text.normalizedKey(s), Text.key(s));
    assertEquals(Text.normalizedNfkc(s), Text.nfkc(s));
  }

  /** Table characters mixed with those that decompose or compose (é, e + U+0301, か + U+3099, ℡, ①, …). */
  @Provide
  Arbitrary<String> texts() {
    List<String> pieces = List.of("政府", "信息", "A", "z", "1", " ", "\t", "\n", "\u0000", "、", "。", "“", "”", "《", "》", "·", "—",
        "…", "（", "，", "\u3000", "\u00A0", "é", "e", "\u0301", "か", "\u3099", "℡", "①", "ＡＢ", "\uFEFF", "İ", "Σ", "鎮", "\uF900",
        "\uD840\uDC00", "ㄱ", "\u1161");
    return Arbitraries.oneOf(Arbitraries.of(pieces), Arbitraries.strings().ofMaxLength(3)).list().ofMaxSize(30).map(l -> String.join("", l));
  }
}
