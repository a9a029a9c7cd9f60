package org.gongkai.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gongkai.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegionResolverTest {
  private final RegionResolver resolver = new RegionResolver(SampleData.gazetteer());

  private String resolved(String region, String... contexts) {
    RegionResolution r = resolver.resolve(region, contexts);
    return assertInstanceOf(RegionResolution.Resolved.class, r, region + " " + r).township().code();
  }

  @ParameterizedTest
  @ValueSource(strings = {"341503111", "341503111000", "３４１５０３１１１", "江家店镇", "江家店", "裕安区江家店镇",
      "六安市裕安区江家店镇", "安徽省六安市裕安区江家店镇", "六安裕安江家店镇", " 江家店镇 "})
  void findsJiangjiadian(String text) {
    assertEquals("341503111", resolved(text));
  }

  @Test
  void nameWithDistrictContext() {
    assertEquals("341522100", resolved("城关镇", "霍邱县"));
    assertEquals("341523100", resolved("城关镇", "舒城县"));
    assertEquals("341523100", resolved("城关镇", "341523"));
    assertEquals("341523100", resolved("舒城县城关镇"));
    assertEquals("341502108", resolved("孙岗", "金安区"));
  }

  /** Remembered answers are the answers: with context or without, and after the memory is full. */
  @Test
  void rememberedAnswersAreTheSameAnswers() {
    RegionResolver fresh = new RegionResolver(SampleData.gazetteer());
    for (int round = 0; round < 2; round++) {
      assertEquals("341522100", ((RegionResolution.Resolved) fresh.resolve("城关镇", "霍邱县")).township().code());
      assertEquals("341523100", ((RegionResolution.Resolved) fresh.resolve("城关镇", "舒城县")).township().code());
      assertEquals("AMBIGUOUS_REGION", ((RegionResolution.Unresolved) fresh.resolve("城关镇")).reasonCode());
      assertEquals("AMBIGUOUS_REGION", ((RegionResolution.Unresolved) fresh.resolve("城关镇", (String) null)).reasonCode());
      for (int i = 0; i <= RegionResolver.MEMO_SIZE; i++) { // fills the memory and empties it once
        fresh.resolve(Integer.toString(100_000_000 + i));
      }
    }
    assertEquals(resolver.resolve("孙岗", "金安区"), fresh.resolve("孙岗", "金安区"));
  }

  @Test
  void ambiguousNameListsCandidates() {
    var u = assertInstanceOf(RegionResolution.Unresolved.class, resolver.resolve("城关镇"));
    assertEquals("AMBIGUOUS_REGION", u.reasonCode());
    assertEquals(2, u.candidates().size());
    assertTrue(u.candidates().get(0).contains("341522100 安徽省六安市霍邱县城关镇"), u.candidates().toString());
    var sungang = assertInstanceOf(RegionResolution.Unresolved.class, resolver.resolve("孙岗"));
    assertEquals("AMBIGUOUS_REGION", sungang.reasonCode(), "孙岗镇 (金安区) and 孙岗乡 (叶集区)");
  }

  @Test
  void unknownAndWrongDistrict() {
    var unknown = assertInstanceOf(RegionResolution.Unresolved.class, resolver.resolve("幸福镇"));
    assertEquals("UNKNOWN_REGION", unknown.reasonCode());
    var elsewhere = assertInstanceOf(RegionResolution.Unresolved.class, resolver.resolve("江家店镇", "金安区"));
    assertEquals("UNKNOWN_REGION", elsewhere.reasonCode());
    assertTrue(elsewhere.candidates().get(0).startsWith("341503111"), "says where the name does exist");
    var code = assertInstanceOf(RegionResolution.Unresolved.class, resolver.resolve("341503999"));
    assertEquals("UNKNOWN_REGION", code.reasonCode());
    var below = assertInstanceOf(RegionResolution.Unresolved.class, resolver.resolve("341503111201"));
    assertEquals("UNKNOWN_REGION", below.reasonCode());
  }

  @Test
  void aDistrictIsItsOwnRegionACityOrProvinceIsNotATownship() {
    assertEquals("341503", assertInstanceOf(RegionResolution.Region.class, resolver.resolve("裕安区")).region().code());
    assertEquals("341503", assertInstanceOf(RegionResolution.Region.class, resolver.resolve("六安市裕安区")).region().code());
    assertEquals("341503", assertInstanceOf(RegionResolution.Region.class, resolver.resolve("341503")).region().code());
    assertEquals("341503", assertInstanceOf(RegionResolution.Region.class, resolver.resolve("341503000000")).region().code());
    var city = assertInstanceOf(RegionResolution.Unresolved.class, resolver.resolve("六安市"));
    assertEquals("NOT_A_TOWNSHIP", city.reasonCode());
    var cityCode = assertInstanceOf(RegionResolution.Unresolved.class, resolver.resolve("3415"));
    assertEquals("NOT_A_TOWNSHIP", cityCode.reasonCode());
  }

  @Test
  void missingRegionUsesAOneTownshipDefault() {
    assertEquals("341503111", resolved(null, "六安市裕安区江家店镇"));
    var none = assertInstanceOf(RegionResolution.Unresolved.class, resolver.resolve("", "裕安区"));
    assertEquals("MISSING_REGION", none.reasonCode());
  }

  @Test
  void anUnknownNameGetsTheNamesOneCharacterOffInItsDistrict() {
    var u = assertInstanceOf(RegionResolution.Unresolved.class, resolver.resolve("江加店镇", "裕安区"));
    assertEquals("UNKNOWN_REGION", u.reasonCode());
    assertEquals(java.util.List.of("江家店镇（341503111）"), u.didYouMean());
    assertEquals("341503111", u.nearest());
    var path = assertInstanceOf(RegionResolution.Unresolved.class, resolver.resolve("裕安区江加店镇"));
    assertEquals("341503111", path.nearest(), "behind its district's name too");
    // without a district, 城官镇 is as near to 城北镇, 城南镇 and both 城关镇: all listed, none chosen
    var tie = assertInstanceOf(RegionResolution.Unresolved.class, resolver.resolve("城官镇"));
    assertEquals(java.util.List.of("城北镇（341502111）", "城南镇（341503106）", "城关镇（341522100）", "城关镇（341523100）"),
        tie.didYouMean());
    assertEquals(null, tie.nearest());
    var within = assertInstanceOf(RegionResolution.Unresolved.class, resolver.resolve("城官镇", "舒城县"));
    assertEquals("341523100", within.nearest(), "the district narrows the candidates");
    var far = assertInstanceOf(RegionResolution.Unresolved.class, resolver.resolve("幸福镇", "裕安区"));
    assertTrue(far.didYouMean().isEmpty(), "two characters off a three-character name is another name: " + far.didYouMean());
  }
}
