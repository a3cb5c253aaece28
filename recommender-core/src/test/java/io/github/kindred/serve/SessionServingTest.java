package io.github.kindred.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.session.MarkovConfig;
import io.github.kindred.session.MarkovTrainer;
import org.junit.jupiter.api.Test;

/** A session model behind the facade reads the request's events in arrival order, with no refit. */
class SessionServingTest {
  @Test
  void theOrderOfTheSessionEventsDecidesTheAnswer() {
    // Transitions a->b twice, a->c once, c->d once.
    Dataset data = Dataset.of(InteractionLog.builder()
        .add("u1", "a", 1, 0).add("u1", "b", 1, 1)
        .add("u2", "a", 1, 0).add("u2", "b", 1, 1)
        .add("u3", "a", 1, 0).add("u3", "c", 1, 1)
        .add("u4", "c", 1, 0).add("u4", "d", 1, 1)
        .build());
    Recommender rec = Recommender.builder(new MarkovTrainer(MarkovConfig.defaults()).fit(data), data)
        .executor(Runnable::run).build();
    // Last event a: b (2/3) first among unseen items; last event c: d (1).
    assertThat(rec.recommend(Request.forSession(new String[] {"c", "a"}, new long[] {10, 11}).count(1).build())
        .itemIds()).containsExactly("b");
    assertThat(rec.recommend(Request.forSession(new String[] {"a", "c"}, new long[] {10, 11}).count(1).build())
        .itemIds()).containsExactly("d");
  }
}
