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
    return Plain.isPlain(s) ? s : normalizedNfkc(s); // NFKC leaves the text of the Plain table as it is
  }

  /** {@link #nfkc} the long way, by the normaliser: what the Plain table is checked against. */
  static String normalizedNfkc(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
    if (n.indexOf('\uFEFF') >= 0 || n.indexOf('\0') >= 0) {
      n = n.replace("\uFEFF", "").replace("\0", "");
    }
    return n;
  }

  /**
   * A matching key for headers and names: NFKC, lower case, without whitespace and
   * punctuation, so that "政策 解读（条）" and "政策解读(条)" meet.
   */
  public static String key(String s) {
    if (s == null) {
      return "";
    }
    String plain = Plain.key(s);
    return plain != null ? plain : normalizedKey(s);
  }

  /** {@link #key} the long way: NFKC, lower case, then each code point kept or dropped. */
  static String normalizedKey(String s) {
    String n = normalizedNfkc(s).toLowerCase(Locale.ROOT);
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

  /**
   * Text made only of characters that NFKC leaves as they are and that never compose with their
   * neighbours — ASCII but NUL, the CJK ideographs U+4E00–U+9FFF and the common CJK punctuation
   * (most of a report, of a CSV header or a place name): its NFKC form is itself, and its key
   * comes character by character from a table, without the normaliser. Lower-casing such text
   * goes by character, so the table (made from {@link #normalizedKey} itself) gives the same key.
   */
  private static final class Plain {
    private static final char LIMIT = '\uA000';
    private static final char NOT_PLAIN = '\uFFFF';
    private static final char DROPPED = 0;

    /** Per character below LIMIT: its lower-cased self, DROPPED (space, punctuation) or NOT_PLAIN. */
    private static final char[] TABLE = new char[LIMIT];

    static {
      java.util.Arrays.fill(TABLE, NOT_PLAIN);
      for (char c = 1; c < 0x80; c++) {
        add(c);
      }
      for (char c = '\u4E00'; c <= '\u9FFF'; c++) {
        add(c);
      }
      for (char c : "、。〈〉《》「」『』【】〔〕〖〗“”‘’·—–".toCharArray()) {
        add(c);
      }
    }

    private static void add(char c) {
      String s = String.valueOf(c);
      // Only characters without any decomposition: NFKC is then the identity on them.
      if (!Normalizer.normalize(s, Normalizer.Form.NFKD).equals(s)) {
        return;
      }
      String k = normalizedKey(s);
      if (k.length() <= 1) {
        TABLE[c] = k.isEmpty() ? DROPPED : k.charAt(0);
      }
    }

    /** Whether every character of {@code s} is in the table: NFKC leaves such text as it is. */
    static boolean isPlain(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c >= LIMIT || TABLE[c] == NOT_PLAIN) {
          return false;
        }
      }
      return true;
    }

    /** The key of {@code s}, or null when it holds a character outside the table. */
    static String key(String s) {
      char[] out = new char[s.length()];
      int n = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        char k = c < LIMIT ? TABLE[c] : NOT_PLAIN;
        if (k == NOT_PLAIN) {
          return null;
        }
        if (k != DROPPED) {
          out[n++] = k;
        }
      }
      return new String(out, 0, n);
    }
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
