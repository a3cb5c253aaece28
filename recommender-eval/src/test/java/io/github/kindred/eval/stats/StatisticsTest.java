package io.github.kindred.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Reference values computed independently with scipy 1.17.1 ({@code scipy.stats.ttest_rel},
 * {@code scipy.stats.wilcoxon}, {@code scipy.stats.t.ppf}) and by hand where noted.
 */
class StatisticsTest {
  // Differences 1, 6, 5, -3, 8, 2, 10, -4, 9, 7: distinct magnitudes, so the Wilcoxon p-value is exact.
  private static final double[] A = {11, 31, 55, 12, 60, 47, 30, 37, 51, 37};
  private static final double[] B = {10, 25, 50, 15, 52, 45, 20, 41, 42, 30};

  @Test
  void pairedTTestMatchesScipy() {
    Statistics.PairedTest t = Statistics.pairedTTest(A, B);
    assertThat(t.n()).isEqualTo(10);
    assertThat(t.statistic()).isCloseTo(SCIPY_T, within(1e-9));
    assertThat(t.pValue()).isCloseTo(SCIPY_T_P, within(1e-9));
  }

  @Test
  void pairedTTestOfIdenticalSamplesHasPValueOne() {
    assertThat(Statistics.pairedTTest(A, A).pValue()).isEqualTo(1.0);
  }

  @Test
  void wilcoxonExactMatchesScipy() {
    Statistics.PairedTest w = Statistics.wilcoxon(A, B);
    assertThat(w.method()).isEqualTo("exact");
    assertThat(w.statistic()).isCloseTo(SCIPY_W, within(1e-12));
    assertThat(w.pValue()).isCloseTo(SCIPY_W_P, within(1e-12));
  }

  @Test
  void wilcoxonDropsZerosAndUsesTheTieCorrectedNormalApproximation() {
    // Differences 1, 1, 2, -1, 0, 3, 0, 2, -2, 1: zeros dropped, ties among |d| force the approximation.
    double[] a = {2, 3, 5, 1, 4, 6, 2, 5, 1, 4};
    double[] b = {1, 2, 3, 2, 4, 3, 2, 3, 3, 3};
    Statistics.PairedTest w = Statistics.wilcoxon(a, b);
    assertThat(w.n()).isEqualTo(8);
    assertThat(w.method()).isEqualTo("normal approximation");
    assertThat(w.statistic()).isCloseTo(SCIPY_TIED_W, within(1e-12));
    assertThat(w.pValue()).isCloseTo(SCIPY_TIED_P, within(1e-9));
  }

  @Test
  void wilcoxonOfAllZeroDifferencesIsNotSignificant() {
    assertThat(Statistics.wilcoxon(A, A).pValue()).isEqualTo(1.0);
  }

  @Test
  void tIntervalMatchesTheClosedForm() {
    double[] x = {1, 2, 3, 4, 5};
    Statistics.Interval ci = Statistics.tInterval(x, 0.95);
    // mean 3, sd sqrt(2.5), t(0.975, 4) = 2.7764451051977934 (scipy.stats.t.ppf).
    double half = 2.7764451051977934 * Math.sqrt(2.5) / Math.sqrt(5);
    assertThat(ci.estimate()).isEqualTo(3.0);
    assertThat(ci.lower()).isCloseTo(3 - half, within(1e-9));
    assertThat(ci.upper()).isCloseTo(3 + half, within(1e-9));
  }

  @Test
  void bootstrapIntervalIsSeededAndBracketsTheMean() {
    Statistics.Interval ci = Statistics.bootstrapMean(A, 0.95, 2000, 11);
    assertThat(ci).isEqualTo(Statistics.bootstrapMean(A, 0.95, 2000, 11));
    assertThat(ci.estimate()).isCloseTo(Statistics.mean(A), within(1e-15));
    assertThat(ci.lower()).isLessThan(ci.estimate()).isGreaterThanOrEqualTo(11.0);
    assertThat(ci.upper()).isGreaterThan(ci.estimate()).isLessThanOrEqualTo(60.0);
    // A constant sample has a degenerate interval.
    Statistics.Interval constant = Statistics.bootstrapMean(new double[] {2, 2, 2}, 0.9, 100, 1);
    assertThat(constant.lower()).isEqualTo(2.0);
    assertThat(constant.upper()).isEqualTo(2.0);
    Statistics.Interval diff = Statistics.bootstrapDifference(A, B, 0.95, 2000, 3);
    assertThat(diff.estimate()).isCloseTo(Statistics.mean(A) - Statistics.mean(B), within(1e-12));
  }

  @Test
  void spreadOverSeeds() {
    Statistics.Spread s = Statistics.spread(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
    // Sum of squared deviations from 5 is 32; sample variance 32 / 7.
    assertThat(s.mean()).isEqualTo(5.0);
    assertThat(s.sd()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
    assertThat(s.min()).isEqualTo(2.0);
    assertThat(s.max()).isEqualTo(9.0);
    assertThat(Statistics.spread(new double[] {3}).sd()).isEqualTo(0.0);
  }

  @Test
  void giniByHand() {
    assertThat(Statistics.gini(new long[] {5, 5, 5, 5})).isEqualTo(0.0);
    // Sorted 0, 0, 0, 10: (2*4 - 5) * 10 / (4 * 10) = 0.75.
    assertThat(Statistics.gini(new long[] {10, 0, 0, 0})).isCloseTo(0.75, within(1e-15));
    // Sorted 1, 2, 3: (-2*1 + 0*2 + 2*3) / (3 * 6) = 4/18.
    assertThat(Statistics.gini(new long[] {3, 1, 2})).isCloseTo(4.0 / 18, within(1e-15));
    assertThat(Statistics.gini(new long[] {0, 0})).isEqualTo(0.0);
  }

  @Test
  void rejectsMismatchedSamples() {
    assertThatThrownBy(() -> Statistics.pairedTTest(new double[] {1, 2}, new double[] {1}))
        .hasMessage("paired samples differ in length: 2 and 1");
    assertThatThrownBy(() -> Statistics.tInterval(new double[] {1, 2}, 1.0))
        .hasMessage("confidence level must be in (0, 1), got 1.0");
  }

  // scipy.stats.ttest_rel(A, B).
  private static final double SCIPY_T = 2.641042168243406;
  private static final double SCIPY_T_P = 0.026867836975988033;
  // scipy.stats.wilcoxon(A, B, method='exact'); by hand: W- = 3 + 4 = 7, and 19 of the 1024 sign patterns have
  // W+ <= 7, so p = 2 * 19 / 1024.
  private static final double SCIPY_W = 7.0;
  private static final double SCIPY_W_P = 0.037109375;
  // scipy.stats.wilcoxon(a, b, method='asymptotic') on the tied sample.
  private static final double SCIPY_TIED_W = 8.5;
  private static final double SCIPY_TIED_P = 0.17583403918261342;
}
