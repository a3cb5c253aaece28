package io.github.kindred.popularity;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import org.junit.jupiter.api.Test;

class PopularityTest {
  @Test
  void scoresItemsByDistinctUsers() {
    // u0 rates a twice (one cell), b once; u1 rates b; u2 rates b and c.
    Dataset data = Dataset.of(InteractionLog.builder()
        .add("u0", "a", 5f).add("u0", "a", 3f).add("u0", "b", 1f)
        .add("u1", "b", 2f)
        .add("u2", "b", 4f).add("u2", "c", 4f)
        .build());
    Model model = new PopularityTrainer().fit(data);
    float[] scores = new float[3];
    model.score(Query.empty(), scores);
    assertThat(scores).containsExactly(1f, 3f, 1f);
  }
}
