package io.github.kindred.repeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.model.Query;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked TIFU-KNN on three customers and four items (x=0, y=1, z=2, w=3). Customer A bought {x, y} in
 * basket 0, {x} in basket 1, {x, z} in basket 2; B bought {x}; C bought {w}.
 */
class RepeatModelTest {
  private static final float EPS = 1e-6f;

  private static InteractionLog.Builder log() {
    return InteractionLog.builder()
        .add("A", "x", 1, 0).add("A", "y", 1, 0)
        .add("A", "x", 1, 1)
        .add("A", "x", 1, 2).add("A", "z", 1, 2)
        .add("B", "x", 1, 0)
        .add("C", "w", 1, 0);
  }

  private static Dataset data() {
    return Dataset.of(log().build());
  }

  private static RepeatConfig config(int neighbors, double alpha, NeighborMeasure measure) {
    return new RepeatConfig(2, 0.5, 0.5, neighbors, alpha, measure, 0, 1);
  }

  private static float[] scores(RepeatModel m, Query q) {
    float[] s = new float[m.itemCount()];
    m.score(q, s);
    return s;
  }

  /**
   * Groups of two from the newest: {b1, b2} and {b0}, so 2 groups. b2: within 0.5^0, group 0.5^0, over (2 baskets
   * x 2 groups) = 1/4; b1: 0.5^1 / 4 = 1/8; b0: group 0.5^1 over (1 basket x 2 groups) = 1/4. So x = 1/4 + 1/8 +
   * 1/4 = 0.625, y = 0.25, z = 0.25.
   */
  @Test
  void representationDecaysWithinAndAcrossGroups() {
    RepeatModel m = new RepeatTrainer(config(0, 1, NeighborMeasure.COSINE)).fit(data());
    assertThat(m.representation(0, 0)).isCloseTo(0.625f, within(EPS));
    assertThat(m.representation(0, 1)).isCloseTo(0.25f, within(EPS));
    assertThat(m.representation(0, 2)).isCloseTo(0.25f, within(EPS));
    assertThat(m.representation(0, 3)).isZero();
    // Buyers: x 2, y 1, z 1, w 1; the fill of an unbought item is -1 + buyers / (2 + 1).
    assertThat(scores(m, Query.forUser(0, data().matrix())))
        .containsExactly(new float[] {0.625f, 0.25f, 0.25f, -2f / 3}, within(EPS));
  }

  /**
   * Cosine: A's only overlapping customer is B (C shares nothing), so with alpha 1/2, x = 0.625/2 + 1/2 = 0.8125 and
   * y = z = 0.125. Euclidean: C's representation {w: 1} shares nothing, so its nearest is the customer of smallest
   * norm, A (|A|^2 = 0.625^2 + 2 x 0.25^2 = 0.515625 < |B|^2 = 1): C scores w 0.5, x 0.3125, y = z = 0.125.
   */
  @Test
  void collaborativePartAveragesTheNearestCustomers() {
    RepeatModel cos = new RepeatTrainer(config(1, 0.5, NeighborMeasure.COSINE)).fit(data());
    assertThat(cos.neighbors(0)).containsExactly(1);
    assertThat(cos.neighbors(2)).isEmpty();
    assertThat(scores(cos, Query.forUser(0, data().matrix())))
        .containsExactly(new float[] {0.8125f, 0.125f, 0.125f, -2f / 3}, within(EPS));
    RepeatModel euc = new RepeatTrainer(config(1, 0.5, NeighborMeasure.EUCLIDEAN)).fit(data());
    assertThat(euc.neighbors(0)).containsExactly(1); // |A - B|^2 = 0.265625 < |A - C|^2 = 1.515625
    assertThat(euc.neighbors(2)).containsExactly(0);
    assertThat(scores(euc, Query.forUser(2, data().matrix())))
        .containsExactly(new float[] {0.3125f, 0.125f, 0.125f, 0.5f}, within(EPS));
  }

  /** An unknown visitor with history {x}: cosine with B is 1 and with A 0.625 / 0.718 = 0.87, so B is nearest. */
  @Test
  void anonymousHistoryFindsNeighboursAtRequestTime() {
    RepeatModel cos = new RepeatTrainer(config(1, 0.5, NeighborMeasure.COSINE)).fit(data());
    assertThat(scores(cos, Query.ofItems(0))).containsExactly(new float[] {1f, -2f / 3, -2f / 3, -2f / 3},
        within(EPS));
  }

  /** Decay 1/2 per basket, three baskets: x = (1 + 1/2 + 1/4) / 3, z = 1 / 3, y = (1/4) / 3. */
  @Test
  void personalFrequencyWeighsRecentBasketsMore() {
    RepeatModel m = new RepeatTrainer(RepeatConfig.personalFrequency(0.5)).fit(data());
    float[] s = scores(m, Query.forUser(0, data().matrix()));
    assertThat(s).containsExactly(new float[] {1.75f / 3, 0.25f / 3, 1f / 3, -2f / 3}, within(EPS));
    assertThat(m.neighbors(0)).isEmpty();
  }

