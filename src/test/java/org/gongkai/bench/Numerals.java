package org.gongkai.bench;

/** Small Chinese numerals for synthetic township names (二, 十, 十一, 二十三). */
final class Numerals {
  private static final String DIGITS = "零一二三四五六七八九";

  private Numerals() {}

  static String chinese(int n) {
    if (n < 0 || n > 99) {
      return Integer.toString(n);
    }
    if (n < 10) {
      return String.valueOf(DIGITS.charAt(n));
    }
    int tens = n / 10;
    int ones = n % 10;
    return (tens == 1 ? "" : String.valueOf(DIGITS.charAt(tens))) + "十" + (ones == 0 ? "" : String.valueOf(DIGITS.charAt(ones)));
  }
}
