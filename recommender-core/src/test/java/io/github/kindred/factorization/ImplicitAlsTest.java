package io.github.kindred.factorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.Query;
import org.junit.jupiter.api.Test;

/**
 * Implicit ALS against its normal equations, written out over every item with the full confidence matrix (no Gram
 * trick), and the determinism the trainer promises.
 */
class ImplicitAlsTest {
  private static final int F = 4;

  private static ImplicitAlsConfig config(AlsSolver solver, int cgSteps) {
    return new ImplicitAlsConfig(F, 4, 0.5f, 2f, 7L, 1, solver, cgSteps, 0f);
  }

  /**
   * Max over coordinates of {@code |(Y^T C_u Y + reg I) x_u - Y^T C_u p_u|}, relative to {@code max |rhs|}, with
   * {@code C_u = diag(1 + alpha * r_ui)} over all items ({@code r_ui = 0} where nothing is stored), and the
   * penalty {@code reg * (n_u / (nnz / users))^exponent}.
   */
  private static double normalEquationResidual(ImplicitAlsModel model, InteractionMatrix m, int u) {
    ImplicitAlsConfig c = model.config();
    int n = m.columns();
    float[] y = model.itemFactors();
    float[] x = new float[F];
    model.userVector(u, x);
    double reg = c.regularization() * Math.pow(m.rowSize(u) / ((double) m.nnz() / m.rows()),
        c.regularizationExponent());
    double[] lhs = new double[F];
    double[] rhs = new double[F];
    for (int i = 0; i < n; i++) {
      double r = m.get(u, i);
      double conf = 1 + c.alpha() * r;
      double pref = m.contains(u, i) ? 1 : 0;
      double yx = 0;
      for (int s = 0; s < F; s++) {
        yx += y[i * F + s] * x[s];
      }
      for (int s = 0; s < F; s++) {
        lhs[s] += conf * y[i * F + s] * yx;
        rhs[s] += conf * pref * y[i * F + s];
      }
    }
    double worst = 0;
    double scale = 0;
    for (int s = 0; s < F; s++) {
      lhs[s] += reg * x[s];
      worst = Math.max(worst, Math.abs(lhs[s] - rhs[s]));
      scale = Math.max(scale, Math.abs(rhs[s]));
    }
    return worst / scale;
  }

  @Test
  void choleskyUserVectorsSatisfyTheirNormalEquations() {
    Dataset data = TestData.random(12, 9, 0.4, 1L);
    ImplicitAlsModel model = new ImplicitAlsTrainer(config(AlsSolver.CHOLESKY, 1)).fit(data);
    for (int u = 0; u < data.userCount(); u++) {
      assertThat(normalEquationResidual(model, data.matrix(), u)).as("user %d", u).isLessThan(1e-4);
    }
  }

  @Test
  void frequencyScaledPenaltyStillSolvesEachUsersNormalEquationsAndFoldsInAlike() {
    Dataset data = TestData.random(12, 9, 0.4, 11L);
    ImplicitAlsModel model =
        new ImplicitAlsTrainer(config(AlsSolver.CHOLESKY, 1).withRegularizationExponent(0.7f)).fit(data);
    InteractionMatrix m = data.matrix();
    float[] trained = new float[F];
    float[] folded = new float[F];
    for (int u = 0; u < data.userCount(); u++) {
      assertThat(normalEquationResidual(model, m, u)).as("user %d", u).isLessThan(1e-4);
      model.userVector(u, trained);
      model.foldIn(m.row(u), m.rowValues(u), folded);
      for (int s = 0; s < F; s++) {
        assertThat(folded[s]).as("user %d, factor %d", u, s).isCloseTo(trained[s], within(1e-5f));
      }
    }
    // The scaling must matter, or the check above would not test it.
    ImplicitAlsModel flat = new ImplicitAlsTrainer(config(AlsSolver.CHOLESKY, 1)).fit(data);
    assertThat(normalEquationResidual(flat, m, 1)).isLessThan(1e-4);
    assertThat(model.userFactors()).isNotEqualTo(flat.userFactors());
  }

  @Test
  void conjugateGradientWithEnoughStepsConvergesToTheSameVectors() {
    Dataset data = TestData.random(12, 9, 0.4, 2L);
    ImplicitAlsModel exact = new ImplicitAlsTrainer(config(AlsSolver.CHOLESKY, 1)).fit(data);
    // In exact arithmetic F steps solve an F-dimensional system; 4F leave room for rounding.
    ImplicitAlsModel cg = new ImplicitAlsTrainer(config(AlsSolver.CG, 4 * F)).fit(data);
    float[] a = exact.userFactors();
    float[] b = cg.userFactors();
    for (int k = 0; k < a.length; k++) {
      assertThat(b[k]).as("user factor %d", k).isCloseTo(a[k], within(1e-4f));
    }
    for (int u = 0; u < data.userCount(); u++) {
      assertThat(normalEquationResidual(cg, data.matrix(), u)).as("user %d", u).isLessThan(1e-4);
    }
  }

