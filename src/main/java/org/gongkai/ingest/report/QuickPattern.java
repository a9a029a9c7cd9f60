package org.gongkai.ingest.report;

import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern together with the characters its matches can begin with, worked out from the regex
 * itself. {@code java.util.regex} tries the whole pattern at every position of the text (for an
 * alternation of 30 keywords, 30 comparisons per character); most rules of the prose reader
 * begin with one of a few ideographs, so a table look-up per character skips to the positions
 * where a match can start, and a text without any of them is not searched at all. Results are
 * exactly those of {@link Matcher#find()}: a match at position p consumes the character at p,
 * so positions whose character is not in the set cannot start one.
 *
 * <p>The analysis knows the syntax the rules use (literals, classes, {@code \d}, groups,
 * alternation, quantifiers, look-arounds, anchors). A pattern it cannot analyse, or one that can
 * match the empty string (which may start anywhere), is refused: use a plain {@link Pattern}.
 */
final class QuickPattern {
  private final Pattern pattern;
  private final long[] first; // a bit per character that can begin a match, up to the highest one
  private final char[] few; // the characters that can begin a match when they are few, else null
  private final String literal; // the whole pattern when it is plain text, else null

  private QuickPattern(Pattern pattern, BitSet first, String literal) {
    this.pattern = pattern;
    this.first = first.toLongArray();
    if (first.cardinality() <= FEW) {
      few = new char[first.cardinality()];
      int k = 0;
      for (int c = first.nextSetBit(0); c >= 0; c = first.nextSetBit(c + 1)) {
        few[k++] = (char) c;
      }
    } else {
      few = null;
    }
    this.literal = literal;
  }

  /** @throws IllegalArgumentException when the characters a match begins with are not known */
  static QuickPattern compile(String regex) {
    Pattern p = Pattern.compile(regex);
    BitSet first = firstChars(regex);
    if (first == null) {
      throw new IllegalArgumentException("the first characters of matches of " + regex + " are not known");
    }
    boolean plain = regex.chars().noneMatch(c -> "\\[](){}.*+?^$|".indexOf(c) >= 0);
    return new QuickPattern(p, first, plain ? regex : null);
  }

  Pattern pattern() {
    return pattern;
  }

  /** {@code pattern().matcher(s).find()}. */
  boolean find(String s) {
    int at = next(s, 0);
    return at >= 0 && find(pattern.matcher(s), s, at);
  }

  /** {@code pattern().matcher(s).matches()}: a whole match begins with the first character. */
  boolean matches(String s) {
    return !s.isEmpty() && canBegin(s.charAt(0)) && pattern.matcher(s).matches();
  }

  /** {@code pattern().matcher(s).lookingAt()}: a match at the start begins with the first character. */
  boolean lookingAt(String s) {
    return !s.isEmpty() && canBegin(s.charAt(0)) && pattern.matcher(s).lookingAt();
  }

  private boolean canBegin(char c) {
    int w = c >>> 6;
    return w < first.length && (first[w] & 1L << c) != 0;
  }

  /** Start of the first match, or -1: {@code m.find() ? m.start() : -1}. */
  int indexIn(String s) {
    int at = next(s, 0);
    if (at < 0) {
      return -1;
    }
    Matcher m = pattern.matcher(s);
    return find(m, s, at) ? m.start() : -1;
  }

  /**
   * The next match of {@code m} (a matcher of this pattern over {@code s}) at or after {@code
   * from}: what successive {@code m.find()} calls give when {@code from} is the end of the
   * previous match (0 at first; matches are never empty). Only the positions that can begin a
   * match are tried, each as {@code find} would try it: the region starts there, with
   * transparent bounds (look-behinds see the text before it) and without anchoring ones ({@code
   * ^} still means the start of the text). Afterwards {@code m} has that region.
   */
  boolean find(Matcher m, String s, int from) {
    m.useTransparentBounds(true).useAnchoringBounds(false);
    for (int at = next(s, from); at >= 0; at = next(s, at + 1)) {
      m.region(at, s.length());
      if (m.lookingAt()) {
        return true;
      }
    }
    return false;
  }

  /** The first position at or after {@code from} where a match may start, or -1. */
  int next(String s, int from) {
    if (from > s.length()) {
      return -1;
    }
    if (literal != null) {
      return s.indexOf(literal, from); // String.indexOf is much faster than a loop of charAt
    }
    if (few != null) {
      int at = -1;
      for (char c : few) {
        int i = s.indexOf(c, from);
        if (i >= 0 && (at < 0 || i < at)) {
          at = i;
        }
      }
      return at;
    }
    long[] bits = first; // a plain array: this loop is the hottest of the prose reader
    int words = bits.length;
    for (int i = from, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      int w = c >>> 6;
      if (w < words && (bits[w] & 1L << c) != 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Up to this many first characters, a search with String.indexOf per character beats the loop
   * over the text (C1, which the pipeline runs with, does not optimise charAt: ~3 ns a character
   * against ~0.4 for indexOf).
   */
  private static final int FEW = 6;

  // ---- the analysis -------------------------------------------------------------------------

  /** The characters a match of {@code regex} can begin with, or null when unknown. */
  static BitSet firstChars(String regex) {
    try {
      Parser p = new Parser(regex);
      Node n = p.alternation();
      if (p.pos != regex.length() || n.any || n.nullable) {
        return null;
      }
      return n.first;
    } catch (Unsupported e) {
      return null;
    }
  }

  /** What a piece of a regex can begin with: characters, or any (unknown); whether it can match empty. */
  private record Node(BitSet first, boolean any, boolean nullable) {
    static Node empty() {
      return new Node(new BitSet(), false, true);
    }

    static Node anything() {
      return new Node(new BitSet(), true, false);
    }
  }

  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  private static final class Parser {
    private final String re;
    private int pos;

    Parser(String re) {
      this.re = re;
    }

    Node alternation() {
      Node n = sequence();
      BitSet first = (BitSet) n.first.clone();
      boolean any = n.any;
      boolean nullable = n.nullable;
      while (pos < re.length() && re.charAt(pos) == '|') {
        pos++;
        Node b = sequence();
        first.or(b.first);
        any |= b.any;
        nullable |= b.nullable;
      }
      return new Node(first, any, nullable);
    }

    Node sequence() {
      BitSet first = new BitSet();
      boolean any = false;
      boolean nullable = true; // so far every element can match empty
      while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
        Node e = quantified(atom());
        if (nullable) {
          first.or(e.first);
          any |= e.any;
          nullable = e.nullable;
        }
      }
      return new Node(first, any, nullable);
    }

    /** An atom's quantifier: one that allows zero repetitions makes it nullable. */
    Node quantified(Node atom) {
      if (pos >= re.length()) {
        return atom;
      }
      char c = re.charAt(pos);
      boolean zero;
      if (c == '?' || c == '*') {
        zero = true;
        pos++;
      } else if (c == '+') {
        zero = false;
        pos++;
      } else if (c == '{') {
        int close = re.indexOf('}', pos);
        if (close < 0) {
          throw new Unsupported();
        }
        String body = re.substring(pos + 1, close);
        if (!body.matches("\\d+(?:,\\d*)?")) {
          throw new Unsupported();
        }
        zero = Integer.parseInt(body.split(",", -1)[0]) == 0;
        pos = close + 1;
      } else {
        return atom;
      }
      if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
        pos++; // lazy or possessive: the same characters
      }
      return zero ? new Node(atom.first, atom.any, true) : atom;
    }

    Node atom() {
      char c = re.charAt(pos);
      switch (c) {
        case '(':
          return group();
        case '[':
          return charClass();
        case '\\':
          return single(escape());
        case '^':
        case '$':
          pos++;
          return Node.empty(); // anchors consume nothing
        case '.':
          pos++;
          return Node.anything();
        case '*':
        case '+':
        case '?':
        case '{':
        case '}':
        case ']':
          throw new Unsupported();
        default:
          if (Character.isSurrogate(c)) {
            throw new Unsupported();
          }
          pos++;
          return single(c);
      }
    }

    private static Node single(int c) {
      BitSet b = new BitSet();
      add(b, c);
      return new Node(b, false, false);
    }

    /** Adds a character, or the characters of {@link #DIGIT} or {@link #SPACE}. */
    private static void add(BitSet b, int c) {
      if (c == DIGIT) {
        b.set('0', '9' + 1);
      } else if (c == SPACE) {
        b.set('\t', '\r' + 1); // \t \n \u000B \f \r
        b.set(' ');
      } else {
        b.set(c);
      }
    }

    Node group() {
      pos++; // (
      boolean lookaround = false;
      if (re.startsWith("?:", pos)) {
        pos += 2;
      } else if (re.startsWith("?=", pos) || re.startsWith("?!", pos)) {
        pos += 2;
        lookaround = true;
      } else if (re.startsWith("?<=", pos) || re.startsWith("?<!", pos)) {
        pos += 3;
        lookaround = true;
      } else if (re.startsWith("?<", pos)) {
        int close = re.indexOf('>', pos);
        if (close < 0) {
          throw new Unsupported();
        }
        pos = close + 1; // a named group
      } else if (re.startsWith("?", pos)) {
        throw new Unsupported(); // flags, atomic groups
      }
      Node inner = alternation();
      if (pos >= re.length() || re.charAt(pos) != ')') {
        throw new Unsupported();
      }
      pos++;
      // A look-around consumes nothing: what follows it gives the first character (a
      // positive look-ahead only narrows that, so ignoring it keeps a superset).
      return lookaround ? Node.empty() : inner;
    }

    Node charClass() {
      pos++; // [
      boolean negated = pos < re.length() && re.charAt(pos) == '^';
      if (negated) {
        pos++;
      }
      BitSet b = new BitSet();
      boolean firstInClass = true;
      while (true) {
        if (pos >= re.length()) {
          throw new Unsupported();
        }
        char c = re.charAt(pos);
        if (c == ']' && !firstInClass) {
          pos++;
          break;
        }
        if (c == '[' || re.startsWith("&&", pos)) {
          throw new Unsupported(); // nested classes, intersections
        }
        int from;
        if (c == '\\') {
          from = escape();
        } else {
          if (Character.isSurrogate(c)) {
            throw new Unsupported();
          }
          from = c;
          pos++;
        }
        firstInClass = false;
        if (from == DIGIT || from == SPACE) {
          add(b, from);
          continue;
        }
        if (pos + 1 < re.length() && re.charAt(pos) == '-' && re.charAt(pos + 1) != ']') {
          pos++;
          int to;
          if (re.charAt(pos) == '\\') {
            to = escape();
          } else {
            to = re.charAt(pos);
            pos++;
          }
          if (to < 0 || to < from || Character.isSurrogate((char) to)) {
            throw new Unsupported();
          }
          b.set(from, to + 1);
        } else {
          b.set(from);
        }
      }
      return negated ? Node.anything() : new Node(b, false, false); // negated: nearly anything
    }

    /** A backslash escape as the character it stands for, {@link #DIGIT} or {@link #SPACE}; others unsupported. */
    int escape() {
      pos++; // backslash
      if (pos >= re.length()) {
        throw new Unsupported();
      }
      char c = re.charAt(pos);
      pos++;
      if (c == 'd') {
        return DIGIT;
      }
      if (c == 's') {
        return SPACE;
      }
      if (c == 'u' && pos + 4 <= re.length()) {
        int v = Integer.parseInt(re.substring(pos, pos + 4), 16);
        pos += 4;
        if (Character.isSurrogate((char) v)) {
          throw new Unsupported();
        }
        return v;
      }
      if (c == 't') {
        return '\t';
      }
      if (c == 'n') {
        return '\n';
      }
      if (!Character.isLetterOrDigit(c) && c < 0x80) {
        return c; // an escaped metacharacter
      }
      throw new Unsupported(); // \w, \b, \R, \p{…}, back references, \Q…\E
    }
  }

  /** Stand for {@code \d} ([0-9]) and {@code \s} ([ \t\n\x0B\f\r]) in the parser (no UNICODE_CHARACTER_CLASS). */
  private static final int DIGIT = -1;
  private static final int SPACE = -2;
}
