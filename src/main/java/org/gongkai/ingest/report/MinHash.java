package org.gongkai.ingest.report;

import java.util.Arrays;

/**
 * MinHash signatures of character 5-shingles, for spotting a report copied from another
 * (REPORT_REUSED): the share of equal slots of two signatures estimates the Jaccard similarity
 * of their shingle sets, without carrying the texts through the pipeline. Deterministic: fixed
 * constants, no randomness, the same text gives the same signature on every machine.
 *
 * <p>One-permutation MinHash (Li, Owen and Zhang 2012): each shingle is hashed once; the top bits
 * of the hash pick its slot and the rest compete for that slot's minimum. Two slots are equal with
 * probability the Jaccard similarity, as with one hash function per slot, but the cost no longer
 * grows with the slots, so there are 256 of them: on the generated national reports, whose
 * templates make many pairs 80–89 % alike, 64 slots of this kind flagged 995 pairs as ≥ 90 %,
 * 256 slots flag 268, 119 of the 144 that truly are (MinHashTest checks the spread). A slot
 * no shingle fell into borrows from the next filled slot on its right, marked with the distance
 * (rotation densification, Shrivastava and Li 2014), so that short texts still compare.
 */
public final class MinHash {
  private MinHash() {}

  public static final int SLOTS = 256;
  public static final int SHINGLE = 5;

  /** The value of a slot when the text has no shingle (shorter than five characters). */
  public static final int EMPTY = Integer.MAX_VALUE;

  private static final int SLOT_BITS = 8; // 2^8 = SLOTS
  private static final int VALUE_BITS = 22; // a borrowed value adds its distance (< 2^8) above, still < EMPTY
  private static final long VALUE_MASK = (1L << VALUE_BITS) - 1;

  /** The signature of a normalised body (see {@link ExtractedReport#body()}). */
  public static int[] signature(String body) {
    int[] sig = new int[SLOTS];
    Arrays.fill(sig, EMPTY);
    if (body == null || body.length() < SHINGLE) {
      return sig;
    }
    char[] text = body.toCharArray();
    for (int i = 0; i + SHINGLE <= text.length; i++) {
      long h = 0xCBF29CE484222325L; // FNV-1a of the shingle, then spread
      for (int k = 0; k < SHINGLE; k++) {
        h = (h ^ text[i + k]) * 0x100000001B3L;
      }
      h = mix(h);
      int slot = (int) (h >>> (64 - SLOT_BITS));
      int value = (int) (h & VALUE_MASK);
      if (value < sig[slot]) {
        sig[slot] = value;
      }
    }
    densify(sig);
    return sig;
  }

  /** Fills each empty slot from the next filled one (circularly), the distance kept above the value bits. */
  private static void densify(int[] sig) {
    int[] own = null;
    for (int i = 0; i < SLOTS; i++) {
      if (sig[i] != EMPTY) { // not yet overwritten: slots are filled in order
        continue;
      }
      if (own == null) {
        own = sig.clone();
      }
      for (int d = 1; d < SLOTS; d++) {
        int v = own[(i + d) % SLOTS];
        if (v != EMPTY) {
          sig[i] = d << VALUE_BITS | v;
          break;
        }
      }
    }
  }

  /**
   * The estimated Jaccard similarity of two reports' shingle sets: the share of equal slots, in
   * [0, 1]. Signatures of different lengths, null ones, and empty texts give 0.
   */
  public static double similarity(int[] a, int[] b) {
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
