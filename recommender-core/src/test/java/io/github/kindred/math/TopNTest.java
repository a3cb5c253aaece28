package io.github.kindred.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopNTest {

  /** The obvious reference: sort every index by (score desc, index asc), drop -inf and NaN, keep n. */
  private static int[] reference(float[] scores, int n) {
    return IntStream.range(0, scores.length)
        .filter(i -> scores[i] > Float.NEGATIVE_INFINITY)
        .boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i))
        .limit(n)
        .mapToInt(Integer::intValue)
        .toArray();
  }

  @Test
  void picksHighestScoresBestFirst() {
    float[] scores = {0.5f, 3f, -1f, 2f, 7f};
    assertThat(TopN.select(scores, 3)).containsExactly(4, 1, 3);
  }

  @Test
  void breaksTiesBySmallerIndex() {
    float[] scores = {1f, 2f, 2f, 1f, 2f};
    assertThat(TopN.select(scores, 2)).containsExactly(1, 2);
    assertThat(TopN.select(scores, 4)).containsExactly(1, 2, 4, 0);
  }

  @Test
  void skipsExcludedAndNaNScores() {
    float[] scores = {Float.NEGATIVE_INFINITY, Float.NaN, 1f, Float.NEGATIVE_INFINITY};
    assertThat(TopN.select(scores, 3)).containsExactly(2);
  }

  @Test
  void returnsFewerWhenFewerCandidates() {
    assertThat(TopN.select(new float[] {3f, 1f}, 10)).containsExactly(0, 1);
    assertThat(TopN.select(new float[] {3f, 1f}, 0)).isEmpty();
    assertThat(TopN.select(new float[0], 5)).isEmpty();
  }

  @Test
  void agreesWithFullSortOnRandomInputsWithManyTies() {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 200; round++) {
      int length = random.nextInt(1, 300);
      float[] scores = new float[length];
      for (int i = 0; i < length; i++) {
        // few distinct values so that ties are common
        scores[i] = random.nextInt(10) == 0 ? Float.NEGATIVE_INFINITY : random.nextInt(20);
      }
      int n = random.nextInt(0, 40);
      assertThat(TopN.select(scores, n)).as("round %d", round).containsExactly(reference(scores, n));
    }
  }

  @Test
  void reusableInstanceDrainsScoresInOrder() {
    TopN top = new TopN(2);
    top.offer(5, 1f);
    top.offer(6, 3f);
    top.offer(7, 2f);
    int[] ids = new int[2];
    float[] scores = new float[2];
    assertThat(top.drainTo(ids, scores)).isEqualTo(2);
    assertThat(ids).containsExactly(6, 7);
    assertThat(scores).containsExactly(3f, 2f);
    assertThat(top.size()).isZero();
    top.reset(3);
    assertThat(top.threshold()).isEqualTo(Float.NEGATIVE_INFINITY);
    top.offer(1, 1f);
    assertThat(top.drain()).containsExactly(1);
  }

  @Test
  void rejectsNegativeSize() {
    assertThatThrownBy(() -> new TopN(-1)).hasMessageContaining("n must be >= 0");
  }

  @Test
  void fusedFactorScoringEqualsScoreAllThenSelect() {
    SplittableRandom random = new SplittableRandom(3);
    int items = 500;
    int factors = 16;
    float[] itemFactors = new float[items * factors];
    for (int i = 0; i < itemFactors.length; i++) {
      itemFactors[i] = (float) random.nextGaussian();
    }
    float[] user = new float[factors];
    for (int f = 0; f < factors; f++) {
      user[f] = (float) random.nextGaussian();
    }
    int[] excluded = {0, 3, 17, 499};
    float[] scores = new float[items];
    FactorScoring.scoreAll(itemFactors, items, factors, user, scores);
    for (int e : excluded) {
      scores[e] = Float.NEGATIVE_INFINITY;
    }
    TopN top = new TopN(10);
    FactorScoring.scoreTopN(itemFactors, items, factors, user, excluded, top);
    int[] fused = top.drain();
    assertThat(fused).containsExactly(reference(scores, 10));
    assertThat(Arrays.stream(fused).noneMatch(i -> i == 0 || i == 3 || i == 17 || i == 499)).isTrue();
  }
}
