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
    StringBuilder b = new StringBuilder(raw.length());
    IntList map = new IntList(raw.length() + 1);
    for (int i = 0; i < raw.length(); ) {
      int cp = raw.codePointAt(i);
      int n = Character.charCount(cp);
      if (cp < 0x80 && cp >= 0x20 && cp != 0x7F || cp == '\n' || cp == '\t') {
        b.append((char) cp); // the common cases first, without allocation
        map.add(i);
        i++;
        continue;
      }
      if (cp >= 0x4E00 && cp <= 0x9FFF) {
        b.append(Traditional.simplify((char) cp)); // CJK ideographs are their own NFKC form
        map.add(i);
        i++;
        continue;
      }
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
        b.append(piece.charAt(k));
        map.add(i);
      }
      i += n;
    }
    map.add(raw.length());
    String text = Traditional.simplifyWords(b.toString());
    return new NormalText(text, map.toArray());
  }

  /** NFKC and simplification of single code points other than ASCII and CJK ideographs, memoised. */
  private static final java.util.Map<Integer, String> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

  private static String normalizeOne(int cp) {
    String piece = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
    return piece.length() == 1 ? String.valueOf(Traditional.simplify(piece.charAt(0))) : piece;
  }

  /** A sub-view: characters [start, end) of this text, keeping their origins. */
  NormalText slice(int start, int end) {
    int[] m = new int[end - start + 1];
    System.arraycopy(origin, start, m, 0, end - start + 1);
    return new NormalText(text.substring(start, end), m);
  }

  /**
   * For prose matching: horizontal whitespace removed (it splits numbers and phrases in
   * converted text, "56 条", "政务 公开"), except between two Latin letters; a single line break
   * inside a running sentence (PDF conversion, "市政\n协委员提案") joined; blank lines and line
   * breaks after headings or sentence ends kept as one newline.
   */
  NormalText compact() {
    StringBuilder b = new StringBuilder(text.length());
    IntList map = new IntList(text.length() + 1);
    String[] lines = text.split("\n", -1);
    int pos = 0;
    String prevLine = null; // last non-blank line appended
    boolean blankSince = false;
    for (String line : lines) {
      int lineStart = pos;
      pos += line.length() + 1;
      String squeezed = squeeze(line);
      if (squeezed.isEmpty()) {
        blankSince = true;
        continue;
      }
      if (prevLine != null) {
        if (blankSince || !joins(prevLine, squeezed)) {
          b.append('\n');
          map.add(origin[Math.max(0, lineStart - 1)]);
        }
      }
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (isSpace(c)) {
          char before = i > 0 ? line.charAt(i - 1) : ' ';
          char after = i + 1 < line.length() ? line.charAt(i + 1) : ' ';
          if (!(isLatin(before) && isLatin(after))) {
            continue;
          }
          c = ' ';
        }
        b.append(c);
        map.add(origin[lineStart + i]);
      }
      prevLine = squeezed;
      blankSince = false;
    }
    map.add(origin[origin.length - 1]);
    return new NormalText(b.toString(), map.toArray());
  }

  private static String squeeze(String line) {
    StringBuilder b = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      if (!isSpace(line.charAt(i))) {
        b.append(line.charAt(i));
      }
    }
    return b.toString();
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
    return prev.length() >= 12 && (Character.isLetterOrDigit(first) || first == '“' || first == '《');
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u3000' || c == '\u2002' || c == '\u2003' || c == '\u2009' || c == '\u200B';
  }

  private static boolean isLatin(char c) {
    return c < 0x80 && Character.isLetter(c);
  }

  /** A growable int array. */
  static final class IntList {
    private int[] a;
    private int n;

    IntList(int capacity) {
      a = new int[Math.max(16, capacity)];
    }

    void add(int v) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, a.length * 2);
      }
      a[n++] = v;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(a, n);
    }
  }
}
