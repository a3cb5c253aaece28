package io.github.kindred.linear;

/**
 * In-place inverse of a dense symmetric positive definite matrix by the blocked sweep operator (Goodnight 1979,
 * "A tutorial on the SWEEP operator"): sweeping a block {@code K} of pivots replaces {@code A_KK} by
 * {@code -A_KK^-1}, {@code A_iK} by {@code A_iK A_KK^-1} and every other {@code A_ij} by
 * {@code A_ij - A_iK A_KK^-1 A_Kj}; after every block has been swept the matrix is {@code -A^-1}. The unswept
 * diagonal block is always a Schur complement of {@code A}, so it stays positive definite and needs no pivoting.
 *
 * <p>Why this rather than EJML's Cholesky inverse: nearly all of the {@code n^3} flops (the same count as a
 * Cholesky factorisation plus the triangular inverse and product) land in one rank-{@code b} update of the lower
 * triangle, a loop the JIT vectorises and that splits into independent rows for threads. Each entry is updated by
 * the same operations in the same order whatever the thread count, so the result is the same bit for bit on one
 * thread or many. The update reads a panel of {@code b} rows in column tiles of {@link #TILE} doubles
 * ({@code 64 x 256 x 8} bytes, 128 KiB, inside a 512 KiB L2) and folds four pivots into each pass over a row, so a
 * row is loaded and stored once per four pivots instead of once per pivot.
 *
 * <p>Stateless and thread-safe; the working memory beyond the matrix is {@code 2 * b * n} doubles.
 */
final class DenseInverse {
  /** Pivots swept per block. */
  static final int BLOCK = 64;
  /** Columns per tile of the trailing update. */
  static final int TILE = 256;
  /** Rows handed to a thread at a time in the update. */
  private static final int ROWS = 8;

  private DenseInverse() {}

  /**
   * Inverts {@code a} in place: only its lower triangle (column {@code <=} row) is read, and on return the lower
   * triangle holds the lower triangle of {@code A^-1}; the strict upper triangle is left untouched.
   *
   * @param a an {@code n x n} symmetric positive definite matrix, row-major
   * @param n the dimension
   * @param threads threads to use, at least 1; the result does not depend on it
   * @return false if {@code a} is not numerically positive definite (then {@code a} is unspecified)
   */
  static boolean invertLower(double[] a, int n, int threads) {
    try (Parallel pool = new Parallel(n < 2 * BLOCK ? 1 : threads)) {
      return invertLower(a, n, pool);
    }
  }

  /**
   * As {@link #invertLower(double[], int, int)}, on the threads of {@code pool}.
   *
   * @param a an {@code n x n} symmetric positive definite matrix, row-major
   * @param n the dimension
   * @param pool the threads to use
   * @return false if {@code a} is not numerically positive definite
   */
  static boolean invertLower(double[] a, int n, Parallel pool) {
    return sweepAll(a, n, pool);
  }

  private static boolean sweepAll(double[] a, int n, Parallel pool) {
    int b = Math.min(BLOCK, n);
    double[] v = new double[b * n];
    double[] ut = new double[n * b];
    double[] d = new double[b * b];
    for (int k0 = 0; k0 < n; k0 += b) {
      if (!sweepBlock(a, n, k0, Math.min(n, k0 + b), v, ut, d, pool)) {
        return false;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0, row = i * n; j <= i; j++) {
        a[row + j] = -a[row + j];
      }
    }
    return true;
  }

