package io.github.kindred.linear;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The blocked, threaded B = I - P diag(1/diag P) against the formula applied entry by entry. */
class EaseWeightsTest {
  @Test
  void matchesTheFormulaAcrossRowBlocksFromTheLowerTriangleOnly() {
    // 150 rows = two blocks of 64 and a ragged one of 22.
    int n = 150;
    SplittableRandom r = new SplittableRandom(5);
    double[] p = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        p[i * n + j] = i == j ? 1 + r.nextDouble() : r.nextDouble() - 0.5;
      }
      for (int j = i + 1; j < n; j++) {
        // The upper triangle is not read: poison it.
        p[i * n + j] = Double.NaN;
      }
    }
    float[] b;
    try (Parallel pool = new Parallel(2)) {
      b = EaseTrainer.weights(p, n, pool);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double pij = j <= i ? p[i * n + j] : p[j * n + i];
        float expected = i == j ? 0f : (float) (-pij / p[j * n + j]);
        assertThat(b[i * n + j]).as("B[%d][%d]", i, j).isEqualTo(expected);
      }
    }
  }
}
