package io.github.kindred.graph;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * The leading right singular vectors of a {@link NormalizedGraph}, by the randomised range finder with power
 * iterations and a Rayleigh-Ritz step (Halko, Martinsson and Tropp 2011, algorithms 4.4 and 5.1 on the item side):
 * {@code Q = orth((R~'R~)^q R~' Omega)}, then the eigenvectors of the small {@code l x l} matrix
 * {@code (R~Q)'(R~Q)} rotate {@code Q} onto the singular directions.
 *
 * <p>The tall matrices ({@code items x l}) are orthonormalised by CholeskyQR2 (Fukaya et al. 2014: two passes of
 * {@code Y = Q L'} with {@code L} the Cholesky factor of {@code Y'Y}), whose Gram products run on every thread
 * and whose second pass restores orthogonality to machine precision when {@code Y} is well conditioned. That holds
 * here: the singular values of {@code R~} lie in {@code [0, 1]} with the largest exactly 1, so after a power step
 * the condition number of {@code Y} is about {@code (1 / sigma_l)^2}. Small matrices and rank-deficient ones (when
 * Cholesky fails) go through EJML's Householder QR instead. EJML also does the {@code l x l} Cholesky and
 * symmetric eigen-decompositions.
 *
 * <p>Deterministic: the random test matrix comes from the seed, and every product is computed in fixed blocks that
 * do not depend on the thread count.
 */
final class RandomizedSvd {
  /** Rows per block of the parallel products. */
  private static final int BLOCK = 1024;
  /** Below this many multiply-adds ({@code rows * l^2}) Householder QR is cheap enough to use directly. */
  private static final long SMALL_QR = 20_000_000L;

  /** The result: {@code rank} right singular vectors (items x rank, row-major) and their singular values. */
  record Result(int rank, float[] vectors, double[] singularValues) {}

  private RandomizedSvd() {}

  /**
   * Computes the {@code rank} leading right singular vectors of {@code g}, descending by singular value.
   *
   * @param rank at most {@code min(users, items)}
   */
  static Result compute(NormalizedGraph g, int rank, int oversampling, int powerIterations, long seed,
      Blocks blocks) {
    int n = g.items;
    int m = g.users;
    int l = (int) Math.min((long) rank + oversampling, Math.min(m, n));
    if (rank == 0 || l == 0) {
      return new Result(0, new float[0], new double[0]);
    }
    double[] z = new double[m * l];
    SplittableRandom random = new SplittableRandom(seed);
    for (int k = 0; k < z.length; k++) {
      z[k] = random.nextGaussian();
    }
    double[] y = new double[n * l];
    blocks.forEach(n, BLOCK, (from, to) -> g.multiplyTransposed(z, l, y, from, to));
    double[] q = orthonormalize(y, n, l, blocks);
    for (int it = 0; it < powerIterations; it++) {
      double[] qi = q;
      blocks.forEach(m, BLOCK, (from, to) -> g.multiply(qi, l, z, from, to));
      blocks.forEach(n, BLOCK, (from, to) -> g.multiplyTransposed(z, l, y, from, to));
      q = orthonormalize(y, n, l, blocks);
    }
    double[] qf = q;
    blocks.forEach(m, BLOCK, (from, to) -> g.multiply(qf, l, z, from, to));
    // Rayleigh-Ritz: the eigenpairs of Q'R~'R~Q = (R~Q)'(R~Q) are the squared singular values and the rotation.
    DMatrixRMaj small = new DMatrixRMaj(l, l);
    small.data = gram(z, m, l, blocks);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(l, true, true);
    if (!eig.decompose(small)) {
      throw new IllegalStateException("the " + l + " x " + l + " eigen-decomposition did not converge");
    }
    int[] order = descending(eig, l);
    double[] sv = new double[rank];
    double[] w = new double[l * rank];
    for (int c = 0; c < rank; c++) {
      sv[c] = Math.sqrt(Math.max(0, eig.getEigenvalue(order[c]).getReal()));
      DMatrixRMaj v = eig.getEigenVector(order[c]);
      for (int r = 0; r < l; r++) {
        w[r * rank + c] = v.data[r];
      }
    }
    float[] vectors = new float[n * rank];
    double[] qq = q;
    blocks.forEach(n, BLOCK, (from, to) -> {
      for (int i = from; i < to; i++) {
        for (int c = 0; c < rank; c++) {
          double s = 0;
          for (int r = 0; r < l; r++) {
            s += qq[i * l + r] * w[r * rank + c];
          }
          vectors[i * rank + c] = (float) s;
        }
      }
    });
    return new Result(rank, vectors, sv);
  }

  /** Indexes of the eigenvalues, largest first (ties by index, so the order is deterministic). */
  private static int[] descending(EigenDecomposition_F64<DMatrixRMaj> eig, int l) {
    double[] values = new double[l];
    Integer[] order = new Integer[l];
    for (int k = 0; k < l; k++) {
      values[k] = eig.getEigenvalue(k).getReal();
      order[k] = k;
    }
    java.util.Arrays.sort(order, (a, b) -> values[a] != values[b] ? Double.compare(values[b], values[a])
        : Integer.compare(a, b));
    int[] out = new int[l];
    for (int k = 0; k < l; k++) {
      out[k] = order[k];
    }
    return out;
  }

  /** An orthonormal basis of the columns of {@code y} ({@code rows x l}, row-major), in a new array. */
  static double[] orthonormalize(double[] y, int rows, int l, Blocks blocks) {
    if ((long) rows * l * l > SMALL_QR) {
      double[] q = y.clone();
      if (choleskyPass(q, rows, l, blocks) && choleskyPass(q, rows, l, blocks)) {
        return q;
      }
    }
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(rows, l);
    DMatrixRMaj a = DMatrixRMaj.wrap(rows, l, y.clone());
    if (!qr.decompose(a)) {
      throw new IllegalStateException("QR of a " + rows + " x " + l + " matrix failed");
    }
    return qr.getQ(null, true).data;
  }

  /** One CholeskyQR pass in place: {@code q <- q L^-T}; false if {@code q'q} is not numerically definite. */
  private static boolean choleskyPass(double[] q, int rows, int l, Blocks blocks) {
    DMatrixRMaj g = DMatrixRMaj.wrap(l, l, gram(q, rows, l, blocks));
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(l, true);
    if (!chol.decompose(g)) {
      return false;
    }
    double[] f = chol.getT(null).data;
    for (int k = 0; k < l; k++) {
      // A pivot this small relative to the largest means the columns are dependent to working precision.
      if (!(f[k * l + k] > 1e-7 * f[0])) {
        return false;
      }
    }
    blocks.forEach(rows, BLOCK, (from, to) -> {
      for (int r = from; r < to; r++) {
        int o = r * l;
        // Solve x L' = y for the row: forward substitution with the rows of the lower factor L.
        for (int a = 0; a < l; a++) {
          double s = q[o + a];
          for (int b = 0, fa = a * l; b < a; b++) {
            s -= f[fa + b] * q[o + b];
          }
          q[o + a] = s / f[a * l + a];
        }
      }
    });
    return true;
  }

  /** {@code y'y} ({@code l x l}, row-major) of a {@code rows x l} matrix, summed over fixed blocks in order. */
  static double[] gram(double[] y, int rows, int l, Blocks blocks) {
    int count = (rows + BLOCK - 1) / BLOCK;
    double[][] parts = new double[count][];
    blocks.forEach(rows, BLOCK, (from, to) -> {
      double[] p = new double[l * l];
      for (int r = from; r < to; r++) {
        int o = r * l;
        for (int a = 0; a < l; a++) {
          double ya = y[o + a];
          if (ya == 0) {
            continue;
          }
          for (int b = a, pa = a * l; b < l; b++) {
            p[pa + b] += ya * y[o + b];
          }
        }
      }
      parts[from / BLOCK] = p;
    });
    double[] g = new double[l * l];
    for (double[] p : parts) {
      for (int k = 0; k < g.length; k++) {
        g[k] += p[k];
      }
    }
    for (int a = 0; a < l; a++) {
      for (int b = 0; b < a; b++) {
        g[a * l + b] = g[b * l + a];
      }
    }
    return g;
  }
}
