package org.gongkai.normalize;

import java.util.OptionalLong;

/**
 * Chinese numerals to integers: 二十九, 一百零五, 两千, 十万, 二〇一八, and the financial
 * forms 壹贰叁…拾佰仟. Overflow and malformed numerals give an empty result.
 */
public final class ChineseNumerals {
  private ChineseNumerals() {}

  /** The digit value of a character, or -1. */
  public static int digit(char c) {
    return switch (c) {
      case '零', '〇', '○' -> 0;
      case '一', '壹', '幺' -> 1;
      case '二', '两', '贰', '貳', '兩' -> 2;
      case '三', '叁', '參' -> 3;
      case '四', '肆' -> 4;
      case '五', '伍' -> 5;
      case '六', '陆', '陸' -> 6;
      case '七', '柒' -> 7;
      case '八', '捌' -> 8;
      case '九', '玖' -> 9;
      default -> -1;
    };
  }

  /** The multiplier of a unit character (十 百 千 万 亿), or 0. */
  public static long unit(char c) {
    return switch (c) {
      case '十', '拾' -> 10L;
      case '百', '佰' -> 100L;
      case '千', '仟' -> 1_000L;
      case '万', '萬' -> 10_000L;
      case '亿', '億' -> 100_000_000L;
      default -> 0L;
    };
  }

  public static boolean isNumeral(char c) {
    return digit(c) >= 0 || unit(c) > 0;
  }

  public static OptionalLong parse(String s) {
    if (s == null || s.isEmpty()) {
      return OptionalLong.empty();
    }
    boolean hasUnit = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isNumeral(c)) {
        return OptionalLong.empty();
      }
      hasUnit |= unit(c) > 0;
    }
    try {
      return hasUnit ? OptionalLong.of(positional(s)) : OptionalLong.of(digitString(s));
    } catch (ArithmeticException | IllegalArgumentException e) {
      return OptionalLong.empty();
    }
  }

  /** 二〇一八 → 2018: a plain string of digits. */
  private static long digitString(String s) {
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      v = Math.addExact(Math.multiplyExact(v, 10), digit(s.charAt(i)));
    }
    return v;
  }

  /** 一百零五 → 105, 三万二千 → 32000, 十二 → 12, 两亿 → 200000000, 一亿五千万 → 150000000. */
  private static long positional(String s) {
    long yi = 0; // the completed 亿 group, already multiplied
    long wan = 0; // the completed 万 group since the 亿, already multiplied
    long section = 0; // current section below 万
    long pendingDigit = -1;
    long lastUnit = Long.MAX_VALUE;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int d = digit(c);
      if (d >= 0) {
        if (pendingDigit > 0) {
          throw new IllegalArgumentException("two digits without a unit: " + s);
        }
        pendingDigit = d;
        continue;
      }
      long u = unit(c);
      if (u >= 10_000L) {
        long value = section + Math.max(pendingDigit, 0);
        if (u == 100_000_000L) {
          if (yi != 0) {
            throw new IllegalArgumentException("亿 twice: " + s);
          }
          value = Math.addExact(value, wan);
          wan = 0;
        } else if (wan != 0) {
          throw new IllegalArgumentException("万 twice in one 亿 group: " + s);
        }
        if (value == 0) {
          if (i != 0) {
            throw new IllegalArgumentException(c + " without a number before it: " + s);
          }
          value = 1; // 万 alone
        }
        if (u == 100_000_000L) {
          yi = Math.multiplyExact(value, u);
        } else {
          wan = Math.multiplyExact(value, u);
        }
        section = 0;
        pendingDigit = -1;
        lastUnit = Long.MAX_VALUE;
      } else {
        if (u >= lastUnit) {
          throw new IllegalArgumentException("units out of order: " + s);
        }
        if (pendingDigit < 0 && u != 10 && s.length() > 1) {
          throw new IllegalArgumentException("百/千 without a digit: " + s); // 千 alone is fine, 百十 is not
        }
        long digitValue = pendingDigit < 0 ? 1 : pendingDigit; // 十二 = 一十二
        if (pendingDigit == 0) {
          throw new IllegalArgumentException("零 before a unit: " + s);
        }
        section = Math.addExact(section, Math.multiplyExact(digitValue, u));
        pendingDigit = -1;
        lastUnit = u;
      }
    }
    if (pendingDigit > 0) {
      section = Math.addExact(section, pendingDigit);
    }
    return Math.addExact(Math.addExact(yi, wan), section);
  }
}