  @Test
  void explanationsCountBasketsAndAge() {
    RepeatModel m = new RepeatTrainer(config(1, 0.5, NeighborMeasure.COSINE)).fit(data());
    RepeatExplanation x = m.explain(0, 0);
    assertThat(x.purchases()).isEqualTo(3);
    assertThat(x.basketsAgo()).isZero();
    assertThat(x.own()).isCloseTo(0.3125f, within(EPS));
    assertThat(x.collaborative()).isCloseTo(0.5f, within(EPS));
    assertThat(x.describe()).isEqualTo("bought 3 times, in the last basket");
    RepeatExplanation y = m.explain(0, 1);
    assertThat(y.basketsAgo()).isEqualTo(2);
    assertThat(y.secondsAgo()).isEqualTo(2);
    assertThat(y.describe()).isEqualTo("bought once, last 2 baskets ago");
    assertThat(m.explain(0, 3).repeat()).isFalse();
    assertThat(m.explain(0, 3).describe()).isEqualTo("popular");
    assertThat(m.explain(1, 3).describe()).isEqualTo("popular");
    assertThat(new RepeatExplanation(5, 1, 3 * 86_400 + 5, 1, 0).describe()).isEqualTo("bought 5 times, last 3 days ago");
    assertThat(m.boughtBefore(0, 2)).isTrue();
    assertThat(m.boughtBefore(0, 3)).isFalse();
    assertThat(m.boughtBefore(-1, 0)).isFalse();
  }

  /** Folding in a basket gives the representation and neighbours of a refit on the longer log. */
  @Test
  void foldInMatchesARefit() {
    RepeatConfig c = config(1, 0.5, NeighborMeasure.EUCLIDEAN);
    RepeatModel folded = new RepeatTrainer(c).fit(data()).withBasket(2, new int[] {0, 1}, 3);
    Dataset longer = Dataset.of(log().add("C", "x", 1, 3).add("C", "y", 1, 3).build());
    RepeatModel refit = new RepeatTrainer(c).fit(longer);
    for (int i = 0; i < 4; i++) {
      assertThat(folded.representation(2, i)).isEqualTo(refit.representation(2, i));
    }
    assertThat(folded.neighbors(2)).containsExactly(refit.neighbors(2));
    assertThat(scores(folded, Query.forUser(2, longer.matrix())))
        .containsExactly(scores(refit, Query.forUser(2, longer.matrix())), within(EPS));
    assertThat(folded.explain(2, 0).describe()).isEqualTo("bought once, in the last basket");
  }

  @Test
  void badInputIsRejected() {
    RepeatModel m = new RepeatTrainer(config(1, 0.5, NeighborMeasure.COSINE)).fit(data());
    assertThatThrownBy(() -> m.withBasket(0, new int[0], 5)).hasMessageContaining("at least one item");
    assertThatThrownBy(() -> m.withBasket(0, new int[] {9}, 5)).hasMessageContaining("out of range");
    assertThatThrownBy(() -> m.withBasket(0, new int[] {1}, 1)).hasMessageContaining("earlier");
    Dataset untimed = Dataset.of(InteractionLog.builder().add("A", "x", 1).build());
    assertThatThrownBy(() -> new RepeatTrainer(RepeatConfig.defaults()).fit(untimed))
        .hasMessageContaining("timestamps").hasMessageContaining("'A'");
    assertThatThrownBy(() -> new RepeatConfig(0, 1, 1, 1, 1, NeighborMeasure.COSINE, 0, 1))
        .hasMessageContaining("groupSize");
    assertThatThrownBy(() -> RepeatConfig.defaults().withDecays(0, 1)).hasMessageContaining("withinDecay");
    assertThatThrownBy(() -> RepeatConfig.defaults().withDecays(1, 1.5)).hasMessageContaining("groupDecay");
    assertThatThrownBy(() -> RepeatConfig.defaults().withNeighbors(-1, 0.5)).hasMessageContaining("neighbors");
    assertThatThrownBy(() -> RepeatConfig.defaults().withNeighbors(5, Double.NaN)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> RepeatConfig.defaults().withBasketGapSeconds(-1)).hasMessageContaining("basketGap");
    assertThatThrownBy(() -> RepeatConfig.defaults().withThreads(0)).hasMessageContaining("threads");
    assertThatThrownBy(() -> new RepeatExplanation(-1, 0, 0, 0, 0)).hasMessageContaining("purchases");
  }

  /** The neighbour search splits customers over threads; the model must not depend on it. */
  @Test
  void threadCountDoesNotChangeTheModel() {
    InteractionLog.Builder b = InteractionLog.builder();
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    for (int u = 0; u < 600; u++) {
      for (int t = 0; t < 1 + r.nextInt(5); t++) {
        for (int k = 0; k < 1 + r.nextInt(4); k++) {
          b.add("u" + u, "i" + r.nextInt(40), 1, t);
        }
      }
    }
    Dataset d = Dataset.of(b.build());
    RepeatConfig c = RepeatConfig.defaults().withNeighbors(10, 0.5);
    RepeatModel one = new RepeatTrainer(c.withThreads(1)).fit(d);
    RepeatModel four = new RepeatTrainer(c.withThreads(4)).fit(d);
    for (int u = 0; u < 600; u++) {
      assertThat(four.neighbors(u)).as("user %d", u).containsExactly(one.neighbors(u));
    }
  }
}
