package io.github.kindred.factorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.Query;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** BPR learns planted structure, is deterministic for a seed and thread count, and validates its configuration. */
class BprTest {
  private static final int USERS = 60;
  private static final int ITEMS = 30;

  /**
   * Planted structure: user {@code u} belongs to group {@code u % 3} and interacts with 8 of the 10 items of the same
   * group ({@code i % 3}) and with nothing else; one more in-group item per user is held out as {@code heldOut[u]}.
   */
  private static Dataset planted(int[] heldOut) {
    SplittableRandom random = new SplittableRandom(99L);
    InteractionLog.Builder log = InteractionLog.builder();
    for (int i = 0; i < ITEMS; i++) {
      log.add("u0", "i" + i, 1f); // registers items 0..29 in order; user 0 is then dropped from the AUC
    }
    for (int u = 1; u < USERS; u++) {
      int group = u % 3;
      int[] mine = new int[10];
      for (int k = 0; k < 10; k++) {
        mine[k] = group + 3 * k;
      }
      for (int k = 9; k > 0; k--) {
        int r = random.nextInt(k + 1);
        int t = mine[k];
        mine[k] = mine[r];
        mine[r] = t;
      }
      for (int k = 0; k < 8; k++) {
        log.add("u" + u, "i" + mine[k], 1f);
      }
      heldOut[u] = mine[8];
    }
    return Dataset.builder(log.build()).binary(true).build();
  }

  /** Mean over users 1.. of the fraction of (held-out item, non-interacted item) pairs ranked correctly. */
  private static double auc(BprModel model, InteractionMatrix m, int[] heldOut) {
    float[] scores = new float[ITEMS];
    double sum = 0;
    for (int u = 1; u < USERS; u++) {
      model.score(Query.forUser(u, m), scores);
      int pairs = 0;
      double right = 0;
      for (int j = 0; j < ITEMS; j++) {
        if (j == heldOut[u] || m.contains(u, j)) {
          continue;
        }
        pairs++;
        right += scores[heldOut[u]] > scores[j] ? 1 : scores[heldOut[u]] == scores[j] ? 0.5 : 0;
      }
      sum += right / pairs;
    }
    return sum / (USERS - 1);
  }

  @Test
  void trainingRaisesHeldOutAuc() {
    int[] heldOut = new int[USERS];
    Dataset data = planted(heldOut);
    BprConfig base = new BprConfig(8, 1, 1e-6f, 0.01f, false, 5L, 1);
    double before = auc(new BprTrainer(base).fit(data), data.matrix(), heldOut);
    double after = auc(new BprTrainer(base.withIterations(200).withLearningRate(0.05f)).fit(data),
        data.matrix(), heldOut);
    // Of a user's 21 candidate negatives, 20 are out of group and 1 is the in-group item neither seen nor held
    // out, so a model that learnt the groups scores at least 20/21 = 0.952; random vectors about 0.5.
    assertThat(before).isLessThan(0.7);
    assertThat(after).isGreaterThan(0.9);
  }

  @Test
  void sameSeedAndThreadCountGiveTheSameModelBitForBit() {
    Dataset data = TestData.random(300, 60, 0.2, 8L);
    for (int threads = 1; threads <= 2; threads++) {
      BprConfig c = new BprConfig(8, 3, 0.05f, 0.01f, true, 13L, threads);
      BprModel a = new BprTrainer(c).fit(data);
      BprModel b = new BprTrainer(c).fit(data);
      assertThat(b.userFactors()).isEqualTo(a.userFactors());
      assertThat(b.itemFactors()).isEqualTo(a.itemFactors());
      for (int i = 0; i < 60; i++) {
        assertThat(b.itemBias(i)).isEqualTo(a.itemBias(i));
      }
      assertThat(new BprTrainer(c.withSeed(14L)).fit(data).itemFactors()).isNotEqualTo(a.itemFactors());
    }
  }

  @Test
  void scoreIsBiasPlusDotProductAndUnknownUsersGetTheirHistoryMean() {
    Dataset data = TestData.random(20, 10, 0.4, 9L);
    BprModel model = new BprTrainer(new BprConfig(4, 5, 0.05f, 0.01f, true, 3L, 1)).fit(data);
    float[] u = new float[4];
    float[] v = new float[4];
    float[] w = new float[4];
    float[] scores = new float[10];
    model.userVector(2, u);
    model.score(Query.forUser(2, data.matrix()), scores);
    for (int i = 0; i < 10; i++) {
      model.itemVector(i, v);
      double dot = model.itemBias(i);
      for (int s = 0; s < 4; s++) {
        dot += u[s] * v[s];
      }
      assertThat((double) scores[i]).isCloseTo(dot, within(1e-5));
    }
    // History {1 (weight 1), 3 (weight 3)}: the user vector is (y_1 + 3 y_3) / 4.
    model.itemVector(1, v);
    model.itemVector(3, w);
    model.score(Query.of(Query.ANONYMOUS, new int[] {1, 3}, new float[] {1f, 3f}), scores);
    float[] y = new float[4];
    for (int i = 0; i < 10; i++) {
      model.itemVector(i, y);
      double dot = model.itemBias(i);
      for (int s = 0; s < 4; s++) {
        dot += (v[s] + 3 * w[s]) / 4 * y[s];
      }
      assertThat((double) scores[i]).isCloseTo(dot, within(1e-5));
    }
  }

  @Test
  void withoutBiasesEveryBiasIsZero() {
    Dataset data = TestData.random(20, 10, 0.4, 10L);
    BprModel model = new BprTrainer(new BprConfig(4, 2, 0.05f, 0.01f, false, 3L, 1)).fit(data);
    for (int i = 0; i < 10; i++) {
      assertThat(model.itemBias(i)).isEqualTo(0f);
    }
  }

  @Test
  void invalidConfigurationNamesTheParameter() {
    BprConfig d = BprConfig.defaults();
    assertThatThrownBy(() -> d.withFactors(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("factors");
    assertThatThrownBy(() -> d.withIterations(0)).hasMessageContaining("iterations");
    assertThatThrownBy(() -> d.withLearningRate(0f)).hasMessageContaining("learningRate");
    assertThatThrownBy(() -> d.withRegularization(-0.1f)).hasMessageContaining("regularization");
    assertThatThrownBy(() -> d.withThreads(0)).hasMessageContaining("threads");
  }
}
