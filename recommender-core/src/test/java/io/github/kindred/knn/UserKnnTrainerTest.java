package io.github.kindred.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.model.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class UserKnnTrainerTest {
  private static final float EPS = 1e-6f;

  /** u0 = {a, b}, u1 = {a, b, c}, u2 = {c, d}; items a..d get indexes 0..3. */
  private static Dataset tiny() {
    return Dataset.of(InteractionLog.builder()
        .add("u0", "a", 1).add("u0", "b", 1)
        .add("u1", "a", 1).add("u1", "b", 1).add("u1", "c", 1)
        .add("u2", "c", 1).add("u2", "d", 1)
        .build());
  }

  private static UserKnnModel fit(int k, Similarity sim, float shrinkage) {
    return new UserKnnTrainer(new UserKnnConfig(k, sim, shrinkage, 1)).fit(tiny());
  }

  @Test
  void cosineNeighboursAndScoresMatchHandComputation() {
    UserKnnModel m = fit(1, Similarity.COSINE, 0f);
    // cos(u0, u1) = 2 / (sqrt 2 sqrt 3), cos(u1, u2) = 1 / (sqrt 3 sqrt 2), cos(u0, u2) = 0.
    float s01 = (float) (2 / Math.sqrt(6));
    float s12 = (float) (1 / Math.sqrt(6));
    assertThat(m.neighborsOf(0)).containsExactly(1);
    assertThat(m.similaritiesOf(0)[0]).isCloseTo(s01, within(EPS));
    assertThat(m.neighborsOf(1)).containsExactly(0);
    assertThat(m.neighborsOf(2)).containsExactly(1);
    assertThat(m.similaritiesOf(2)[0]).isCloseTo(s12, within(EPS));

    float[] scores = new float[4];
    m.score(Query.forUser(0, tiny().matrix()), scores);
    assertThat(scores).containsExactly(new float[] {s01, s01, s01, 0f}, within(EPS));
    m.score(Query.forUser(2, tiny().matrix()), scores);
    assertThat(scores).containsExactly(new float[] {s12, s12, s12, 0f}, within(EPS));
  }

  @Test
  void twoNeighboursSumTheirWeightedRows() {
    UserKnnModel m = fit(2, Similarity.COSINE, 0f);
    float s01 = (float) (2 / Math.sqrt(6));
    float s12 = (float) (1 / Math.sqrt(6));
    float[] scores = new float[4];
    m.score(Query.forUser(1, tiny().matrix()), scores);
    // u1's neighbours: u0 {a, b} with s01 and u2 {c, d} with s12.
    assertThat(scores).containsExactly(new float[] {s01, s01, s12, s12}, within(EPS));
  }

  @Test
  void jaccardWithShrinkage() {
    UserKnnModel m = fit(2, Similarity.JACCARD, 1f);
    // J(u0, u1) = 2 / (2 + 3 - 2 + 1) = 0.5; J(u1, u2) = 1 / (3 + 2 - 1 + 1) = 0.2; u0 and u2 share nothing.
    assertThat(m.neighborsOf(1)).containsExactly(0, 2);
    assertThat(m.similaritiesOf(1)).containsExactly(new float[] {0.5f, 0.2f}, within(EPS));
    assertThat(m.neighborsOf(0)).containsExactly(1);
    float[] scores = new float[4];
    m.score(Query.forUser(0, tiny().matrix()), scores);
    assertThat(scores).containsExactly(new float[] {0.5f, 0.5f, 0.5f, 0f}, within(EPS));
  }

  @Test
  void anonymousHistoryFindsNeighboursOnTheFly() {
    UserKnnModel m = fit(2, Similarity.COSINE, 0f);
    // History {a, c}: cos to u0 = 1 / 2, to u1 = 2 / sqrt 6, to u2 = 1 / 2; the tie keeps the smaller index u0.
    float s1 = (float) (2 / Math.sqrt(6));
    float[] scores = new float[4];
    m.score(Query.ofItems(0, 2), scores);
    assertThat(scores).containsExactly(new float[] {s1 + 0.5f, s1 + 0.5f, s1, 0f}, within(EPS));
    // A user index beyond the training users is served the same way from its history.
    float[] again = new float[4];
    m.score(Query.of(7, new int[] {0, 2}, new float[] {1, 1}), again);
    assertThat(again).containsExactly(scores);
  }

  @Test
  void aKnownUserWithAChangedHistoryIsSearchedAfreshWithoutItself() {
    UserKnnModel m = fit(1, Similarity.COSINE, 0f);
    // u0's history grows from {a, b} to {a, b, d}: cos to u1 = 2 / (sqrt 3 sqrt 3), to u2 = 1 / (sqrt 3 sqrt 2);
    // u0 itself would be the best match but is excluded.
    float[] scores = new float[4];
    m.score(Query.of(0, new int[] {0, 1, 3}, new float[] {1, 1, 1}), scores);
    float s = 2f / 3;
    assertThat(scores).containsExactly(new float[] {s, s, s, 0f}, within(EPS));
    // With its training history, the precomputed neighbour u1 is used.
    m.score(Query.of(0, new int[0], new float[0]), scores);
    float s01 = (float) (2 / Math.sqrt(6));
    assertThat(scores).containsExactly(new float[] {s01, s01, s01, 0f}, within(EPS));
  }

  @Test
  void emptyAnonymousQueryScoresZero() {
    float[] scores = {9, 9, 9, 9};
    fit(2, Similarity.COSINE, 0f).score(Query.empty(), scores);
    assertThat(scores).containsOnly(0f);
  }

  @Test
  void resultDoesNotDependOnThreadCount() {
    InteractionLog.Builder b = InteractionLog.builder();
    SplittableRandom r = new SplittableRandom(7);
    for (int e = 0; e < 3000; e++) {
      b.add("u" + r.nextInt(300), "i" + r.nextInt(80), 1 + r.nextInt(5));
    }
    Dataset d = Dataset.of(b.build());
    UserKnnModel one = new UserKnnTrainer(new UserKnnConfig(10, Similarity.COSINE, 1f, 1)).fit(d);
    UserKnnModel three = new UserKnnTrainer(new UserKnnConfig(10, Similarity.COSINE, 1f, 3)).fit(d);
    for (int u = 0; u < d.userCount(); u++) {
      assertThat(three.neighborsOf(u)).containsExactly(one.neighborsOf(u));
      assertThat(three.similaritiesOf(u)).containsExactly(one.similaritiesOf(u));
    }
  }

  @Test
  void concurrentOnTheFlyQueriesMatchSerialOnes() throws Exception {
    InteractionLog.Builder b = InteractionLog.builder();
    SplittableRandom r = new SplittableRandom(5);
    for (int e = 0; e < 2000; e++) {
      b.add("u" + r.nextInt(200), "i" + r.nextInt(60), 1);
    }
    Dataset d = Dataset.of(b.build());
    UserKnnModel m = new UserKnnTrainer(new UserKnnConfig(8, Similarity.COSINE, 0f, 1)).fit(d);
    int queries = 64;
    Query[] qs = new Query[queries];
    float[][] serial = new float[queries][d.itemCount()];
    for (int q = 0; q < queries; q++) {
      // Three distinct items: q, 7q + 3 and 13q + 5 (mod 60) never coincide.
      qs[q] = Query.ofItems(q % 60, (q * 7 + 3) % 60, (q * 13 + 5) % 60);
      m.score(qs[q], serial[q]);
    }
    float[][] parallel = new float[queries][d.itemCount()];
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int first = t;
        done.add(pool.submit(() -> {
          start.await();
          for (int q = first; q < queries; q += 4) {
            m.score(qs[q], parallel[q]);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    for (int q = 0; q < queries; q++) {
      assertThat(parallel[q]).containsExactly(serial[q]);
    }
  }

  @Test
  void invalidConfigurationIsRejected() {
    assertThatThrownBy(() -> new UserKnnConfig(0, Similarity.COSINE, 0f, 1)).hasMessageContaining("neighbors");
    assertThatThrownBy(() -> new UserKnnConfig(5, Similarity.COSINE, -1f, 1)).hasMessageContaining("shrinkage");
    assertThatThrownBy(() -> new UserKnnConfig(5, Similarity.COSINE, 0f, 0)).hasMessageContaining("threads");
  }
}
