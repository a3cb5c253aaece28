package io.github.kindred.rating;

/**
 * Solves small symmetric positive-definite systems in place by Cholesky decomposition, on row-major
 * {@code double[]} scratch the caller owns, so that the per-user and per-item solves of ALS allocate nothing.
 */
final class DenseSolver {
  private DenseSolver() {}

  /**
   * Solves {@code a x = b} for a symmetric positive-definite {@code d x d} matrix {@code a}; {@code a} is
   * overwritten by its Cholesky factor and {@code b} by {@code x}.
   *
   * @throws IllegalStateException if {@code a} is not positive definite
   */
  static void solve(double[] a, double[] b, int d) {
    for (int j = 0; j < d; j++) {
      double s = a[j * d + j];
      for (int k = 0; k < j; k++) {
        s -= a[j * d + k] * a[j * d + k];
      }
      if (!(s > 0)) {
        throw new IllegalStateException("matrix is not positive definite (pivot " + j + " is " + s + ")");
      }
      double l = Math.sqrt(s);
      a[j * d + j] = l;
      for (int i = j + 1; i < d; i++) {
        double t = a[i * d + j];
        for (int k = 0; k < j; k++) {
          t -= a[i * d + k] * a[j * d + k];
        }
        a[i * d + j] = t / l;
      }
    }
    for (int i = 0; i < d; i++) {
      double t = b[i];
      for (int k = 0; k < i; k++) {
        t -= a[i * d + k] * b[k];
      }
      b[i] = t / a[i * d + i];
    }
    for (int i = d - 1; i >= 0; i--) {
      double t = b[i];
      for (int k = i + 1; k < d; k++) {
        t -= a[k * d + i] * b[k];
      }
      b[i] = t / a[i * d + i];
    }
  }
}
