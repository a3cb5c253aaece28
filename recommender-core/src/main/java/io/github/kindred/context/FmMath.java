package io.github.kindred.context;

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
}
