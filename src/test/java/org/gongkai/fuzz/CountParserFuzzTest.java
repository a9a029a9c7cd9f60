package org.gongkai.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.OptionalLong;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.gongkai.model.Qualifier;
import org.gongkai.normalize.ChineseNumerals;
import org.gongkai.normalize.CountParser;
import org.gongkai.normalize.CountResult;
import org.gongkai.normalize.YearParser;

/** The count normaliser: never throws, never guesses, and reads what it claims to read. */
class CountParserFuzzTest {
  private static final Set<String> CODES = Set.of("NEGATIVE_COUNT", "FRACTIONAL_COUNT", "VAGUE_COUNT", "TOO_LARGE", "NOT_A_COUNT");

  private static void wellFormed(CountResult r) {
    assertNotNull(r);
    if (r instanceof CountResult.Count c) {
      assertTrue(c.value() >= 0 && c.value() <= CountParser.MAX_COUNT_VALUE, "count in range: " + c.value());
      assertNotNull(c.qualifier());
    } else if (r instanceof CountResult.Invalid inv) {
      assertTrue(CODES.contains(inv.reasonCode()), inv.reasonCode());
      assertTrue(inv.explanation() != null && !inv.explanation().isBlank());
    }
  }

  @Property(tries = 300)
  void anyTextGivesACountMissingOrAReason(@ForAll String raw) {
    wellFormed(CountParser.parse(raw));
  }

  @Property(tries = 300)
  void countishTextGivesACountMissingOrAReason(@ForAll("countish") String raw) {
    wellFormed(CountParser.parse(raw));
    ChineseNumerals.parse(raw); // never throws
    YearParser.parse(raw);
  }

