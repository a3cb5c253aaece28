package io.github.kindred.linear;

import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.math.TopN;
import java.util.Arrays;

/**
 * EASE restricted to each item's neighbourhood, for catalogues whose dense {@code items x items} solve does not fit.
 * The EASE objective {@code ||X - X B||^2 + lambda ||B||^2} with {@code diag(B) = 0} separates into one ridge
 * regression per column: column {@code j} minimises {@code ||X_j - X b||^2 + lambda ||b||^2} over {@code b} with
 * {@code b_j = 0}. Here {@code b} is further restricted to the set {@code N(j)} of the {@code k} items with the
 * largest co-occurrence {@code G_ij} with {@code j}, which gives the small dense system
 * {@code (G_NN + lambda I) b = G_Nj}; with {@code N(j)} = every other item it is exactly EASE's column.
 *
 * <p>Cost: the sparse Gram matrix {@code G = X^T X} ({@code O(sum over users of |history|^2)} time, at most that
 * many stored entries), then per item an intersection of {@code k} sorted Gram rows with its neighbour list and a
 * {@code k x k} Cholesky solve ({@code k^3 / 6} flops). Memory: the Gram rows plus {@code 2 * items * k} weight
 * entries; {@link #estimateBytes} bounds it before anything is allocated.
 */
final class NeighborhoodEase {
  /** Bytes per stored entry of a Gram row or of a weight list: an int index and a float value. */
  private static final long ENTRY = 8L;

  private NeighborhoodEase() {}

  /**
   * An upper bound of the bytes the solve allocates: every co-occurring pair stored once in the Gram rows (at
   * most {@code sum |history|^2}, at most {@code items^2}), the weights by column and by row, and per-thread
   * scratch.
   */
  static long estimateBytes(InteractionMatrix m, int k, int threads) {
    long n = m.columns();
    long pairs = 0;
    for (int u = 0; u < m.rows(); u++) {
      long h = m.rowSize(u);
      pairs += h * h;
    }
    long gram = Math.min(pairs, n * n) * ENTRY + n * 32L;
    long kk = Math.min(k, Math.max(n - 1, 1));
    long weights = 2 * n * kk * ENTRY + 2 * n * 4L;
    long scratch = threads * (n * 12L + kk * kk * 8L + kk * 24L);
    return gram + weights + scratch;
  }

  /**
   * Solves every item's column and returns the weights by row: {@code pointers} ({@code items + 1}),
   * {@code ids} (columns {@code j}, ascending within a row) and {@code values} ({@code B_ij}).
   *
   * @throws IllegalStateException if a neighbourhood system is not positive definite (non-finite input)
   */
  static Sparse solve(InteractionMatrix m, float lambda, int k, Parallel pool) {
    int n = m.columns();
    int[][] gramCols = new int[n][];
    float[][] gramVals = new float[n][];
    int threads = pool.threads();
    double[][] acc = new double[threads][n];
    int[][] touched = new int[threads][n];
    boolean[][] seen = new boolean[threads][n];
    // Once per fit: the matrix builds this array anew on every call.
    float[] colValues = m.columnValues();
    pool.forEach(n, (t, i) -> gramRow(m, colValues, i, acc[t], touched[t], seen[t], gramCols, gramVals));
    int kk = Math.min(k, Math.max(n - 1, 1));
    int[] colPtr = new int[n + 1];
    int[][] colIds = new int[n][];
    float[][] colVals = new float[n][];
    TopN[] top = new TopN[threads];
    double[][] a = new double[threads][kk * kk];
    double[][] b = new double[threads][kk];
    for (int t = 0; t < threads; t++) {
      top[t] = new TopN(kk);
    }
    pool.forEach(n, (t, j) -> {
      int[] nb = neighbours(j, gramCols[j], gramVals[j], top[t], kk);
      float[] w = column(j, nb, gramCols, gramVals, lambda, a[t], b[t]);
      colIds[j] = nb;
      colVals[j] = w;
    });
    // Transpose the columns into rows: row i lists the j whose neighbourhood holds i, in ascending j.
    int[] rowPtr = new int[n + 1];
    for (int j = 0; j < n; j++) {
      colPtr[j + 1] = colPtr[j] + colIds[j].length;
      for (int i : colIds[j]) {
        rowPtr[i + 1]++;
      }
    }
    for (int i = 0; i < n; i++) {
      rowPtr[i + 1] += rowPtr[i];
    }
    int[] ids = new int[rowPtr[n]];
    float[] values = new float[rowPtr[n]];
    int[] fill = Arrays.copyOf(rowPtr, n);
    for (int j = 0; j < n; j++) {
      int[] nb = colIds[j];
      float[] w = colVals[j];
      for (int p = 0; p < nb.length; p++) {
        int at = fill[nb[p]]++;
        ids[at] = j;
        values[at] = w[p];
      }
    }
    return new Sparse(rowPtr, ids, values);
  }

