package io.github.kindred.serve.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.FeatureTable;
import org.junit.jupiter.api.Test;

class BusinessRulesTest {
  private static final float NEG = Float.NEGATIVE_INFINITY;
  private static final int[] NONE = new int[0];

  private static BusinessRules rules(int[] allow, int[] deny, int[] boostItems, float[] mult, float[] add) {
    return new BusinessRules(allow, deny, null, FeatureTable.empty(), i -> -1, NONE, NONE, boostItems, mult, add);
  }

  @Test
  void boostsMultiplyThenAddAndFiltersExclude() {
    // allow {0,1,2}, deny {1}: i1 and i3 go; i2 boosted 3 * 2 + 1 = 7; i0 kept as is.
    float[] scores = {1f, 2f, 3f, 4f};
    rules(new int[] {0, 1, 2}, new int[] {1}, new int[] {2}, new float[] {2f}, new float[] {1f})
        .apply(new CandidateStage().all(4), scores);
    assertThat(scores).containsExactly(1f, NEG, 7f, NEG);
  }

  @Test
  void boostsLeaveExcludedScoresExcluded() {
    float[] scores = {NEG, 1f};
    rules(null, NONE, new int[] {0, -1}, new float[] {2f, 2f}, new float[] {5f, 5f})
        .apply(new CandidateStage().all(2), scores);
    assertThat(scores).containsExactly(NEG, 1f);
  }

  @Test
  void predicateAndFeatureFilters() {
    FeatureTable t = FeatureTable.builder()
        .categorical("a", "category", "plumbing")
        .categorical("b", "category", "electric")
        .build();
    int plumbing = t.features().indexOf("category=plumbing");
    String[] ids = {"a", "b", "c"};
    BusinessRules required = new BusinessRules(null, NONE, null, t, i -> t.rowOf(ids[i]), new int[] {plumbing},
        NONE, NONE, new float[0], new float[0]);
    assertThat(new boolean[] {required.passes(0), required.passes(1), required.passes(2)})
        .containsExactly(true, false, false);
    BusinessRules excluded = new BusinessRules(null, NONE, i -> i != 1, t, i -> t.rowOf(ids[i]), NONE,
        new int[] {plumbing}, NONE, new float[0], new float[0]);
    // a has the excluded feature, b fails the predicate, c has no row and passes.
    assertThat(new boolean[] {excluded.passes(0), excluded.passes(1), excluded.passes(2)})
        .containsExactly(false, false, true);
  }

  @Test
  void boostOfOneItem() {
    // 4 * 0.5 + 1 = 3 for the boosted item; any other item keeps its score.
    BusinessRules r = rules(null, NONE, new int[] {3}, new float[] {0.5f}, new float[] {1f});
    assertThat(r.boost(3, 4f)).isEqualTo(3f);
    assertThat(r.boost(2, 4f)).isEqualTo(4f);
  }

  @Test
  void exclusionsOfUnavailableAndSeenItems() {
    float[] scores = {1f, 2f, 3f, 4f};
    Candidates all = new CandidateStage().all(4);
    BusinessRules.excludeUnavailable(all, scores, new boolean[] {false, true, false, false});
    // Seen entries [1, 3) of {9, 0, 3, 9}: items 0 and 3.
    BusinessRules.excludeSeen(all, scores, new int[] {9, 0, 3, 9}, 1, 3);
    assertThat(scores).containsExactly(NEG, NEG, 3f, NEG);

    float[] retrieved = {1f, 2f, 3f, 4f};
    CandidateRetriever r = (q, wanted, out) -> {
      out[0] = 3;
      out[1] = 2;
      return 2;
    };
    Candidates c = new CandidateStage().select(r, io.github.kindred.model.Query.empty(), 2, 4);
    BusinessRules.excludeSeen(c, retrieved, new int[] {0, 3}, 0, 2);
    // Only candidates are touched: i3 goes, i0 (seen, not a candidate) keeps its entry.
    assertThat(retrieved).containsExactly(1f, 2f, 3f, NEG);
  }

  @Test
  void boostArraysMustAlign() {
    assertThatThrownBy(() -> rules(null, NONE, new int[] {1}, new float[0], new float[] {1f}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 items, 0 multipliers");
  }
}
