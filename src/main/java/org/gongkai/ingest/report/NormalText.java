package org.gongkai.ingest.report;

import java.text.Normalizer;

/**
 * A normalised view of a report's text that remembers, for every character, where it came from
 * in the decoded text. Matching runs on the normalised form (full-width → half-width, traditional →
 * simplified, no spaces inside phrases, PDF line breaks joined) while offsets and evidence still
 * point at what the report really says.
 */
final class NormalText {
  final String text;
  private final int[] origin; // origin[i] = offset in the decoded text of text.charAt(i); length text.length()+1

  private NormalText(String text, int[] origin) {
    this.text = text;
    this.origin = origin;
  }

  /** Offset in the decoded text of normalised position {@code i} (text.length() allowed). */
  int origin(int i) {
    return origin[Math.max(0, Math.min(i, origin.length - 1))];
  }

  int length() {
    return text.length();
  }

  /**
   * NFKC per character (so that every output character keeps its source), traditional →
   * simplified, NULs and BOMs dropped, CR and form feeds as newlines, other control characters
   * as spaces.
   */
  static NormalText of(String raw) {
    // Plain arrays rather than a StringBuilder and a list: this loop sees every character.
    Chars b = new Chars(raw.length());
    for (int i = 0; i < raw.length(); ) {
      char ch = raw.charAt(i);
      if (ch < 0x80 && ch >= 0x20 && ch != 0x7F || ch == '\n' || ch == '\t') {
        b.add(ch, i); // the common cases first, without allocation
        i++;
        continue;
      }
      if (ch >= 0x4E00 && ch <= 0x9FFF) {
        b.add(Traditional.simplify(ch), i); // CJK ideographs are their own NFKC form
        i++;
        continue;
      }
      int cp = raw.codePointAt(i);
      int n = Character.charCount(cp);
      String piece;
      if (cp == 0 || cp == 0xFEFF) {
        piece = "";
      } else if (cp == '\r') {
        piece = i + 1 < raw.length() && raw.charAt(i + 1) == '\n' ? "" : "\n";
      } else if (cp == '\f' || cp == 0x2028 || cp == 0x2029 || cp == 0x0B) {
        piece = "\n";
      } else if (cp < 0x20 || cp == 0x7F) {
        piece = " ";
      } else {
        piece = CACHE.computeIfAbsent(cp, NormalText::normalizeOne);
      }
      for (int k = 0; k < piece.length(); k++) {
        b.add(piece.charAt(k), i);
      }
      i += n;
    }
    b.origin(raw.length());
    String text = Traditional.simplifyWords(b.text());
    return new NormalText(text, b.origins());
  }

  /** Characters and the origin of each, growing as needed. */
  private static final class Chars {
    private char[] chars;
    private int[] origins; // one more than chars: the origin of the end
    private int n;

    Chars(int capacity) {
      chars = new char[Math.max(16, capacity)];
      origins = new int[chars.length + 1];
    }

    void add(char c, int origin) {
      if (n == chars.length) {
        chars = java.util.Arrays.copyOf(chars, n * 2);
        origins = java.util.Arrays.copyOf(origins, n * 2 + 1);
      }
      chars[n] = c;
      origins[n++] = origin;
    }

    /** The origin of the end of the text (after the last character). */
    void origin(int end) {
      origins[n] = end;
    }

    String text() {
      return new String(chars, 0, n);
    }

    int[] origins() {
      return java.util.Arrays.copyOf(origins, n + 1);
    }
  }

  /** NFKC and simplification of single code points other than ASCII and CJK ideographs, memoised. */
  private static final java.util.Map<Integer, String> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

  private static String normalizeOne(int cp) {
    String piece = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
    return piece.length() == 1 ? String.valueOf(Traditional.simplify(piece.charAt(0))) : piece;
  }


  /**
   * For prose matching: horizontal whitespace removed (it splits numbers and phrases in
   * converted text, "56 条", "政务 公开"), except between two Latin letters; a single line break
   * inside a running sentence (PDF conversion, "市政\n协委员提案") joined; blank lines and line
   * breaks after headings or sentence ends kept as one newline.
   */
  NormalText compact() {
    char[] t = text.toCharArray(); // every character is read here: an array, not charAt
    Chars b = new Chars(t.length);
    String prevLine = null; // last non-blank line appended, squeezed
    boolean blankSince = false;
    for (int lineStart = 0; lineStart <= t.length; ) {
      int lineEnd = lineStart;
      while (lineEnd < t.length && t[lineEnd] != '\n') {
        lineEnd++;
      }
      String squeezed = squeeze(t, lineStart, lineEnd);
      int start = lineStart;
      lineStart = lineEnd + 1;
      if (squeezed.isEmpty()) {
        blankSince = true;
        continue;
      }
      if (prevLine != null) {
        if (blankSince || !joins(prevLine, squeezed)) {
          b.add('\n', origin[Math.max(0, start - 1)]);
        }
      }
      for (int i = start; i < lineEnd; i++) {
        char c = t[i];
        if (isSpace(c)) {
          char before = i > start ? t[i - 1] : ' ';
          char after = i + 1 < lineEnd ? t[i + 1] : ' ';
          if (!(isLatin(before) && isLatin(after))) {
            continue;
          }
          c = ' ';
        }
        b.add(c, origin[i]);
      }
      prevLine = squeezed;
      blankSince = false;
    }
    b.origin(origin[origin.length - 1]);
    return new NormalText(b.text(), b.origins());
  }

  /** Characters [from, to) of {@code t} without horizontal whitespace. */
  private static String squeeze(char[] t, int from, int to) {
    char[] out = new char[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      if (!isSpace(t[i])) {
        out[n++] = t[i];
      }
    }
    return new String(out, 0, n);
  }

  /**
   * Whether a line continues the previous one: the previous line does not end a sentence or a
   * heading, and the next one does not start a heading or a list item.
   */
  private static boolean joins(String prev, String next) {
    char last = prev.charAt(prev.length() - 1);
    if ("。!?;:;：？！…|".indexOf(last) >= 0) {
      return false;
    }
    if (prev.indexOf('|') >= 0 || next.indexOf('|') >= 0 || Headings.isHeading(prev) || Headings.startsItem(next)) {
      return false;
    }
    if (prev.endsWith("报告") || prev.endsWith("情况") || prev.endsWith("如下") || prev.endsWith("通知")) {
      return false; // a title or a heading without a number
    }
    char first = next.charAt(0);
    if (isNumber(next) && Character.isIdeographic(last) || Character.isDigit(last) && ProseRules.hasUnit(next.substring(0, 1))) {
      return true; // a number wrapped onto a line of its own ("公开信息\n42\n条")
    }
    return prev.length() >= 12 && (Character.isLetterOrDigit(first) || first == '“' || first == '《');
  }

  private static boolean isNumber(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i)) && s.charAt(i) != ',' && s.charAt(i) != '.') {
        return false;
      }
    }
    return Character.isDigit(s.charAt(0));
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u3000' || c == '\u2002' || c == '\u2003' || c == '\u2009' || c == '\u200B';
  }

  private static boolean isLatin(char c) {
    return c < 0x80 && Character.isLetter(c);
  }
}
