package io.github.kindred.context;

import java.util.Arrays;

/** The small kernels of the factorisation machine, shared by training, scoring and tests. Stateless. */
final class FmMath {
  private FmMath() {}

  /** {@code out[0..k) += x * v[base..base+k)}. */
  static void addScaled(float[] v, int base, float x, float[] out, int k) {
    for (int f = 0; f < k; f++) {
      out[f] += x * v[base + f];
    }
  }

  /** The squared L2 norm of {@code v[base..base+k)}. */
  static double squaredNorm(float[] v, int base, int k) {
    double s = 0;
    for (int f = 0; f < k; f++) {
      s += (double) v[base + f] * v[base + f];
    }
    return s;
  }

  /**
   * The pairwise term {@code sum_{a<b} <v_a, v_b> x_a x_b} of inputs {@code idx[0..n)} with values {@code x}, by
   * Rendle's identity {@code 1/2 sum_f ((sum_j v_jf x_j)^2 - sum_j v_jf^2 x_j^2)}: {@code O(k n)}.
   */
  static double pairwise(float[] v, int k, int[] idx, float[] x, int n) {
    double total = 0;
    for (int f = 0; f < k; f++) {
      double s = 0;
      double sq = 0;
      for (int a = 0; a < n; a++) {
        double t = v[idx[a] * k + f] * (double) x[a];
        s += t;
        sq += t * t;
      }
      total += s * s - sq;
    }
    return 0.5 * total;
  }

  /** The same pairwise term by the naive double sum, {@code O(k n^2)}; the reference for tests. */
  static double pairwiseNaive(float[] v, int k, int[] idx, float[] x, int n) {
    double total = 0;
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        double dot = 0;
        for (int f = 0; f < k; f++) {
          dot += (double) v[idx[a] * k + f] * v[idx[b] * k + f];
        }
        total += dot * x[a] * x[b];
      }
    }
    return total;
  }

  /**
   * Accumulates one row of a side's sparse inputs: fills {@code sum[0..k)} with {@code sum_j v_j x_j}, and
   * {@code terms} with the linear term {@code sum_j w_j x_j} and {@code sum_j |v_j|^2 x_j^2}.
   */
  static void side(FactorizationMachine.SparseRows rows, int row, float[] w, float[] v, int k, float[] sum,
      double[] terms) {
    Arrays.fill(sum, 0, k, 0f);
    double lin = 0;
    double sq = 0;
    for (int p = rows.pointers[row]; p < rows.pointers[row + 1]; p++) {
      int j = rows.indexes[p];
      float x = rows.values[p];
      lin += w[j] * x;
      sq += x * x * squaredNorm(v, j * k, k);
      addScaled(v, j * k, x, sum, k);
    }
    terms[0] = lin;
    terms[1] = sq;
  }

  /** The linear plus inner pairwise term of a side, {@code lin + (|sum|^2 - sq) / 2}, from {@link #side}. */
  static double sideScore(float[] sum, int k, double[] terms) {
    return terms[0] + 0.5 * (squaredNorm(sum, 0, k) - terms[1]);
  }
}
