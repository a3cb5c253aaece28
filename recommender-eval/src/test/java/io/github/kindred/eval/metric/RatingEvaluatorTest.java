package io.github.kindred.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.DuplicatePolicy;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import org.junit.jupiter.api.Test;

class RatingEvaluatorTest {
  @Test
  void rmseAndMaeByHand() {
    // Predicts 3, 4, 2 for items 0, 1, 2 whoever asks.
    Model model = new Model() {
      @Override
      public IdIndex items() {
        return IdIndex.of("a", "b", "c");
      }

      @Override
      public IdIndex users() {
        return IdIndex.of("x", "y");
      }

      @Override
      public void score(Query query, float[] out) {
        out[0] = 3;
        out[1] = 4;
        out[2] = 2;
      }
    };
    InteractionMatrix train = InteractionMatrix.of(2, 3, new int[] {0, 1}, new int[] {0, 1}, new float[] {1, 1},
        null, DuplicatePolicy.SUM);
    // User 0 rated item 1 as 5 (error -1) and item 2 as 2 (error 0); user 1 rated item 0 as 1 (error 2) and the
    // unknown item 3 (skipped).
    InteractionMatrix test = InteractionMatrix.of(2, 4, new int[] {0, 0, 1, 1}, new int[] {1, 2, 0, 3},
        new float[] {5, 2, 1, 4}, null, DuplicatePolicy.LATEST);
    RatingEvaluator.Result r = RatingEvaluator.evaluate(model, train, test);
    assertThat(r.pairs()).isEqualTo(3);
    assertThat(r.skipped()).isEqualTo(1);
    assertThat(r.rmse()).isCloseTo(Math.sqrt((1 + 0 + 4) / 3.0), within(1e-12));
    assertThat(r.mae()).isCloseTo((1 + 0 + 2) / 3.0, within(1e-12));
    assertThat(r.users()).containsExactly(0, 1);
    assertThat(r.userMse()).containsExactly(0.5, 4.0);
    assertThat(r.userMae()).containsExactly(0.5, 2.0);
  }
}
