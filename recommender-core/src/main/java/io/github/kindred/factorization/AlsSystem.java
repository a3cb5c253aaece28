package io.github.kindred.factorization;

import io.github.kindred.math.Cholesky;

/**
 * The per-row least-squares problem of implicit ALS and the scratch to solve it; one instance per thread.
 *
 * <p>For a row (a user, or an item when the roles are swapped) with stored cells {@code (i, v_i)} and fixed factors
 * {@code Y}, the confidence of a cell is {@code c_i = 1 + alpha * v_i} and its preference is 1; all other cells have
 * confidence 1 and preference 0. The vector {@code x} minimising
 * {@code sum_i c_i (p_i - x.y_i)^2 + reg |x|^2} over all columns solves
 * {@code (Y^T Y + sum_i (c_i - 1) y_i y_i^T + reg I) x = sum_i c_i y_i}. The Gram matrix {@code Y^T Y} is shared by
 * every row (Hu, Koren and Volinsky 2008), so a row costs {@code O(n * f^2 + f^3)} exactly, or
 * {@code O(steps * (f^2 + n * f))} with conjugate gradient, never {@code O(columns * f^2)}.
 *
 * <p>Not thread-safe: it owns mutable scratch.
 */
final class AlsSystem {
  private final int f;
  private final double[] a;
  private final double[] b;
  private final float[] x;
  private final float[] r;
  private final float[] p;
  private final float[] ap;
  /** The block solver's vector in double precision and its block's old values. */
  private final double[] xd;
  private final double[] oldBlock;
  private final double[] gx;
  /** The block solver's predictions {@code y_i . x} of the row's cells; grown to the longest row seen. */
  private double[] pred = new double[0];

  AlsSystem(int factors) {
    this.f = factors;
    this.a = new double[factors * factors];
    this.b = new double[factors];
    this.x = new float[factors];
    this.r = new float[factors];
    this.p = new float[factors];
    this.ap = new float[factors];
    this.xd = new double[factors];
    this.oldBlock = new double[factors];
    this.gx = new double[factors];
  }

  /**
   * The penalty of a row with {@code count} stored cells on a side whose rows have {@code meanCount} cells on
   * average: {@code reg * (max(count, 1) / meanCount)^exponent} (see {@link ImplicitAlsConfig}).
   */
  static double rowRegularization(double reg, int count, double meanCount, double exponent) {
    if (exponent == 0) {
      return reg;
    }
    return reg * Math.pow(Math.max(count, 1) / meanCount, exponent);
  }

  /**
   * The full symmetric {@code Y^T Y} of the first {@code rows} rows of {@code y}, in double precision. Rows are
   * added in index order so the result does not depend on threads.
   */
  static double[] gram(float[] y, int rows, int f) {
    double[] g = new double[f * f];
    for (int i = 0, off = 0; i < rows; i++, off += f) {
      for (int s = 0; s < f; s++) {
        double ys = y[off + s];
        int row = s * f;
        for (int t = s; t < f; t++) {
          g[row + t] += ys * y[off + t];
        }
      }
    }
    for (int s = 0; s < f; s++) {
      for (int t = 0; t < s; t++) {
        g[s * f + t] = g[t * f + s];
      }
    }
    return g;
  }

  /**
   * Solves the system exactly by Cholesky and writes the solution to {@code out[outOff..outOff+f)}.
   *
   * @param gram {@code Y^T Y}, full symmetric {@code f x f}
   * @param y the fixed factors, row-major
   * @param yRows the number of rows of {@code y}; cells whose index is not below it are ignored
   * @param idx column indexes of the row's cells, read from {@code from} to {@code to}
   * @param vals the cells' values, aligned with {@code idx}
   * @param reg the regularisation, {@code > 0}
   * @param alpha the confidence scale
   * @throws IllegalStateException if the system is not numerically positive definite
   */
  void solveExact(double[] gram, float[] y, int yRows, int[] idx, float[] vals, int from, int to, double reg,
      double alpha, float[] out, int outOff) {
    System.arraycopy(gram, 0, a, 0, f * f);
    for (int s = 0; s < f; s++) {
      a[s * f + s] += reg;
      b[s] = 0;
    }
    for (int k = from; k < to; k++) {
      int i = idx[k];
      if (i >= yRows) {
        continue;
      }
      double c = 1 + alpha * vals[k];
      double extra = c - 1;
      int off = i * f;
      // Only the lower triangle is read by the factorisation, so only it is accumulated.
      for (int s = 0; s < f; s++) {
        double ys = y[off + s];
        double e = extra * ys;
        int row = s * f;
        for (int t = 0; t <= s; t++) {
          a[row + t] += e * y[off + t];
        }
        b[s] += c * ys;
      }
    }
    if (!Cholesky.solveInPlace(a, b, f)) {
      throw new IllegalStateException("implicit ALS: a row's system is not positive definite (regularization "
          + reg + ", alpha " + alpha + "); are some values negative?");
    }
    for (int s = 0; s < f; s++) {
      out[outOff + s] = (float) b[s];
    }
  }

