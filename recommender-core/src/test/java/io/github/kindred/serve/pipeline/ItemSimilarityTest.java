package io.github.kindred.serve.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.FeatureTable;
import org.junit.jupiter.api.Test;

class ItemSimilarityTest {
  @Test
  void cosineOfVectorsAtOffsets() {
    float[] flat = {9f, 1f, 0f, 1f, 1f};
    // (1, 0) at offset 1 and (1, 1) at offset 3: 1 / sqrt(2).
    assertThat(ItemSimilarity.vectorCosine(flat, 1, 1f, flat, 3, (float) Math.sqrt(2), 2))
        .isCloseTo((float) (1 / Math.sqrt(2)), within(1e-6f));
    assertThat(ItemSimilarity.vectorCosine(flat, 1, 0f, flat, 3, 1f, 2)).isZero();
  }

  @Test
  void cosineOfFeatureRows() {
    FeatureTable t = FeatureTable.builder()
        .categorical("a", "color", "red").categorical("a", "size", "L")
        .categorical("b", "color", "red").categorical("b", "size", "S")
        .entity("c")
        .build();
    // One-hot rows sharing one of two features: 1 / (sqrt 2 * sqrt 2) = 0.5.
    assertThat(ItemSimilarity.featureCosine(t, t.rowOf("a"), t.rowOf("b"))).isCloseTo(0.5f, within(1e-6f));
    assertThat(ItemSimilarity.featureCosine(t, t.rowOf("a"), t.rowOf("a"))).isCloseTo(1f, within(1e-6f));
    assertThat(ItemSimilarity.featureCosine(t, t.rowOf("a"), t.rowOf("c"))).isZero();
    assertThat(ItemSimilarity.featureCosine(t, t.rowOf("a"), -1)).isZero();
  }
}
