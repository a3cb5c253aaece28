package io.github.kindred.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlockedItemFactorsTest {
  /** The plain reference: one accumulator, factors in order. */
  private static float plainDot(float[] user, int userOff, float[] m, int row, int factors) {
    float s = 0f;
    for (int f = 0; f < factors; f++) {
      s += user[userOff + f] * m[row * factors + f];
    }
    return s;
  }

  private static float[] random(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return out;
  }

  /** Top-n of the plain reference scores, excluded items removed, by sorting every item. */
  private static int[] referenceTop(float[] scores, int[] excluded, int n) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> scores[a] != scores[b] ? Float.compare(scores[b], scores[a]) : a - b);
    return Arrays.stream(order).mapToInt(Integer::intValue)
        .filter(i -> Arrays.binarySearch(excluded, i) < 0).limit(n).toArray();
  }

  @Test
  void handWorkedScores() {
    // items (1, 2), (3, -1), (0, 4); user (2, 0.5): scores 3, 5.5, 2
    float[] m = {1, 2, 3, -1, 0, 4};
    BlockedItemFactors b = BlockedItemFactors.of(m, 3, 2);
    float[] scores = new float[3];
    b.scoreAll(new float[] {2f, 0.5f}, scores);
    assertThat(scores).containsExactly(3f, 5.5f, 2f);
    TopN top = new TopN(2);
    b.scoreTopN(new float[] {2f, 0.5f}, new int[0], top);
    assertThat(top.drain()).containsExactly(1, 0);
    top.reset(2);
    b.scoreTopN(new float[] {2f, 0.5f}, new int[] {1}, top);
    assertThat(top.drain()).containsExactly(0, 2);
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "15, 3", "16, 64", "17, 64", "100, 7", "257, 64", "300, 65"})
  void scoresEqualThePlainReferenceBitForBit(int items, int factors) {
    float[] m = random(items * factors, items * 31L + factors);
    float[] user = random(factors, 7);
    BlockedItemFactors b = BlockedItemFactors.of(m, items, factors);
    float[] scores = new float[items];
    b.scoreAll(user, scores);
    for (int i = 0; i < items; i++) {
      assertThat(Float.floatToIntBits(scores[i])).as("item %d", i)
          .isEqualTo(Float.floatToIntBits(plainDot(user, 0, m, i, factors)));
    }
    float[] v = new float[factors];
    b.itemVector(items - 1, v);
    assertThat(v).containsExactly(Arrays.copyOfRange(m, (items - 1) * factors, items * factors));
  }

  @ParameterizedTest
  @CsvSource({"40, 5, 10", "300, 64, 10", "1000, 16, 25", "20, 3, 30"})
  void topNEqualsTheSortedReferenceWithExclusions(int items, int factors, int n) {
    float[] m = random(items * factors, items + factors);
    float[] user = random(factors, 11);
    int[] excluded = {0, 3, items / 2, items - 1};
    float[] scores = new float[items];
    for (int i = 0; i < items; i++) {
      scores[i] = plainDot(user, 0, m, i, factors);
    }
    TopN top = new TopN(n);
    BlockedItemFactors.of(m, items, factors).scoreTopN(user, excluded, top);
    assertThat(top.drain()).containsExactly(referenceTop(scores, excluded, n));
  }

  @Test
  void tiesAreBrokenBySmallerIndexAcrossBlocks() {
    int items = 50;
    float[] m = new float[items * 2];
    Arrays.fill(m, 1f); // every item scores the same
    TopN top = new TopN(5);
    BlockedItemFactors.of(m, items, 2).scoreTopN(new float[] {1f, 1f}, new int[] {1}, top);
    assertThat(top.drain()).containsExactly(0, 2, 3, 4, 5);
  }

  @Test
  void batchEqualsOneUserAtATime() {
    int items = 333;
    int factors = 24;
    int users = 9;
    float[] m = random(items * factors, 5);
    float[] u = random(users * factors, 6);
    BlockedItemFactors b = BlockedItemFactors.of(m, items, factors);
    int[][] excluded = new int[users][];
    TopN[] batch = new TopN[users];
    for (int k = 0; k < users; k++) {
      excluded[k] = k % 3 == 0 ? new int[0] : new int[] {k, 10 * k, 20 * k + 1};
      batch[k] = new TopN(10);
    }
    b.scoreTopNBatch(u, users, excluded, batch);
    for (int k = 0; k < users; k++) {
      TopN single = new TopN(10);
      b.scoreTopN(Arrays.copyOfRange(u, k * factors, (k + 1) * factors), excluded[k], single);
      float[] batchScores = new float[10];
      float[] singleScores = new float[10];
      int[] batchIds = new int[10];
      int[] singleIds = new int[10];
      batch[k].drainTo(batchIds, batchScores);
      single.drainTo(singleIds, singleScores);
      assertThat(batchIds).as("user %d", k).containsExactly(singleIds);
      assertThat(batchScores).as("user %d", k).containsExactly(singleScores);
    }
  }

  @Test
  void rejectsBadShapes() {
    assertThatThrownBy(() -> BlockedItemFactors.of(new float[5], 3, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("items x factors = 6");
    assertThatThrownBy(() -> BlockedItemFactors.of(new float[5], 1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("factors must be >= 1");
    BlockedItemFactors b = BlockedItemFactors.of(new float[6], 3, 2);
    assertThatThrownBy(() -> b.scoreAll(new float[1], new float[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need 2");
    assertThatThrownBy(() -> b.scoreAll(new float[2], new float[2]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs at least 3");
  }
}
