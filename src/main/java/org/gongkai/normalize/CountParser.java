package org.gongkai.normalize;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.model.Qualifier;

/**
 * Turns the text of a count into a figure: digits with or without thousands separators,
 * full-width digits, Chinese numerals, 1.2万, units, qualifiers (余/多/以上/超过/逾 are lower
 * bounds; 约/左右/近/大约 are approximate), explicit zeros (0, 无, 未发生, 没有, 零) and
 * missing values (blank, -, —, /, N/A). Stateless and thread-safe.
 */
public final class CountParser {
  private CountParser() {}

  /**
   * The largest count accepted: 10^15. Nothing in a disclosure report comes near it, and it
   * keeps every rollup sum (thousands of townships) inside a long.
   */
  public static final long MAX_COUNT_VALUE = 1_000_000_000_000_000L;

  private static final BigDecimal MAX_COUNT = BigDecimal.valueOf(MAX_COUNT_VALUE);

  private static final Set<String> MISSING =
      Set.of("", "-", "--", "—", "——", "–", "/", "//", "\\", "n/a", "na", "#n/a", "null", "none", "…", "...");

  private static final Set<String> ZERO_WORDS =
      Set.of("无", "未发生", "没有", "零", "〇", "暂无", "未收到", "均无", "无申请", "未受理");

  private static final Set<String> VAGUE_WORDS =
      Set.of("若干", "多个", "许多", "大量", "一些", "少量", "不详", "未统计", "不清楚", "多", "数");

  /** Prefix qualifiers, longest first so that 大约 wins over 约. */
  private static final List<String[]> PREFIXES =
      List.of(
          new String[] {"大约", "approximate"},
          new String[] {"大概", "approximate"},
          new String[] {"约", "approximate"},
          new String[] {"近", "approximate"},
          new String[] {"超过", "lower_bound"},
          new String[] {"多于", "lower_bound"},
          new String[] {"逾", "lower_bound"},
          new String[] {"达", "exact"},
          new String[] {"共", "exact"},
          new String[] {"计", "exact"});

  private static final List<String[]> SUFFIXES =
      List.of(
          new String[] {"以上", "lower_bound"},
          new String[] {"左右", "approximate"},
          new String[] {"上下", "approximate"},
          new String[] {"余", "lower_bound"},
          new String[] {"多", "lower_bound"},
          new String[] {"+", "lower_bound"});

  /** Units after a count; 人次 before 次 so the longest matches. */
  private static final Pattern UNIT = Pattern.compile("(人次|条|件|项|次|个|篇|份|起|宗|家|户|封|批|期|场)$");

  private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");

  private static final Pattern ARABIC =
      Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(万|亿|千|百)?");

  /** Parses one cell or phrase. Never throws. */
  public static CountResult parse(String raw) {
    if (raw == null) {
      return CountResult.MISSING;
    }
    long plain = plainDigits(raw);
    if (plain >= 0) {
      return new CountResult.Count(plain, Qualifier.EXACT);
    }
    String s = Text.nfkc(raw).replace('\u2212', '-').strip();
    if (MISSING.contains(s.toLowerCase(java.util.Locale.ROOT))) {
      return CountResult.MISSING;
    }
    // Spaces inside numbers and phrases: "1 000 条", "56 条".
    s = SPACES.matcher(s).replaceAll("");
    if (MISSING.contains(s.toLowerCase(java.util.Locale.ROOT))) {
      return CountResult.MISSING;
    }
    Qualifier qualifier = Qualifier.EXACT;
    String body = s;
    // Peel qualifiers and units from both ends until nothing changes: "约50条左右", "1000余条".
    boolean changed = true;
    while (changed && !body.isEmpty()) {
      changed = false;
      Matcher unit = UNIT.matcher(body);
      if (unit.find() && unit.start() > 0) {
        body = body.substring(0, unit.start());
        changed = true;
      }
      for (String[] suffix : SUFFIXES) {
        if (body.endsWith(suffix[0]) && body.length() > suffix[0].length()) {
          body = body.substring(0, body.length() - suffix[0].length());
          qualifier = qualifier.plus(Qualifier.fromCode(suffix[1]));
          changed = true;
          break;
        }
      }
      for (String[] prefix : PREFIXES) {
        if (body.startsWith(prefix[0]) && body.length() > prefix[0].length()) {
          body = body.substring(prefix[0].length());
          if (!prefix[1].equals("exact")) {
            qualifier = qualifier.plus(Qualifier.fromCode(prefix[1]));
          }
          changed = true;
          break;
        }
      }
    }
    if (ZERO_WORDS.contains(body) || ZERO_WORDS.contains(s)) {
      return new CountResult.Count(0, Qualifier.EXACT);
    }
    if (VAGUE_WORDS.contains(body) || VAGUE_WORDS.contains(s)) {
      return new CountResult.Invalid("VAGUE_COUNT", "是模糊的数量，不是确切的数");
    }
    if (body.startsWith("-") && body.length() > 1 && Character.isDigit(body.charAt(1))) {
      return new CountResult.Invalid("NEGATIVE_COUNT", "是负数；计数不能为负");
    }
    Matcher m = ARABIC.matcher(body);
    if (m.matches()) {
      return arabic(m, qualifier);
    }
    OptionalLong chinese = ChineseNumerals.parse(body);
    if (chinese.isPresent() && chinese.getAsLong() > MAX_COUNT_VALUE) {
      return new CountResult.Invalid("TOO_LARGE", "超出合理计数的上限（10^15）");
    }
    if (chinese.isPresent()) {
      return new CountResult.Count(chinese.getAsLong(), qualifier);
    }
    if (allNumeralsOrDigits(body)) {
      return new CountResult.Invalid("NOT_A_COUNT", "不是格式正确的数字");
    }
    return new CountResult.Invalid("NOT_A_COUNT", "不是计数");
  }

  /**
   * The value of a cell of 1 to 15 ASCII digits and nothing else (most cells), else -1: what the
   * full parse gives for such a cell, without its normalisation and patterns.
   */
  static long plainDigits(String raw) {
    int n = raw.length();
    if (n == 0 || n > 15) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static CountResult arabic(Matcher m, Qualifier qualifier) {
    String digits = m.group(1).replace(",", "");
    String fraction = m.group(2);
    String scale = m.group(3);
    BigDecimal value = new BigDecimal(fraction == null ? digits : digits + fraction);
    if (scale != null) {
      value = value.multiply(BigDecimal.valueOf(ChineseNumerals.unit(scale.charAt(0))));
    }
    value = value.stripTrailingZeros();
    if (value.compareTo(MAX_COUNT) > 0 && value.scale() <= 0) {
      return new CountResult.Invalid("TOO_LARGE", "超出合理计数的上限（10^15）");
    }
    if (value.scale() > 0) {
      return new CountResult.Invalid("FRACTIONAL_COUNT", "不是整数；计数必须是整数");
    }
    try {
      return new CountResult.Count(value.longValueExact(), qualifier);
    } catch (ArithmeticException e) {
      return new CountResult.Invalid("TOO_LARGE", "超出合理计数的上限（10^15）");
    }
  }

  private static boolean allNumeralsOrDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isDigit(c) && !ChineseNumerals.isNumeral(c) && c != ',' && c != '.') {
        return false;
      }
    }
    return !s.isEmpty();
  }
}
