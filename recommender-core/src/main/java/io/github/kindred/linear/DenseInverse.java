package io.github.kindred.linear;

import java.util.Arrays;

/**
 * In-place inverse of a dense symmetric positive definite matrix by the blocked sweep operator (Goodnight 1979,
 * "A tutorial on the SWEEP operator"): sweeping a block {@code K} of pivots replaces {@code A_KK} by
 * {@code -A_KK^-1}, {@code A_iK} by {@code A_iK A_KK^-1} and every other {@code A_ij} by
 * {@code A_ij - A_iK A_KK^-1 A_Kj}; after every block has been swept the matrix is {@code -A^-1}. The unswept
 * diagonal block is always a Schur complement of {@code A}, so it stays positive definite and needs no pivoting.
 *
 * <p>Why this rather than EJML's Cholesky inverse: nearly all of the {@code n^3} flops (the same count as a
 * Cholesky factorisation plus the triangular inverse and product) land in one rank-{@code b} update of the lower
 * triangle, one register-blocked kernel that splits into independent rows for threads (a Cholesky route needs
 * three kernels and a shrinking trailing matrix for the same count). Each entry is updated by
 * the same operations in the same order whatever the thread count, so the result is the same bit for bit on one
 * thread or many. The update reads a panel of {@code b} rows in column tiles of {@link #TILE} doubles
 * ({@code 64 x 256 x 8} bytes, 128 KiB, inside a 512 KiB L2) and updates four rows by four pivots per pass, so a
 * row is loaded and stored once per four pivots and a panel value once per four rows.
 *
 * <p>Stateless and thread-safe; the working memory beyond the matrix is {@code 3 * b * n} doubles.
 */
