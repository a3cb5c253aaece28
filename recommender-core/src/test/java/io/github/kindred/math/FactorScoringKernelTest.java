package io.github.kindred.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactorScoringKernelTest {
  private static float[] random(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return out;
  }

  /** The dot product in double precision: the yardstick for float rounding. */
  private static double exactDot(float[] a, int aOff, float[] b, int bOff, int n) {
    double s = 0;
    for (int f = 0; f < n; f++) {
      s += (double) a[aOff + f] * b[bOff + f];
    }
    return s;
  }

  @Test
  void handWorkedDot() {
    float[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    float[] b = {0, 10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2};
    // b[2..12) = (1, 1, 1, 1, 1, 1, 1, 1, 1, 2): 1 + 2 + ... + 9 + 10 * 2 = 45 + 20 = 65
    assertThat(FactorScoring.dot(a, 0, b, 2, 10)).isEqualTo(65f);
    assertThat(FactorScoring.dot(a, 9, b, 1, 1)).isEqualTo(100f);
    assertThat(FactorScoring.dot(a, 0, b, 0, 0)).isEqualTo(0f);
  }

  @ParameterizedTest
  @CsvSource({"1", "3", "7", "8", "9", "31", "64", "65", "200"})
  void dotIsWithinFloatRoundingOfTheExactValue(int n) {
    float[] a = random(n + 3, n);
    float[] b = random(n + 5, n + 100);
    double exact = exactDot(a, 3, b, 5, n);
    // n additions of terms below 1 in magnitude: error at most about n * ulp(1) = n * 1.2e-7
    assertThat((double) FactorScoring.dot(a, 3, b, 5, n)).isCloseTo(exact, within(n * 2.4e-7));
  }

  @ParameterizedTest
  @CsvSource({"100, 64, 10", "1000, 7, 25", "3000, 64, 10", "5, 3, 10"})
  void scoreTopNEqualsScoreAllThenSelect(int items, int factors, int n) {
    float[] m = random(items * factors, items);
    float[] user = random(factors, factors);
    int[] excluded = {1, 2, items / 3, items - 2};
    float[] scores = new float[items];
    FactorScoring.scoreAll(m, items, factors, user, scores);
    for (int i = 0; i < items; i++) {
      assertThat((double) scores[i]).isCloseTo(exactDot(user, 0, m, i * factors, factors), within(factors * 2.4e-7));
    }
    for (int e : excluded) {
      scores[e] = Float.NEGATIVE_INFINITY;
    }
    int[] expected = TopN.select(scores, n);
    TopN top = new TopN(n);
    FactorScoring.scoreTopN(m, items, factors, user, Arrays.stream(excluded).distinct().sorted().toArray(), top);
    assertThat(top.drain()).containsExactly(expected);
  }

  @Test
  void batchEqualsOneUserAtATime() {
    int items = 5000; // several 64 KB tiles at 16 factors
    int factors = 16;
    int users = 7;
    float[] m = random(items * factors, 1);
    float[] u = random(users * factors, 2);
    int[][] excluded = new int[users][];
    TopN[] batch = new TopN[users];
    for (int k = 0; k < users; k++) {
      excluded[k] = k == 0 ? new int[0] : new int[] {k, 1000 * k + 3, items - k};
      batch[k] = new TopN(10);
    }
    FactorScoring.scoreTopNBatch(m, items, factors, u, users, excluded, batch);
    for (int k = 0; k < users; k++) {
      TopN single = new TopN(10);
      FactorScoring.scoreTopN(m, items, factors, Arrays.copyOfRange(u, k * factors, (k + 1) * factors),
          excluded[k], single);
      int[] a = new int[10];
      int[] b = new int[10];
      float[] as = new float[10];
      float[] bs = new float[10];
      batch[k].drainTo(a, as);
      single.drainTo(b, bs);
      assertThat(a).as("user %d", k).containsExactly(b);
      assertThat(as).as("user %d", k).containsExactly(bs);
    }
  }
}
