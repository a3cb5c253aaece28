package io.github.kindred.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Context;
import io.github.kindred.data.Dataset;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import io.github.kindred.popularity.PopularityTrainer;
import org.junit.jupiter.api.Test;

class ContextualPostFilterTest {
  /**
   * Items x, y, z. x: 3 day events at home, 1 night event at home; y: 1 day event, 3 night events, all away; z: no
   * events (known through a known-items index). N = 8 events, I = 3 items.
   */
  private static InteractionLog log() {
    InteractionLog.Builder b = InteractionLog.builder().knownItems(IdIndex.of("x", "y", "z"));
    Context dayHome = Context.of("time", "day", "place", "home");
    Context nightHome = Context.of("time", "night", "place", "home");
    Context dayAway = Context.of("time", "day", "place", "away");
    Context nightAway = Context.of("time", "night", "place", "away");
    for (int k = 0; k < 3; k++) {
      b.add("u" + k, "x", 1f, k, "rating", dayHome);
      b.add("v" + k, "y", 1f, k, "rating", nightAway);
    }
    b.add("u9", "x", 1f, 9, "rating", nightHome);
    b.add("v9", "y", 1f, 9, "rating", dayAway);
    return b.build();
  }

  /** A fixed context-free model. */
  private static Model fixed(IdIndex items, float... scores) {
    return new Model() {
      @Override
      public IdIndex items() {
        return items;
      }

      @Override
      public IdIndex users() {
        return IdIndex.of();
      }

      @Override
      public void score(Query query, float[] out) {
        System.arraycopy(scores, 0, out, 0, scores.length);
      }
    };
  }

  private static float[] score(Model m, Context c) {
    float[] s = new float[3];
    m.score(Query.empty().withContext(c), s);
    return s;
  }

  @Test
  void laplaceAffinitiesByHand() {
    InteractionLog log = log();
    PostFilterConfig config = new PostFilterConfig(java.util.List.of("time"), 1f,
        PostFilterConfig.Smoothing.LAPLACE, 1f);
    Model m = ContextualPostFilter.wrap(fixed(log.items(), 2f, 1.5f, 1f), log, config);
    // P(x) = (4+1)/(8+3) = 5/11, P(x|night) = (1+1)/(4+3) = 2/7: a = 22/35. P(y|night) = 4/7: a = 44/35.
    // P(z) = 1/11, P(z|night) = 1/7: a = 11/7.
    float[] night = score(m, Context.of("time", "night"));
    assertThat(night[0]).isCloseTo(2f * 22 / 35, within(1e-5f));
    assertThat(night[1]).isCloseTo(1.5f * 44 / 35, within(1e-5f));
    assertThat(night[2]).isCloseTo(1f * 11 / 7, within(1e-5f));
  }

  @Test
  void bayesianAffinitiesByHandWithStrength() {
    InteractionLog log = log();
    PostFilterConfig config = new PostFilterConfig(java.util.List.of("time"), 2f,
        PostFilterConfig.Smoothing.BAYESIAN, 2f);
    ContextualPostFilter.PostFilterModel m = ContextualPostFilter.wrap(fixed(log.items(), 1f, 1f, 1f), log, config);
    // P(x) = (4+1)/(8+3) = 5/11; P(x|night) = (1 + 2 * 5/11) / (4 + 2) = 7/22: a = 7/10.
    // P(y|night) = (3 + 10/11) / 6 = 43/66: a = 43/30. P(z) = 1/11, P(z|night) = (2/11) / 6 = 1/33: a = 1/3.
    assertThat(m.affinity("time", "night", 0)).isCloseTo(0.49f, within(1e-5f));
    assertThat(m.affinity("time", "night", 1)).isCloseTo((43f / 30) * (43f / 30), within(1e-5f));
    assertThat(m.affinity("time", "night", 2)).isCloseTo(1f / 9, within(1e-5f));
    assertThat(score(m, Context.of("time", "night"))).containsExactly(
        new float[] {0.49f, (43f / 30) * (43f / 30), 1f / 9}, within(1e-5f));
    assertThat(m.affinity("time", "dusk", 0)).isEqualTo(1f);
    assertThat(m.affinity("weather", "rain", 0)).isEqualTo(1f);
  }

  @Test
  void featuresCombineByProductAndNegativeScoresAreShiftedFirst() {
    InteractionLog log = log();
    ContextualPostFilter.PostFilterModel m =
        ContextualPostFilter.wrap(fixed(log.items(), -1f, 0.5f, 0f), log, PostFilterConfig.defaults());
    float[] s = score(m, Context.of("time", "night", "place", "home"));
    // Shift by 1: base becomes 0, 1.5, 1.
    for (int i = 0; i < 3; i++) {
      float base = new float[] {0f, 1.5f, 1f}[i];
      assertThat(s[i]).isCloseTo(
          base * m.affinity("time", "night", i) * m.affinity("place", "home", i), within(1e-5f));
    }
    assertThat(m.affinity("place", "home", 0)).isGreaterThan(1f);
    assertThat(m.affinity("place", "home", 1)).isLessThan(1f);
  }

  @Test
  void emptyOrUnknownContextKeepsTheBaseScores() {
    InteractionLog log = log();
    ContextualPostFilter.PostFilterModel m =
        ContextualPostFilter.wrap(fixed(log.items(), -1f, 0.5f, 0.25f), log, PostFilterConfig.defaults());
    assertThat(score(m, Context.EMPTY)).containsExactly(-1f, 0.5f, 0.25f);
    assertThat(score(m, Context.of("time", "dusk", "weather", "rain"))).containsExactly(-1f, 0.5f, 0.25f);
    ContextualPostFilter.PostFilterModel off =
        ContextualPostFilter.wrap(fixed(log.items(), 3f, 2f, 1f), log, PostFilterConfig.defaults().withStrength(0f));
    assertThat(score(off, Context.of("time", "night"))).containsExactly(3f, 2f, 1f);
  }

  @Test
  void contextLiftsTheItemChosenInItOverAMorePopularOne() {
    InteractionLog log = log();
    ContextualPostFilter.PostFilterModel m = new ContextualPostFilter(new PopularityTrainer(),
        PostFilterConfig.defaults().withFeatures("time")).fit(Dataset.of(log));
    float[] night = score(m, Context.of("time", "night"));
    float[] day = score(m, Context.of("time", "day"));
    // Both are chosen by 4 users; y is the night item, x the day item.
    assertThat(night[1]).isGreaterThan(night[0]);
    assertThat(day[0]).isGreaterThan(day[1]);
  }

  @Test
  void invalidConfigurationIsRejected() {
    assertThatThrownBy(() -> PostFilterConfig.defaults().withStrength(-1f)).hasMessageContaining("strength");
    assertThatThrownBy(() -> PostFilterConfig.defaults().withSmoothing(PostFilterConfig.Smoothing.LAPLACE, 0f))
        .hasMessageContaining("prior");
    assertThatThrownBy(() -> PostFilterConfig.defaults().withFeatures("a", "a")).hasMessageContaining("repeat");
    InteractionLog log = log();
    assertThatThrownBy(() -> ContextualPostFilter.wrap(fixed(IdIndex.of("x"), 1f), log, PostFilterConfig.defaults()))
        .hasMessageContaining("items");
  }
}