final class DenseInverse {
  /** Pivots swept per block. */
  static final int BLOCK = 64;
  /** Columns per tile of the trailing update. */
  static final int TILE = 256;
  /** Rows handed to a thread at a time in the update: a multiple of 4 that divides {@link #BLOCK}. */
  private static final int ROWS = 16;

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
    double[] w = new double[b * n];
    for (int k0 = 0; k0 < n; k0 += b) {
      if (!sweepBlock(a, n, k0, Math.min(n, k0 + b), v, ut, d, w, pool)) {
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

  /** Sweeps the pivots {@code [k0, k1)}; {@code v}, {@code ut}, {@code d} and {@code w} are scratch. */
  private static boolean sweepBlock(double[] a, int n, int k0, int k1, double[] v, double[] ut, double[] d,
      double[] w, Parallel pool) {
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
      // Ut[j] = (D V[:, j])^T, the multipliers A_jK D, in column ranges: W = -D V by the update kernel (V is zero
      // on K, so W is too), then transposed; a dot product per entry down the columns of V took 11% of the solve.
      pool.forEach((n + TILE - 1) / TILE, (thread, t) -> {
        int from = t * TILE;
        int to = Math.min(n, from + TILE);
        for (int r = 0; r < m; r++) {
          Arrays.fill(w, r * n + from, r * n + to, 0);
        }
        int r = 0;
        for (; r + 3 < m; r += 4) {
          update(w, r, 4, n, v, d, m, from, to);
        }
        for (; r < m; r++) {
          update(w, r, 1, n, v, d, m, from, to);
        }
        for (int j = from; j < to; j++) {
          for (int c = 0; c < m; c++) {
            ut[j * m + c] = -w[c * n + j];
          }
        }
      });
      // A_ij -= Ut[i] . V[:, j] for i, j outside K, j <= i. Groups of ROWS rows never straddle K (k0 and ROWS
      // divide BLOCK), so a group is skipped whole or updated whole, four rows at a time.
      pool.forEach((n + ROWS - 1) / ROWS, (thread, g) -> {
        int from = g * ROWS;
        int to = Math.min(n, from + ROWS);
        if (from >= k0 && from < k1) {
          return;
        }
        for (int j0 = 0; j0 < to; j0 += TILE) {
          int i = from;
          for (; i + 3 < to; i += 4) {
            // Columns every row of the four holds; the up to 3 beyond the first row's diagonal go row by row.
            int common = Math.min(i + 1, j0 + TILE);
            updateRange(a, i, 4, n, v, ut, m, j0, common, k0, k1);
            for (int q = 1; q < 4; q++) {
              updateRange(a, i + q, 1, n, v, ut, m, common, Math.min(i + q + 1, j0 + TILE), k0, k1);
            }
          }
          for (; i < to; i++) {
            updateRange(a, i, 1, n, v, ut, m, j0, Math.min(i + 1, j0 + TILE), k0, k1);
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

  /** The update of {@code rows} (1 or 4) rows from {@code i} over columns {@code [j0, j1)} minus the pivots K. */
  private static void updateRange(double[] a, int i, int rows, int n, double[] v, double[] ut, int m, int j0, int j1,
      int k0, int k1) {
    if (j0 < k0) {
      update(a, i, rows, n, v, ut, m, j0, Math.min(j1, k0));
    }
    if (j1 > k1) {
      update(a, i, rows, n, v, ut, m, Math.max(j0, k1), j1);
    }
  }

  /**
   * {@code a[r * n + j] -= sum_k u[r * m + k] * v[k * n + j]} for the {@code rows} (1 or 4) rows {@code r} from
   * {@code i} and {@code j} in {@code [j0, j1)}. Every entry takes the same chain of fused multiply-adds, four
   * pivots per pass, on either path, so the result does not depend on how rows were grouped.
   */
  private static void update(double[] a, int i, int rows, int n, double[] v, double[] u, int m, int j0, int j1) {
    if (j0 >= j1) {
      return;
    }
    if (rows == 4) {
      update4(a, i * n, n, v, u, i * m, m, j0, j1);
      return;
    }
    int ai = i * n;
    int ui = i * m;
    int k = 0;
    for (; k + 3 < m; k += 4) {
      double u0 = -u[ui + k];
      double u1 = -u[ui + k + 1];
      double u2 = -u[ui + k + 2];
      double u3 = -u[ui + k + 3];
      int v0 = k * n;
      int v1 = v0 + n;
      int v2 = v1 + n;
      int v3 = v2 + n;
      for (int j = j0; j < j1; j++) {
        a[ai + j] = Math.fma(u3, v[v3 + j], Math.fma(u2, v[v2 + j], Math.fma(u1, v[v1 + j],
            Math.fma(u0, v[v0 + j], a[ai + j]))));
      }
    }
    for (; k < m; k++) {
      double u0 = -u[ui + k];
      int v0 = k * n;
      for (int j = j0; j < j1; j++) {
        a[ai + j] = Math.fma(u0, v[v0 + j], a[ai + j]);
      }
    }
  }

  /**
   * Four rows by four pivots per pass: each loaded {@code v} serves four rows and each loaded {@code a} four
   * pivots, 16 fused multiply-adds per 8 loads and 4 stores, with the 16 multipliers held in registers. HotSpot
   * 17 does not vectorise this loop (nor the one-row form: -XX:-UseSuperWord leaves both speeds unchanged), so
   * it is the scalar throughput that counts: 6.2-6.6 GFMA/s on one EPYC core against 3.1 for one row by four
   * pivots (a rank-64 update of a 3600 x 3600 matrix).
   */
  private static void update4(double[] a, int a0, int n, double[] v, double[] u, int q0, int m, int j0, int j1) {
    int a1 = a0 + n;
    int a2 = a1 + n;
    int a3 = a2 + n;
    int q1 = q0 + m;
    int q2 = q1 + m;
    int q3 = q2 + m;
    int k = 0;
    for (; k + 3 < m; k += 4) {
      double u00 = -u[q0 + k];
      double u01 = -u[q0 + k + 1];
      double u02 = -u[q0 + k + 2];
      double u03 = -u[q0 + k + 3];
      double u10 = -u[q1 + k];
      double u11 = -u[q1 + k + 1];
      double u12 = -u[q1 + k + 2];
      double u13 = -u[q1 + k + 3];
      double u20 = -u[q2 + k];
      double u21 = -u[q2 + k + 1];
      double u22 = -u[q2 + k + 2];
      double u23 = -u[q2 + k + 3];
      double u30 = -u[q3 + k];
      double u31 = -u[q3 + k + 1];
      double u32 = -u[q3 + k + 2];
      double u33 = -u[q3 + k + 3];
      int v0 = k * n;
      int v1 = v0 + n;
      int v2 = v1 + n;
      int v3 = v2 + n;
      for (int j = j0; j < j1; j++) {
        double x0 = v[v0 + j];
        double x1 = v[v1 + j];
        double x2 = v[v2 + j];
        double x3 = v[v3 + j];
        a[a0 + j] = Math.fma(u03, x3, Math.fma(u02, x2, Math.fma(u01, x1, Math.fma(u00, x0, a[a0 + j]))));
        a[a1 + j] = Math.fma(u13, x3, Math.fma(u12, x2, Math.fma(u11, x1, Math.fma(u10, x0, a[a1 + j]))));
        a[a2 + j] = Math.fma(u23, x3, Math.fma(u22, x2, Math.fma(u21, x1, Math.fma(u20, x0, a[a2 + j]))));
        a[a3 + j] = Math.fma(u33, x3, Math.fma(u32, x2, Math.fma(u31, x1, Math.fma(u30, x0, a[a3 + j]))));
      }
    }
    for (; k < m; k++) {
      double w0 = -u[q0 + k];
      double w1 = -u[q1 + k];
      double w2 = -u[q2 + k];
      double w3 = -u[q3 + k];
      int v0 = k * n;
      for (int j = j0; j < j1; j++) {
        double x = v[v0 + j];
        a[a0 + j] = Math.fma(w0, x, a[a0 + j]);
        a[a1 + j] = Math.fma(w1, x, a[a1 + j]);
        a[a2 + j] = Math.fma(w2, x, a[a2 + j]);
        a[a3 + j] = Math.fma(w3, x, a[a3 + j]);
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
