package org.gongkai.bench;

import java.util.SplittableRandom;

/** Deterministic random streams keyed by (seed, township code, year, purpose), independent of iteration order. */
final class Rng {
  private Rng() {}

  static long mix(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static long key(String code) {
    long h = 1125899906842597L;
    for (int i = 0; i < code.length(); i++) {
      h = 31 * h + code.charAt(i);
    }
    return h;
  }

  static SplittableRandom of(long seed, String code, int year, int purpose) {
    return new SplittableRandom(mix(mix(mix(seed, key(code)), year), purpose));
  }
}
