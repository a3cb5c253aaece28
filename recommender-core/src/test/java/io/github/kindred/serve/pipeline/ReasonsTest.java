package io.github.kindred.serve.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReasonsTest {
  @Test
  void keepsOnlyPositiveWeightsStrongestFirst() {
    // -0.02 (the "s0032 (-0.02)" of issue 18), 0 and NaN are no reasons.
    float[] w = {0.3f, -0.02f, 0.5f, 0f, Float.NaN, 0.1f};
    int[] order = new int[w.length];
    int n = Reasons.strongest(w, w.length, Integer.MAX_VALUE, order);
    assertThat(Arrays.copyOf(order, n)).containsExactly(2, 0, 5);
    assertThat(Reasons.strongest(w, w.length, 2, order)).isEqualTo(2);
    assertThat(Arrays.copyOf(order, 2)).containsExactly(2, 0);
  }

  @Test
  void tiesKeepHistoryOrderAndAllNegativeGivesNothing() {
    int[] order = new int[3];
    assertThat(Reasons.strongest(new float[] {0.2f, 0.4f, 0.2f}, 3, 3, order)).isEqualTo(3);
    assertThat(order).containsExactly(1, 0, 2);
    assertThat(Reasons.strongest(new float[] {-1f, -0.5f}, 2, 3, order)).isZero();
  }
}
