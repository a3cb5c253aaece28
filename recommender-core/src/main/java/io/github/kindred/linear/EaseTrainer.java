package io.github.kindred.linear;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.Trainer;
import java.util.Objects;

/**
 * EASE, the embarrassingly shallow autoencoder (Steck 2019): an item-item weight matrix {@code B} that minimises
 * {@code ||X - X B||^2 + lambda ||B||^2} subject to {@code diag(B) = 0}. Its closed form is
 * {@code P = (X^T X + lambda I)^-1} and {@code B_ij = -P_ij / P_jj} for {@code i != j}, {@code B_jj = 0}.
 *
 * <p>Two solves, picked from the catalogue size before anything large is allocated:
 * <ul>
 *   <li>dense, when the dataset has at most {@link EaseConfig#maxItems()} items and the {@code 12 * items^2} bytes
 *       of the solve fit in the free heap: the Gram matrix ({@code O(sum over users of |history|^2)}) and the
 *       blocked, multi-threaded inverse of {@code DenseInverse} ({@code items^3} flops; MovieLens 1M's shape, 3,600
 *       items by 6,000 users with 165 items each, fits in 2.8 s on 2 cores in {@code EaseTrainingBenchmark}, where
 *       EJML's Cholesky inverse alone takes 15.1 s single-threaded and 13.0 s multi-threaded);</li>
 *   <li>neighbourhood, otherwise: each column of {@code B} restricted to the item's
 *       {@link EaseConfig#neighbors()} most co-occurring items, a small dense solve per item over a sparse Gram
 *       matrix (see {@code NeighborhoodEase}); its memory bound is checked against the free heap first.</li>
 * </ul>
 * Both are deterministic and independent of the thread count. Training uses the matrix's stored values, so fit a
 * binarised dataset for the usual implicit-feedback setting. Thread-safe: a trainer holds only its configuration.
 */
public final class EaseTrainer implements Trainer<EaseModel> {
  private final EaseConfig config;

  /**
   * Creates a trainer with {@code config}.
   *
   * @param config the configuration
   */
  public EaseTrainer(EaseConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * The configuration.
   *
   * @return the configuration
   */
  public EaseConfig config() {
    return config;
  }

  /**
   * Fits {@code data}.
   *
   * @param data the training data, values {@code >= 0}
   * @return the model
   * @throws IllegalArgumentException if a stored value is negative, or if the neighbourhood solve
   *     would need more memory than the heap has free
   */
  @Override
  public EaseModel fit(Dataset data) {
    return fit(data, freeHeapBytes());
  }

  /** Fits {@code data} as if the heap had {@code free} bytes free (tests exercise the memory check with it). */
  EaseModel fit(Dataset data, long free) {
    InteractionMatrix m = data.matrix();
    // Least squares would silently fit a negative value as a weaker positive; non-finite ones never reach a matrix.
    data.requireNonNegativeValues("EASE");
    int n = m.columns();
    try (Parallel pool = new Parallel(config.threads())) {
      if (n <= config.maxItems() && EaseConfig.solveBytes(n) <= free) {
        double[] p = gram(m, pool);
        double lambda = config.lambda();
        for (int i = 0; i < n; i++) {
          p[i * n + i] += lambda;
        }
        // X^T X is positive semi-definite and lambda > 0, so this only fails on non-finite input.
        if (!DenseInverse.invertLower(p, n, pool)) {
          throw new IllegalStateException("EASE: X^T X + lambda I is not positive definite (lambda " + lambda + ")");
        }
        return new EaseModel(config, data.users(), data.items(), weights(p, n, pool));
      }
      long need = NeighborhoodEase.estimateBytes(m, config.neighbors(), config.threads());
      if (need > free) {
        throw new IllegalArgumentException("EASE: " + n + " items are above the dense limit (maxItems "
            + config.maxItems() + " or the free heap), and the neighbourhood solve with neighbors "
            + config.neighbors() + " needs up to " + (need >> 20) + " MiB, more than the " + (free >> 20)
            + " MiB of free heap; lower neighbors or give the JVM more memory (-Xmx)");
      }
      NeighborhoodEase.Sparse b = NeighborhoodEase.solve(m, config.lambda(), config.neighbors(), pool);
      return new EaseModel(config, data.users(), data.items(), b.pointers(), b.ids(), b.values());
    }
  }

  /** Heap the JVM can still allocate: its limit minus what is in use. */
  private static long freeHeapBytes() {
    Runtime rt = Runtime.getRuntime();
    return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
  }

  /** {@code X^T X} as a dense row-major matrix, on one thread. */
  static double[] gram(InteractionMatrix m) {
    try (Parallel one = new Parallel(1)) {
      return gram(m, one);
    }
  }

  /**
   * {@code X^T X} as a dense row-major matrix. Row {@code i} sums the rows of the users of item {@code i}, so each
   * output row is written by one thread, stays in cache while it is summed, and the result does not depend on the
   * thread count; summed user by user it was a single-threaded scatter over the whole matrix.
   */
  static double[] gram(InteractionMatrix m, Parallel pool) {
    int n = m.columns();
    double[] a = new double[Math.multiplyExact(n, n)];
    int[] ptr = m.rowPointers();
    int[] cols = m.columnIndexes();
    float[] vals = m.values();
    int[] colPtr = m.columnPointers();
    int[] users = m.rowIndexes();
    float[] colVals = m.columnValues();
    pool.forEach(n, (thread, i) -> {
      int row = i * n;
      for (int p = colPtr[i]; p < colPtr[i + 1]; p++) {
        int u = users[p];
        double x = colVals[p];
        for (int q = ptr[u]; q < ptr[u + 1]; q++) {
          a[row + cols[q]] += x * vals[q];
        }
      }
    });
    return a;
  }

  /** Rows of {@code B} filled per task by {@link #weights}: the upper part reads {@code P} in runs of this many. */
  private static final int WEIGHT_ROWS = 64;

  /**
   * {@code B_ij = -P_ij / P_jj} off the diagonal, 0 on it, row-major in floats, from the lower triangle of
   * {@code P} (the upper one is not read), in blocks of {@link #WEIGHT_ROWS} rows on the fit's threads. Entries
   * above the diagonal come from {@code P}'s column, read as a run of a block's width along a row of {@code P}
   * rather than one stride of {@code n} doubles per entry.
   */
  static float[] weights(double[] p, int n, Parallel pool) {
    double[] invDiag = new double[n];
    for (int j = 0; j < n; j++) {
      invDiag[j] = 1.0 / p[j * n + j];
    }
    float[] b = new float[n * n];
    pool.forEach((n + WEIGHT_ROWS - 1) / WEIGHT_ROWS, (thread, block) -> {
      int i0 = block * WEIGHT_ROWS;
      int i1 = Math.min(n, i0 + WEIGHT_ROWS);
      for (int i = i0; i < i1; i++) {
        for (int j = 0, off = i * n; j < i; j++) {
          b[off + j] = (float) (-p[off + j] * invDiag[j]);
        }
      }
      for (int j = i0 + 1; j < n; j++) {
        double inv = invDiag[j];
        for (int i = i0, end = Math.min(j, i1), pj = j * n; i < end; i++) {
          b[i * n + j] = (float) (-p[pj + i] * inv);
        }
      }
    });
    return b;
  }
}
