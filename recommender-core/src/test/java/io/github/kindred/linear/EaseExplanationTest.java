package io.github.kindred.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.model.Query;
import org.junit.jupiter.api.Test;

class EaseExplanationTest {
  @Test
  void contributionsAreHistoryWeightsTimesTheirRowOfWeightsAndSumToTheScore() {
    Dataset data = Dataset.builder(InteractionLog.builder()
        .add("u0", "a", 1f).add("u0", "b", 1f)
        .add("u1", "a", 1f).add("u1", "c", 1f)
        .add("u2", "b", 1f).add("u2", "c", 1f).add("u2", "d", 1f)
        .add("u3", "a", 1f).add("u3", "d", 1f)
        .build()).binary(true).build();
    EaseModel model = new EaseTrainer(EaseConfig.defaults().withLambda(1f)).fit(data);
    Query query = Query.of(Query.ANONYMOUS, new int[] {0, 2}, new float[] {1f, 3f});
    float[] scores = new float[4];
    model.score(query, scores);
    float[] out = new float[2];
    for (int item = 0; item < 4; item++) {
      model.contributions(query, item, out);
      assertThat(out[0]).isEqualTo(model.weight(0, item));
      assertThat(out[1]).isEqualTo(3f * model.weight(2, item));
      assertThat(out[0] + out[1]).isCloseTo(scores[item], within(1e-6f));
    }
  }
}
