package io.github.kindred.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.serve.pipeline.RepeatStage;
import org.junit.jupiter.api.Test;

class RepeatStageTest {
  /** A bought i3 and i4 in basket 0 and i4 again in basket 1; B bought i0..i2 (so every item is known). */
  private static final Dataset DATA = Dataset.of(InteractionLog.builder()
      .add("B", "i0", 1, 0).add("B", "i1", 1, 0).add("B", "i2", 1, 0)
      .add("A", "i3", 1, 0).add("A", "i4", 1, 0)
      .add("A", "i4", 1, 1)
      .build());

  private static Recommender recommender() {
    return Recommender.builder(Fixtures.TableModel.constant(DATA, 5, 4, 3, 2, 1), DATA).executor(Runnable::run)
        .scoreStage(RepeatStage.factory(0.8f, 0.5f, 0)).build();
  }

  /**
   * Model scores 5..1 min-max to 1, .75, .5, .25, 0. Frequencies with decay 1/2: i4 1/2 + 1 = 1.5, i3 1/2; over the
   * maximum 1.5 and weighted 0.8: i0 0.2, i1 0.15, i2 0.1, i3 0.05 + 0.8 / 3, i4 0.8.
   */
  @Test
  void purchaseFrequencyIsBlendedIntoTheModelScores() {
    Recommendations r = recommender().recommend(Request.forUser("A").count(5).excludeSeen(false).build());
    assertThat(r.itemIds()).containsExactly("i4", "i3", "i0", "i1", "i2");
    assertThat(r.scores()).containsExactly(new float[] {0.8f, 0.05f + 0.8f / 3, 0.2f, 0.15f, 0.1f}, within(1e-6f));
  }

  /**
   * The session's event i2 is a newer basket: the training baskets age by one (i4 0.75, i3 0.25) and i2 counts 1,
   * the new maximum: i2 0.1 + 0.8, i4 0.6, i3 0.05 + 0.2, i0 0.2, i1 0.15.
   */
  @Test
  void sessionEventsCountAsTheNewestBasketWithoutARefit() {
    Recommendations r = recommender().recommend(Request.forUser("A").count(5).excludeSeen(false)
        .session(new String[] {"i2", "i2"}, new long[] {5, 6}).build());
    assertThat(r.itemIds()).containsExactly("i2", "i4", "i3", "i0", "i1");
    assertThat(r.score(0)).isCloseTo(0.9f, within(1e-6f));
    assertThat(r.score(1)).isCloseTo(0.6f, within(1e-6f));
  }

  @Test
  void badParametersAreRejected() {
    assertThatThrownBy(() -> RepeatStage.factory(1.5f, 0.5f, 0)).hasMessageContaining("weight");
    assertThatThrownBy(() -> RepeatStage.factory(0.5f, 0f, 0)).hasMessageContaining("decay");
    assertThatThrownBy(() -> RepeatStage.factory(0.5f, 0.5f, -1)).hasMessageContaining("basketGapSeconds");
  }
}
