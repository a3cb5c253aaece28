package io.github.kindred.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 16-item block layout of {@link Int8ItemFactors} against a reference written here: quantisation by the
 * definition (scale = max |x| / 127, code = round(x / scale)), scores as the plain loop
 * {@code (s_i * s_u) * (float) sum_d q_d c_id}, and top N as a full sort by score, then index. The build runs this
 * class twice: with the Vector API module (the vector block kernel) and on a plain JVM (the register kernel), so
 * both scoring paths meet the same reference.
 */
class Int8BlockLayoutTest {
  private static float[] uniform(int length, long seed) {
    return Int8ItemFactorsTest.uniform(length, seed);
  }

  private static float scaleOf(float[] x, int off, int n) {
    float max = 0f;
    for (int d = 0; d < n; d++) {
      max = Math.max(max, Math.abs(x[off + d]));
    }
    return max / 127f;
  }

  private static int codeOf(float x, float scale) {
    return scale == 0f ? 0 : Math.max(-127, Math.min(127, Math.round(x / scale)));
  }

  /** The quantised scores by the definition, one item at a time. */
  private static float[] referenceScores(float[] factors, int items, int dims, float[] user) {
    float userScale = scaleOf(user, 0, dims);
    float[] out = new float[items];
    for (int i = 0; i < items; i++) {
      float itemScale = scaleOf(factors, i * dims, dims);
      long sum = 0;
      for (int d = 0; d < dims; d++) {
        sum += (long) codeOf(user[d], userScale) * codeOf(factors[i * dims + d], itemScale);
      }
      out[i] = itemScale * userScale * (float) sum;
    }
    return out;
  }

  @Test
  void theKernelIsTheOneThisJvmCanRun() {
    assertThat(Int8ItemFactors.VECTOR).isEqualTo(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "15, 3", "16, 8", "17, 13", "31, 64", "33, 65", "48, 2", "50, 100"})
  void codesAndScoresMatchTheDefinitionForPartialBlocksAndOddDimensions(int items, int dims) {
    float[] factors = uniform(items * dims, 31L * items + dims);
    // A zero item (scale 0) and, when there is room, one at +-max in every dimension (codes +-127).
    Arrays.fill(factors, 0, dims, 0f);
    if (items > 1) {
      for (int d = 0; d < dims; d++) {
        factors[(items - 1) * dims + d] = d % 3 == 0 ? -2f : 2f;
      }
    }
    Int8ItemFactors q = Int8ItemFactors.quantize(factors, items, dims);
    for (int i = 0; i < items; i++) {
      float scale = scaleOf(factors, i * dims, dims);
      assertThat(q.scale(i)).isEqualTo(scale);
      for (int d = 0; d < dims; d++) {
        assertThat(q.code(i, d)).as("item %d dimension %d", i, d).isEqualTo(codeOf(factors[i * dims + d], scale));
      }
    }
    for (int u = 0; u < 3; u++) {
      float[] user = uniform(dims, 1000 + u);
      float[] scores = new float[items + 3];
      Arrays.fill(scores, 42f);
      q.scoreAll(user, scores);
      float[] expected = referenceScores(factors, items, dims, user);
      for (int i = 0; i < items; i++) {
        assertThat(scores[i]).as("item %d", i).isEqualTo(expected[i]);
      }
      // Nothing is written past the last item, even though the last block has padding slots.
      assertThat(Arrays.copyOfRange(scores, items, items + 3)).containsOnly(42f);
    }
  }

  @Test
  void hundredTwentySevenAtTheDimensionLimitStaysExact() {
    // 65,536 dimensions of code 127 against a query of -127: -16129 x 65536 = -1,057,030,144 per item, the largest
    // magnitude the register kernel's 32-bit lanes must hold (biased: 255 x -127 x 65536 = -2,122,383,360).
    int dims = Int8ItemFactors.MAX_DIMENSIONS;
    int items = 17;
    float[] factors = new float[items * dims];
    Arrays.fill(factors, 1f);
    Int8ItemFactors q = Int8ItemFactors.quantize(factors, items, dims);
    int[] query = new int[dims];
    Arrays.fill(query, -127);
    for (int i : new int[] {0, 7, 8, 15, 16}) {
      assertThat(q.registerDot(i, query)).isEqualTo(-1_057_030_144);
    }
    float[] user = new float[dims];
    Arrays.fill(user, -3f);
    float[] scores = new float[items];
    q.scoreAll(user, scores);
    // scales 1/127 and 3/127: (1/127 * 3/127) * (float) -1,057,030,144, formed in float as the kernel does.
    assertThat(scores).containsOnly((1f / 127f) * (3f / 127f) * (float) -1_057_030_144);
    assertThatThrownBy(() -> Int8ItemFactors.quantize(new float[0], 0, dims + 1))
        .hasMessageContaining("dimensions must be in [1, 65536], got 65537");
  }

