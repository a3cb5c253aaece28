package io.github.kindred.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.model.Query;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The neighbourhood-restricted EASE solve against hand-worked weights, the dense solve and itself on 2 threads. */
class NeighborhoodEaseTest {
  // u0 {0,1}, u1 {1,2}, u2 {0,1,2}: Gram [[2,2,1],[2,3,2],[1,2,2]].
  private static Dataset three() {
    return Dataset.builder(InteractionLog.builder().add("u0", "i0", 1f).add("u0", "i1", 1f).add("u1", "i1", 1f)
        .add("u1", "i2", 1f).add("u2", "i0", 1f).add("u2", "i1", 1f).add("u2", "i2", 1f).build()).binary(true)
        .build();
  }

  @Test
  void oneNeighbourIsAOneVariableRidgeRegression() {
    // lambda 1, one neighbour each: item 0's nearest is 1 (G01 = 2 > G02 = 1), b = G10 / (G11 + 1) = 2/4;
    // item 1's are 0 and 2 (tie at 2, the smaller index wins), b = G01 / (G00 + 1) = 2/3;
    // item 2's is 1, b = G12 / (G11 + 1) = 2/4.
    EaseModel m = new EaseTrainer(new EaseConfig(1f, 1, 1, 1)).fit(three());
    assertThat(m.isSparse()).isTrue();
    float[][] expected = {{0, 2f / 3, 0}, {0.5f, 0, 0.5f}, {0, 0, 0}};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(m.weight(i, j)).as("B[%d][%d]", i, j).isCloseTo(expected[i][j], within(1e-6f));
      }
    }
    float[] scores = new float[3];
    m.score(Query.of(Query.ANONYMOUS, new int[] {0, 1}, new float[] {1f, 2f}), scores);
    assertThat(scores[0]).isCloseTo(1f, within(1e-6f));
    assertThat(scores[1]).isCloseTo(2f / 3, within(1e-6f));
    assertThat(scores[2]).isCloseTo(1f, within(1e-6f));
    float[] similar = new float[3];
    m.similarTo(1, similar);
    assertThat(similar).containsExactly(0.5f, 0f, 0.5f);
  }

  @Test
  void fullNeighbourhoodsGiveTheDenseClosedForm() {
    // lambda 1: P = (G + I)^-1 = [[.5,-.25,0],[-.25,.5,-.25],[0,-.25,.5]], B_ij = -P_ij / P_jj.
    EaseModel m = new EaseTrainer(new EaseConfig(1f, 2, 2, 1)).fit(three());
    float[][] expected = {{0, 0.5f, 0}, {0.5f, 0, 0.5f}, {0, 0.5f, 0}};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(m.weight(i, j)).as("B[%d][%d]", i, j).isCloseTo(expected[i][j], within(1e-6f));
      }
    }
  }

  @Test
  void twoThreadsGiveTheSameModelAsOne() {
    Dataset d = randomData(300, 120, 5);
    EaseConfig c = new EaseConfig(2f, 10, 20, 1);
    EaseModel one = new EaseTrainer(c).fit(d);
    EaseModel two = new EaseTrainer(c.withThreads(2)).fit(d);
    assertThat(two.rowPointers()).containsExactly(one.rowPointers());
    assertThat(two.columnIds()).containsExactly(one.columnIds());
    assertThat(two.sparseValues()).containsExactly(one.sparseValues());
    // Each column holds at most 20 weights.
    assertThat(one.columnIds().length).isLessThanOrEqualTo(120 * 20);
  }

  @Test
  void seekFindsTheFirstEntryNotBelowTheKey() {
    int[] sorted = {1, 3, 5, 7, 9, 11, 13, 15, 17};
    assertThat(NeighborhoodEase.seek(sorted, 0, 0)).isEqualTo(0);
    assertThat(NeighborhoodEase.seek(sorted, 0, 1)).isEqualTo(0);
    assertThat(NeighborhoodEase.seek(sorted, 0, 2)).isEqualTo(1);
    assertThat(NeighborhoodEase.seek(sorted, 2, 13)).isEqualTo(6);
    assertThat(NeighborhoodEase.seek(sorted, 2, 14)).isEqualTo(7);
    assertThat(NeighborhoodEase.seek(sorted, 0, 18)).isEqualTo(9);
    assertThat(NeighborhoodEase.seek(sorted, 9, 3)).isEqualTo(9);
  }

  private static Dataset randomData(int users, int items, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    InteractionLog.Builder log = InteractionLog.builder();
    for (int u = 0; u < users; u++) {
      for (int k = 0; k < 8; k++) {
        double x = r.nextDouble();
        log.add("u" + u, "i" + (int) (x * x * items), 1f);
      }
    }
    return Dataset.builder(log.build()).binary(true).build();
  }
}
