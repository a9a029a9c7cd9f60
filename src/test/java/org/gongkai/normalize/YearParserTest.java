package org.gongkai.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YearParserTest {
  @ParameterizedTest
  @ValueSource(strings = {"2018", "2018年", "2018年度", " 2018 ", "２０１８", "二〇一八年", "2018.0"})
  void years(String s) {
    assertEquals(2018, YearParser.parse(s).orElseThrow(), s);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "20l8", "18", "1899", "3000", "2018-01", "去年"})
  void notYears(String s) {
    assertTrue(YearParser.parse(s).isEmpty(), s);
  }
}
