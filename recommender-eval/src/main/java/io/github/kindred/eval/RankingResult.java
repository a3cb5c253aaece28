package io.github.kindred.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of a {@link RankingEvaluator} run: every {@link RankingMetric} at every cut-off for every evaluated
 * user (kept for paired statistics), their means, and catalogue coverage. Immutable; safe to share between threads.
 */
public final class RankingResult {
  private final int[] users;
  private final int[] cutoffs;
  private final double[][][] values;
  private final double[] coverage;
  private final int itemCount;
  private final double seconds;

  RankingResult(int[] users, int[] cutoffs, double[][][] values, double[] coverage, int itemCount, double seconds) {
    this.users = users;
    this.cutoffs = cutoffs;
    this.values = values;
    this.coverage = coverage;
    this.itemCount = itemCount;
    this.seconds = seconds;
  }

  /** The evaluated user indexes (users with at least one relevant test item), ascending. */
  public int[] users() {
    return users.clone();
  }

  /** Number of evaluated users. */
  public int userCount() {
    return users.length;
  }

  /** The cut-offs, ascending. */
  public int[] cutoffs() {
    return cutoffs.clone();
  }

  /** Number of items that could be recommended (the training matrix's columns). */
  public int itemCount() {
    return itemCount;
  }

  /** Wall-clock seconds spent scoring, ranking and measuring all users. */
  public double seconds() {
    return seconds;
  }

  /**
   * The value of {@code metric} at cut-off {@code k} for every evaluated user, aligned with {@link #users()}.
   *
   * @throws IllegalArgumentException if {@code k} is not one of the cut-offs
   */
  public double[] perUser(RankingMetric metric, int k) {
    return values[metric.ordinal()][cutoffIndex(k)].clone();
  }

  /** The mean of {@code metric} at cut-off {@code k} over the evaluated users (0 if there are none). */
  public double mean(RankingMetric metric, int k) {
    double[] v = values[metric.ordinal()][cutoffIndex(k)];
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    return v.length == 0 ? 0.0 : sum / v.length;
  }

  /** Distinct items in the top {@code k} of all evaluated users, divided by {@link #itemCount()}. */
  public double coverage(int k) {
    return coverage[cutoffIndex(k)];
  }

  /**
   * Every mean and the coverage at every cut-off by report name ({@code "ndcg@10"}, ..., {@code "coverage@10"}),
   * cut-offs ascending and, within one, metrics in {@link RankingMetric} order.
   */
  public Map<String, Double> summary() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int k : cutoffs) {
      for (RankingMetric m : RankingMetric.values()) {
        out.put(m.at(k), mean(m, k));
      }
      out.put("coverage@" + k, coverage(k));
    }
    return out;
  }

  private int cutoffIndex(int k) {
    int c = Arrays.binarySearch(cutoffs, k);
    if (c < 0) {
      throw new IllegalArgumentException("cut-off " + k + " was not evaluated; cut-offs: " + Arrays.toString(cutoffs));
    }
    return c;
  }
}