  @Test
  void foldInEqualsTheTrainedUserSolve() {
    Dataset data = TestData.random(10, 8, 0.5, 3L);
    ImplicitAlsModel model = new ImplicitAlsTrainer(config(AlsSolver.CHOLESKY, 1)).fit(data);
    InteractionMatrix m = data.matrix();
    float[] trained = new float[F];
    float[] folded = new float[F];
    for (int u = 0; u < m.rows(); u++) {
      model.userVector(u, trained);
      model.foldIn(m.row(u), m.rowValues(u), folded);
      for (int s = 0; s < F; s++) {
        assertThat(folded[s]).as("user %d, factor %d", u, s).isCloseTo(trained[s], within(1e-5f));
      }
    }
  }

  @Test
  void anonymousQueryIsScoredWithTheFoldedInVector() {
    Dataset data = TestData.random(10, 8, 0.5, 4L);
    ImplicitAlsModel model = new ImplicitAlsTrainer(config(AlsSolver.CG, 3)).fit(data);
    int[] history = {1, 4, 6};
    float[] weights = {1f, 3f, 2f};
    float[] u = new float[F];
    model.foldIn(history, weights, u);
    float[] scores = new float[8];
    model.score(Query.of(Query.ANONYMOUS, history, weights), scores);
    float[] v = new float[F];
    for (int i = 0; i < 8; i++) {
      model.itemVector(i, v);
      double dot = 0;
      for (int s = 0; s < F; s++) {
        dot += u[s] * v[s];
      }
      assertThat((double) scores[i]).isCloseTo(dot, within(1e-5));
    }
    model.score(Query.empty(), scores);
    assertThat(scores).containsOnly(0f);
  }

  @Test
  void knownUserIsScoredWithTheTrainedVector() {
    Dataset data = TestData.random(10, 8, 0.5, 5L);
    ImplicitAlsModel model = new ImplicitAlsTrainer(config(AlsSolver.CG, 3)).fit(data);
    float[] u = new float[F];
    model.userVector(3, u);
    float[] v = new float[F];
    float[] scores = new float[8];
    model.score(Query.forUser(3, data.matrix()), scores);
    for (int i = 0; i < 8; i++) {
      model.itemVector(i, v);
      double dot = 0;
      for (int s = 0; s < F; s++) {
        dot += u[s] * v[s];
      }
      assertThat((double) scores[i]).isCloseTo(dot, within(1e-5));
    }
  }

  @Test
  void sameSeedGivesTheSameModelBitForBitWhateverTheThreadCount() {
    // 200 users and 100 items: enough rows for the trainer to really use two threads.
    Dataset data = TestData.random(200, 100, 0.1, 6L);
    for (AlsSolver solver : AlsSolver.values()) {
      ImplicitAlsConfig c = new ImplicitAlsConfig(8, 3, 1f, 4f, 11L, 1, solver, 2, 0.5f);
      ImplicitAlsModel one = new ImplicitAlsTrainer(c).fit(data);
      ImplicitAlsModel again = new ImplicitAlsTrainer(c).fit(data);
      ImplicitAlsModel two = new ImplicitAlsTrainer(c.withThreads(2)).fit(data);
      assertThat(again.userFactors()).isEqualTo(one.userFactors());
      assertThat(again.itemFactors()).isEqualTo(one.itemFactors());
      assertThat(two.userFactors()).isEqualTo(one.userFactors());
      assertThat(two.itemFactors()).isEqualTo(one.itemFactors());
      ImplicitAlsModel otherSeed = new ImplicitAlsTrainer(c.withSeed(12L)).fit(data);
      assertThat(otherSeed.userFactors()).isNotEqualTo(one.userFactors());
    }
  }

  @Test
  void invalidConfigurationNamesTheParameter() {
    ImplicitAlsConfig d = ImplicitAlsConfig.defaults();
    assertThatThrownBy(() -> d.withFactors(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("factors");
    assertThatThrownBy(() -> d.withIterations(0)).hasMessageContaining("iterations");
    assertThatThrownBy(() -> d.withRegularization(0f)).hasMessageContaining("regularization");
    assertThatThrownBy(() -> d.withAlpha(-1f)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> d.withAlpha(Float.POSITIVE_INFINITY)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> d.withThreads(0)).hasMessageContaining("threads");
    assertThatThrownBy(() -> d.withCgSteps(0)).hasMessageContaining("cgSteps");
    assertThatThrownBy(() -> d.withRegularizationExponent(-1f)).hasMessageContaining("regularizationExponent");
    assertThatThrownBy(() -> d.withSolver(null)).hasMessageContaining("solver");
    assertThat(AlsSolver.fromName("CG")).isEqualTo(AlsSolver.CG);
    assertThat(AlsSolver.fromName("cholesky")).isEqualTo(AlsSolver.CHOLESKY);
    assertThatThrownBy(() -> AlsSolver.fromName("lu")).hasMessageContaining("'lu'");
  }

  @Test
  void negativeValuesAreRejected() {
    InteractionLog log = InteractionLog.builder().add("a", "x", 1f).add("a", "y", -2f).build();
    assertThatThrownBy(() -> new ImplicitAlsTrainer(ImplicitAlsConfig.defaults()).fit(Dataset.of(log)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-2.0");
  }
}