  /** Row {@code i} of {@code X^T X} as sorted column indexes and values, diagonal included. */
  private static void gramRow(InteractionMatrix m, float[] colValues, int i, double[] acc, int[] touched,
      boolean[] seen, int[][] gramCols, float[][] gramVals) {
    int[] colPtr = m.columnPointers();
    int[] users = m.rowIndexes();
    int[] rowPtr = m.rowPointers();
    int[] cols = m.columnIndexes();
    float[] vals = m.values();
    int count = 0;
    for (int p = colPtr[i]; p < colPtr[i + 1]; p++) {
      int u = users[p];
      double x = colValues[p];
      for (int q = rowPtr[u]; q < rowPtr[u + 1]; q++) {
        int c = cols[q];
        if (!seen[c]) {
          seen[c] = true;
          touched[count++] = c;
        }
        acc[c] += x * vals[q];
      }
    }
    Arrays.sort(touched, 0, count);
    int[] ids = new int[count];
    float[] values = new float[count];
    for (int p = 0; p < count; p++) {
      int c = touched[p];
      ids[p] = c;
      values[p] = (float) acc[c];
      acc[c] = 0;
      seen[c] = false;
    }
    gramCols[i] = ids;
    gramVals[i] = values;
  }

  /** The up to {@code k} items other than {@code j} with the largest {@code G_jc > 0}, ascending by index. */
  private static int[] neighbours(int j, int[] cols, float[] vals, TopN top, int k) {
    top.reset(k);
    for (int p = 0; p < cols.length; p++) {
      if (cols[p] != j && vals[p] > 0) {
        top.offer(cols[p], vals[p]);
      }
    }
    int[] nb = top.drain();
    Arrays.sort(nb);
    return nb;
  }

  /** Solves {@code (G_NN + lambda I) b = G_Nj} for the neighbours {@code nb} of {@code j}. */
  private static float[] column(int j, int[] nb, int[][] gramCols, float[][] gramVals, float lambda, double[] a,
      double[] b) {
    int m = nb.length;
    for (int p = 0; p < m; p++) {
      int[] cols = gramCols[nb[p]];
      float[] vals = gramVals[nb[p]];
      // Lower triangle, row r >= p, column p: G[nb[r]][nb[p]], found by galloping along the sorted row of nb[p].
      int q = 0;
      for (int r = p; r < m; r++) {
        q = seek(cols, q, nb[r]);
        double g = q < cols.length && cols[q] == nb[r] ? vals[q] : 0;
        a[r * m + p] = r == p ? g + lambda : g;
      }
      int at = seek(cols, 0, j);
      b[p] = at < cols.length && cols[at] == j ? vals[at] : 0;
    }
    if (!solve(a, b, m)) {
      throw new IllegalStateException("EASE: the neighbourhood system of item " + j
          + " is not positive definite (lambda " + lambda + "; non-finite input values?)");
    }
    float[] w = new float[m];
    for (int p = 0; p < m; p++) {
      w[p] = (float) b[p];
    }
    return w;
  }

  /**
   * Solves {@code A x = b} in place by Cholesky, reading the lower triangle of {@code a}: the same algorithm as
   * {@code math.Cholesky}, with every dot product split over four running sums. The solve dominates this trainer
   * ({@code k^3 / 6} multiply-adds per item, 5.5e10 for Gowalla's 41k items at k = 200) and a single running sum
   * is bound by the add latency; four independent ones let the core overlap them.
   */
  static boolean solve(double[] a, double[] b, int n) {
    for (int j = 0; j < n; j++) {
      int rj = j * n;
      double d = a[rj + j] - dot(a, rj, a, rj, j);
      if (!(d > 0)) {
        return false;
      }
      double ljj = Math.sqrt(d);
      a[rj + j] = ljj;
      double inv = 1.0 / ljj;
      for (int i = j + 1; i < n; i++) {
        int ri = i * n;
        a[ri + j] = (a[ri + j] - dot(a, ri, a, rj, j)) * inv;
      }
    }
    // L y = b, then L^T x = y.
    for (int i = 0; i < n; i++) {
      int ri = i * n;
      b[i] = (b[i] - dot(a, ri, b, 0, i)) / a[ri + i];
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

  /** {@code sum over k < len of x[xo + k] * y[yo + k]}, in four interleaved partial sums. */
  private static double dot(double[] x, int xo, double[] y, int yo, int len) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int k = 0;
    for (; k + 3 < len; k += 4) {
      s0 += x[xo + k] * y[yo + k];
      s1 += x[xo + k + 1] * y[yo + k + 1];
      s2 += x[xo + k + 2] * y[yo + k + 2];
      s3 += x[xo + k + 3] * y[yo + k + 3];
    }
    for (; k < len; k++) {
      s0 += x[xo + k] * y[yo + k];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** The first index at or after {@code from} whose value is {@code >= key}: exponential, then binary search. */
  static int seek(int[] sorted, int from, int key) {
    int n = sorted.length;
    if (from >= n || sorted[from] >= key) {
      return from;
    }
    int lo = from;
    int step = 1;
    int hi = from + 1;
    while (hi < n && sorted[hi] < key) {
      lo = hi;
      step <<= 1;
      hi = from + step;
    }
    hi = Math.min(hi, n);
    // sorted[lo] < key, and sorted[hi] >= key or hi == n.
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  /** Weights by row, CSR. */
  record Sparse(int[] pointers, int[] ids, float[] values) {}
}