  /** Words of counts stuck together at random: digits, numerals, units, qualifiers, signs. */
  @Provide
  Arbitrary<String> countish() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("0", "1", "9", ",", ".", "-", "+", "−", "e", "E", "１", "万", "亿", "千", "百", "十", "零", "〇", "两", "壹", "拾",
            "余", "多", "以上", "约", "左右", "近", "逾", "超过", "条", "件", "人次", "次", "无", "若干", " ", "\u3000", "\uFEFF", "\u0000",
            "999999999999999999999", "N/A", "/", "—"),
        Arbitraries.strings().ofMaxLength(3));
    return piece.list().ofMaxSize(12).map(l -> String.join("", l));
  }

  @Property(tries = 300)
  void digitsReadExactly(@ForAll @LongRange(min = 0, max = CountParser.MAX_COUNT_VALUE) long n) {
    assertEquals(new CountResult.Count(n, Qualifier.EXACT), CountParser.parse(String.valueOf(n)));
    assertEquals(new CountResult.Count(n, Qualifier.EXACT), CountParser.parse(String.format("%,d", n)), "thousands separators");
    assertEquals(new CountResult.Count(n, Qualifier.EXACT), CountParser.parse(fullWidth(String.valueOf(n))), "full-width digits");
    assertEquals(new CountResult.Count(n, Qualifier.EXACT), CountParser.parse(" " + n + " 件 "), "a unit");
    assertEquals(new CountResult.Count(n, Qualifier.EXACT), CountParser.parse(n + ".0"), "a whole number written with .0");
  }

  /** Plain digit cells take a short cut; it must give what the full parse gives (here forced by spaces). */
  @Property(tries = 300)
  void plainDigitsShortCutAgreesWithTheFullParse(@ForAll("digitStrings") String digits) {
    CountResult full = CountParser.parse(" " + digits + "\u3000");
    assertEquals(full, CountParser.parse(digits), digits);
  }

  @Provide
  Arbitrary<String> digitStrings() {
    return Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(18);
  }

  @Property(tries = 200)
  void estimatesAreFlaggedNotDropped(@ForAll @LongRange(min = 1, max = 1_000_000) long n, @ForAll("estimates") String[] form) {
    CountResult r = CountParser.parse(form[0] + n + form[1]);
    assertEquals(new CountResult.Count(n, Qualifier.fromCode(form[2])), r, form[0] + n + form[1]);
  }

  @Provide
  Arbitrary<String[]> estimates() {
    return Arbitraries.of(
        new String[] {"", "余", "lower_bound"}, new String[] {"", "多", "lower_bound"}, new String[] {"", "以上", "lower_bound"},
        new String[] {"超过", "", "lower_bound"}, new String[] {"逾", "条", "lower_bound"}, new String[] {"", "余件", "lower_bound"},
        new String[] {"约", "", "approximate"}, new String[] {"", "左右", "approximate"}, new String[] {"近", "次", "approximate"},
        new String[] {"大约", "件", "approximate"}, new String[] {"共", "条", "exact"}, new String[] {"", "人次", "exact"});
  }

  @Property(tries = 200)
  void beyondLongMaxIsTooLargeNeverWrapped(@ForAll @IntRange(min = 0, max = 1_000_000) int extra, @ForAll @IntRange(min = 0, max = 30) int digits) {
    BigInteger big = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.valueOf(extra)).multiply(BigInteger.TEN.pow(digits));
    big = big.add(BigInteger.ONE);
    assertEquals("TOO_LARGE", invalid(big.toString()));
    assertEquals("TOO_LARGE", invalid(String.format("%,d", big)));
    assertEquals("TOO_LARGE", invalid(big + "条"));
  }

  @Property(tries = 200)
  void aboveTheLargestPlausibleCountIsTooLarge(@ForAll @LongRange(min = CountParser.MAX_COUNT_VALUE + 1) long n) {
    assertEquals("TOO_LARGE", invalid(String.valueOf(n)));
  }

  @Property(tries = 200)
  void negativeCountsAreRejected(@ForAll @LongRange(min = 1) long n, @ForAll("minus") String minus) {
    assertEquals("NEGATIVE_COUNT", invalid(minus + n));
    assertEquals("NEGATIVE_COUNT", invalid(minus + n + "件"));
  }

  @Provide
  Arbitrary<String> minus() {
    return Arbitraries.of("-", "−", "－", " -");
  }

  @Property(tries = 200)
  void fractionalCountsAreRejected(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long whole, @ForAll @IntRange(min = 1, max = 999) int frac) {
    String f = String.format("%03d", frac);
    assertEquals("FRACTIONAL_COUNT", invalid(whole + "." + f));
    assertEquals("FRACTIONAL_COUNT", invalid("约" + whole + "." + f + "条"));
  }

  @Property(tries = 200)
  void scaledDecimalsAreExact(@ForAll @IntRange(min = 0, max = 9999) int tenths) {
    BigDecimal v = BigDecimal.valueOf(tenths, 1);
    assertEquals(new CountResult.Count(tenths * 1000L, Qualifier.EXACT), CountParser.parse(v.toPlainString() + "万"));
  }

  /** Every count below 10^15 written in Chinese numerals reads back as itself. */
  @Property(tries = 300)
  void chineseNumeralsRoundTrip(@ForAll("chineseRange") long n) {
    String zh = chinese(n);
    assertEquals(OptionalLong.of(n), ChineseNumerals.parse(zh), zh);
    assertEquals(new CountResult.Count(n, Qualifier.EXACT), CountParser.parse(zh), zh);
    assertEquals(new CountResult.Count(n, Qualifier.EXACT), CountParser.parse(zh.replace('一', '壹').replace('十', '拾')), zh);
  }

  @Provide
  Arbitrary<Long> chineseRange() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 100_000),
        Arbitraries.longs().between(0, CountParser.MAX_COUNT_VALUE - 1),
        Arbitraries.longs().between(1, 9999).flatMap(a -> Arbitraries.of(a * 100_000_000L, a * 100_000_000L + 10_000L * (a % 10))));
  }

  @Example
  void yiAndWanCombine() {
    assertEquals(OptionalLong.of(150_000_000L), ChineseNumerals.parse("一亿五千万"));
    assertEquals(OptionalLong.of(105_000_000L), ChineseNumerals.parse("一亿零五百万"));
    assertEquals(OptionalLong.of(1_000_000_000_000L), ChineseNumerals.parse("一万亿"));
    assertEquals(OptionalLong.of(320_000_000L), ChineseNumerals.parse("三亿二千万"));
  }

  @Property(tries = 200)
  void numeralsNeverOverflowSilently(@ForAll("numeralStrings") String s) {
    OptionalLong v = ChineseNumerals.parse(s);
    if (v.isPresent()) {
      assertTrue(v.getAsLong() >= 0, s + " -> " + v);
    }
    wellFormed(CountParser.parse(s));
  }

  @Provide
  Arbitrary<String> numeralStrings() {
    return Arbitraries.strings().withChars("零〇一二两三四五六七八九十百千万亿壹贰拾佰仟萬億").ofMinLength(1).ofMaxLength(30);
  }

  /** Years: four characters of numerals never wrap into a plausible year. */
  @Property(tries = 300)
  void yearsAreInRangeAndStated(@ForAll("yearish") String s) {
    var y = YearParser.parse(s);
    if (y.isPresent()) {
      assertTrue(y.getAsInt() >= YearParser.MIN_YEAR && y.getAsInt() <= YearParser.MAX_YEAR);
      String t = org.gongkai.normalize.Text.nfkc(s).replaceAll("\\s+", "").replaceFirst("(?:年度?)?(?:\\.0)?$", "");
      boolean arabic = t.matches("\\d{4}") && Integer.parseInt(t) == y.getAsInt();
      OptionalLong asNumber = ChineseNumerals.parse(t);
      assertTrue(arabic || asNumber.isPresent() && asNumber.getAsLong() == y.getAsInt(), s + " -> " + y);
    }
  }

  @Provide
  Arbitrary<String> yearish() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("零〇一二两三四五六七八九十百千万亿").ofLength(4),
        Arbitraries.integers().between(0, 9999).map(i -> String.format("%04d", i)),
        Arbitraries.integers().between(1980, 2110).map(i -> i + "年度"),
        Arbitraries.strings().ofMaxLength(8));
  }

  private static String invalid(String raw) {
    CountResult r = CountParser.parse(raw);
    return assertInstanceOf(CountResult.Invalid.class, r, raw + " -> " + r).reasonCode();
  }

  private static String fullWidth(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(Character.isDigit(c) ? (char) ('０' + (c - '0')) : c);
    }
    return b.toString();
  }

  private static final String DIGITS = "零一二三四五六七八九";
  private static final String[] SMALL_UNITS = {"千", "百", "十", ""};

  /** Standard Chinese numerals: 一亿零五万, 三千零五, 十二; one 零 for a run of zeros. */
  static String chinese(long n) {
    if (n == 0) {
      return "零";
    }
    StringBuilder b = new StringBuilder();
    long yi = n / 100_000_000L;
    long rest = n % 100_000_000L;
    if (yi > 0) {
      below(yi, b);
      b.append('亿');
    }
    if (rest > 0) {
      if (yi > 0 && rest < 10_000_000L) {
        b.append('零');
      }
      below(rest, b);
    }
    return b.toString();
  }

  /** 0 < v < 10^8. */
  private static void below(long v, StringBuilder b) {
    long wan = v / 10_000;
    long low = v % 10_000;
    if (wan > 0) {
      section(wan, b);
      b.append('万');
    }
    if (low > 0) {
      if (wan > 0 && low < 1000) {
        b.append('零');
      }
      section(low, b);
    }
  }

  /** 0 < v < 10^4: 三千零五; 十二 only at the very start, 一十二 elsewhere. */
  private static void section(long v, StringBuilder b) {
    long[] d = {v / 1000, v / 100 % 10, v / 10 % 10, v % 10};
    boolean started = false;
    boolean zero = false;
    for (int i = 0; i < 4; i++) {
      if (d[i] == 0) {
        zero = started;
        continue;
      }
      if (zero) {
        b.append('零');
        zero = false;
      }
      if (!(i == 2 && d[i] == 1 && b.length() == 0)) {
        b.append(DIGITS.charAt((int) d[i]));
      }
      b.append(SMALL_UNITS[i]);
      started = true;
    }
  }
}
