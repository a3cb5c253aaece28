package io.github.kindred.math;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.DuplicatePolicy;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.Query;
import org.junit.jupiter.api.Test;

/** Bad input to TopN and Query: each fails with a message naming the parameter and the allowed range. */
class MathValidationTest {
  @Test
  void topNRejectsANegativeCount() {
    assertThatThrownBy(() -> new TopN(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("n must be >= 0, got -1");
    assertThatThrownBy(() -> new TopN(3).reset(-2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("n must be >= 0, got -2");
  }

  @Test
  void queriesRejectBadHistories() {
    assertThatThrownBy(() -> Query.of(0, new int[] {1, 2}, new float[] {1f}))
        .hasMessageContaining("history has 2 items but 1 weights");
    assertThatThrownBy(() -> Query.of(-2, new int[0], new float[0]))
        .hasMessageContaining("user index must be >= -1, got -2");
    assertThatThrownBy(() -> Query.of(0, new int[] {-3}, new float[] {1f}))
        .hasMessageContaining("item index must be >= 0, got -3");
    assertThatThrownBy(() -> Query.of(0, new int[] {4, 4}, new float[] {1f, 1f}))
        .hasMessageContaining("item 4 appears twice");
    assertThatThrownBy(() -> Query.of(0, new int[] {4}, new float[] {Float.NaN}))
        .hasMessageContaining("history weight must be finite, got NaN");
    assertThatThrownBy(() -> Query.ofItems(1, 1)).hasMessageContaining("item 1 appears twice");
    InteractionMatrix m = InteractionMatrix.of(1, 1, new int[] {0}, new int[] {0}, new float[] {1f}, null,
        DuplicatePolicy.SUM);
    assertThatThrownBy(() -> Query.forUser(1, m)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("Index 1 out of bounds for length 1");
  }
}
