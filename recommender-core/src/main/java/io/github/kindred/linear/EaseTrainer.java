package io.github.kindred.linear;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.Trainer;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * EASE, the embarrassingly shallow autoencoder (Steck 2019): an item-item weight matrix {@code B} that minimises
 * {@code ||X - X B||^2 + lambda ||B||^2} subject to {@code diag(B) = 0}. Its closed form is
 * {@code P = (X^T X + lambda I)^-1} and {@code B_ij = -P_ij / P_jj} for {@code i != j}, {@code B_jj = 0}.
 *
 * <p>Cost: {@code O(sum over users of |history|^2)} to build the Gram matrix and {@code O(items^3)} for the
 * Cholesky inverse (EJML, one thread), with {@code 20 * items^2} bytes of working memory; a dataset with more items
 * than {@link EaseConfig#maxItems()} is refused before anything is allocated. The solve is deterministic. Training
 * uses the matrix's stored values, so fit a binarised dataset for the usual implicit-feedback setting.
 * Thread-safe: a trainer holds only its configuration.
 */
public final class EaseTrainer implements Trainer<EaseModel> {
  private final EaseConfig config;

  /** Creates a trainer with {@code config}. */
  public EaseTrainer(EaseConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The configuration. */
  public EaseConfig config() {
    return config;
  }

  /**
   * Fits {@code data}.
   *
   * @throws IllegalArgumentException if the dataset has more items than {@link EaseConfig#maxItems()}
   */
  @Override
  public EaseModel fit(Dataset data) {
    InteractionMatrix m = data.matrix();
    int n = m.columns();
    if (n > config.maxItems()) {
      throw new IllegalArgumentException("EASE needs a dense items x items solve: the dataset has " + n
          + " items, more than maxItems " + config.maxItems() + "; it would take about "
          + (EaseConfig.solveBytes(n) >> 20) + " MiB and O(items^3) time (raise maxItems or use another model)");
    }
    DMatrixRMaj gram = gram(m);
    double lambda = config.lambda();
    for (int i = 0; i < n; i++) {
      gram.unsafe_set(i, i, gram.unsafe_get(i, i) + lambda);
    }
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(n);
    // X^T X is positive semi-definite and lambda > 0, so this only fails on non-finite input.
    if (!solver.setA(gram)) {
      throw new IllegalStateException("EASE: X^T X + lambda I is not positive definite (lambda " + lambda + ")");
    }
    DMatrixRMaj p = new DMatrixRMaj(n, n);
    solver.invert(p);
    return new EaseModel(config, data.users(), data.items(), weights(p));
  }

  /** {@code X^T X} as a dense matrix, accumulated user by user over the CSR rows. */
  static DMatrixRMaj gram(InteractionMatrix m) {
    int n = m.columns();
    DMatrixRMaj g = new DMatrixRMaj(n, n);
    double[] a = g.data;
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
    return g;
  }

  /** {@code B_ij = -P_ij / P_jj} off the diagonal, 0 on it, row-major in floats. */
  static float[] weights(DMatrixRMaj p) {
    int n = p.numRows;
    double[] a = p.data;
    double[] invDiag = new double[n];
    for (int j = 0; j < n; j++) {
      invDiag[j] = 1.0 / a[j * n + j];
    }
    float[] b = new float[n * n];
    for (int i = 0, off = 0; i < n; i++, off += n) {
      for (int j = 0; j < n; j++) {
        b[off + j] = i == j ? 0f : (float) (-a[off + j] * invDiag[j]);
      }
    }
    return b;
  }
}
