package io.github.kindred.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The item-normalised (asymmetric) cosine {@code co / (n_i^alpha n_j^(1 - alpha))} of item kNN. */
class ItemKnnAsymmetricTest {
  /** Item user-sets: i0 {u0, u1}, i1 {u0, u1, u2}, i2 {u1, u2}; co(i0, i1) = 2, co(i0, i2) = 1, co(i1, i2) = 2. */
  private static Dataset tiny() {
    return Dataset.of(InteractionLog.builder()
        .add("u0", "i0", 1f).add("u0", "i1", 1f)
        .add("u1", "i0", 1f).add("u1", "i1", 1f).add("u1", "i2", 1f)
        .add("u2", "i1", 1f).add("u2", "i2", 1f)
        .build());
  }

  private static ItemKnnModel fit(Dataset data, Similarity similarity, float alpha, int threads) {
    return new ItemKnnTrainer(new ItemKnnConfig(50, similarity, 0f, threads, alpha)).fit(data);
  }

  @Test
  void threeItemCaseMatchesHandComputation() {
    // alpha 0.75: sim(0, 1) = 2 / (2^0.75 * 3^0.25) = 2 / 2.213364, sim(1, 0) = 2 / (3^0.75 * 2^0.25) = 2 / 2.710806.
    ItemKnnModel m = fit(tiny(), Similarity.ASYMMETRIC, 0.75f, 1);
    assertThat(m.similarity(0, 1)).isCloseTo(0.903603f, within(1e-5f));
    assertThat(m.similarity(1, 0)).isCloseTo(0.737788f, within(1e-5f));
    assertThat(m.similarity(0, 2)).isCloseTo(0.5f, within(1e-6f));
    assertThat(m.similarity(2, 1)).isCloseTo(0.903603f, within(1e-5f));
    assertThat(m.similarity(1, 2)).isCloseTo(0.737788f, within(1e-5f));
    // alpha 1 is the conditional probability P(j | i) = co / n_i.
    ItemKnnModel conditional = fit(tiny(), Similarity.ASYMMETRIC, 1f, 1);
    assertThat(conditional.similarity(0, 1)).isCloseTo(1f, within(1e-6f));
    assertThat(conditional.similarity(1, 0)).isCloseTo(2f / 3f, within(1e-6f));
    assertThat(conditional.similarity(1, 2)).isCloseTo(2f / 3f, within(1e-6f));
  }

  @Test
  void halfIsPlainCosineOnBinaryData() {
    SplittableRandom random = new SplittableRandom(5L);
    InteractionLog.Builder b = InteractionLog.builder();
    for (int u = 0; u < 60; u++) {
      for (int i = 0; i < 40; i++) {
        if (random.nextDouble() < 0.15) {
          b.add("u" + u, "i" + i, 1f);
        }
      }
    }
    Dataset data = Dataset.of(b.build());
    ItemKnnModel cosine = fit(data, Similarity.COSINE, 0.5f, 1);
    ItemKnnModel asymmetric = fit(data, Similarity.ASYMMETRIC, 0.5f, 2);
    int compared = 0;
    for (int i = 0; i < data.itemCount(); i++) {
      for (int j = 0; j < data.itemCount(); j++) {
        assertThat(asymmetric.similarity(i, j)).as("items %d, %d", i, j)
            .isCloseTo(cosine.similarity(i, j), within(1e-6f));
        compared += cosine.similarity(i, j) > 0 ? 1 : 0;
      }
    }
    assertThat(compared).isGreaterThan(100);
  }

  @Test
  void alphaAndUserKnnAreValidated() {
    assertThatThrownBy(() -> ItemKnnConfig.defaults().withAlpha(1.5f)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alpha must be in [0, 1], got 1.5");
    assertThatThrownBy(() -> ItemKnnConfig.defaults().withAlpha(Float.NaN))
        .hasMessage("alpha must be in [0, 1], got NaN");
    assertThatThrownBy(() -> UserKnnConfig.defaults().withSimilarity(Similarity.ASYMMETRIC))
        .hasMessage("similarity asymmetric is for item kNN only; use cosine or jaccard");
  }
}
