package io.github.kindred.data.synthetic;

import java.util.SplittableRandom;

/**
 * The seeded stream every random choice of {@link MarketplaceGenerator} comes from, with the few distributions it
 * draws from (uniform, Gaussian, Gamma, discrete by weights, permutations). One stream drawn in a fixed order makes
 * the marketplace a function of its configuration. Not thread-safe.
 */
final class Draws {
  private final SplittableRandom rnd;

  Draws(long seed) {
    this.rnd = new SplittableRandom(seed);
  }

  int nextInt(int bound) {
    return rnd.nextInt(bound);
  }

  double nextDouble() {
    return rnd.nextDouble();
  }

  double nextGaussian() {
    return rnd.nextGaussian();
  }

  /** A uniformly random permutation of {@code 0..n-1} (Fisher-Yates). */
  int[] permutation(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** A Gamma(shape, 1) draw (Marsaglia and Tsang 2000, with the usual boost for shape below 1). */
  double gamma(double shape) {
    if (shape < 1) {
      return gamma(shape + 1) * StrictMath.pow(rnd.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = rnd.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = rnd.nextDouble();
      if (StrictMath.log(u) < 0.5 * x * x + d - d * v + d * StrictMath.log(v)) {
        return d * v;
      }
    }
  }

  static double[] cumulative(double[] w) {
    double[] cdf = new double[w.length];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      sum += w[i];
      cdf[i] = sum;
    }
    return cdf;
  }

  /**
   * Draws an index from a cumulative weight table: the first entry whose cumulative weight exceeds a uniform draw,
   * which never lands on a zero-weight entry.
   */
  int draw(double[] cdf) {
    return search(cdf, cdf.length, rnd.nextDouble() * cdf[cdf.length - 1]);
  }

  /** The first index below {@code n} whose cumulative weight exceeds {@code r}. */
  static int search(double[] cdf, int n, double r) {
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cdf[mid] > r) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** Draws an index in {@code [0, n)} with probability proportional to {@code w}. */
  int drawWeighted(double[] w, int n) {
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += w[i];
    }
    double r = rnd.nextDouble() * total;
    int last = 0;
    for (int i = 0; i < n; i++) {
      if (w[i] > 0) {
        last = i;
        r -= w[i];
        if (r < 0) {
          return i;
        }
      }
    }
    return last;
  }
}
