package io.github.kindred.serve.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kindred.math.TopN;
import io.github.kindred.model.Query;
import org.junit.jupiter.api.Test;

class SelectionTest {
  @Test
  void poolIsTheCountOrFiveTimesItForDiversity() {
    assertThat(Selection.poolSize(10, 0f)).isEqualTo(10);
    assertThat(Selection.poolSize(10, 0.3f)).isEqualTo(50);
  }

  @Test
  void selectsTheBestCandidatesAndNeverAnExcludedOne() {
    float[] scores = {0.5f, Float.NEGATIVE_INFINITY, 2f, 1f, Float.NEGATIVE_INFINITY};
    TopN top = new TopN(3);
    Selection.select(new CandidateStage().all(5), scores, top);
    int[] items = new int[3];
    float[] s = new float[3];
    assertThat(top.drainTo(items, s)).isEqualTo(3);
    assertThat(items).containsExactly(2, 3, 0);

    CandidateRetriever r = (q, wanted, out) -> {
      out[0] = 1;
      out[1] = 3;
      return 2;
    };
    top.reset(3);
    Selection.select(new CandidateStage().select(r, Query.empty(), 2, 5), scores, top);
    // Of candidates {1, 3}, only 3 is finite; the better non-candidate 2 is not selected.
    assertThat(top.drain()).containsExactly(3);
  }
}
