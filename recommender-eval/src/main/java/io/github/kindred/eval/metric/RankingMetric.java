package io.github.kindred.eval.metric;

import java.util.Arrays;
import java.util.Locale;

/**
 * A per-user accuracy metric of a ranked list at a cut-off {@code k}, with binary relevance.
 *
 * <p>Every metric takes the ranked item indexes best first ({@code ranked[0..length)}; only the first {@code k}
 * count, and a list shorter than {@code k} is read as if padded with non-relevant items) and the user's relevant
 * items as a <em>sorted</em> array of distinct indexes. Definitions follow the reference protocol of the project
 * (datasets/README.md); where the literature disagrees, both variants exist under separate names and the first
 * one is the default:
 *
 * <ul>
 *   <li>{@link #RECALL} divides the hits by {@code |relevant|}; {@link #RECALL_CAPPED} divides by
 *       {@code min(k, |relevant|)} (Liang et al. 2018, "Variational autoencoders for collaborative filtering",
 *       used for the MovieLens-20M tables), so that a perfect list scores 1 even when {@code |relevant| > k}.
 *   <li>{@link #NDCG} normalises by the ideal DCG over {@code min(|relevant|, k)} positions;
 *       {@link #NDCG_UNTRUNCATED} by the ideal DCG over all {@code |relevant|} positions.
 * </ul>
 *
 * <p>A user with no relevant items gets 0 from every metric (evaluators leave such users out of averages). The
 * methods allocate nothing and are safe to call from any thread.
 */
public enum RankingMetric {
  /** Hits in the top {@code k} divided by {@code k}. */
  PRECISION("precision"),
  /** Hits in the top {@code k} divided by {@code |relevant|} (the default recall). */
  RECALL("recall"),
  /** Hits in the top {@code k} divided by {@code min(k, |relevant|)} (Liang et al. 2018). */
  RECALL_CAPPED("recall-capped"),
  /**
   * Normalised discounted cumulative gain with binary gains and a log2 discount ({@code 1 / log2(rank + 1)} for
   * ranks from 1), the ideal DCG taken over {@code min(|relevant|, k)} positions (the default nDCG).
   */
  NDCG("ndcg"),
  /** As {@link #NDCG}, but the ideal DCG is taken over all {@code |relevant|} positions, not truncated at k. */
  NDCG_UNTRUNCATED("ndcg-untruncated"),
  /**
   * Average precision at k: the sum of precision@i over the ranks i at which a relevant item appears, divided by
   * {@code min(|relevant|, k)}.
   */
  MAP("map"),
  /** Reciprocal rank of the first relevant item within the top {@code k}, 0 if there is none. */
  MRR("mrr"),
  /** 1 if at least one relevant item is in the top {@code k}, else 0. */
  HIT("hit");

  /** {@code 1 / log2(r + 2)} for r = 0..DISCOUNTS-1: the DCG discount of rank r + 1, precomputed for speed. */
  private static final int DISCOUNTS = 1024;
  private static final double[] DISCOUNT = new double[DISCOUNTS];
  /** Cumulative ideal DCG: IDCG[n] is the DCG of n relevant items at the top. */
  private static final double[] IDCG = new double[DISCOUNTS + 1];

  static {
    for (int r = 0; r < DISCOUNTS; r++) {
      DISCOUNT[r] = 1.0 / (Math.log(r + 2) / Math.log(2));
      IDCG[r + 1] = IDCG[r] + DISCOUNT[r];
    }
  }

  private final String label;

  RankingMetric(String label) {
    this.label = label;
  }

  /** The short name used in reports and on the command line, for example {@code "ndcg"}. */
  public String label() {
    return label;
  }

  /** The name of this metric at cut-off {@code k} as reports print it, for example {@code "ndcg@10"}. */
  public String at(int k) {
    return label + "@" + k;
  }

  /**
   * Returns the metric whose {@link #label()} is {@code label} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the valid labels if there is none
   */
  public static RankingMetric byLabel(String label) {
    for (RankingMetric m : values()) {
      if (m.label.equalsIgnoreCase(label.trim())) {
        return m;
      }
    }
    String[] valid = new String[values().length];
    for (int i = 0; i < valid.length; i++) {
      valid[i] = values()[i].label;
    }
    throw new IllegalArgumentException("unknown metric '" + label + "'; valid: " + String.join(", ", valid));
  }

  /**
   * Computes this metric for one user.
   *
   * @param ranked recommended item indexes, best first; only {@code ranked[0..min(length, k))} is read
   * @param length how many entries of {@code ranked} are valid, >= 0
   * @param relevant the user's relevant item indexes, sorted ascending, distinct
   * @param k the cut-off, >= 1
   * @return the value, in [0, 1]
   * @throws IllegalArgumentException if {@code k < 1} or {@code length < 0}
   */
  public double compute(int[] ranked, int length, int[] relevant, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("cut-off k must be >= 1, got " + k);
    }
    if (length < 0 || length > ranked.length) {
      throw new IllegalArgumentException("length must be in [0, " + ranked.length + "], got " + length);
    }
    int n = relevant.length;
    if (n == 0) {
      return 0.0;
    }
    int depth = Math.min(length, k);
    switch (this) {
      case PRECISION:
        return hits(ranked, depth, relevant) / (double) k;
      case RECALL:
        return hits(ranked, depth, relevant) / (double) n;
      case RECALL_CAPPED:
        return hits(ranked, depth, relevant) / (double) Math.min(k, n);
      case NDCG:
        return dcg(ranked, depth, relevant) / idcg(Math.min(n, k));
      case NDCG_UNTRUNCATED:
        return dcg(ranked, depth, relevant) / idcg(n);
      case MAP: {
        double sum = 0;
        int hits = 0;
        for (int r = 0; r < depth; r++) {
          if (isRelevant(relevant, ranked[r])) {
            hits++;
            sum += hits / (double) (r + 1);
          }
        }
        return sum / Math.min(n, k);
      }
      case MRR:
        for (int r = 0; r < depth; r++) {
          if (isRelevant(relevant, ranked[r])) {
            return 1.0 / (r + 1);
          }
        }
        return 0.0;
      case HIT:
        return hits(ranked, depth, relevant) > 0 ? 1.0 : 0.0;
      default:
        throw new AssertionError(this);
    }
  }

  @Override
  public String toString() {
    return label.toUpperCase(Locale.ROOT);
  }

  private static boolean isRelevant(int[] relevant, int item) {
    return Arrays.binarySearch(relevant, item) >= 0;
  }

  private static int hits(int[] ranked, int depth, int[] relevant) {
    int hits = 0;
    for (int r = 0; r < depth; r++) {
      if (isRelevant(relevant, ranked[r])) {
        hits++;
      }
    }
    return hits;
  }

  private static double dcg(int[] ranked, int depth, int[] relevant) {
    double dcg = 0;
    for (int r = 0; r < depth; r++) {
      if (isRelevant(relevant, ranked[r])) {
        dcg += discount(r);
      }
    }
    return dcg;
  }

  /** The DCG discount of the item at zero-based position {@code r}. */
  static double discount(int r) {
    return r < DISCOUNTS ? DISCOUNT[r] : 1.0 / (Math.log(r + 2) / Math.log(2));
  }

  /** The ideal DCG of {@code n >= 1} relevant items. */
  private static double idcg(int n) {
    if (n <= DISCOUNTS) {
      return IDCG[n];
    }
    double sum = IDCG[DISCOUNTS];
    for (int r = DISCOUNTS; r < n; r++) {
      sum += discount(r);
    }
    return sum;
  }
}
