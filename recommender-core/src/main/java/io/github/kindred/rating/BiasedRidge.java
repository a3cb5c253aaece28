package io.github.kindred.rating;

import io.github.kindred.math.Cholesky;
import java.util.Arrays;

/**
 * Scratch for one regularised least-squares solve of a vector and a bias against fixed vectors on the other side:
 * minimise {@code sum over entries of (target - w . (x, 1))^2 + lambda * n * |w|^2} for {@code w = (p, b)}, the
 * weighted-lambda form of Zhou et al. 2008 with the bias folded in as one more coordinate. Used for every row of
 * explicit ALS and for folding in an anonymous history. One instance per thread; nothing is allocated per solve.
 */
final class BiasedRidge {
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

  /** Adds one observation: the other side's vector {@code x[off..off+factors)} (and 1 for the bias) and its target. */
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
