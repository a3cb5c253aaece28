package io.github.kindred.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Int8ItemFactorsTest {
  /** Seeded values uniform in [-1, 1). */
  static float[] uniform(int length, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] out = new float[length];
    for (int i = 0; i < length; i++) {
      out[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return out;
  }

  @Test
  void aHandWorkedScoreMatchesTheScalesAndCodes() {
    // Item (1, -0.25): scale 1/127, codes (127, round(-31.75) = -32). User (2, 1): scale 2/127, codes
    // (127, round(63.5) = 64). Score = (1/127)(2/127)(127 * 127 - 32 * 64) = 2 * 14081 / 16129.
    Int8ItemFactors q = Int8ItemFactors.quantize(new float[] {1f, -0.25f}, 1, 2);
    assertThat(q.code(0, 0)).isEqualTo(127);
    assertThat(q.code(0, 1)).isEqualTo(-32);
    float[] scores = new float[1];
    q.scoreAll(new float[] {2f, 1f}, scores);
    assertThat(scores[0]).isCloseTo(2f * 14081 / 16129, org.assertj.core.data.Offset.offset(1e-6f));
  }

  @Test
  void theTestJvmRunsTheVectorKernel() {
    // The build runs tests with the Vector API module, so scoreAll above exercises Int8Dot; the register kernel is
    // tested through registerDot.
    assertThat(Int8ItemFactors.VECTOR).isTrue();
  }

  /** Factors whose largest absolute value is 127: scale 1, so the codes are the values themselves. */
  private static Int8ItemFactors integers(int[][] rows) {
    int dims = rows[0].length;
    float[] factors = new float[rows.length * dims];
    for (int i = 0; i < rows.length; i++) {
      for (int d = 0; d < dims; d++) {
        factors[i * dims + d] = rows[i][d];
      }
    }
    Int8ItemFactors q = Int8ItemFactors.quantize(factors, rows.length, dims);
    for (int i = 0; i < rows.length; i++) {
      assertThat(q.scale(i)).isEqualTo(1f);
    }
    return q;
  }

  private static int[] padded(int[] query) {
    return java.util.Arrays.copyOf(query, 8 * ((query.length + 7) / 8));
  }

  @Test
  void bothKernelsGiveHandComputedCodeDotProducts() throws Throwable {
    // (127, -2, 5) . (1, 2, 3) = 127 - 4 + 15 = 138; (-127, 127, 0) . (1, 2, 3) = -127 + 254 = 127.
    Int8ItemFactors small = integers(new int[][] {{127, -2, 5}, {-127, 127, 0}});
    int[] q = padded(new int[] {1, 2, 3});
    assertThat(small.registerDot(0, q)).isEqualTo(138);
    assertThat(small.vectorDot(0, q)).isEqualTo(138);
    assertThat(small.registerDot(1, q)).isEqualTo(127);
    assertThat(small.vectorDot(1, q)).isEqualTo(127);
    // The extremes at every length around the lane widths (8 ints with AVX2, 16 with AVX-512, 2 x 16 unrolled):
    // all codes 127 against all -127 gives -16129 n; alternating +-127 against 127 gives 0 for even n, 16129 odd.
    for (int n : new int[] {1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 64, 100, 200}) {
      int[] ones = new int[n];
      int[] alternating = new int[n];
      int[] query = new int[n];
      for (int d = 0; d < n; d++) {
        ones[d] = 127;
        alternating[d] = d % 2 == 0 ? 127 : -127;
        query[d] = -127;
      }
      Int8ItemFactors rows = integers(new int[][] {ones, alternating});
      int[] minus = padded(query);
      int[] plus = padded(java.util.Arrays.stream(query).map(v -> -v).toArray());
      assertThat(rows.registerDot(0, minus)).as("n = %d", n).isEqualTo(-16129 * n);
      assertThat(rows.vectorDot(0, minus)).as("n = %d", n).isEqualTo(-16129 * n);
      assertThat(rows.registerDot(1, plus)).as("n = %d", n).isEqualTo(n % 2 == 0 ? 0 : 16129);
      assertThat(rows.vectorDot(1, plus)).as("n = %d", n).isEqualTo(n % 2 == 0 ? 0 : 16129);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 8, 13, 64, 100})
  void bothKernelsEqualThePlainIntegerSumOfTheCodes(int dims) throws Throwable {
    SplittableRandom random = new SplittableRandom(dims);
    int items = 40;
    Int8ItemFactors q = Int8ItemFactors.quantize(uniform(items * dims, dims + 1), items, dims);
    int[] query = new int[8 * ((dims + 7) / 8)];
    for (int d = 0; d < dims; d++) {
      query[d] = random.nextInt(-127, 128);
    }
    for (int i = 0; i < items; i++) {
      int sum = 0;
      for (int d = 0; d < dims; d++) {
        sum += query[d] * q.code(i, d);
      }
      assertThat(q.registerDot(i, query)).isEqualTo(sum);
      assertThat(q.vectorDot(i, query)).isEqualTo(sum);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 8, 13, 64, 100})
  void theRegisterKernelEqualsThePlainIntegerSumOfTheCodes(int dims) {
    // The kernel packs two products per multiply; the reference multiplies code by code. The integer sums must be
    // equal, so the scores are equal bit for bit when formed by the same float expression.
    int items = 50;
    float[] factors = uniform(items * dims, dims);
    // Extremes: a zero row, a row at +-max in every dimension (codes +-127, the largest products).
    java.util.Arrays.fill(factors, 0, dims, 0f);
    for (int d = 0; d < dims; d++) {
      factors[dims + d] = d % 2 == 0 ? 3f : -3f;
    }
    float[] user = uniform(dims, 99);
    user[0] = -1f;
    Int8ItemFactors q = Int8ItemFactors.quantize(factors, items, dims);
    float userMax = 0f;
    for (int d = 0; d < dims; d++) {
      userMax = Math.max(userMax, Math.abs(user[d]));
    }
    float userScale = userMax / 127f;
    float[] scores = new float[items];
    q.scoreAll(user, scores);
    for (int i = 0; i < items; i++) {
      long sum = 0;
      for (int d = 0; d < dims; d++) {
        sum += (long) Math.round(user[d] / userScale) * q.code(i, d);
      }
      assertThat(scores[i]).isEqualTo(q.scale(i) * userScale * (float) sum);
    }
  }

  @Test
  void everyScoreIsWithinTheErrorBoundDerivedFromTheScales() {
    int items = 2_000;
    int dims = 64;
    float[] factors = uniform(items * dims, 1);
    Int8ItemFactors q = Int8ItemFactors.quantize(factors, items, dims);
    float[] scores = new float[items];
    for (int u = 0; u < 10; u++) {
      float[] user = uniform(dims, 100 + u);
      q.scoreAll(user, scores);
      for (int i = 0; i < items; i++) {
        double exact = 0;
        double magnitude = 0;
        for (int d = 0; d < dims; d++) {
          exact += (double) user[d] * factors[i * dims + d];
          magnitude += Math.abs(user[d] * factors[i * dims + d]);
        }
        // Plus float rounding of the final products: a few ulps of the score's magnitude.
        double slack = 1e-5 * magnitude;
        assertThat(Math.abs(scores[i] - exact)).isLessThanOrEqualTo(q.errorBound(user, i, factors) + slack);
      }
    }
  }

  @Test
  void rerankingEnoughCandidatesGivesTheExactTopWithExactScores() {
    // An item of the true top 10 can fall out of the quantised top K only if K items have a quantised score above
    // its own, that is exact score + bound above its exact score - bound. Counting those items for the 10th best
    // gives a candidate count that guarantees the exact answer; the test uses exactly that count.
    int items = 5_000;
    int dims = 32;
    float[] factors = uniform(items * dims, 2);
    Int8ItemFactors q = Int8ItemFactors.quantize(factors, items, dims);
    for (int u = 0; u < 5; u++) {
      float[] user = uniform(dims, 200 + u);
      float[] exact = new float[items];
      FactorScoring.scoreAll(factors, items, dims, user, exact);
      int[] top = TopN.select(exact, 10);
      float tenth = exact[top[9]];
      float maxBound = 0f;
      for (int i = 0; i < items; i++) {
        maxBound = Math.max(maxBound, q.errorBound(user, i, factors));
      }
      int needed = 0;
      for (int i = 0; i < items; i++) {
        if (exact[i] + maxBound >= tenth - maxBound) {
          needed++;
        }
      }
      assertThat(needed).isLessThan(items / 4);
      TopN candidates = new TopN(1);
      TopN out = new TopN(10);
      q.scoreTopNReranked(user, new int[0], factors, needed, candidates, out);
      int[] ids = new int[10];
      float[] scores = new float[10];
      out.drainTo(ids, scores);
      assertThat(ids).containsExactly(top);
      for (int k = 0; k < 10; k++) {
        assertThat(scores[k]).isEqualTo(exact[top[k]]);
      }
    }
  }

  @Test
  void exclusionsAreSkippedAndMemoryIsAQuarterPlusTheScale() {
    int items = 300;
    int dims = 64;
    float[] factors = uniform(items * dims, 3);
    Int8ItemFactors q = Int8ItemFactors.quantize(factors, items, dims);
    // 300 items fill 19 blocks of 16 (the last one 12 items and 4 zero slots), each slot 64 code bytes + a 4-byte
    // scale: a little over a quarter of the 300 x 256 bytes of floats.
    assertThat(q.bytes()).isEqualTo(19 * 16 * (64L + 4L));
    float[] user = uniform(dims, 4);
    TopN all = new TopN(5);
    q.scoreTopN(user, new int[0], all);
    int[] best = all.drain();
    int[] excluded = best.clone();
    java.util.Arrays.sort(excluded);
    TopN rest = new TopN(5);
    q.scoreTopN(user, excluded, rest);
    assertThat(rest.drain()).doesNotContain(best);
  }

  @Test
  void badInputIsRejectedNamingTheProblem() {
    float[] bad = {1f, 2f, Float.NaN, 0f};
    assertThatThrownBy(() -> Int8ItemFactors.quantize(bad, 2, 2)).hasMessageContaining("item 1 dimension 0 is NaN");
    assertThatThrownBy(() -> Int8ItemFactors.quantize(new float[3], 2, 2)).hasMessageContaining("3 floats");
    assertThatThrownBy(() -> Int8ItemFactors.quantize(new float[3], 1, 0)).hasMessageContaining("dimensions");
    Int8ItemFactors q = Int8ItemFactors.quantize(new float[4], 2, 2);
    assertThatThrownBy(() -> q.scoreAll(new float[1], new float[2])).hasMessageContaining("user vector has 1");
    assertThatThrownBy(() -> q.scoreAll(new float[] {0f, Float.NaN}, new float[2]))
        .hasMessageContaining("user vector value 1 is NaN");
    assertThatThrownBy(() -> q.scoreTopNReranked(new float[2], new int[0], new float[4], 0, new TopN(1),
        new TopN(1))).hasMessageContaining("candidateCount must be >= 1, got 0");
  }
}
