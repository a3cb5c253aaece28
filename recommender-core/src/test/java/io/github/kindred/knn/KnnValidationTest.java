package io.github.kindred.knn;

import static io.github.kindred.BadInput.assertRejected;
import static io.github.kindred.BadInput.bad;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.model.Query;
import io.github.kindred.popularity.PopularityTrainer;
import io.github.kindred.popularity.TrendingConfig;
import java.time.Duration;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad parameters and queries for the neighbourhood and popularity models: each fails with a message naming the
 * parameter (and its allowed range) or the index.
 */
class KnnValidationTest {
  private static final Dataset DATA = Dataset.of(InteractionLog.builder().add("u1", "a", 1f).add("u1", "b", 1f)
      .add("u2", "b", 1f).add("u2", "c", 1f).build());
  private static final ItemKnnModel ITEM_KNN =
      new ItemKnnTrainer(new ItemKnnConfig(5, Similarity.COSINE, 0f, 1)).fit(DATA);

  static Stream<Arguments> badInputs() {
    return Stream.of(
        bad("neighbors must be >= 1, got 0", () -> new ItemKnnConfig(0, Similarity.COSINE, 0f, 1)),
        bad("shrinkage must be finite and >= 0, got -1.0", () -> new ItemKnnConfig(5, Similarity.COSINE, -1f, 1)),
        bad("shrinkage must be finite and >= 0, got NaN", () -> new ItemKnnConfig(5, Similarity.COSINE, Float.NaN,
            1)),
        bad("threads must be >= 1, got 0", () -> new ItemKnnConfig(5, Similarity.COSINE, 0f, 0)),
        bad("similarity", () -> new ItemKnnConfig(5, null, 0f, 1)),
        bad("neighbors", () -> new UserKnnConfig(0, Similarity.COSINE, 0f, 1)),
        bad("shrinkage", () -> new UserKnnConfig(5, Similarity.COSINE, Float.POSITIVE_INFINITY, 1)),
        bad("threads", () -> new UserKnnConfig(5, Similarity.COSINE, 0f, -3)),
        bad("scores has length 1, needs at least 3", () -> ITEM_KNN.score(Query.ofItems(0), new float[1])),
        bad("halfLife", () -> new TrendingConfig(Duration.ZERO, 0)),
        bad("halfLife", () -> new TrendingConfig(Duration.ofDays(-1), 0)),
        bad("halfLifeDays", () -> TrendingConfig.ofHalfLifeDays(Double.NaN)),
        bad("scores", () -> new PopularityTrainer().fit(DATA).score(Query.empty(), new float[2])));
  }


  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void failsNamingTheParameter(String message, ThrowingCallable call) {
    assertRejected(message, call);
  }

  @org.junit.jupiter.api.Test
  void historyItemsNewerThanTheModelAreIgnoredNotAnError() {
    // By design (serving passes histories with items ingested after training): such items have no neighbours.
    float[] scores = new float[3];
    ITEM_KNN.score(Query.ofItems(7), scores);
    org.assertj.core.api.Assertions.assertThat(scores).containsExactly(0f, 0f, 0f);
  }
}
