package io.github.kindred.rating;

import io.github.kindred.data.IdIndex;
import io.github.kindred.math.Cholesky;
import io.github.kindred.math.FactorScoring;
import io.github.kindred.model.ItemVectors;
import io.github.kindred.model.Query;
import java.util.Arrays;
import java.util.Objects;

/**
 * A biased factor model {@code r(u, i) = mu + b_u + b_i + p_u . q_i} (Koren, Bell and Volinsky 2009), clipped to the
 * training range. Factors are row-major: {@code users x factors} and {@code items x factors}, one array each.
 *
 * <p>An anonymous history (weights are its ratings) is folded in by the regularised least-squares solve of
 * {@link BiasedRidge} with the model's regularisation: the user vector and bias that best explain those ratings
 * given the fixed item vectors. That uses per-thread scratch of {@code (factors + 1)^2} doubles, created on a
 * thread's first such query. Immutable and thread-safe.
 */
abstract class FactorRatingModel extends RatingModel implements ItemVectors {
  final int factors;
  final float[] userFactors;
  final float[] itemFactors;
  private final float foldInRegularization;
  private final ThreadLocal<FoldScratch> scratch;

  FactorRatingModel(IdIndex users, IdIndex items, float mean, float min, float max, float[] userBias,
      float[] itemBias, int factors, float[] userFactors, float[] itemFactors, float foldInRegularization) {
    super(users, items, mean, min, max, userBias, itemBias);
    this.factors = factors;
    this.userFactors = userFactors;
    this.itemFactors = itemFactors;
    this.foldInRegularization = foldInRegularization;
    this.scratch = ThreadLocal.withInitial(() -> new FoldScratch(factors));
  }

  @Override
  public final int dimensions() {
    return factors;
  }

  @Override
  public final void itemVector(int item, float[] out) {
    Objects.checkIndex(item, itemBias.length);
    System.arraycopy(itemFactors, item * factors, out, 0, factors);
  }

  /**
   * Copies the vector of training user {@code user} into {@code out[0..dimensions())}.
   *
   * @param user the user index, 0 to {@code users().size() - 1}
   * @param out receives the vector, at least {@link #dimensions()} long
   * @throws IndexOutOfBoundsException if {@code user} is out of range or {@code out} is too short
   */
  public final void userVector(int user, float[] out) {
    Objects.checkIndex(user, userBias.length);
    System.arraycopy(userFactors, user * factors, out, 0, factors);
  }

  @Override
  final float interaction(int user, int item) {
    return FactorScoring.dot(userFactors, user * factors, itemFactors, item * factors, factors);
  }

  @Override
  final void scoreUser(int user, float[] scores) {
    float base = mean + userBias[user];
    int off = user * factors;
    for (int i = 0, q = 0; i < itemBias.length; i++, q += factors) {
      scores[i] = clip(base + itemBias[i] + FactorScoring.dot(userFactors, off, itemFactors, q, factors));
    }
  }

  @Override
  final void scoreHistory(Query query, float[] scores) {
    FoldScratch s = scratch.get();
    s.ridge.reset();
    for (int h = 0; h < query.historySize(); h++) {
      int i = query.item(h);
      if (i < itemBias.length) {
        s.ridge.add(itemFactors, i * factors, query.weight(h) - mean - itemBias[i]);
      }
    }
    float bu = s.ridge.solve(foldInRegularization, s.vector, 0);
    float base = mean + bu;
    for (int i = 0, q = 0; i < itemBias.length; i++, q += factors) {
      scores[i] = clip(base + itemBias[i] + FactorScoring.dot(s.vector, 0, itemFactors, q, factors));
    }
  }

  /** Per-thread fold-in scratch. */
  private static final class FoldScratch {
    final BiasedRidge ridge;
    final float[] vector;

    FoldScratch(int factors) {
      ridge = new BiasedRidge(factors);
      vector = new float[factors];
    }
  }

  /**
   * Scratch for one regularised least-squares solve of a vector and a bias against fixed vectors on the other side:
   * minimise {@code sum over entries of (target - w . (x, 1))^2 + lambda * n * |w|^2} for {@code w = (p, b)}, the
   * weighted-lambda form of Zhou et al. 2008 with the bias folded in as one more coordinate. Used for every row of
   * explicit ALS and for folding in an anonymous history. One instance per thread; nothing is allocated per solve.
   */
  static final class BiasedRidge {
    private final int factors;
    private final int d;
    private final double[] a;
    private final double[] b;
    private int n;

    BiasedRidge(int factors) {
      this.factors = factors;
      this.d = factors + 1;
      this.a = new double[d * d];
      this.b = new double[d];
    }

    /** Starts a new system. */
    void reset() {
      Arrays.fill(a, 0);
      Arrays.fill(b, 0);
      n = 0;
    }

    /**
     * Adds one observation: the other side's vector {@code x[off..off+factors)} (and 1 for the bias) and its target.
     */
    void add(float[] x, int off, double target) {
      // Only the lower triangle is accumulated: that is all the Cholesky factorisation reads.
      for (int r = 0; r < factors; r++) {
        double xr = x[off + r];
        int row = r * d;
        for (int c = 0; c <= r; c++) {
          a[row + c] += xr * x[off + c];
        }
        b[r] += xr * target;
      }
      int last = factors * d;
      for (int c = 0; c < factors; c++) {
        a[last + c] += x[off + c];
      }
      a[last + factors] += 1;
      b[factors] += target;
      n++;
    }

    /** Number of observations added since the last reset. */
    int count() {
      return n;
    }

    /**
     * Solves with regularisation {@code lambda * count()} and writes the vector to {@code out[outOff..+factors)};
     * returns the bias. With no observations the result is zero.
     */
    float solve(float lambda, float[] out, int outOff) {
      if (n == 0) {
        Arrays.fill(out, outOff, outOff + factors, 0f);
        return 0f;
      }
      double reg = (double) lambda * n;
      for (int r = 0; r < d; r++) {
        a[r * d + r] += reg;
      }
      if (!Cholesky.solveInPlace(a, b, d)) {
        throw new IllegalStateException("the regularised normal equations are not positive definite");
      }
      for (int f = 0; f < factors; f++) {
        out[outOff + f] = (float) b[f];
      }
      return (float) b[factors];
    }
  }
}
