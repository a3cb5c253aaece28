package io.github.kindred.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.Query;
import org.junit.jupiter.api.Test;

class BaselineTrainerTest {
  private static final float EPS = 1e-5f;

  /** u0: a=5, b=3; u1: a=4; u2: b=1, c=2. Mean 3. */
  static Dataset tiny() {
    return Dataset.builder(InteractionLog.builder()
        .add("u0", "a", 5).add("u0", "b", 3)
        .add("u1", "a", 4)
        .add("u2", "b", 1).add("u2", "c", 2)
        .build()).binary(false).build();
  }

  @Test
  void onePassIsKorensClosedForm() {
    BaselineModel m = new BaselineTrainer(new BaselineConfig(1f, 2f, 1)).fit(tiny());
    assertThat(m.globalMean()).isCloseTo(3f, within(EPS));
    // b_i = sum (r - mu) / (1 + n_i): a = (2 + 1) / 3, b = (0 - 2) / 3, c = -1 / 2.
    assertThat(m.itemBias(0)).isCloseTo(1f, within(EPS));
    assertThat(m.itemBias(1)).isCloseTo(-2f / 3, within(EPS));
    assertThat(m.itemBias(2)).isCloseTo(-0.5f, within(EPS));
    // b_u = sum (r - mu - b_i) / (2 + n_u): u0 = (1 + 2/3) / 4, u1 = 0 / 3, u2 = (-4/3 - 1/2) / 4.
    assertThat(m.userBias(0)).isCloseTo(5f / 12, within(EPS));
    assertThat(m.userBias(1)).isCloseTo(0f, within(EPS));
    assertThat(m.userBias(2)).isCloseTo(-11f / 24, within(EPS));
    assertThat(m.predict(0, 2)).isCloseTo(3f + 5f / 12 - 0.5f, within(EPS));
    // Unknown users and items get the parts that are known.
    assertThat(m.predict(-1, 0)).isCloseTo(4f, within(EPS));
    assertThat(m.predict(0, 99)).isCloseTo(3f + 5f / 12, within(EPS));
    float[] scores = new float[3];
    m.score(Query.of(0, new int[0], new float[0]), scores);
    assertThat(scores).containsExactly(new float[] {3f + 5f / 12 + 1f, 3f + 5f / 12 - 2f / 3, 3f + 5f / 12 - 0.5f},
        within(EPS));
  }

  @Test
  void anonymousHistoryEstimatesTheUserBiasInClosedForm() {
    BaselineModel m = new BaselineTrainer(new BaselineConfig(1f, 2f, 1)).fit(tiny());
    float[] scores = new float[3];
    // History a=5: b_u = (5 - 3 - 1) / (2 + 1) = 1/3.
    m.score(Query.of(Query.ANONYMOUS, new int[] {0}, new float[] {5}), scores);
    assertThat(scores[2]).isCloseTo(3f + 1f / 3 - 0.5f, within(EPS));
  }

  @Test
  void manyPassesReachTheJointStationaryPoint() {
    float li = 1f;
    float lu = 2f;
    BaselineModel m = new BaselineTrainer(new BaselineConfig(li, lu, 300)).fit(tiny());
    InteractionMatrix x = tiny().matrix();
    // At the joint optimum, each item bias is its closed form given the final user biases.
    for (int i = 0; i < 3; i++) {
      double s = 0;
      int[] users = x.column(i);
      for (int u : users) {
        s += x.get(u, i) - m.globalMean() - m.userBias(u);
      }
      assertThat(m.itemBias(i)).isCloseTo((float) (s / (li + users.length)), within(EPS));
    }
  }

  @Test
  void invalidConfigurationIsRejected() {
    assertThatThrownBy(() -> new BaselineConfig(-1f, 1f, 1)).hasMessageContaining("itemRegularization");
    assertThatThrownBy(() -> new BaselineConfig(1f, Float.NaN, 1)).hasMessageContaining("userRegularization");
    assertThatThrownBy(() -> new BaselineConfig(1f, 1f, 0)).hasMessageContaining("iterations");
  }
}