  /** The top {@code n} of the reference scores of the non-excluded items plus {@code extra}, sorted fully. */
  private static int[] referenceTop(float[] scores, int[] excluded, List<float[]> extra, int n) {
    List<float[]> all = new ArrayList<>(extra);
    for (int i = 0; i < scores.length; i++) {
      if (Arrays.binarySearch(excluded, i) < 0) {
        all.add(new float[] {i, scores[i]});
      }
    }
    all.sort(Comparator.<float[]>comparingDouble(p -> -p[1]).thenComparingDouble(p -> p[0]));
    return all.stream().limit(n).mapToInt(p -> (int) p[0]).toArray();
  }

  @ParameterizedTest
  @CsvSource({"1, 5, 3", "16, 7, 1", "17, 5, 16", "40, 13, 10", "95, 64, 20"})
  void topNEqualsAFullSortWithExclusionsAndTies(int items, int dims, int n) {
    // Every item copies one of three rows, so scores tie in groups spread over all blocks: ties must go to the
    // smaller index. Exclusions hit the first item, the last one and a run across a block boundary.
    float[] rows = uniform(3 * dims, items);
    float[] factors = new float[items * dims];
    for (int i = 0; i < items; i++) {
      System.arraycopy(rows, (i * 7 % 3) * dims, factors, i * dims, dims);
    }
    Int8ItemFactors q = Int8ItemFactors.quantize(factors, items, dims);
    int[] excluded = Arrays.stream(new int[] {0, 14, 15, 16, 17, items - 1, items + 5})
        .filter(i -> i < items + 6).distinct().sorted().toArray();
    for (int u = 0; u < 4; u++) {
      float[] user = uniform(dims, 500 + u);
      float[] expected = referenceScores(factors, items, dims, user);
      TopN top = new TopN(n);
      q.scoreTopN(user, excluded, top);
      assertThat(top.drain()).as("user %d", u).containsExactly(referenceTop(expected, excluded, List.of(), n));
      // A selector that already holds candidates (ids the items do not use) starts from their threshold.
      TopN seeded = new TopN(n);
      List<float[]> extra = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        float s = expected[k % items] + (k % 2 == 0 ? 0f : -0.01f);
        seeded.offer(1000 + k, s);
        extra.add(new float[] {1000 + k, s});
      }
      q.scoreTopN(user, excluded, seeded);
      assertThat(seeded.drain()).as("seeded, user %d", u).containsExactly(referenceTop(expected, excluded, extra, n));
    }
  }

  @Test
  void aHandWorkedBlockOfSeventeenItems() {
    // Item i (0..16) is (i - 8, 127) in two dimensions: scale 1, codes (i - 8, 127). The user (127, -127) has scale
    // 1 and codes (127, -127): item i scores 127 (i - 8) - 16129 = 127 i - 17145, increasing in i. Top 3 with item
    // 16 (the one item of the second block) and item 15 excluded: items 14, 13, 12.
    int items = 17;
    float[] factors = new float[2 * items];
    for (int i = 0; i < items; i++) {
      factors[2 * i] = i - 8;
      factors[2 * i + 1] = 127f;
    }
    Int8ItemFactors q = Int8ItemFactors.quantize(factors, items, 2);
    float[] scores = new float[items];
    q.scoreAll(new float[] {127f, -127f}, scores);
    for (int i = 0; i < items; i++) {
      assertThat(scores[i]).isEqualTo(127f * i - 17145f);
    }
    TopN top = new TopN(3);
    q.scoreTopN(new float[] {127f, -127f}, new int[] {15, 16}, top);
    int[] ids = new int[3];
    float[] best = new float[3];
    top.drainTo(ids, best);
    assertThat(ids).containsExactly(14, 13, 12);
    assertThat(best).containsExactly(-15367f, -15494f, -15621f);
  }
}
