package io.github.kindred.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.Dataset;
import io.github.kindred.serve.pipeline.CandidateRetriever;
import io.github.kindred.serve.pipeline.ScoreStage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pluggable stages seen through the facade: score stages, candidate retrieval, session events. */
class PipelineStagesTest {
  private static final Dataset DATA = RecommenderTest.DATA;

  /** Model order i0 > i1 > i2 > i3 > i4 (scores 5..1) for everyone. */
  private static Recommender.Builder constant() {
    return Recommender.builder(Fixtures.TableModel.constant(DATA, 5, 4, 3, 2, 1), DATA).executor(Runnable::run);
  }

  @Test
  void aScoreStageCombinesItsSignalAfterTheModel() {
    // +10 for i4: u0 (seen i0, i2) gets i4 11, i1 4, i3 2.
    ScoreStage plus = (q, c, scores) -> {
      for (int k = 0; k < c.size(); k++) {
        if (c.item(k) == 4) {
          scores[4] += 10f;
        }
      }
    };
    Recommender rec = constant().scoreStage((model, data) -> plus).build();
    Recommendations r = rec.recommend(Request.forUser("u0").count(3).build());
    assertThat(r.itemIds()).containsExactly("i4", "i1", "i3");
    assertThat(r.scores()).containsExactly(11f, 4f, 2f);
  }

  @Test
  void scoreStagesRunInOrderAndAreRebuiltAtASwap() {
    List<String> built = new ArrayList<>();
    ScoreStage.Factory doubling = (model, data) -> {
      built.add("double");
      return (q, c, s) -> {
        for (int k = 0; k < c.size(); k++) {
          s[c.item(k)] *= 2f;
        }
      };
    };
    ScoreStage.Factory plusOne = (model, data) -> {
      built.add("plus");
      return (q, c, s) -> {
        for (int k = 0; k < c.size(); k++) {
          s[c.item(k)] += 1f;
        }
      };
    };
    Recommender rec = constant().scoreStage(doubling).scoreStage(plusOne).build();
    // (4 * 2) + 1 = 9, not (4 + 1) * 2.
    assertThat(rec.recommend(Request.forUser("u0").count(1).build()).score(0)).isEqualTo(9f);
    rec.swap(Fixtures.TableModel.constant(DATA, 5, 4, 3, 2, 1), DATA);
    assertThat(built).containsExactly("double", "plus", "double", "plus");
  }

  @Test
  void sessionEventsReachTheStagesInOrderWithTheirTimes() {
    List<String> seen = new ArrayList<>();
    ScoreStage recorder = (q, c, s) -> {
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < q.eventCount(); k++) {
        b.append(q.eventItem(k)).append('@').append(q.eventTime(k)).append(' ');
      }
      seen.add(b.toString().trim());
      // Repeat-aware: +100 per occurrence in the session.
      for (int k = 0; k < q.eventCount(); k++) {
        s[q.eventItem(k)] += 100f;
      }
    };
    Recommender rec = constant().scoreStage((m, d) -> recorder).build();
    Recommendations r = rec.recommend(Request.forSession(new String[] {"i3", "nope", "i1", "i3"},
        new long[] {10, 11, 12, 13}).excludeSeen(false).count(3).build());
    // i3 2 + 200, i1 4 + 100, then i0 5; the unknown id is skipped.
    assertThat(r.itemIds()).containsExactly("i3", "i1", "i0");
    assertThat(seen).containsExactly("3@10 1@12 3@13");

    // A known user's current visit: the events reach the stage, and the answer is not cached.
    Request visit = Request.forUser("u0").session(new String[] {"i4"}, new long[] {7}).count(1).build();
    assertThat(rec.recommend(visit).itemIds()).containsExactly("i4");
    assertThat(rec.recommend(visit).itemIds()).containsExactly("i4");
    assertThat(seen).endsWith("4@7", "4@7");
  }

  @Test
  void retrievedCandidatesAreTheOnlyOnesScored() {
    int[] asked = new int[1];
    CandidateRetriever two = (q, wanted, out) -> {
      asked[0] = wanted;
      out[0] = 4;
      out[1] = 3;
      return 2;
    };
    Recommender rec = constant().candidateRetriever(model -> two, 1).build();
    // Of i3 and i4 only, i3 is best; the full scan would answer i1. Wanted: 1 result + 2 seen items.
    assertThat(rec.recommend(Request.forUser("u0").count(1).build()).itemIds()).containsExactly("i3");
    assertThat(asked[0]).isEqualTo(3);
  }

  @Test
  void tooFewCandidatesAfterTheRulesFallBackToTheFullScan() {
    CandidateRetriever seenOnly = (q, wanted, out) -> {
      out[0] = 0;
      return 1;
    };
    Recommender rec = constant().candidateRetriever(model -> seenOnly, 1).build();
    // i0 is seen by u0, so nothing survives: the full scan answers i1, i3.
    assertThat(rec.recommend(Request.forUser("u0").count(2).build()).itemIds()).containsExactly("i1", "i3");
  }

  @Test
  void aRetrieverFactoryMayDeclineAModel() {
    Recommender rec = constant().candidateRetriever(model -> null, 4).build();
    assertThat(rec.recommend(Request.forUser("u0").count(1).build()).itemIds()).containsExactly("i1");
  }

  @Test
  void stageConfigurationIsValidated() {
    assertThatThrownBy(() -> constant().candidateRetriever(model -> null, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overFetch must be >= 1, got 0");
    assertThatThrownBy(() -> constant().scoreStage((m, d) -> null).build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("score stage factory 0 returned null");
    CandidateRetriever broken = (q, wanted, out) -> {
      out[0] = 99;
      return 1;
    };
    Recommender rec = constant().candidateRetriever(model -> broken, 1).build();
    assertThatThrownBy(() -> rec.recommend(Request.forUser("u0").count(1).build()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("item index 99");
  }

  @Test
  void explanationsNeverShowANegativeSimilarity() {
    // u0 saw i0 (1, 0) and i1 (-1, 0.1); i2 (1, 0) is recommended. cos(i2, i0) = 1, cos(i2, i1) = -0.995: only i0
    // speaks for i2.
    Dataset data = Fixtures.data(3, "u0 i0 1", "u0 i1 1", "u1 i2 1");
    Fixtures.VectorModel model = new Fixtures.VectorModel(data, new float[][] {{1f, 0f}, {0f, 1f}},
        new float[][] {{1f, 0f}, {-1f, 0.1f}, {1f, 0f}});
    Recommendations r = Recommender.builder(model, data).build().recommend(Request.forUser("u0").count(1).build());
    assertThat(r.itemIds()).containsExactly("i2");
    assertThat(r.explanation(0).reason()).isEqualTo(Explanation.Reason.NEAREST_HISTORY);
    assertThat(r.explanation(0).evidence()).containsExactly(new Explanation.Evidence("i0", 1f));
  }
}
