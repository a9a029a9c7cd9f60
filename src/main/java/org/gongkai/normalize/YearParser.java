package org.gongkai.normalize;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Years as 2018, 2018年, 2018年度, ２０１８, 二〇一八年. Plausible years only (1990–2100). */
public final class YearParser {
  private YearParser() {}

  public static final int MIN_YEAR = 1990;
  public static final int MAX_YEAR = 2100;

  private static final Pattern YEAR = Pattern.compile("(\\d{4})(?:年度?)?(?:\\.0)?");

  public static OptionalInt parse(String raw) {
    if (raw == null) {
      return OptionalInt.empty();
    }
    String s = Text.nfkc(raw).replaceAll("\\s+", "");
    Matcher m = YEAR.matcher(s);
    int year;
    if (m.matches()) {
      year = Integer.parseInt(m.group(1));
    } else {
      String stripped = s.replaceAll("年度?$", "");
      if (stripped.length() != 4) {
        return OptionalInt.empty();
      }
      var digits = ChineseNumerals.parse(stripped);
      if (digits.isEmpty()) {
        return OptionalInt.empty();
      }
      year = (int) digits.getAsLong();
    }
    return year >= MIN_YEAR && year <= MAX_YEAR ? OptionalInt.of(year) : OptionalInt.empty();
  }
}
