package org.gongkai.ingest.report;

import java.util.Arrays;

/**
 * MinHash signatures of character 5-shingles, for spotting a report copied from another
 * (REPORT_REUSED): the share of equal slots of two signatures estimates the Jaccard similarity
 * of their shingle sets, without carrying the texts through the pipeline. Deterministic: fixed
 * seeds, no randomness, the same text gives the same signature on every machine.
 */
public final class MinHash {
  private MinHash() {}

  public static final int SLOTS = 64;
  public static final int SHINGLE = 5;

  /** The value of a slot when the text has no shingle (shorter than five characters). */
  public static final long EMPTY = Long.MAX_VALUE;

  private static final long[] SEEDS = new long[SLOTS];

  static {
    long x = 0x5DEECE66DL;
    for (int i = 0; i < SLOTS; i++) {
      x += 0x9E3779B97F4A7C15L;
      SEEDS[i] = mix(x);
    }
  }

  /** The signature of a normalised body (see {@link ExtractedReport#body()}). */
  public static long[] signature(String body) {
    long[] sig = new long[SLOTS];
    Arrays.fill(sig, EMPTY);
    if (body == null) {
      return sig;
    }
    // The distinct shingles first (a repeated one cannot lower a slot again; reports repeat many
    // phrases), then slot by slot the minimum over them: the seed and the minimum stay in
    // registers, which makes this, the bulk of the work, about twice as fast as shingle by shingle.
    char[] text = body.toCharArray();
    long[] shingles = new long[Math.max(0, text.length - SHINGLE + 1)];
    int n = 0;
    Seen seen = new Seen(shingles.length);
    for (int i = 0; i + SHINGLE <= text.length; i++) {
      long h = 0xCBF29CE484222325L;
      for (int k = 0; k < SHINGLE; k++) {
        h = (h ^ text[i + k]) * 0x100000001B3L;
      }
      if (seen.add(h)) {
        shingles[n++] = h;
      }
    }
    for (int s = 0; s < SLOTS; s += 2) { // two slots per pass over the shingles (SLOTS is even)
      long seedA = SEEDS[s];
      long seedB = SEEDS[s + 1];
      long minA = EMPTY;
      long minB = EMPTY;
      for (int j = 0; j < n; j++) {
        long h = shingles[j];
        long a = h ^ seedA; // mix(), inlined, twice
        long b = h ^ seedB;
        a = (a ^ (a >>> 30)) * 0xBF58476D1CE4E5B9L;
        b = (b ^ (b >>> 30)) * 0xBF58476D1CE4E5B9L;
        a = (a ^ (a >>> 27)) * 0x94D049BB133111EBL;
        b = (b ^ (b >>> 27)) * 0x94D049BB133111EBL;
        a = (a ^ (a >>> 31)) & Long.MAX_VALUE; // non-negative, at most EMPTY
        b = (b ^ (b >>> 31)) & Long.MAX_VALUE;
        if (a < minA) {
          minA = a;
        }
        if (b < minB) {
          minB = b;
        }
      }
      sig[s] = minA;
      sig[s + 1] = minB;
    }
    return sig;
  }

  /** A set of shingle hashes (open addressing, linear probing), sized for a text's shingles. */
  private static final class Seen {
    private final long[] slots;
    private final boolean[] used;
    private final int mask;

    Seen(int expected) {
      int n = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1; // load factor ≤ 1/2
      slots = new long[n];
      used = new boolean[n];
      mask = n - 1;
    }

    /** Whether {@code h} was not in the set (it is now). */
    boolean add(long h) {
      int i = (int) mix(h) & mask;
      while (used[i]) {
        if (slots[i] == h) {
          return false;
        }
        i = i + 1 & mask;
      }
      used[i] = true;
      slots[i] = h;
      return true;
    }
  }

  /**
   * The estimated Jaccard similarity of two reports' shingle sets: the share of equal slots, in
   * [0, 1]. Signatures of different lengths, null ones, and empty texts give 0.
   */
  public static double similarity(long[] a, long[] b) {
    if (a == null || b == null || a.length != b.length || a.length == 0) {
      return 0;
    }
    int equal = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i] && a[i] != EMPTY) {
        equal++;
      }
    }
    return (double) equal / a.length;
  }

  /** SplitMix64's finaliser: a well-spread 64-bit hash. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
