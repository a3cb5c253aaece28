package io.github.kindred.popularity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.IdIndex;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import io.github.kindred.persist.ModelFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PopularityModelOfTest {
  private static final IdIndex USERS = IdIndex.of("u");
  private static final IdIndex ITEMS = IdIndex.of("a", "b", "c");

  private static Model roundTrip(Model model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ModelFiles.standard().save(model, out);
    return ModelFiles.standard().load(new ByteArrayInputStream(out.toByteArray()));
  }

  @Test
  void popularityScoresTheGivenCountsAndRoundTrips() throws IOException {
    float[] counts = {3f, 0f, 7f};
    Model model = PopularityTrainer.model(USERS, ITEMS, counts);
    counts[0] = 100f;
    float[] scores = new float[3];
    roundTrip(model).score(Query.empty(), scores);
    assertThat(scores).containsExactly(3f, 0f, 7f);
  }

  @Test
  void trendingScoresTheGivenTrendAndRoundTrips() throws IOException {
    TrendingConfig config = TrendingConfig.ofHalfLifeDays(7);
    TrendingModel model = TrendingModel.of(config, 1_000L, USERS, ITEMS, new float[] {0.5f, -1f, 2f});
    TrendingModel loaded = (TrendingModel) roundTrip(model);
    assertThat(loaded.referenceTime()).isEqualTo(1_000L);
    assertThat(loaded.config().halfLife()).isEqualTo(Duration.ofDays(7));
    assertThat(loaded.trend(1)).isEqualTo(-1f);
    assertThat(loaded.trend(2)).isEqualTo(2f);
  }

  @Test
  void rejectsScoresOfTheWrongLengthOrValue() {
    assertThatThrownBy(() -> PopularityTrainer.model(USERS, ITEMS, new float[2]))
        .hasMessageContaining("counts has 2 entries, expected one per item: 3");
    assertThatThrownBy(() -> PopularityTrainer.model(USERS, ITEMS, new float[] {1f, -1f, 0f}))
        .hasMessageContaining("counts of item 1 must be finite and >= 0, got -1.0");
    assertThatThrownBy(() -> TrendingModel.of(TrendingConfig.ofHalfLifeDays(1), 0L, USERS, ITEMS,
        new float[] {1f, Float.NaN, 0f})).hasMessageContaining("trend of item 1 must be finite, got NaN");
  }
}
