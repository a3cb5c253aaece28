package io.github.kindred.eval.stats;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Statistics over per-user metric values (see {@link io.github.kindred.eval.metric.RankingResult#perUser(String)}) and over runs with several
 * seeds: paired significance tests, confidence intervals, spread, and the Gini coefficient. Distributions come from
 * Apache Commons Math 3. Stateless and thread-safe; bootstrap resampling is seeded by the caller.
 */
public final class Statistics {
  /** Largest number of non-zero differences for which the Wilcoxon test uses the exact distribution. */
  static final int WILCOXON_EXACT_MAX = 50;

  private Statistics() {}

  /**
   * The result of a paired two-sided test.
   *
   * @param test the test's name
   * @param statistic the test statistic (t for the t-test; for Wilcoxon the smaller of the positive and negative
   *     rank sums)
   * @param pValue the two-sided p-value, in [0, 1]
   * @param n the number of pairs that entered the test (Wilcoxon drops zero differences)
   * @param method how the p-value was obtained ("t", "exact" or "normal approximation")
   */
  public record PairedTest(String test, double statistic, double pValue, int n, String method) {}

  /**
   * A confidence interval.
   *
   * @param estimate the point estimate (the mean, or the mean difference)
   * @param lower the lower bound
   * @param upper the upper bound
   * @param level the confidence level, in (0, 1)
   */
  public record Interval(double estimate, double lower, double upper, double level) {}

  /**
   * Mean and spread of one number over several runs (seeds).
   *
   * @param n number of runs
   * @param mean the mean
   * @param sd the sample standard deviation (n - 1 in the denominator; 0 for one run)
   * @param min the smallest value
   * @param max the largest value
   */
  public record Spread(int n, double mean, double sd, double min, double max) {}

  /** The arithmetic mean, 0 for no values. */
  public static double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return x.length == 0 ? 0 : sum / x.length;
  }

  /**
   * Paired Student t-test of {@code a} against {@code b} (same users, same order), two-sided.
   *
   * @throws IllegalArgumentException if the lengths differ or there are fewer than two pairs
   */
  public static PairedTest pairedTTest(double[] a, double[] b) {
    double[] d = differences(a, b, 2);
    int n = d.length;
    double mean = mean(d);
    double ss = 0;
    for (double v : d) {
      ss += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(ss / (n - 1));
    if (sd == 0) {
      // All differences equal: no evidence if they are 0, certainty otherwise.
      return new PairedTest("paired t-test", mean == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean),
          mean == 0 ? 1 : 0, n, "t");
    }
    double t = mean / (sd / Math.sqrt(n));
    double p = 2 * new TDistribution(null, n - 1).cumulativeProbability(-Math.abs(t));
    return new PairedTest("paired t-test", t, Math.min(1, p), n, "t");
  }

  /**
   * Wilcoxon signed-rank test of {@code a} against {@code b}, two-sided. Zero differences are dropped (Wilcoxon's
   * original treatment), absolute differences are ranked with ties averaged. The p-value is exact when at most
   * {@value #WILCOXON_EXACT_MAX} differences remain and none tie, otherwise from the normal approximation with the
   * tie correction of the variance and no continuity correction (as scipy.stats.wilcoxon does by default).
   *
   * @throws IllegalArgumentException if the lengths differ or there are no pairs
   */
  public static PairedTest wilcoxon(double[] a, double[] b) {
    double[] all = differences(a, b, 1);
    double[] d = Arrays.stream(all).filter(v -> v != 0).toArray();
    int n = d.length;
    if (n == 0) {
      return new PairedTest("Wilcoxon signed-rank", 0, 1, 0, "exact");
    }
    double[] abs = new double[n];
    for (int i = 0; i < n; i++) {
      abs[i] = Math.abs(d[i]);
    }
    double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(abs);
    double plus = 0;
    for (int i = 0; i < n; i++) {
      if (d[i] > 0) {
        plus += ranks[i];
      }
    }
    double total = n * (n + 1) / 2.0;
    double w = Math.min(plus, total - plus);
    double[] sorted = abs.clone();
    Arrays.sort(sorted);
    double tieTerm = 0;
    boolean ties = false;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j < n && sorted[j] == sorted[i]) {
        j++;
      }
      double t = j - i;
      if (t > 1) {
        ties = true;
        tieTerm += t * t * t - t;
      }
      i = j;
    }
    if (!ties && n <= WILCOXON_EXACT_MAX) {
      return new PairedTest("Wilcoxon signed-rank", w, exactWilcoxon(n, (int) Math.round(w)), n, "exact");
    }
    double mean = n * (n + 1) / 4.0;
    double variance = n * (n + 1) * (2.0 * n + 1) / 24.0 - tieTerm / 48.0;
    if (variance <= 0) {
      return new PairedTest("Wilcoxon signed-rank", w, 1, n, "normal approximation");
    }
    double z = (w - mean) / Math.sqrt(variance);
    double p = 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs(z));
    return new PairedTest("Wilcoxon signed-rank", w, Math.min(1, p), n, "normal approximation");
  }

  /** Two-sided exact p-value: 2 P(W+ <= w) under the null, by counting rank subsets with each sum. */
  private static double exactWilcoxon(int n, int w) {
    int max = n * (n + 1) / 2;
    double[] count = new double[max + 1];
    count[0] = 1;
    for (int r = 1; r <= n; r++) {
      for (int s = max; s >= r; s--) {
        count[s] += count[s - r];
      }
    }
    double below = 0;
    for (int s = 0; s <= w; s++) {
      below += count[s];
    }
    return Math.min(1, 2 * below / Math.pow(2, n));
  }

  /**
   * Student t confidence interval of the mean of {@code x}.
   *
   * @throws IllegalArgumentException if there are fewer than two values or the level is not in (0, 1)
   */
  public static Interval tInterval(double[] x, double level) {
    requireLevel(level);
    if (x.length < 2) {
      throw new IllegalArgumentException("a t interval needs at least 2 values, got " + x.length);
    }
    double mean = mean(x);
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    double se = Math.sqrt(ss / (x.length - 1)) / Math.sqrt(x.length);
    double q = new TDistribution(null, x.length - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
    return new Interval(mean, mean - q * se, mean + q * se, level);
  }

  /**
   * Percentile bootstrap confidence interval of the mean of {@code x}: {@code resamples} resamples with
   * replacement drawn with {@code seed}.
   *
   * @throws IllegalArgumentException if {@code x} is empty, {@code resamples < 1} or the level is not in (0, 1)
   */
  public static Interval bootstrapMean(double[] x, double level, int resamples, long seed) {
    requireLevel(level);
    if (x.length == 0) {
      throw new IllegalArgumentException("a bootstrap interval needs at least one value");
    }
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] means = new double[resamples];
    int n = x.length;
    for (int b = 0; b < resamples; b++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += x[random.nextInt(n)];
      }
      means[b] = sum / n;
    }
    Arrays.sort(means);
    double alpha = 1 - level;
    int lo = (int) Math.floor(alpha / 2 * resamples);
    int hi = Math.max(lo, (int) Math.ceil((1 - alpha / 2) * resamples) - 1);
    return new Interval(mean(x), means[Math.min(lo, resamples - 1)], means[Math.min(hi, resamples - 1)], level);
  }

  /**
   * Percentile bootstrap interval of the mean paired difference {@code a - b} (users resampled together).
   *
   * @throws IllegalArgumentException if the lengths differ or are 0, or as for {@link #bootstrapMean}
   */
  public static Interval bootstrapDifference(double[] a, double[] b, double level, int resamples, long seed) {
    return bootstrapMean(differences(a, b, 1), level, resamples, seed);
  }

  /** Mean, sample standard deviation and range of one number over runs. */
  public static Spread spread(double[] x) {
    if (x.length == 0) {
      throw new IllegalArgumentException("spread needs at least one value");
    }
    double mean = mean(x);
    double ss = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return new Spread(x.length, mean, x.length < 2 ? 0 : Math.sqrt(ss / (x.length - 1)), min, max);
  }

  /**
   * The Gini coefficient of non-negative counts: {@code sum_i (2i - n - 1) x_(i) / (n sum x)} over the values
   * sorted ascending (i from 1). 0 when all are equal (or all 0), {@code (n - 1) / n} when one holds everything.
   */
  public static double gini(long[] x) {
    Objects.requireNonNull(x, "x");
    int n = x.length;
    long[] sorted = x.clone();
    Arrays.sort(sorted);
    double total = 0;
    double weighted = 0;
    for (int i = 0; i < n; i++) {
      if (sorted[i] < 0) {
        throw new IllegalArgumentException("Gini needs non-negative values, got " + sorted[i]);
      }
      total += sorted[i];
      weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
    }
    return total == 0 ? 0 : weighted / (n * total);
  }

  private static double[] differences(double[] a, double[] b, int min) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("paired samples differ in length: " + a.length + " and " + b.length);
    }
    if (a.length < min) {
      throw new IllegalArgumentException("need at least " + min + " pairs, got " + a.length);
    }
    double[] d = new double[a.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = a[i] - b[i];
    }
    return d;
  }

  private static void requireLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
  }
}
