package io.github.kindred.eval.metric;

import static io.github.kindred.eval.metric.RankingMetric.HIT;
import static io.github.kindred.eval.metric.RankingMetric.MAP;
import static io.github.kindred.eval.metric.RankingMetric.MRR;
import static io.github.kindred.eval.metric.RankingMetric.NDCG;
import static io.github.kindred.eval.metric.RankingMetric.NDCG_UNTRUNCATED;
import static io.github.kindred.eval.metric.RankingMetric.PRECISION;
import static io.github.kindred.eval.metric.RankingMetric.RECALL;
import static io.github.kindred.eval.metric.RankingMetric.RECALL_CAPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankingMetricTest {
  private static final double EPS = 1e-12;
  /** Discounts of ranks 1..5: 1 / log2(rank + 1). */
  private static final double D1 = 1.0;
  private static final double D2 = 1 / log2(3);
  private static final double D3 = 0.5;
  private static final double D4 = 1 / log2(5);
  private static final double D5 = 1 / log2(6);

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  // Ranked 5, 1, 7, 3 against relevant {1, 3, 9}: hits at ranks 2 and 4.
  private static final int[] RANKED = {5, 1, 7, 3};
  private static final int[] RELEVANT = {1, 3, 9};

  @Test
  void fullListAtCutoffFour() {
    assertThat(PRECISION.compute(RANKED, 4, RELEVANT, 4)).isCloseTo(2 / 4.0, within(EPS));
    assertThat(RECALL.compute(RANKED, 4, RELEVANT, 4)).isCloseTo(2 / 3.0, within(EPS));
    assertThat(RECALL_CAPPED.compute(RANKED, 4, RELEVANT, 4)).isCloseTo(2 / 3.0, within(EPS));
    assertThat(NDCG.compute(RANKED, 4, RELEVANT, 4)).isCloseTo((D2 + D4) / (D1 + D2 + D3), within(EPS));
    assertThat(NDCG_UNTRUNCATED.compute(RANKED, 4, RELEVANT, 4)).isCloseTo((D2 + D4) / (D1 + D2 + D3), within(EPS));
    assertThat(MAP.compute(RANKED, 4, RELEVANT, 4)).isCloseTo((1 / 2.0 + 2 / 4.0) / 3, within(EPS));
    assertThat(MRR.compute(RANKED, 4, RELEVANT, 4)).isCloseTo(1 / 2.0, within(EPS));
    assertThat(HIT.compute(RANKED, 4, RELEVANT, 4)).isEqualTo(1.0);
  }

  @Test
  void cutoffShorterThanListReadsOnlyThePrefix() {
    // Top 2 = 5, 1: one hit at rank 2; |relevant| = 3 > k = 2, so the two variants differ.
    assertThat(PRECISION.compute(RANKED, 4, RELEVANT, 2)).isCloseTo(0.5, within(EPS));
    assertThat(RECALL.compute(RANKED, 4, RELEVANT, 2)).isCloseTo(1 / 3.0, within(EPS));
    assertThat(RECALL_CAPPED.compute(RANKED, 4, RELEVANT, 2)).isCloseTo(1 / 2.0, within(EPS));
    assertThat(NDCG.compute(RANKED, 4, RELEVANT, 2)).isCloseTo(D2 / (D1 + D2), within(EPS));
    assertThat(NDCG_UNTRUNCATED.compute(RANKED, 4, RELEVANT, 2)).isCloseTo(D2 / (D1 + D2 + D3), within(EPS));
    assertThat(MAP.compute(RANKED, 4, RELEVANT, 2)).isCloseTo((1 / 2.0) / 2, within(EPS));
    assertThat(MRR.compute(RANKED, 4, RELEVANT, 2)).isCloseTo(0.5, within(EPS));
    assertThat(HIT.compute(RANKED, 4, RELEVANT, 1)).isEqualTo(0.0);
    assertThat(MRR.compute(RANKED, 4, RELEVANT, 1)).isEqualTo(0.0);
  }

  @Test
  void cutoffLargerThanListCountsMissingPositionsAsMisses() {
    assertThat(PRECISION.compute(RANKED, 4, RELEVANT, 10)).isCloseTo(2 / 10.0, within(EPS));
    assertThat(RECALL.compute(RANKED, 4, RELEVANT, 10)).isCloseTo(2 / 3.0, within(EPS));
    assertThat(RECALL_CAPPED.compute(RANKED, 4, RELEVANT, 10)).isCloseTo(2 / 3.0, within(EPS));
    assertThat(NDCG.compute(RANKED, 4, RELEVANT, 10)).isCloseTo((D2 + D4) / (D1 + D2 + D3), within(EPS));
    assertThat(MAP.compute(RANKED, 4, RELEVANT, 10)).isCloseTo((1 / 2.0 + 2 / 4.0) / 3, within(EPS));
  }

  @Test
  void lengthLimitsTheListEvenIfTheArrayIsLonger() {
    // Only the first two entries (5, 1) are valid; the 3 at index 3 must be ignored.
    assertThat(RECALL.compute(RANKED, 2, RELEVANT, 4)).isCloseTo(1 / 3.0, within(EPS));
    assertThat(PRECISION.compute(RANKED, 2, RELEVANT, 4)).isCloseTo(1 / 4.0, within(EPS));
  }

  @Test
  void untruncatedIdealDiffersWhenMoreRelevantThanCutoff() {
    int[] ranked = {2, 4};
    int[] relevant = {0, 1, 2, 3, 4};
    assertThat(NDCG.compute(ranked, 2, relevant, 2)).isCloseTo(1.0, within(EPS));
    assertThat(NDCG_UNTRUNCATED.compute(ranked, 2, relevant, 2))
        .isCloseTo((D1 + D2) / (D1 + D2 + D3 + D4 + D5), within(EPS));
    assertThat(RECALL_CAPPED.compute(ranked, 2, relevant, 2)).isCloseTo(1.0, within(EPS));
    assertThat(RECALL.compute(ranked, 2, relevant, 2)).isCloseTo(2 / 5.0, within(EPS));
    assertThat(MAP.compute(ranked, 2, relevant, 2)).isCloseTo(1.0, within(EPS));
  }

  @Test
  void userWithoutRelevantItemsScoresZeroEverywhere() {
    for (RankingMetric m : RankingMetric.values()) {
      assertThat(m.compute(RANKED, 4, new int[0], 3)).as(m.label()).isEqualTo(0.0);
    }
  }

  @Test
  void emptyListScoresZero() {
    for (RankingMetric m : RankingMetric.values()) {
      assertThat(m.compute(new int[0], 0, RELEVANT, 5)).as(m.label()).isEqualTo(0.0);
    }
  }

  @Test
  void deepRankBeyondPrecomputedDiscountsUsesTheSameFormula() {
    int n = 1500;
    int[] ranked = new int[n];
    for (int i = 0; i < n; i++) {
      ranked[i] = i;
    }
    int[] relevant = {1499};
    assertThat(NDCG.compute(ranked, n, relevant, n)).isCloseTo(1 / log2(1501), within(EPS));
    int[] all = ranked.clone();
    assertThat(NDCG_UNTRUNCATED.compute(ranked, n, all, n)).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void rejectsInvalidCutoffAndLength() {
    assertThatThrownBy(() -> NDCG.compute(RANKED, 4, RELEVANT, 0)).hasMessageContaining("k must be >= 1, got 0");
    assertThatThrownBy(() -> NDCG.compute(RANKED, 5, RELEVANT, 3)).hasMessageContaining("length");
  }

  @Test
  void labelsRoundTripAndUnknownLabelsListTheValidOnes() {
    for (RankingMetric m : RankingMetric.values()) {
      assertThat(RankingMetric.byLabel(m.label().toUpperCase(java.util.Locale.ROOT))).isSameAs(m);
    }
    assertThat(NDCG.at(10)).isEqualTo("ndcg@10");
    assertThatThrownBy(() -> RankingMetric.byLabel("auc@"))
        .hasMessage("unknown metric 'auc@'; valid: precision, recall, recall-capped, ndcg, ndcg-untruncated, map, "
            + "mrr, hit");
  }
}