  /**
   * One sweep of block coordinate descent on the same system as {@link #solveExact} (iALS++, Rendle et al. 2021):
   * for each block {@code B} of {@code block} consecutive coordinates, solves exactly
   * {@code A_BB x_B = b_B - A_B,rest x_rest} with the other coordinates at their current values, starting from the
   * vector in {@code target[off..off+f)}, and writes the result back. Each block step minimises the row's convex
   * loss over that block, so the loss never rises. Keeping the cells' predictions {@code y_i . x} up to date makes
   * a block cost {@code O(n * block^2 + block^3 + block * f)}, so a sweep costs
   * {@code O(n * f * block + f * block^2 + f^2)}. With {@code block == f} it is the exact solve.
   *
   * @param block the block size, {@code 1..f}
   * @throws IllegalStateException if a block's system is not numerically positive definite
   */
  void solveBlock(double[] gram, float[] y, int yRows, int[] idx, float[] vals, int from, int to, double reg,
      double alpha, int block, float[] target, int off) {
    int n = to - from;
    if (pred.length < n) {
      pred = new double[Math.max(n, pred.length * 2)];
    }
    for (int s = 0; s < f; s++) {
      xd[s] = target[off + s];
    }
    for (int k = from; k < to; k++) {
      int i = idx[k];
      if (i < yRows) {
        double d = 0;
        for (int s = 0, yo = i * f; s < f; s++) {
          d += y[yo + s] * xd[s];
        }
        pred[k - from] = d;
      }
    }
    // gx = G x, kept up to date block by block; built and updated row by row of G (G is symmetric), so every pass
    // is an axpy the JIT vectorises: a dot-product reduction over doubles stays scalar and made this f^2 term the
    // bottleneck at 256 factors.
    java.util.Arrays.fill(gx, 0);
    for (int t = 0; t < f; t++) {
      axpy(xd[t], gram, t * f, gx, f);
    }
    for (int s0 = 0; s0 < f; s0 += block) {
      int bs = Math.min(block, f - s0);
      // a = G_BB + reg I (lower triangle read), b = -(G x)_B + G_BB x_B = -G_B,rest x_rest.
      for (int p = 0; p < bs; p++) {
        int grow = (s0 + p) * f;
        double gbx = 0;
        for (int q = 0; q < bs; q++) {
          a[p * bs + q] = gram[grow + s0 + q];
          gbx += gram[grow + s0 + q] * xd[s0 + q];
        }
        a[p * bs + p] += reg;
        b[p] = gbx - gx[s0 + p];
      }
      for (int k = from; k < to; k++) {
        int i = idx[k];
        if (i >= yRows) {
          continue;
        }
        double c = 1 + alpha * vals[k];
        double extra = c - 1;
        int yo = i * f + s0;
        double inBlock = 0;
        for (int p = 0; p < bs; p++) {
          inBlock += y[yo + p] * xd[s0 + p];
        }
        // Cell's contribution: extra * y_B y_B^T on the left, c * y_B - extra * y_B (y_rest . x_rest) on the right.
        double w = c - extra * (pred[k - from] - inBlock);
        for (int p = 0; p < bs; p++) {
          double e = extra * y[yo + p];
          int row = p * bs;
          for (int q = 0; q <= p; q++) {
            a[row + q] += e * y[yo + q];
          }
          b[p] += w * y[yo + p];
        }
      }
      if (!Cholesky.solveInPlace(a, b, bs)) {
        throw new IllegalStateException("implicit ALS: a block's system is not positive definite (regularization "
            + reg + ", alpha " + alpha + "); are some values negative?");
      }
      for (int p = 0; p < bs; p++) {
        oldBlock[p] = xd[s0 + p];
        xd[s0 + p] = b[p];
        axpy(b[p] - oldBlock[p], gram, (s0 + p) * f, gx, f);
      }
      for (int k = from; k < to; k++) {
        int i = idx[k];
        if (i < yRows) {
          double d = 0;
          for (int p = 0, yo = i * f + s0; p < bs; p++) {
            d += y[yo + p] * (xd[s0 + p] - oldBlock[p]);
          }
          pred[k - from] += d;
        }
      }
    }
    for (int s = 0; s < f; s++) {
      target[off + s] = (float) xd[s];
    }
  }

