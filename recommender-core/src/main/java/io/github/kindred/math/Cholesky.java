package io.github.kindred.math;

/**
 * In-place Cholesky factorisation and solve of a small dense symmetric positive definite system held row-major in a
 * {@code double[]}. Hand-written rather than EJML because the ALS trainers (implicit and explicit) solve one
 * {@code factors x factors} system per user and item per iteration: working directly on caller-owned scratch avoids
 * a matrix object and its checks per solve. Stateless and thread-safe; allocates nothing.
 */
public final class Cholesky {
  private Cholesky() {}

  /**
   * Solves {@code A x = b} for {@code x}, overwriting the lower triangle of {@code a} with the Cholesky factor and
   * {@code b} with the solution. Only the lower triangle (column {@code <=} row) of {@code a} is read.
   *
   * @param a an {@code n x n} symmetric positive definite matrix, row-major
   * @param b the right-hand side, length at least {@code n}; the solution on return
   * @param n the dimension
   * @return false if {@code a} is not numerically positive definite (then {@code b} is unspecified)
   */
  public static boolean solveInPlace(double[] a, double[] b, int n) {
    for (int j = 0; j < n; j++) {
      int rj = j * n;
      double d = a[rj + j];
      for (int k = 0; k < j; k++) {
        d -= a[rj + k] * a[rj + k];
      }
      if (!(d > 0)) {
        return false;
      }
      double ljj = Math.sqrt(d);
      a[rj + j] = ljj;
      double inv = 1.0 / ljj;
      for (int i = j + 1; i < n; i++) {
        int ri = i * n;
        double s = a[ri + j];
        for (int k = 0; k < j; k++) {
          s -= a[ri + k] * a[rj + k];
        }
        a[ri + j] = s * inv;
      }
    }
    // L y = b, then L^T x = y.
    for (int i = 0; i < n; i++) {
      int ri = i * n;
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= a[ri + k] * b[k];
      }
      b[i] = s / a[ri + i];
    }
    for (int i = n - 1; i >= 0; i--) {
      double s = b[i];
      for (int k = i + 1; k < n; k++) {
        s -= a[k * n + i] * b[k];
      }
      b[i] = s / a[i * n + i];
    }
    return true;
  }
}
