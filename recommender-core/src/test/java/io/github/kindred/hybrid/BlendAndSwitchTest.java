package io.github.kindred.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.model.Query;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlendAndSwitchTest {
  private static final IdIndex ABC = IdIndex.of("a", "b", "c");

  @Test
  void minMaxBlendByHand() {
    FixedModel a = new FixedModel(ABC, 1, 2, 3);
    FixedModel b = new FixedModel(ABC, 10, 10, 40);
    BlendModel blend = BlendModel.of(List.of(a, b), new float[] {1, 2}, ScoreNormalization.MIN_MAX);
    float[] out = new float[3];
    blend.score(Query.empty(), out);
    // a -> (0, 0.5, 1); b -> (0, 0, 1); 1 * a + 2 * b
    assertThat(out).containsExactly(new float[] {0f, 0.5f, 3f}, within(1e-6f));
  }

  @Test
  void zScoreBlendByHand() {
    FixedModel a = new FixedModel(ABC, 1, 2, 3);
    FixedModel b = new FixedModel(ABC, 10, 10, 40);
    BlendModel blend = BlendModel.of(List.of(a, b), new float[] {1, 1}, ScoreNormalization.Z_SCORE);
    float[] out = new float[3];
    blend.score(Query.empty(), out);
    double sdA = Math.sqrt(2.0 / 3); // mean 2, squared deviations 1, 0, 1
    double sdB = Math.sqrt(200); // mean 20, squared deviations 100, 100, 400
    assertThat(out[0]).isCloseTo((float) (-1 / sdA - 10 / sdB), within(1e-5f));
    assertThat(out[1]).isCloseTo((float) (-10 / sdB), within(1e-5f));
    assertThat(out[2]).isCloseTo((float) (1 / sdA + 20 / sdB), within(1e-5f));
  }

  @Test
  void constantAndNonFiniteScoresNormalise() {
    float[] s = {5, 5, 5};
    assertThat(ScoreNormalization.Z_SCORE.normalize(s, 3)).isZero();
    assertThat(s).containsOnly(0f);
    float[] t = {2, Float.NEGATIVE_INFINITY, 4};
    assertThat(ScoreNormalization.MIN_MAX.normalize(t, 3)).isZero();
    assertThat(t).containsExactly(0f, 0f, 1f);
  }

  @Test
  void aShorterPartGivesItsLowestScoreToItemsItDoesNotKnow() {
    FixedModel ab = new FixedModel(IdIndex.of("a", "b"), 5, 7);
    FixedModel abc = new FixedModel(ABC, 3, 2, 1);
    BlendModel blend = BlendModel.of(List.of(ab, abc), new float[] {1, 1}, ScoreNormalization.MIN_MAX);
    assertThat(blend.items()).isEqualTo(ABC);
    float[] out = new float[3];
    blend.score(Query.empty(), out);
    // ab -> (0, 1) and 0 for c; abc -> (1, 0.5, 0)
    assertThat(out).containsExactly(new float[] {1f, 1.5f, 0f}, within(1e-6f));
  }

  @Test
  void partsMustShareTheItemSpace() {
    FixedModel ba = new FixedModel(IdIndex.of("b", "a"), 1, 2);
    FixedModel abc = new FixedModel(ABC, 3, 2, 1);
    assertThatThrownBy(() -> BlendModel.of(List.of(ba, abc), new float[] {1, 1}, ScoreNormalization.MIN_MAX))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'b'");
    assertThatThrownBy(() -> SwitchingModel.of(ba, abc, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void blendConfigurationIsValidated() {
    FixedModel a = new FixedModel(ABC, 1, 2, 3);
    assertThatThrownBy(() -> BlendModel.of(List.of(a), new float[] {0}, ScoreNormalization.MIN_MAX))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight of part 0");
    assertThatThrownBy(() -> BlendModel.of(List.of(a), new float[] {1, 1}, ScoreNormalization.MIN_MAX))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BlendTrainer.builder().add(a, Float.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BlendTrainer.builder().build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SwitchingTrainer(d -> a, d -> a, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
  }

  @Test
  void blendTrainerFitsItsParts() {
    Dataset data = Dataset.of(InteractionLog.builder().add("u", "a", 1).add("u", "b", 1).add("u", "c", 1).build());
    BlendModel blend = BlendTrainer.builder().normalization(ScoreNormalization.MIN_MAX)
        .add(new FixedModel(ABC, 0, 0, 1), 1f).add(d -> new FixedModel(d.items(), 1, 0, 0), 3f).build().fit(data);
    float[] out = new float[3];
    blend.score(Query.empty(), out);
    assertThat(out).containsExactly(3f, 0f, 1f);
  }

  @Test
  void switchesAtTheHistoryThreshold() {
    FixedModel cold = new FixedModel(ABC, 1, 0, 0);
    FixedModel warm = new FixedModel(IdIndex.of("a", "b"), 0, 1);
    Dataset data = Dataset.of(InteractionLog.builder().add("u", "a", 1).build());
    SwitchingModel s = new SwitchingTrainer(d -> cold, d -> warm, 2).fit(data);
    float[] out = new float[3];
    s.score(Query.ofItems(0), out);
    assertThat(out).containsExactly(1f, 0f, 0f);
    s.score(Query.ofItems(0, 1), out);
    assertThat(out).containsExactly(0f, 1f, Float.NEGATIVE_INFINITY);
    assertThat(s.choose(Query.empty())).isSameAs(cold);
  }
}