  /**
   * Improves the vector in {@code target[off..off+f)} by at most {@code steps} conjugate-gradient steps on the same
   * system as {@link #solveExact}, starting from the vector already there, and writes the result back.
   *
   * <p>Works in single precision, as the factors are stored: a few warm-started steps stop far above float
   * round-off, and float vectors let the JIT use twice as many SIMD lanes in the {@code axpy} loops.
   *
   * @param gram {@code Y^T Y} rounded to float, full symmetric {@code f x f}
   */
  void solveCg(float[] gram, float[] y, int[] idx, float[] vals, int from, int to, double reg, double alpha,
      int steps, float[] target, int off) {
    float regF = (float) reg;
    float alphaF = (float) alpha;
    System.arraycopy(target, off, x, 0, f);
    // r = b - A x, with b = sum c_i y_i and A x = (G + reg I) x + sum (c_i - 1)(y_i.x) y_i.
    multiplyGram(gram, regF, x, r);
    for (int s = 0; s < f; s++) {
      r[s] = -r[s];
    }
    for (int k = from; k < to; k++) {
      int yo = idx[k] * f;
      float extra = alphaF * vals[k];
      axpy(1 + extra - extra * dot(y, yo, x, f), y, yo, r, f);
    }
    float rs = 0;
    for (int s = 0; s < f; s++) {
      p[s] = r[s];
      rs += r[s] * r[s];
    }
    for (int step = 0; step < steps && rs > 1e-20f; step++) {
      multiplyGram(gram, regF, p, ap);
      for (int k = from; k < to; k++) {
        int yo = idx[k] * f;
        axpy(alphaF * vals[k] * dot(y, yo, p, f), y, yo, ap, f);
      }
      float pap = dot(p, 0, ap, f);
      float stepSize = rs / pap;
      float rsNew = 0;
      for (int s = 0; s < f; s++) {
        x[s] += stepSize * p[s];
        r[s] -= stepSize * ap[s];
        rsNew += r[s] * r[s];
      }
      float beta = rsNew / rs;
      for (int s = 0; s < f; s++) {
        p[s] = r[s] + beta * p[s];
      }
      rs = rsNew;
    }
    System.arraycopy(x, 0, target, off, f);
  }

  /**
   * {@code a[ao..ao+n) . v[0..n)} with four independent partial sums, which shortens the chain of dependent adds:
   * a single running sum made the default MovieLens 100K fit about 20% slower (1.44 to 1.67 s of thread time against
   * 1.05 to 1.36 s, one thread on a loaded machine); eight sums were no faster than four.
   */
  private static float dot(float[] a, int ao, float[] v, int n) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int s = 0;
    for (; s + 3 < n; s += 4) {
      s0 += a[ao + s] * v[s];
      s1 += a[ao + s + 1] * v[s + 1];
      s2 += a[ao + s + 2] * v[s + 2];
      s3 += a[ao + s + 3] * v[s + 3];
    }
    for (; s < n; s++) {
      s0 += a[ao + s] * v[s];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** {@code out[0..n) += w * y[yo..yo+n)}. */
  private static void axpy(float w, float[] y, int yo, float[] out, int n) {
    for (int s = 0; s < n; s++) {
      out[s] += w * y[yo + s];
    }
  }

  /** {@code out[0..n) += w * y[yo..yo+n)} in double precision. */
  private static void axpy(double w, double[] y, int yo, double[] out, int n) {
    for (int s = 0; s < n; s++) {
      out[s] += w * y[yo + s];
    }
  }

  /** {@code out = (gram + reg I) v}. */
  private void multiplyGram(float[] gram, float reg, float[] v, float[] out) {
    for (int s = 0; s < f; s++) {
      out[s] = reg * v[s];
    }
    // Column by column (the matrix is symmetric, so column t is row t): each pass is a vectorisable axpy.
    for (int t = 0, row = 0; t < f; t++, row += f) {
      axpy(v[t], gram, row, out, f);
    }
  }

  /** {@code gram} rounded to float, for {@link #solveCg}. */
  static float[] toFloat(double[] gram) {
    float[] g = new float[gram.length];
    for (int k = 0; k < g.length; k++) {
      g[k] = (float) gram[k];
    }
    return g;
  }
}
