package io.github.kindred.serve.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PopularityBlendTest {
  private static final float NEG = Float.NEGATIVE_INFINITY;

  @Test
  void blendsMinMaxScoresWithRelativePopularity() {
    // Finite scores 1..3 (range 2), max popularity 4, strength 0.5:
    // i0 0.5*0 + 0.5*2/4 = 0.25; i1 0.5*1 + 0 = 0.5; i2 0.5*0.5 + 0.5*4/4 = 0.75; i3 stays excluded.
    float[] scores = {1f, 3f, 2f, NEG};
    PopularityBlend.apply(new int[] {2, 0, 4, 1}, new CandidateStage().all(4), scores, 0.5f);
    assertThat(scores[0]).isCloseTo(0.25f, within(1e-6f));
    assertThat(scores[1]).isCloseTo(0.5f, within(1e-6f));
    assertThat(scores[2]).isCloseTo(0.75f, within(1e-6f));
    assertThat(scores[3]).isEqualTo(NEG);
  }

  @Test
  void theRangeIsThatOfTheCandidatesOnly() {
    // Candidates i0 and i2: scores 1 and 2 (range 1), max popularity 4: i0 0.25, i2 0.5*1 + 0.5*1 = 1; i1 untouched.
    float[] scores = {1f, 3f, 2f};
    CandidateRetriever r = (q, wanted, out) -> {
      out[0] = 0;
      out[1] = 2;
      return 2;
    };
    Candidates c = new CandidateStage().select(r, io.github.kindred.model.Query.empty(), 2, 3);
    PopularityBlend.apply(new int[] {2, 0, 4}, c, scores, 0.5f);
    assertThat(scores).containsExactly(new float[] {0.25f, 3f, 1f}, within(1e-6f));
  }
}
