package io.github.kindred.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ItemKnnForDataTest {
  @Test
  void denseDataKeepsTheCosineAndSparseDataGetsTheAsymmetricCosine() {
    // MovieLens 100K's training part: 80,000 / (943 * 1682) = 0.0504.
    assertThat(ItemKnnConfig.forData(943, 1682, 80_000, 2)).isEqualTo(new ItemKnnConfig(200, Similarity.COSINE, 0f, 2));
    // Gowalla: 810,128 / (29,858 * 40,981) = 0.00066.
    assertThat(ItemKnnConfig.forData(29_858, 40_981, 810_128, 2))
        .isEqualTo(new ItemKnnConfig(200, Similarity.ASYMMETRIC, 0f, 2, 0.1f));
    // Just below the threshold: 99 cells in 100 x 100.
    assertThat(ItemKnnConfig.forData(100, 100, 99, 1).similarity()).isEqualTo(Similarity.ASYMMETRIC);
    assertThat(ItemKnnConfig.forData(100, 100, 100, 1).similarity()).isEqualTo(Similarity.COSINE);
  }

  @Test
  void badCountsAreRejected() {
    assertThatThrownBy(() -> ItemKnnConfig.forData(3, 0, 3, 1)).hasMessageContaining("items >= 1");
    assertThatThrownBy(() -> ItemKnnConfig.forData(3, 3, -1, 1)).hasMessageContaining("interactions >= 0");
  }
}
