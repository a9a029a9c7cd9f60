package org.gongkai.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseNumeralsTest {
  @ParameterizedTest
  @CsvSource({"零,0", "〇,0", "一,1", "九,9", "十,10", "十一,11", "二十,20", "二十九,29", "一百,100", "一百零五,105",
      "一百一十,110", "三百四十五,345", "一千,1000", "一千零五十,1050", "两千三百,2300", "一万,10000", "一万零一,10001",
      "十二万三千四百五十六,123456", "一亿,100000000", "二〇一八,2018", "三三,33"})
  void parses(String s, long v) {
    assertEquals(v, ChineseNumerals.parse(s).orElseThrow(), s);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "百十", "一二百", "abc", "十a", "零百"})
  void rejectsMalformed(String s) {
    assertTrue(ChineseNumerals.parse(s).isEmpty(), s);
  }
}
