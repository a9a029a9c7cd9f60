package org.gongkai.normalize;

import java.text.Normalizer;
import java.util.Locale;

/** Text normalisation shared by every matcher: width, case, spaces and punctuation. */
public final class Text {
  private Text() {}

  /** NFKC (full-width digits and punctuation become ASCII) with the BOM and NULs removed. */
  public static String nfkc(String s) {
    if (s == null) {
      return null;
    }
    if (isPlainAscii(s)) {
      return s; // NFKC leaves printable ASCII as it is
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
    if (n.indexOf('\uFEFF') >= 0 || n.indexOf('\0') >= 0) {
      n = n.replace("\uFEFF", "").replace("\0", "");
    }
    return n;
  }

  private static boolean isPlainAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  /**
   * A matching key for headers and names: NFKC, lower case, without whitespace and
   * punctuation, so that "政策 解读（条）" and "政策解读(条)" meet.
   */
  public static String key(String s) {
    if (s == null) {
      return "";
    }
    String n = nfkc(s).toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); ) {
      int cp = n.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || isPunctuation(cp)) {
        continue;
      }
      b.appendCodePoint(cp);
    }
    return b.toString();
  }

  private static boolean isPunctuation(int cp) {
    int type = Character.getType(cp);
    return switch (type) {
      case Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION -> true;
      default -> false;
    };
  }

  /** Trimmed of ordinary and ideographic whitespace; null stays null. */
  public static String strip(String s) {
    return s == null ? null : s.strip();
  }

  /** Cuts a text for messages: at most {@code max} characters, an ellipsis when cut. */
  public static String abbreviate(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    return s.substring(0, max) + "…";
  }
}
