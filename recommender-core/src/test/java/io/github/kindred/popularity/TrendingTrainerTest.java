package io.github.kindred.popularity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.model.Query;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrendingTrainerTest {
  private static final long DAY = 86_400;
  private static final long NOW = 1_000_000_000L;

  private static Dataset data() {
    return Dataset.of(InteractionLog.builder()
        .add("u1", "a", 1, NOW)             // age 0: counts 1
        .add("u2", "a", 1, NOW - DAY)       // one half-life: counts 1/2
        .add("u1", "b", 1, NOW - 2 * DAY)   // two half-lives: counts 1/4
        .add("u3", "b", 2, NOW - DAY)       // value 2, one half-life: counts 1
        .add("u3", "c", 1, NOW - 3 * DAY)   // three half-lives: counts 1/8
        .build());
  }

  @Test
  void eventOneHalfLifeOldCountsHalf() {
    TrendingModel m = new TrendingTrainer(TrendingConfig.ofHalfLife(Duration.ofDays(1))).fit(data());
    assertThat(m.referenceTime()).isEqualTo(NOW);
    float[] scores = new float[3];
    m.score(Query.empty(), scores);
    assertThat(scores).containsExactly(new float[] {1.5f, 1.25f, 0.125f}, within(1e-6f));
  }

  @Test
  void halfLifeInDaysAndAnExplicitReferenceTime() {
    // Reference one day earlier: the event at NOW lies in the future and is ignored; ages shrink by a day.
    TrendingConfig c = TrendingConfig.ofHalfLifeDays(2).withReferenceTime(NOW - DAY);
    TrendingModel m = new TrendingTrainer(c).fit(data());
    float half = (float) Math.pow(2, -0.5);
    // a: age 0 -> 1; b: age 1 day -> 2^-1/2, and value 2 at age 0 -> 2; c: age 2 days -> 1/2.
    assertThat(m.trend(0)).isCloseTo(1f, within(1e-6f));
    assertThat(m.trend(1)).isCloseTo(half + 2f, within(1e-6f));
    assertThat(m.trend(2)).isCloseTo(0.5f, within(1e-6f));
  }

  @Test
  void eventsWithoutTimestampsAreRejected() {
    Dataset d = Dataset.of(InteractionLog.builder().add("u1", "a", 1, NOW).add("u2", "b", 1).build());
    assertThatThrownBy(() -> new TrendingTrainer(TrendingConfig.ofHalfLifeDays(7)).fit(d))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timestamps")
        .hasMessageContaining("'u2'");
  }

  @Test
  void invalidHalfLifeIsRejected() {
    assertThatThrownBy(() -> TrendingConfig.ofHalfLife(Duration.ZERO)).hasMessageContaining("halfLife");
    assertThatThrownBy(() -> TrendingConfig.ofHalfLifeDays(Double.NaN)).hasMessageContaining("halfLifeDays");
    assertThatThrownBy(() -> TrendingConfig.ofHalfLife(Duration.ofDays(-1))).hasMessageContaining("halfLife");
  }
}