  /** Sweeps the pivots {@code [k0, k1)}; {@code v}, {@code ut} and {@code d} are scratch. */
  private static boolean sweepBlock(double[] a, int n, int k0, int k1, double[] v, double[] ut, double[] d,
      Parallel pool) {
    int m = k1 - k0;
    {
      // D = A_KK^-1, from the (positive definite) unswept diagonal block.
      for (int r = 0; r < m; r++) {
        for (int c = 0; c <= r; c++) {
          d[r * m + c] = a[(k0 + r) * n + k0 + c];
        }
      }
      if (!invertSmall(d, m)) {
        return false;
      }
      // V = the full rows K of the current symmetric matrix, read from whichever triangle holds them.
      for (int r = 0; r < m; r++) {
        int row = (k0 + r) * n;
        int vr = r * n;
        System.arraycopy(a, row, v, vr, k0);
        for (int c = 0; c < m; c++) {
          v[vr + k0 + c] = 0;
        }
        for (int j = k1; j < n; j++) {
          v[vr + j] = a[j * n + k0 + r];
        }
      }
      // Ut[j] = (D V[:, j])^T, the multipliers A_jK D, in column ranges.
      pool.forEach((n + TILE - 1) / TILE, (thread, t) -> {
        int from = t * TILE;
        int to = Math.min(n, from + TILE);
        for (int j = from; j < to; j++) {
          if (j >= k0 && j < k1) {
            continue;
          }
          for (int r = 0; r < m; r++) {
            double s = 0;
            for (int c = 0; c < m; c++) {
              s += d[r * m + c] * v[c * n + j];
            }
            ut[j * m + r] = s;
          }
        }
      });
      // A_ij -= Ut[i] . V[:, j] for i, j outside K, j <= i.
      pool.forEach((n + ROWS - 1) / ROWS, (thread, g) -> {
        int from = g * ROWS;
        int to = Math.min(n, from + ROWS);
        for (int j0 = 0; j0 < to; j0 += TILE) {
          for (int i = from; i < to; i++) {
            if (i >= k0 && i < k1) {
              continue;
            }
            int end = Math.min(i + 1, j0 + TILE);
            if (j0 < k0) {
              update(a, i * n, v, n, ut, i * m, m, j0, Math.min(end, k0));
            }
            if (end > k1) {
              update(a, i * n, v, n, ut, i * m, m, Math.max(j0, k1), end);
            }
          }
        }
      });
      // A_iK = A_iK D (stored in the lower triangle), A_KK = -D.
      for (int i = 0; i < n; i++) {
        if (i >= k0 && i < k1) {
          continue;
        }
        for (int r = 0; r < m; r++) {
          if (i > k0 + r) {
            a[i * n + k0 + r] = ut[i * m + r];
          } else {
            a[(k0 + r) * n + i] = ut[i * m + r];
          }
        }
      }
      for (int r = 0; r < m; r++) {
        for (int c = 0; c <= r; c++) {
          a[(k0 + r) * n + k0 + c] = -d[r * m + c];
        }
      }
    }
    return true;
  }

  /**
   * {@code a[ai + j] -= sum_k u[ui + k] * v[k * n + j]} for {@code j} in {@code [j0, j1)}, four values of
   * {@code k} per pass over the row.
   */
  private static void update(double[] a, int ai, double[] v, int n, double[] u, int ui, int m, int j0, int j1) {
    int k = 0;
    for (; k + 3 < m; k += 4) {
      double u0 = u[ui + k];
      double u1 = u[ui + k + 1];
      double u2 = u[ui + k + 2];
      double u3 = u[ui + k + 3];
      int v0 = k * n;
      int v1 = v0 + n;
      int v2 = v1 + n;
      int v3 = v2 + n;
      for (int j = j0; j < j1; j++) {
        a[ai + j] -= u0 * v[v0 + j] + u1 * v[v1 + j] + u2 * v[v2 + j] + u3 * v[v3 + j];
      }
    }
    for (; k < m; k++) {
      double u0 = u[ui + k];
      int v0 = k * n;
      for (int j = j0; j < j1; j++) {
        a[ai + j] -= u0 * v[v0 + j];
      }
    }
  }

  /**
   * Inverts the small {@code m x m} symmetric positive definite matrix whose lower triangle is in {@code d}, by
   * Cholesky {@code L L^T}, then {@code L^-1}, then {@code L^-T L^-1}; writes the full symmetric inverse.
   */
  static boolean invertSmall(double[] d, int m) {
    for (int j = 0; j < m; j++) {
      double s = d[j * m + j];
      for (int k = 0; k < j; k++) {
        s -= d[j * m + k] * d[j * m + k];
      }
      if (!(s > 0)) {
        return false;
      }
      double ljj = Math.sqrt(s);
      d[j * m + j] = ljj;
      for (int i = j + 1; i < m; i++) {
        double t = d[i * m + j];
        for (int k = 0; k < j; k++) {
          t -= d[i * m + k] * d[j * m + k];
        }
        d[i * m + j] = t / ljj;
      }
    }
    // L^-1 in place (lower triangular), column by column from the diagonal down.
    for (int j = 0; j < m; j++) {
      d[j * m + j] = 1 / d[j * m + j];
      for (int i = j + 1; i < m; i++) {
        double t = 0;
        for (int k = j; k < i; k++) {
          t -= d[i * m + k] * d[k * m + j];
        }
        d[i * m + j] = t / d[i * m + i];
      }
    }
    // A^-1 = L^-T L^-1: entry (r, c), c <= r, is sum over k >= r of Linv[k][r] Linv[k][c].
    double[] lower = new double[m * m];
    for (int r = 0; r < m; r++) {
      for (int c = 0; c <= r; c++) {
        double t = 0;
        for (int k = r; k < m; k++) {
          t += d[k * m + r] * d[k * m + c];
        }
        lower[r * m + c] = t;
      }
    }
    for (int r = 0; r < m; r++) {
      for (int c = 0; c <= r; c++) {
        d[r * m + c] = lower[r * m + c];
        d[c * m + r] = lower[r * m + c];
      }
    }
    return true;
  }
}
