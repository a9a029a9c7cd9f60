package org.gongkai.ingest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** QuickPattern finds exactly what its pattern finds, only faster. */
class QuickPatternTest {
  /** The set as a string, in character order. */
  private static String chars(BitSet b) {
    StringBuilder s = new StringBuilder();
    b.stream().forEach(c -> s.append((char) c));
    return s.toString();
  }

  @Test
  void firstCharacters() {
    assertEquals("主发", chars(QuickPattern.firstChars("主动公开|(?:发布)了?信息")));
    assertEquals("上下", chars(QuickPattern.firstChars("下一?步|上一?年度?结转")));
    assertEquals("0123456789一十", chars(QuickPattern.firstChars("(?<![\\d.,第])\\d+件|(?<!统)[一十]+件")));
    // An optional prefix: its characters and those of what follows.
    assertEquals("0123456789约", chars(QuickPattern.firstChars("(?:约(?=\\d))?\\d+")));
    assertEquals("\t\n\u000B\f\r -第", chars(QuickPattern.firstChars("\\s*-|第\\s*页")));
    assertEquals("其包含", chars(QuickPattern.firstChars("^(?:其中|包括|含)")));
    assertEquals("无未没", chars(QuickPattern.firstChars("(?:未(?:被|有)|没有(?:收到)?|(?<![并])无(?!论))[^,]{0,30}?申请")));
  }

  @Test
  void unknownOrEmptyMatches() {
    assertNull(QuickPattern.firstChars("a?"));
    assertNull(QuickPattern.firstChars("[^,]{0,3}申请"));
    assertNull(QuickPattern.firstChars(".*年"));
    assertNull(QuickPattern.firstChars("\\w+"));
    assertNull(QuickPattern.firstChars("a|"));
    assertNull(QuickPattern.firstChars("(?i)abc"));
    assertThrows(IllegalArgumentException.class, () -> QuickPattern.compile("x*"));
  }

  /** Every pattern of the prose rules, and a few shapes of syntax. */
  private static List<QuickPattern> patterns() {
    List<QuickPattern> out = new ArrayList<>();
    for (ProseRules.Rule r : ProseRules.RULES) {
      out.add(r.keyword());
    }
    for (Object[] z : ProseRules.ZEROS) {
      out.add((QuickPattern) z[1]);
    }
    out.addAll(List.of(ProseRules.COUNT, ProseRules.PLAN, ProseRules.YEAR, ProseRules.RELATIVE_YEAR, ProseRules.COMPARISON,
        ProseRules.PARTS, ProseRules.TOPIC, ProseRules.EACH, ProseRules.NOT_A_FIGURE, ProseRules.ALL_RESPONDED,
        ProseRules.THIS_YEAR, ProseRules.CUMULATIVE_STRONG, ProseRules.UNTIL, ProseRules.HOTLINE, ProseRules.CHANNEL,
        QuickPattern.compile("[a-c]{2,}x|b{0}y?z"), QuickPattern.compile("第\\s*\\d{1,3}\\s*页|[\\s,]x|\\\\"), QuickPattern.compile("(?<n>\\.)\\d+$"), QuickPattern.compile("(?=1)\\d|,")));
    for (TemplateTables.Row r : TemplateTables.APPLICATION_ROWS) {
      out.add(r.label());
    }
    return out;
  }

  private static List<int[]> plain(QuickPattern q, String s) {
    List<int[]> out = new ArrayList<>();
    Matcher m = q.pattern().matcher(s);
    while (m.find()) {
      out.add(new int[] {m.start(), m.end()});
    }
    return out;
  }

  private static List<int[]> quick(QuickPattern q, String s) {
    List<int[]> out = new ArrayList<>();
    Matcher m = q.pattern().matcher(s);
    for (int from = 0; q.find(m, s, from); from = m.end()) {
      out.add(new int[] {m.start(), m.end()});
    }
    return out;
  }

  @Property(tries = 300)
  void sameMatchesAsThePattern(@ForAll("texts") String s) {
    for (QuickPattern q : patterns()) {
      List<int[]> expected = plain(q, s);
      List<int[]> got = quick(q, s);
      assertEquals(expected.size(), got.size(), q.pattern() + " on " + s);
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i)[0], got.get(i)[0], q.pattern() + " on " + s);
        assertEquals(expected.get(i)[1], got.get(i)[1], q.pattern() + " on " + s);
      }
      assertEquals(!expected.isEmpty(), q.find(s));
      assertEquals(expected.isEmpty() ? -1 : expected.get(0)[0], q.indexIn(s));
      assertEquals(q.pattern().matcher(s).matches(), q.matches(s));
      assertEquals(q.pattern().matcher(s).lookingAt(), q.lookingAt(s));
      if (!expected.isEmpty()) {
        String whole = s.substring(expected.get(0)[0], expected.get(0)[1]); // a string that does match
        assertEquals(q.pattern().matcher(whole).matches(), q.matches(whole));
        assertEquals(q.pattern().matcher(whole).lookingAt(), q.lookingAt(whole));
      }
    }
  }

  /** Report words, numerals, digits and separators, so that the rules match often. */
  @Provide
  Arbitrary<String> texts() {
    List<String> words = List.of("主动公开", "政府信息", "发布", "信息", "786条", "1,056件", "约", "大约", "二十九篇", "余", "多", "以上", "龙",
        "第", "统", "政策解读", "未收到", "没有", "无", "并", "申请", "依申请公开", "行政复议", "诉讼", "和", "上一年度", "上年", "结转",
        "去年", "2017年", "二〇一七年", "同比", "增长", "下一步", "计划", "将继续", "累计", "截至", "至今", "本年", "其中", "包括", "各",
        "分别为", "咨询投诉", "热线", "均已", "回复", "办结", "率", "100%", "门户网站", "微信", "其他渠道", "人大代表建议", "政协委员提案",
        "方面", "访问", "栏目", "abc", "x", "y", "z", ".5", ",", ";", "。", "1", "0", "\n", " ", "\t", "\\", "第 3 页", "页", "3其他",
        "其他", "总计", "七总计", "不予公开", "危及");
    Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.of(words), Arbitraries.strings().ofMaxLength(3));
    return word.list().ofMaxSize(40).map(l -> String.join("", l));
  }
}
