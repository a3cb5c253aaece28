package io.github.kindred.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import io.github.kindred.persist.ModelFiles;
import io.github.kindred.popularity.TrendingConfig;
import io.github.kindred.popularity.TrendingModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SparkPopularityTest {
  private static final long DAY = 86_400;

  @Test
  void popularityCountsDistinctUsersAndRoundTripsThroughAModelFile() throws IOException {
    // a: u1 twice and u2 -> 2 users; b: u1 -> 1; c: u2, u3, u4 -> 3.
    SparkInteractions data = SparkInteractions.read(LocalSpark.events(new Object[] {"u1", "a"},
        new Object[] {"u1", "a"}, new Object[] {"u2", "a"}, new Object[] {"u1", "b"}, new Object[] {"u2", "c"},
        new Object[] {"u3", "c"}, new Object[] {"u4", "c"}), ColumnMapping.defaults(), false);
    Model model = SparkPopularity.fit(data);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ModelFiles.standard().save(model, out);
    Model loaded = ModelFiles.standard().load(new ByteArrayInputStream(out.toByteArray()));
    float[] scores = new float[3];
    loaded.score(Query.empty(), scores);
    assertThat(scores).containsExactly(2f, 1f, 3f);
    assertThat(loaded.items().ids()).containsExactly("a", "b", "c");
    data.release();
  }

  @Test
  void trendingHalvesAnEventPerHalfLifeAndIgnoresTheFuture() {
    long now = 1_700_000_000L;
    // Half-life one day. a: value 2 now + value 1 one day ago = 2 + 0.5; b: two days ago = 0.25; c: after the
    // reference time, ignored.
    SparkInteractions data = SparkInteractions.read(LocalSpark.events(new Object[] {"u1", "a", 2f, now},
        new Object[] {"u2", "a", 1f, now - DAY}, new Object[] {"u1", "b", 1f, now - 2 * DAY},
        new Object[] {"u2", "c", 1f, now + 10}), ColumnMapping.defaults().withTimestamp("timestamp"), false);
    TrendingModel model = SparkPopularity.fitTrending(data,
        TrendingConfig.ofHalfLifeDays(1).withReferenceTime(now));
    float[] scores = new float[3];
    model.score(Query.empty(), scores);
    assertThat(scores).containsExactly(new float[] {2.5f, 0.25f, 0f}, within(1e-6f));
    data.release();
  }

  @Test
  void trendingNeedsTimestamps() {
    SparkInteractions data = SparkInteractions.read(LocalSpark.events(new Object[] {"u1", "a"}),
        ColumnMapping.defaults(), false);
    assertThatThrownBy(() -> SparkPopularity.fitTrending(data, TrendingConfig.ofHalfLifeDays(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs timestamps");
    data.release();
  }
}
