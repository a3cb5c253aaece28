package io.github.kindred.factorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionMatrix;
import org.junit.jupiter.api.Test;

/**
 * The subspace (block) solver of implicit ALS: one block of all coordinates is the closed-form exact solve, a
 * smaller block only ever lowers the full objective, and the fit stays deterministic.
 */
class ImplicitAlsBlockTest {
  private static final int F = 6;

  private static ImplicitAlsConfig exact(int iterations) {
    return new ImplicitAlsConfig(F, iterations, 0.5f, 2f, 7L, 1, AlsSolver.CHOLESKY, 1, 0f);
  }

  /**
   * The iALS objective written out over every cell with its confidence (no Gram trick):
   * {@code sum_ui (1 + alpha r_ui)(p_ui - x_u.y_i)^2 + reg (sum |x_u|^2 + sum |y_i|^2)}, the flat penalty.
   */
  private static double loss(ImplicitAlsModel model, InteractionMatrix m) {
    ImplicitAlsConfig c = model.config();
    float[] x = model.userFactors();
    float[] y = model.itemFactors();
    double sum = 0;
    for (int u = 0; u < m.rows(); u++) {
      for (int i = 0; i < m.columns(); i++) {
        double dot = 0;
        for (int s = 0; s < F; s++) {
          dot += (double) x[u * F + s] * y[i * F + s];
        }
        double pref = m.contains(u, i) ? 1 : 0;
        double conf = 1 + c.alpha() * m.get(u, i);
        sum += conf * (pref - dot) * (pref - dot);
      }
    }
    double norms = 0;
    for (float v : x) {
      norms += (double) v * v;
    }
    for (float v : y) {
      norms += (double) v * v;
    }
    return sum + c.regularization() * norms;
  }

  @Test
  void oneBlockOfAllFactorsIsTheExactSolve() {
    Dataset data = TestData.random(12, 9, 0.4, 1L);
    ImplicitAlsModel full = new ImplicitAlsTrainer(exact(4)).fit(data);
    ImplicitAlsModel block = new ImplicitAlsTrainer(exact(4).withBlockSize(F)).fit(data);
    float[] a = full.userFactors();
    float[] b = block.userFactors();
    for (int k = 0; k < a.length; k++) {
      assertThat(b[k]).as("user factor %d", k).isCloseTo(a[k], within(1e-5f));
    }
    float[] ai = full.itemFactors();
    float[] bi = block.itemFactors();
    for (int k = 0; k < ai.length; k++) {
      assertThat(bi[k]).as("item factor %d", k).isCloseTo(ai[k], within(1e-5f));
    }
  }

  @Test
  void smallerBlocksLowerTheObjectiveEverySweepAndDifferFromTheExactSolve() {
    Dataset data = TestData.random(15, 11, 0.35, 3L);
    InteractionMatrix m = data.matrix();
    // Block 4 of 6 factors leaves a last block of 2: the uneven tail is exercised too.
    for (int blockSize : new int[] {1, 2, 4}) {
      double previous = Double.POSITIVE_INFINITY;
      for (int it = 1; it <= 8; it++) {
        // Same seed: the fit with it iterations continues the fit with it - 1.
        double l = loss(new ImplicitAlsTrainer(exact(it).withBlockSize(blockSize)).fit(data), m);
        assertThat(l).as("block %d, iteration %d", blockSize, it).isLessThanOrEqualTo(previous * (1 + 1e-6));
        previous = l;
      }
      float[] full = new ImplicitAlsTrainer(exact(1)).fit(data).userFactors();
      float[] part = new ImplicitAlsTrainer(exact(1).withBlockSize(blockSize)).fit(data).userFactors();
      assertThat(part).as("block %d", blockSize).isNotEqualTo(full);
    }
  }

  @Test
  void blockFitIsTheSameBitForBitWhateverTheThreadCount() {
    Dataset data = TestData.random(200, 100, 0.1, 6L);
    ImplicitAlsConfig c = new ImplicitAlsConfig(8, 3, 1f, 4f, 11L, 1, AlsSolver.CHOLESKY, 1, 0.5f, 3);
    ImplicitAlsModel one = new ImplicitAlsTrainer(c).fit(data);
    ImplicitAlsModel two = new ImplicitAlsTrainer(c.withThreads(2)).fit(data);
    assertThat(two.userFactors()).isEqualTo(one.userFactors());
    assertThat(two.itemFactors()).isEqualTo(one.itemFactors());
  }

  @Test
  void blockSizeIsValidatedWithThePreciseProblem() {
    ImplicitAlsConfig c = exact(2);
    assertThatThrownBy(() -> c.withBlockSize(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("blockSize must be between 0 (exact solve) and factors (6), got -1");
    assertThatThrownBy(() -> c.withBlockSize(7))
        .hasMessage("blockSize must be between 0 (exact solve) and factors (6), got 7");
    assertThatThrownBy(() -> c.withSolver(AlsSolver.CG).withBlockSize(2))
        .hasMessage("blockSize 2 needs solver cholesky, got solver cg (use blockSize 0)");
    assertThat(c.blockSize()).isZero();
    assertThat(c.withBlockSize(3).blockSize()).isEqualTo(3);
  }
}
