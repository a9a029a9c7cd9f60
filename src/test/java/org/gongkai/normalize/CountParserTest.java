package org.gongkai.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.gongkai.model.Qualifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountParserTest {

  @ParameterizedTest(name = "{0} → {1} {2}")
  @CsvSource(delimiter = '|', textBlock = """
      0            | 0     | EXACT
      79           | 79    | EXACT
      786          | 786   | EXACT
      ' 56 条 '    | 56    | EXACT
      1,234        | 1234  | EXACT
      '1,234,567'  | 1234567 | EXACT
      1 000        | 1000  | EXACT
      ７９         | 79    | EXACT
      ７９件       | 79    | EXACT
      １，２３４   | 1234  | EXACT
      二十九       | 29    | EXACT
      一百零五     | 105   | EXACT
      十二         | 12    | EXACT
      两千         | 2000  | EXACT
      三万二千     | 32000 | EXACT
      一千零一     | 1001  | EXACT
      十万         | 100000 | EXACT
      壹佰贰拾     | 120   | EXACT
      1.2万        | 12000 | EXACT
      3万          | 30000 | EXACT
      4条          | 4     | EXACT
      4件          | 4     | EXACT
      4项          | 4     | EXACT
      4次          | 4     | EXACT
      4个          | 4     | EXACT
      4篇          | 4     | EXACT
      4份          | 4     | EXACT
      4起          | 4     | EXACT
      4宗          | 4     | EXACT
      4人次        | 4     | EXACT
      共79条       | 79    | EXACT
      1000余条     | 1000  | LOWER_BOUND
      1000余       | 1000  | LOWER_BOUND
      30多条       | 30    | LOWER_BOUND
      三十多       | 30    | LOWER_BOUND
      100条以上    | 100   | LOWER_BOUND
      超过200件    | 200   | LOWER_BOUND
      逾千条       | 1000  | LOWER_BOUND
      1000+        | 1000  | LOWER_BOUND
      约50条       | 50    | APPROXIMATE
      大约50       | 50    | APPROXIMATE
      50条左右     | 50    | APPROXIMATE
      近百条       | 100   | APPROXIMATE
      约1000余条   | 1000  | APPROXIMATE
      无           | 0     | EXACT
      未发生       | 0     | EXACT
      没有         | 0     | EXACT
      零           | 0     | EXACT
      0件          | 0     | EXACT
      """)
  void counts(String raw, long value, Qualifier qualifier) {
    CountResult r = CountParser.parse(raw);
    CountResult.Count c = assertInstanceOf(CountResult.Count.class, r, raw);
    assertEquals(value, c.value(), raw);
    assertEquals(qualifier, c.qualifier(), raw);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "-", "—", "——", "/", "N/A", "n/a", "NA", "　"})
  void missingIsNeverZero(String raw) {
    assertInstanceOf(CountResult.Missing.class, CountParser.parse(raw), "'" + raw + "'");
  }

  @org.junit.jupiter.api.Test
  void nullIsMissing() {
    assertInstanceOf(CountResult.Missing.class, CountParser.parse(null));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      -3                       | NEGATIVE_COUNT
      −3                       | NEGATIVE_COUNT
      1.5                      | FRACTIONAL_COUNT
      0.5万条                  | EXACT_OK
      若干                     | VAGUE_COUNT
      大量                     | VAGUE_COUNT
      不详                     | VAGUE_COUNT
      见附件                   | NOT_A_COUNT
      abc                      | NOT_A_COUNT
      2018年                   | NOT_A_COUNT
      99999999999999999999     | TOO_LARGE
      9223372036854775808      | TOO_LARGE
      1000000000000001         | TOO_LARGE
      1,2345                   | NOT_A_COUNT
      true                     | NOT_A_COUNT
      """)
  void invalid(String raw, String code) {
    CountResult r = CountParser.parse(raw);
    if (code.equals("EXACT_OK")) {
      assertEquals(new CountResult.Count(5000, Qualifier.EXACT), r);
      return;
    }
    CountResult.Invalid inv = assertInstanceOf(CountResult.Invalid.class, r, raw);
    assertEquals(code, inv.reasonCode(), raw);
  }

  @org.junit.jupiter.api.Test
  void largestCountIsAccepted() {
    assertEquals(new CountResult.Count(CountParser.MAX_COUNT_VALUE, Qualifier.EXACT),
        CountParser.parse(Long.toString(CountParser.MAX_COUNT_VALUE)));
  }
}
