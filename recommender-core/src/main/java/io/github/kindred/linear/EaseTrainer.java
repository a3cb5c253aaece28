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
 *       blocked, multi-threaded inverse of {@code DenseInverse} ({@code items^3} flops; 3,600 items take about
 *       2 s on 2 cores, against 20 s for EJML's single-threaded Cholesky inverse);</li>
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
        double[] p = gram(m);
        double lambda = config.lambda();
        for (int i = 0; i < n; i++) {
          p[i * n + i] += lambda;
        }
        // X^T X is positive semi-definite and lambda > 0, so this only fails on non-finite input.
        if (!DenseInverse.invertLower(p, n, pool)) {
          throw new IllegalStateException("EASE: X^T X + lambda I is not positive definite (lambda " + lambda + ")");
        }
        return new EaseModel(config, data.users(), data.items(), weights(p, n));
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

  /** {@code X^T X} as a dense row-major matrix, accumulated user by user over the CSR rows. */
  static double[] gram(InteractionMatrix m) {
    int n = m.columns();
    double[] a = new double[Math.multiplyExact(n, n)];
    int[] ptr = m.rowPointers();
    int[] cols = m.columnIndexes();
    float[] vals = m.values();
    for (int u = 0; u < m.rows(); u++) {
      for (int p = ptr[u]; p < ptr[u + 1]; p++) {
        int row = cols[p] * n;
        double v = vals[p];
        for (int q = ptr[u]; q < ptr[u + 1]; q++) {
          a[row + cols[q]] += v * vals[q];
        }
      }
    }
    return a;
  }

  /**
   * {@code B_ij = -P_ij / P_jj} off the diagonal, 0 on it, row-major in floats, from the lower triangle of
   * {@code P} (the upper one is not read).
   */
  static float[] weights(double[] p, int n) {
    double[] invDiag = new double[n];
    for (int j = 0; j < n; j++) {
      invDiag[j] = 1.0 / p[j * n + j];
    }
    float[] b = new float[n * n];
    for (int i = 0, off = 0; i < n; i++, off += n) {
      for (int j = 0; j < n; j++) {
        double pij = j <= i ? p[off + j] : p[j * n + i];
        b[off + j] = i == j ? 0f : (float) (-pij * invDiag[j]);
      }
    }
    return b;
  }
}
