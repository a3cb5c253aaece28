package io.github.kindred.bench.compare;

import java.util.Arrays;

/**
 * The two accuracy metrics of the comparison, with kindred-eval's definitions: binary gains, logarithm base 2
 * discount, ideal DCG over {@code min(|relevant|, k)} positions, recall divided by {@code |relevant|}.
 */
final class Metrics {
  private Metrics() {}

  /**
   * nDCG at {@code k}.
   *
   * @param ranked recommended items, best first (only the first {@code k} count)
   * @param relevantSorted relevant items known to the model, ascending
   * @param relevantCount number of relevant items, including those the model cannot know; > 0
   */
  static double ndcg(int[] ranked, int[] relevantSorted, int relevantCount, int k) {
    double dcg = 0;
    for (int r = 0; r < Math.min(k, ranked.length); r++) {
      if (Arrays.binarySearch(relevantSorted, ranked[r]) >= 0) {
        dcg += 1 / log2(r + 2);
      }
    }
    double ideal = 0;
    for (int r = 0; r < Math.min(k, relevantCount); r++) {
      ideal += 1 / log2(r + 2);
    }
    return dcg / ideal;
  }

  /** Recall at {@code k}: hits in the first {@code k} over {@code relevantCount}; arguments as for ndcg. */
  static double recall(int[] ranked, int[] relevantSorted, int relevantCount, int k) {
    int hits = 0;
    for (int r = 0; r < Math.min(k, ranked.length); r++) {
      if (Arrays.binarySearch(relevantSorted, ranked[r]) >= 0) {
        hits++;
      }
    }
    return (double) hits / relevantCount;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
