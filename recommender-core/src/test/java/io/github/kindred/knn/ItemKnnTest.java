package io.github.kindred.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.model.Query;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ItemKnnTest {
  /**
   * Users u0 {i0, i1}, u1 {i0, i1, i2}, u2 {i1, i2}. Item user-sets: i0 {u0, u1}, i1 {u0, u1, u2}, i2 {u1, u2}.
   * Co-occurrences: (i0, i1) = 2, (i0, i2) = 1, (i1, i2) = 2.
   */
  private static Dataset tiny() {
    return Dataset.of(InteractionLog.builder()
        .add("u0", "i0", 1f).add("u0", "i1", 1f)
        .add("u1", "i0", 1f).add("u1", "i1", 1f).add("u1", "i2", 1f)
        .add("u2", "i1", 1f).add("u2", "i2", 1f)
        .build());
  }

  @Test
  void cosineSimilaritiesMatchHandComputation() {
    ItemKnnModel model = new ItemKnnTrainer(ItemKnnConfig.defaults().withThreads(1)).fit(tiny());
    assertThat(model.similarity(0, 1)).isCloseTo((float) (2 / Math.sqrt(6)), within(1e-6f));
    assertThat(model.similarity(0, 2)).isCloseTo(0.5f, within(1e-6f));
    assertThat(model.similarity(1, 2)).isCloseTo((float) (2 / Math.sqrt(6)), within(1e-6f));
    assertThat(model.similarity(2, 0)).isCloseTo(0.5f, within(1e-6f));
    assertThat(model.neighborsOf(0)).containsExactly(1, 2);
  }

  @Test
  void jaccardAndShrinkageMatchHandComputation() {
    ItemKnnModel jaccard = new ItemKnnTrainer(
        ItemKnnConfig.defaults().withSimilarity(Similarity.JACCARD).withThreads(1)).fit(tiny());
    assertThat(jaccard.similarity(0, 1)).isCloseTo(2f / 3f, within(1e-6f));
    assertThat(jaccard.similarity(0, 2)).isCloseTo(1f / 3f, within(1e-6f));
    ItemKnnModel shrunk = new ItemKnnTrainer(ItemKnnConfig.defaults().withShrinkage(1f).withThreads(1)).fit(tiny());
    assertThat(shrunk.similarity(0, 1)).isCloseTo((float) (2 / (Math.sqrt(6) + 1)), within(1e-6f));
  }

  @Test
  void scoresAreWeightedSumsOverHistoryNeighbours() {
    ItemKnnModel model = new ItemKnnTrainer(ItemKnnConfig.defaults().withThreads(1)).fit(tiny());
    float[] scores = new float[3];
    model.score(Query.of(Query.ANONYMOUS, new int[] {0, 2}, new float[] {1f, 2f}), scores);
    float s01 = (float) (2 / Math.sqrt(6));
    assertThat(scores[0]).isCloseTo(2f * 0.5f, within(1e-6f));
    assertThat(scores[1]).isCloseTo(s01 + 2f * s01, within(1e-6f));
    assertThat(scores[2]).isCloseTo(0.5f, within(1e-6f));
  }

  @Test
  void neighbourhoodSizeKeepsOnlyTheMostSimilar() {
    ItemKnnModel model = new ItemKnnTrainer(ItemKnnConfig.defaults().withNeighbors(1).withThreads(1)).fit(tiny());
    float[] scores = new float[3];
    model.score(Query.ofItems(0), scores);
    assertThat(scores).containsExactly(0f, (float) (2 / Math.sqrt(6)), 0f);
    assertThat(model.neighborCount()).isEqualTo(3);
  }

  @Test
  void parallelTrainingEqualsSerial() {
    SplittableRandom random = new SplittableRandom(11);
    InteractionLog.Builder log = InteractionLog.builder();
    for (int e = 0; e < 5000; e++) {
      log.add("u" + random.nextInt(300), "i" + random.nextInt(400), 1f);
    }
    Dataset data = Dataset.builder(log.build()).binary(true).build();
    ItemKnnModel serial = new ItemKnnTrainer(ItemKnnConfig.defaults().withNeighbors(20).withThreads(1)).fit(data);
    ItemKnnModel parallel = new ItemKnnTrainer(ItemKnnConfig.defaults().withNeighbors(20).withThreads(4)).fit(data);
    float[] a = new float[data.itemCount()];
    float[] b = new float[data.itemCount()];
    for (int u = 0; u < data.userCount(); u += 7) {
      serial.score(Query.forUser(u, data.matrix()), a);
      parallel.score(Query.forUser(u, data.matrix()), b);
      assertThat(b).containsExactly(a);
    }
  }

  @Test
  void rejectsInvalidConfiguration() {
    assertThatThrownBy(() -> new ItemKnnConfig(0, Similarity.COSINE, 0f, 1)).hasMessageContaining("neighbors");
    assertThatThrownBy(() -> new ItemKnnConfig(5, Similarity.COSINE, -1f, 1)).hasMessageContaining("shrinkage");
    assertThatThrownBy(() -> new ItemKnnConfig(5, Similarity.COSINE, 0f, 0)).hasMessageContaining("threads");
  }
}
