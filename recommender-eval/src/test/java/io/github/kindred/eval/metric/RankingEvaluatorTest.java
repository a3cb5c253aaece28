package io.github.kindred.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Context;
import io.github.kindred.data.DuplicatePolicy;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.ItemVectors;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RankingEvaluatorTest {
  private static final double EPS = 1e-12;
  private static final double D2 = Math.log(2) / Math.log(3);

  /** A model that gives every query the same scores, so that rankings can be worked out by hand. */
  private static Model fixed(float... scores) {
    IdIndex items = IdIndex.of(ids("i", scores.length));
    IdIndex users = IdIndex.of(ids("u", 3));
    return new Model() {
      @Override
      public IdIndex items() {
        return items;
      }

      @Override
      public IdIndex users() {
        return users;
      }

      @Override
      public void score(Query query, float[] out) {
        System.arraycopy(scores, 0, out, 0, scores.length);
      }
    };
  }

  private static String[] ids(String prefix, int n) {
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] = prefix + i;
    }
    return out;
  }

  private static InteractionMatrix matrix(int rows, int columns, int[][] cells) {
    int[] r = new int[cells.length];
    int[] c = new int[cells.length];
    float[] v = new float[cells.length];
    for (int k = 0; k < cells.length; k++) {
      r[k] = cells[k][0];
      c[k] = cells[k][1];
      v[k] = 1f;
    }
    return InteractionMatrix.of(rows, columns, r, c, v, null, DuplicatePolicy.SUM);
  }

  // Five training items scored 5, 4, 4, 1, 3 (items 1 and 2 tie).
  // Train: u0 {0}, u1 {1, 2}, u2 {0}. Test: u0 {1, 3}, u1 {0, 5}, u2 {} ; item 5 is unknown to training.
  private static final Model MODEL = fixed(5, 4, 4, 1, 3);
  private static final InteractionMatrix TRAIN = matrix(3, 5, new int[][] {{0, 0}, {1, 1}, {1, 2}, {2, 0}});
  private static final InteractionMatrix TEST = matrix(3, 6, new int[][] {{0, 1}, {0, 3}, {1, 0}, {1, 5}});

  @Test
  void handComputedMetricsWithSeenItemsExcludedAndTiesBySmallerIndex() {
    RankingResult r = RankingEvaluator.builder().cutoffs(2).threads(1).build().evaluate(MODEL, TRAIN, TEST);
    // u0 ranks [1, 2] (0 excluded, 1 and 2 tie, smaller index first): one hit at rank 1 of {1, 3}.
    // u1 ranks [0, 4] (1, 2 excluded): hit at rank 1 of {0} (item 5 is dropped). u2 has no test items.
    assertThat(r.users()).containsExactly(0, 1);
    assertThat(r.perUser(RankingMetric.PRECISION, 2)).containsExactly(0.5, 0.5);
    assertThat(r.perUser(RankingMetric.RECALL, 2)).containsExactly(0.5, 1.0);
    assertThat(r.mean(RankingMetric.NDCG, 2)).isCloseTo((1 / (1 + D2) + 1) / 2, within(EPS));
    assertThat(r.mean(RankingMetric.MAP, 2)).isCloseTo((0.5 + 1) / 2, within(EPS));
    assertThat(r.mean(RankingMetric.MRR, 2)).isCloseTo(1.0, within(EPS));
    assertThat(r.mean(RankingMetric.HIT, 2)).isCloseTo(1.0, within(EPS));
    // Recommended: {1, 2} and {0, 4}: 4 of 5 items.
    assertThat(r.coverage(2)).isCloseTo(0.8, within(EPS));
    assertThat(r.itemCount()).isEqualTo(5);
    assertThat(r.summary()).containsKeys("ndcg@2", "recall-capped@2", "coverage@2");
  }

  @Test
  void severalCutoffsShareOneRanking() {
    RankingResult r = RankingEvaluator.builder().cutoffs(4, 1).threads(1).build().evaluate(MODEL, TRAIN, TEST);
    assertThat(r.cutoffs()).containsExactly(1, 4);
    // u0 top 4 = [1, 2, 4, 3]: hits at ranks 1 and 4; top 1 = [1]. u1 top 4 = [0, 4, 3] (only 3 candidates left).
    assertThat(r.perUser(RankingMetric.RECALL, 4)).containsExactly(1.0, 1.0);
    assertThat(r.perUser(RankingMetric.PRECISION, 4)).containsExactly(0.5, 0.25);
    assertThat(r.perUser(RankingMetric.PRECISION, 1)).containsExactly(1.0, 1.0);
    assertThat(r.coverage(1)).isCloseTo(2 / 5.0, within(EPS));
    assertThat(r.coverage(4)).isCloseTo(1.0, within(EPS));
    assertThatThrownBy(() -> r.mean(RankingMetric.NDCG, 3)).hasMessageContaining("cut-off 3 was not evaluated");
  }

  @Test
  void keepingUnknownTestItemsCountsThemAsMisses() {
    RankingResult r = RankingEvaluator.builder().cutoffs(2).keepUnknownTestItems(true).threads(1).build()
        .evaluate(MODEL, TRAIN, TEST);
    // u1's relevant set is now {0, 5}: one hit of two.
    assertThat(r.perUser(RankingMetric.RECALL, 2)).containsExactly(0.5, 0.5);
    assertThat(r.perUser(RankingMetric.NDCG, 2)[1]).isCloseTo(1 / (1 + D2), within(EPS));
  }

  @Test
  void userWhoseOnlyTestItemsAreUnknownIsNotEvaluated() {
    InteractionMatrix test = matrix(3, 6, new int[][] {{0, 1}, {1, 5}});
    RankingResult r = RankingEvaluator.builder().cutoffs(2).threads(1).build().evaluate(MODEL, TRAIN, test);
    assertThat(r.users()).containsExactly(0);
  }

  @Test
  void seenItemsMayBeRecommendedWhenNotExcluded() {
    RankingResult r = RankingEvaluator.builder().cutoffs(2).excludeSeen(false).threads(1).build()
        .evaluate(MODEL, TRAIN, TEST);
    // Both users rank [0, 1]: u0 hits {1} at rank 2, u1 hits {0} at rank 1.
    assertThat(r.perUser(RankingMetric.MRR, 2)).containsExactly(0.5, 1.0);
    assertThat(r.coverage(2)).isCloseTo(2 / 5.0, within(EPS));
  }

  @Test
  void testUserUnknownToTrainingGetsAnEmptyQueryAndNoExclusion() {
    InteractionMatrix test = matrix(4, 5, new int[][] {{3, 1}});
    RankingResult r = RankingEvaluator.builder().cutoffs(2).threads(1).build().evaluate(MODEL, TRAIN, test);
    assertThat(r.users()).containsExactly(3);
    assertThat(r.perUser(RankingMetric.MRR, 2)).containsExactly(0.5);
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() {
    SplittableRandom random = new SplittableRandom(7);
    int users = 300;
    int items = 50;
    int[][] trainCells = new int[users * 5][];
    int[][] testCells = new int[users * 3][];
    for (int u = 0; u < users; u++) {
      for (int k = 0; k < 5; k++) {
        trainCells[u * 5 + k] = new int[] {u, random.nextInt(items)};
      }
      for (int k = 0; k < 3; k++) {
        testCells[u * 3 + k] = new int[] {u, random.nextInt(items)};
      }
    }
    float[] scores = new float[items];
    for (int i = 0; i < items; i++) {
      scores[i] = random.nextInt(10);
    }
    Model model = fixed(scores);
    InteractionMatrix train = matrix(users, items, trainCells);
    InteractionMatrix test = matrix(users, items, testCells);
    RankingResult one = RankingEvaluator.builder().cutoffs(5, 20).threads(1).build().evaluate(model, train, test);
    RankingResult three = RankingEvaluator.builder().cutoffs(5, 20).threads(3).build().evaluate(model, train, test);
    for (RankingMetric m : RankingMetric.values()) {
      assertThat(three.perUser(m, 5)).containsExactly(one.perUser(m, 5));
      assertThat(three.perUser(m, 20)).containsExactly(one.perUser(m, 20));
    }
    assertThat(three.coverage(5)).isEqualTo(one.coverage(5));
  }

  @Test
  void coldUsersCarryTheirFeaturesAndGroupRowsTheirContext() {
    // A model that puts item 3 first when the query has user features and item 2 first in context "x".
    IdIndex items = IdIndex.of(ids("i", 4));
    Model model = new Model() {
      @Override
      public IdIndex items() {
        return items;
      }

      @Override
      public IdIndex users() {
        return IdIndex.of("u0");
      }

      @Override
      public void score(Query query, float[] out) {
        float[] base = {4, 3, 2, 1};
        System.arraycopy(base, 0, out, 0, 4);
        if (query.hasUserFeatures()) {
          out[3] = 10;
        }
        if ("x".equals(query.context().get("c"))) {
          out[2] = 20;
        }
      }
    };
    InteractionMatrix train = matrix(1, 4, new int[][] {{0, 0}});
    // Test rows: u0 (known) wants 2, u1 (cold, with features) wants 3, u2 (cold, no features) wants 3.
    InteractionMatrix test = matrix(3, 4, new int[][] {{0, 2}, {1, 3}, {2, 3}});
    FeatureTable features = FeatureTable.builder().categorical("u1", "gender", "F").build();
    RankingResult plain = RankingEvaluator.builder().cutoffs(1).threads(1)
        .userFeatures(features, IdIndex.of("u0", "u1", "u2")).build().evaluate(model, train, test);
    assertThat(plain.perUser(RankingMetric.HIT, 1)).containsExactly(0.0, 1.0, 0.0);
    // Two group rows of user 0, in contexts c=x and c=y, each wanting item 2.
    InteractionMatrix groups = matrix(2, 4, new int[][] {{0, 2}, {1, 2}});
    RankingResult byContext = RankingEvaluator.builder().cutoffs(1).threads(1)
        .rows(new int[] {0, 0}, new Context[] {Context.of("c", "x"), Context.of("c", "y")}).build()
        .evaluate(model, train, groups);
    assertThat(byContext.perUser(RankingMetric.HIT, 1)).containsExactly(1.0, 0.0);
  }

  @Test
  void itemsAModelAppendsAfterTheTrainingItemsAreNeverRanked() {
    // Without item 4 (score 3), u0 ranks [1, 2] and u1 ranks [0, 3]: all 4 training items covered at k = 2.
    InteractionMatrix train = matrix(3, 4, new int[][] {{0, 0}, {1, 1}, {1, 2}, {2, 0}});
    RankingResult r = RankingEvaluator.builder().cutoffs(2).threads(1).build().evaluate(MODEL, train, TEST);
    assertThat(r.coverage(2)).isEqualTo(1.0);
    assertThat(r.itemCount()).isEqualTo(4);
  }

  @Test
  void rejectsAModelOnOtherItemsAndBadConfiguration() {
    InteractionMatrix train = matrix(3, 6, new int[][] {{0, 0}});
    assertThatThrownBy(() -> RankingEvaluator.builder().build().evaluate(MODEL, train, TEST))
        .hasMessage("the model scores 5 items but the training matrix has 6");
    assertThatThrownBy(() -> RankingEvaluator.builder().cutoffs(0)).hasMessage("cut-offs must be >= 1, got 0");
    assertThatThrownBy(() -> RankingEvaluator.builder().cutoffs()).hasMessage("at least one cut-off is needed");
    assertThatThrownBy(() -> RankingEvaluator.builder().threads(0)).hasMessage("threads must be >= 1, got 0");
  }

  private static final double LOG2_3 = Math.log(3) / Math.log(2);

  @Test
  void candidateSetRanksOnlyCandidatesAndCountsOnlyRelevantCandidates() {
    RankingEvaluator e = RankingEvaluator.builder().cutoffs(2).candidates(new int[] {1, 3, 4}).threads(1).build();
    RankingResult r = e.evaluate(MODEL, TRAIN, TEST);
    // u0 ranks [1, 4] among {1, 3, 4}, relevant {1, 3}; u1's relevant items {0, 5} are not candidates.
    assertThat(r.users()).containsExactly(0);
    assertThat(r.perUser(RankingMetric.RECALL, 2)).containsExactly(0.5);
    assertThat(r.coverage(2)).isCloseTo(2 / 5.0, within(EPS));
    // Exposure over the three candidates: 1, 0, 1 -> sorted 0, 1, 1: (0 * -2 + 1 * 0 + 1 * 2) / (3 * 2).
    assertThat(r.gini(2)).isCloseTo(1 / 3.0, within(EPS));
    assertThat(r.protocol()).isEqualTo("candidates: 3 items");
    assertThat(r.sampled()).isFalse();
  }

  @Test
  void aucNoveltyPopularityAndGiniByHand() {
    RankingResult r = RankingEvaluator.builder().cutoffs(2).auc(true).threads(1).build()
        .evaluate(MODEL, TRAIN, TEST);
    // u0: relevant 1 (score 4) beats 4 (3) and ties 2 (4): 1.5; relevant 3 (score 1) beats nothing: 1.5 / (2 * 2).
    // u1: relevant 0 (score 5) beats both negatives 3 and 4.
    assertThat(r.perUser("auc")).containsExactly(0.375, 1.0);
    // Training popularity: item 0 has 2 of 3 users, items 1 and 2 one each, items 3 and 4 none (counted as one).
    assertThat(r.perUser("novelty@2")[0]).isCloseTo(LOG2_3, within(EPS));
    assertThat(r.perUser("novelty@2")[1]).isCloseTo((LOG2_3 - 1 + LOG2_3) / 2, within(EPS));
    assertThat(r.perUser("arp@2")).containsExactly(1.0, 1.0);
    // Exposure of items 0..4 in the lists [1, 2] and [0, 4]: 1, 1, 1, 0, 1 -> (-2 + 0 + 2 + 4) / (5 * 4).
    assertThat(r.gini(2)).isCloseTo(0.2, within(EPS));
    assertThat(r.summary()).containsKeys("auc", "gini@2", "novelty@2").doesNotContainKey("ild@2");
  }

  @Test
  void intraListDiversityOverItemFeatures() {
    FeatureTable genres = FeatureTable.builder().tags("i0", "genre", "c").tags("i1", "genre", "a")
        .tags("i2", "genre", "a", "b").tags("i4", "genre", "c").build();
    RankingResult r = RankingEvaluator.builder().cutoffs(2).diversityFeatures(genres).threads(1).build()
        .evaluate(MODEL, TRAIN, TEST);
    // u0's list [1, 2]: cosine 1 / sqrt(2); u1's list [0, 4]: identical genres, cosine 1.
    assertThat(r.perUser("ild@2")[0]).isCloseTo(1 - 1 / Math.sqrt(2), within(1e-12));
    assertThat(r.perUser("ild@2")[1]).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void intraListDiversityOverItemVectors() {
    float[][] v = {{1, 0}, {1, 0}, {0, 1}, {0, 0}, {1, 1}};
    ItemVectors vectors = new ItemVectors() {
      @Override
      public int dimensions() {
        return 2;
      }

      @Override
      public void itemVector(int item, float[] out) {
        out[0] = v[item][0];
        out[1] = v[item][1];
      }
    };
    RankingResult r = RankingEvaluator.builder().cutoffs(2).diversityVectors(vectors).threads(1).build()
        .evaluate(MODEL, TRAIN, TEST);
    // u0's list [1, 2]: orthogonal vectors; u1's list [0, 4]: cosine 1 / sqrt(2).
    assertThat(r.perUser("ild@2")[0]).isCloseTo(1.0, within(1e-7));
    assertThat(r.perUser("ild@2")[1]).isCloseTo(1 - 1 / Math.sqrt(2), within(1e-7));
  }

  @Test
  void sampledNegativesAreLabelledAndEqualFullRankingWhenEverythingIsSampled() {
    RankingResult full = RankingEvaluator.builder().cutoffs(2).threads(1).build().evaluate(MODEL, TRAIN, TEST);
    RankingResult all = RankingEvaluator.builder().cutoffs(2).sampledNegatives(10, 3).threads(1).build()
        .evaluate(MODEL, TRAIN, TEST);
    assertThat(all.sampled()).isTrue();
    assertThat(all.protocol()).startsWith("sampled");
    for (RankingMetric m : RankingMetric.values()) {
      assertThat(all.perUser(m, 2)).containsExactly(full.perUser(m, 2));
    }
  }

  @Test
  void sampledNegativesAreSeededAndIndependentOfThreads() {
    SplittableRandom random = new SplittableRandom(5);
    int users = 100;
    int items = 40;
    int[][] trainCells = new int[users * 4][];
    int[][] testCells = new int[users * 2][];
    for (int u = 0; u < users; u++) {
      for (int k = 0; k < 4; k++) {
        trainCells[u * 4 + k] = new int[] {u, random.nextInt(items)};
      }
      for (int k = 0; k < 2; k++) {
        testCells[u * 2 + k] = new int[] {u, random.nextInt(items)};
      }
    }
    float[] scores = new float[items];
    for (int i = 0; i < items; i++) {
      scores[i] = i % 7;
    }
    Model model = fixed(scores);
    InteractionMatrix train = matrix(users, items, trainCells);
    InteractionMatrix test = matrix(users, items, testCells);
    RankingResult one = RankingEvaluator.builder().cutoffs(3).sampledNegatives(5, 9).threads(1).build()
        .evaluate(model, train, test);
    RankingResult two = RankingEvaluator.builder().cutoffs(3).sampledNegatives(5, 9).threads(2).build()
        .evaluate(model, train, test);
    RankingResult other = RankingEvaluator.builder().cutoffs(3).sampledNegatives(5, 10).threads(1).build()
        .evaluate(model, train, test);
    assertThat(two.perUser(RankingMetric.NDCG, 3)).containsExactly(one.perUser(RankingMetric.NDCG, 3));
    assertThat(other.perUser(RankingMetric.NDCG, 3)).isNotEqualTo(one.perUser(RankingMetric.NDCG, 3));
    // With 5 negatives and at most 2 relevant items a top-3 list always holds a relevant item or is all negatives:
    // a sampled hit rate is far above the full-ranking one on this random model.
    assertThat(one.mean(RankingMetric.HIT, 3)).isGreaterThan(
        RankingEvaluator.builder().cutoffs(3).threads(1).build().evaluate(model, train, test)
            .mean(RankingMetric.HIT, 3));
    assertThatThrownBy(() -> RankingEvaluator.builder().sampledNegatives(5, 1).auc(true).build())
        .hasMessageContaining("AUC over sampled negatives");
  }

  @Test
  void heldOutUsersAreScoredFromTheirFoldInHistory() {
    // Scores item (h + 1) % 5 for each history item h; nothing else.
    IdIndex items = IdIndex.of(ids("i", 5));
    Model next = new Model() {
      @Override
      public IdIndex items() {
        return items;
      }

      @Override
      public IdIndex users() {
        return IdIndex.of(ids("u", 3));
      }

      @Override
      public void score(Query query, float[] out) {
        java.util.Arrays.fill(out, 0, 5, 0f);
        for (int h = 0; h < query.historySize(); h++) {
          out[(query.item(h) + 1) % 5] = 10f;
        }
      }
    };
    // User 3 is unknown to training; fold-in reveals item 2, the test item is 3.
    InteractionMatrix test = matrix(4, 5, new int[][] {{3, 3}});
    InteractionMatrix foldIn = matrix(4, 5, new int[][] {{3, 2}});
    RankingEvaluator e = RankingEvaluator.builder().cutoffs(1).threads(1).build();
    assertThat(e.evaluate(next, TRAIN, test, foldIn).perUser(RankingMetric.HIT, 1)).containsExactly(1.0);
    // Without the fold-in the user gets an empty query: all scores 0, item 0 first.
    assertThat(e.evaluate(next, TRAIN, test).perUser(RankingMetric.HIT, 1)).containsExactly(0.0);
  }
}
