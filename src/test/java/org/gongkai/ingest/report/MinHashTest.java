package org.gongkai.ingest.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The signature estimates the Jaccard similarity of the 5-shingle sets, short texts included. */
class MinHashTest {
  /** Random text over 600 CJK characters, then a copy with a share of its characters replaced. */
  private static String text(Random r, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append((char) (0x4E00 + r.nextInt(600)));
    }
    return b.toString();
  }

  private static String edit(Random r, String text, double share) {
    char[] c = text.toCharArray();
    for (int i = 0; i < c.length; i++) {
      if (r.nextDouble() < share) {
        c[i] = (char) (0x4E00 + r.nextInt(600));
      }
    }
    return new String(c);
  }

  private static double jaccard(String a, String b) {
    Set<String> x = shingles(a);
    Set<String> y = shingles(b);
    Set<String> union = new HashSet<>(x);
    union.addAll(y);
    x.retainAll(y);
    return union.isEmpty() ? 0 : (double) x.size() / union.size();
  }

  private static Set<String> shingles(String s) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i + MinHash.SHINGLE <= s.length(); i++) {
      out.add(s.substring(i, i + MinHash.SHINGLE));
    }
    return out;
  }

  @Test
  void estimatesTheJaccardSimilarityWithoutBias() {
    Random r = new Random(7);
    double errorSum = 0;
    int pairs = 300;
    for (int n = 0; n < pairs; n++) {
      String a = text(r, 200 + r.nextInt(4000));
      String b = edit(r, a, r.nextDouble() * 0.1);
      double truth = jaccard(a, b);
      double estimate = MinHash.similarity(MinHash.signature(a), MinHash.signature(b));
      // one estimate's standard deviation is at most 1/32 with 256 slots; five of them is far out
      assertTrue(Math.abs(estimate - truth) < 5.0 / 32, "pair " + n + ": " + estimate + " for " + truth);
      errorSum += estimate - truth;
    }
    assertTrue(Math.abs(errorSum / pairs) < 0.01, "mean error " + errorSum / pairs);
  }

  /** Near the threshold (0.9) the estimate must not drift: nearly copied texts at 0.8–0.95. */
  @Test
  void nearCopiesAreEstimatedCloseToTheirSimilarity() {
    Random r = new Random(11);
    double errorSum = 0;
    double squares = 0;
    int pairs = 200;
    for (int n = 0; n < pairs; n++) {
      String a = text(r, 1500 + r.nextInt(2000));
      String b = edit(r, a, 0.005 + r.nextDouble() * 0.02);
      double e = MinHash.similarity(MinHash.signature(a), MinHash.signature(b)) - jaccard(a, b);
      errorSum += e;
      squares += e * e;
    }
    assertTrue(Math.abs(errorSum / pairs) < 0.01, "mean error " + errorSum / pairs);
    assertTrue(Math.sqrt(squares / pairs) < 0.03, "spread " + Math.sqrt(squares / pairs));
  }

  @Test
  void shortTextsStillCompare() {
    String shortText = "主动公开信息";
    assertEquals(1.0, MinHash.similarity(MinHash.signature(shortText), MinHash.signature(shortText)));
    for (int slot : MinHash.signature(shortText)) {
      assertTrue(slot != MinHash.EMPTY, "every slot is filled from a shingle");
    }
    assertTrue(MinHash.similarity(MinHash.signature(shortText), MinHash.signature("依申请公开信息")) < 0.5);
  }

  @Test
  void nothingToCompareGivesZero() {
    assertEquals(0.0, MinHash.similarity(MinHash.signature(""), MinHash.signature("")));
    assertEquals(0.0, MinHash.similarity(MinHash.signature("四个字符"), MinHash.signature("四个字符")));
    assertEquals(0.0, MinHash.similarity(MinHash.signature(null), MinHash.signature(null)));
  }

  @Test
  void theSameTextGivesTheSameSignatureEveryTime() {
    String t = text(new Random(3), 3000);
    assertArrayEquals(MinHash.signature(t), MinHash.signature(new String(t.toCharArray())));
  }
}
