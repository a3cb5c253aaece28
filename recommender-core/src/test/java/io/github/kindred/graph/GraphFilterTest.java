package io.github.kindred.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.model.Query;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;

/**
 * The graph filter against values worked by hand on a 3 x 4 matrix, and against dense reference computations with
 * EJML's exact SVD.
 */
class GraphFilterTest {
  // Users u0 {i0, i1}, u1 {i1, i2, i3}, u2 {i0, i3}: user degrees 2, 3, 2; item degrees 2, 2, 1, 2.
  private static final int[][] SMALL = {{0, 1}, {1, 2, 3}, {0, 3}};

  static Dataset dataset(int[][] histories) {
    InteractionLog.Builder log = InteractionLog.builder();
    int items = 0;
    for (int[] h : histories) {
      for (int i : h) {
        items = Math.max(items, i + 1);
      }
    }
    // Items first appear in index order, so that item "iK" gets index K.
    boolean[] added = new boolean[items];
    for (int u = 0; u < histories.length; u++) {
      for (int i : histories[u]) {
        for (int k = 0; k < i; k++) {
          if (!added[k]) {
            throw new IllegalArgumentException("test data must introduce items in order");
          }
        }
        added[i] = true;
        log.add("u" + u, "i" + i, 1f);
      }
    }
    return Dataset.builder(log.build()).binary(true).build();
  }

  private static float[] score(GraphFilterModel m, Query q) {
    float[] s = new float[m.itemCount()];
    m.score(q, s);
    return s;
  }

  @Test
  void linearFilterMatchesTheHandWorkedClosedForm() {
    GraphFilterModel m = new GraphFilterTrainer(GraphFilterConfig.defaults().withRank(0)).fit(dataset(SMALL));
    // r = (1, 1, 0, 0). r R~' per user u is du^-1/2 * sum over its history items of di^-1/2:
    // u0: 2^-1/2 * 2 * 2^-1/2 = 1, u1: 3^-1/2 * 2^-1/2, u2: 2^-1/2 * 2^-1/2 = 1/2. Multiplying by R~ again gives
    // s_j = dj^-1/2 * sum over users of j of du^-1/2 * (r R~')_u:
    // s0 = 2^-1/2 (2^-1/2 * 1 + 2^-1/2 * 1/2) = 3/4, s1 = 1/2 + 1/6 = 2/3, s2 = 1/(3 sqrt 2), s3 = 1/6 + 1/4.
    float[] s = score(m, Query.ofItems(0, 1));
    assertThat(s[0]).isCloseTo(0.75f, within(1e-6f));
    assertThat(s[1]).isCloseTo(2f / 3, within(1e-6f));
    assertThat(s[2]).isCloseTo((float) (1 / (3 * Math.sqrt(2))), within(1e-6f));
    assertThat(s[3]).isCloseTo(5f / 12, within(1e-6f));
  }

  @Test
  void historyWeightsScaleLinearly() {
    GraphFilterModel m = new GraphFilterTrainer(GraphFilterConfig.defaults().withRank(2)).fit(dataset(SMALL));
    float[] a = score(m, Query.ofItems(2));
    float[] b = score(m, Query.of(Query.ANONYMOUS, new int[] {2}, new float[] {3f}));
    for (int j = 0; j < a.length; j++) {
      assertThat(b[j]).isCloseTo(3 * a[j], within(1e-5f));
    }
  }

  /** The normalised matrix of {@code histories} as a dense EJML matrix. */
  private static DMatrixRMaj normalized(int[][] histories, int items) {
    int users = histories.length;
    double[] di = new double[items];
    for (int[] h : histories) {
      for (int i : h) {
        di[i]++;
      }
    }
    DMatrixRMaj r = new DMatrixRMaj(users, items);
    for (int u = 0; u < users; u++) {
      for (int i : histories[u]) {
        r.set(u, i, 1 / Math.sqrt(histories[u].length * di[i]));
      }
    }
    return r;
  }

  @Test
  void fullRankSvdMatchesEjmlsExactSvd() {
    int[][] h = GraphFilterTestData.histories(9, 6, 3, 5L);
    DMatrixRMaj a = normalized(h, 6);
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(9, 6, false, true, false);
    assertThat(svd.decompose(a.copy())).isTrue();
    double[] exact = svd.getSingularValues().clone();
    java.util.Arrays.sort(exact);
    // rank 3 with 3 oversampled directions spans all 6 columns, so the Rayleigh-Ritz step is exact.
    GraphFilterModel m = new GraphFilterTrainer(new GraphFilterConfig(3, 0.3f, 0f, 1, 3, 1, 1L, 1, 64))
        .fit(dataset(h));
    double[] got = m.singularValues();
    assertThat(got).hasSize(3);
    for (int k = 0; k < 3; k++) {
      assertThat(got[k]).isCloseTo(exact[5 - k], within(1e-9));
    }
    // The largest singular value of a degree-normalised matrix is exactly 1.
    assertThat(got[0]).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void oneEulerAndOneRk4StepFollowTheirPolynomialsAndTheMergePoint() {
    // Two users who both hold i0 and i1: every degree is 2, R~ is all 1/2 and P = R~'R~ is all 1/2, a projector
    // (P^2 = P). For r = (1, 0): the linear part r P = (1/2, 1/2), an eigenvector of P with eigenvalue 1, so each
    // product with P leaves it unchanged. The top right singular vector of R~ is (1, 1)/sqrt 2 and the degrees are
    // equal, so the rank-1 low-pass part of r is also (1/2, 1/2). With h = 2.5 one Euler step multiplies by
    // 1 - h = -3/2 and one RK4 step by 1 - h + h^2/2 - h^3/6 + h^4/24 = (384 - 960 + 1200 - 1000 + 625) / 384
    // = 249/384. Early merge sharpens (1 + alpha)(1/2, 1/2); late merge adds alpha (1/2, 1/2) after.
    int[][] h = {{0, 1}, {0, 1}};
    // No oversampling: R~ has rank 1, and a second random direction would make the SVD's QR singular.
    GraphFilterConfig base = new GraphFilterConfig(1, 0.2f, 2.5f, 1, 0, 1, 42L, 1, 64);
    double rk4 = 249.0 / 384;
    double[][] cases = {
      {0, 0, 1.2 * 0.5 * -1.5}, {0, 1, 0.5 * -1.5 + 0.2 * 0.5},
      {1, 0, 1.2 * 0.5 * rk4}, {1, 1, 0.5 * rk4 + 0.2 * 0.5}};
    for (double[] c : cases) {
      GraphFilterConfig config = base.withSolver(GraphFilterConfig.Solver.values()[(int) c[0]])
          .withMerge(GraphFilterConfig.Merge.values()[(int) c[1]]);
      float[] got = score(new GraphFilterTrainer(config).fit(dataset(h)), Query.ofItems(0));
      assertThat(got[0]).as("%s", config).isCloseTo((float) c[2], within(1e-5f));
      assertThat(got[1]).as("%s", config).isCloseTo((float) c[2], within(1e-5f));
    }
  }

  @Test
  void rk4LateMergeMatchesTheRungeKuttaStagesOnTheDenseMatrices() {
    int[][] h = GraphFilterTestData.histories(12, 8, 3, 9L);
    int n = 8;
    DMatrixRMaj a = normalized(h, n);
    DMatrixRMaj p = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multTransA(a, a, p);
    float sharpen = 1.8f;
    int steps = 2;
    // rank 0: the low-pass part is off, so early and late merge coincide and only the solver is under test.
    GraphFilterModel m = new GraphFilterTrainer(GraphFilterConfig.defaults().withRank(0).withSharpen(sharpen)
        .withSteps(steps).withSolver(GraphFilterConfig.Solver.RK4)).fit(dataset(h));
    int[] history = h[7];
    double[] x = new double[n];
    for (int i : history) {
      for (int j = 0; j < n; j++) {
        x[j] += p.get(i, j);
      }
    }
    double dt = sharpen / steps;
    for (int s = 0; s < steps; s++) {
      // The classical stages of dx/dt = f(x) = -x P.
      double[] k1 = minusTimesP(x, p);
      double[] k2 = minusTimesP(axpy(x, dt / 2, k1), p);
      double[] k3 = minusTimesP(axpy(x, dt / 2, k2), p);
      double[] k4 = minusTimesP(axpy(x, dt, k3), p);
      for (int j = 0; j < n; j++) {
        x[j] += dt / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
      }
    }
    float[] got = score(m, Query.ofItems(history));
    for (int j = 0; j < n; j++) {
      assertThat(got[j]).as("item %d", j).isCloseTo((float) x[j], within(2e-5f));
    }
  }

  private static double[] minusTimesP(double[] x, DMatrixRMaj p) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        out[j] -= x[i] * p.get(i, j);
      }
    }
    return out;
  }

  private static double[] axpy(double[] x, double a, double[] y) {
    double[] out = x.clone();
    for (int j = 0; j < x.length; j++) {
      out[j] += a * y[j];
    }
    return out;
  }

  @Test
  void scoresMatchTheDenseFormulaWithSharpening() {
    int[][] h = GraphFilterTestData.histories(12, 8, 3, 9L);
    int n = 8;
    DMatrixRMaj a = normalized(h, n);
    int rank = 2;
    float alpha = 0.7f;
    float sharpen = 0.6f;
    int steps = 3;
    GraphFilterModel m = new GraphFilterTrainer(new GraphFilterConfig(rank, alpha, sharpen, steps, 6, 2, 3L, 1,
        64)).fit(dataset(h));
    // Reference: P = R~'R~ and the low-pass operator Di^-1/2 V V' Di^1/2 from EJML's exact SVD.
    DMatrixRMaj p = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multTransA(a, a, p);
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(12, n, false, true, false);
    assertThat(svd.decompose(a.copy())).isTrue();
    DMatrixRMaj vt = svd.getV(null, true);
    double[] sv = svd.getSingularValues();
    Integer[] order = {0, 1, 2, 3, 4, 5, 6, 7};
    java.util.Arrays.sort(order, (x, y) -> Double.compare(sv[y], sv[x]));
    double[] di = new double[n];
    for (int[] hu : h) {
      for (int i : hu) {
        di[i]++;
      }
    }
    int[] history = h[4];
    double[] x = new double[n];
    for (int j = 0; j < n; j++) {
      for (int i : history) {
        double low = 0;
        for (int c = 0; c < rank; c++) {
          low += vt.get(order[c], i) * vt.get(order[c], j);
        }
        x[j] += p.get(i, j) + alpha * low * Math.sqrt(di[j] / di[i]);
      }
    }
    for (int s = 0; s < steps; s++) {
      double[] next = x.clone();
      for (int j = 0; j < n; j++) {
        for (int i = 0; i < n; i++) {
          next[j] -= sharpen / steps * x[i] * p.get(i, j);
        }
      }
      x = next;
    }
    float[] got = score(m, Query.ofItems(history));
    for (int j = 0; j < n; j++) {
      assertThat(got[j]).as("item %d", j).isCloseTo((float) x[j], within(2e-5f));
    }
  }

  @Test
  void truncatedSvdIsOrthonormalAndIndependentOfThreads() {
    // 2,600 items x 106 columns exceeds the small-QR bound, so this runs CholeskyQR2 over several blocks.
    int[][] h = GraphFilterTestData.histories(3000, 2600, 6, 11L);
    Dataset d = dataset(h);
    // A random sparse graph has a flat spectrum (second singular value near 0.7), so the top Ritz value converges
    // like 0.7^(2 (2q + 1)): eight power iterations bring it within 1e-5 of the exact 1.
    GraphFilterConfig c = new GraphFilterConfig(90, 0.3f, 0f, 1, 16, 8, 7L, 1, 1024);
    GraphFilterModel one = new GraphFilterTrainer(c).fit(d);
    GraphFilterModel three = new GraphFilterTrainer(c.withThreads(3)).fit(d);
    assertThat(three.vectorArray()).isEqualTo(one.vectorArray());
    assertThat(three.singularValues()).isEqualTo(one.singularValues());
    float[] v = one.vectorArray();
    int n = 2600;
    int k = 90;
    for (int a = 0; a < k; a += 17) {
      for (int b = a; b < k; b += 13) {
        double dot = 0;
        for (int i = 0; i < n; i++) {
          dot += (double) v[i * k + a] * v[i * k + b];
        }
        assertThat(dot).as("v%d . v%d", a, b).isCloseTo(a == b ? 1 : 0, within(1e-5));
      }
    }
    assertThat(one.singularValues()[0]).isCloseTo(1.0, within(1e-4));
  }

  @Test
  void aFitThatNeedsMoreMemoryIsRefusedNamingTheLimit() {
    Dataset d = dataset(GraphFilterTestData.histories(3000, 2600, 6, 11L));
    assertThatThrownBy(() -> new GraphFilterTrainer(GraphFilterConfig.defaults().withMaxMemoryMb(1)).fit(d))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rank 256")
        .hasMessageContaining("maxMemoryMb 1");
  }

  @Test
  void defaultsFollowTheData() {
    // Gowalla: 29,858 users, 40,981 items, 810,128 pairs (density 0.07%).
    GraphFilterConfig gowalla = GraphFilterConfig.forData(29_858, 40_981, 810_128, 2);
    assertThat(gowalla.rank()).isEqualTo(256);
    assertThat(gowalla.sharpen()).isEqualTo(GraphFilterConfig.DEFAULT_SPARSE_SHARPEN);
    assertThat(gowalla.threads()).isEqualTo(2);
    // MovieLens 100K: 943 x 1,682, 100,000 pairs (6.3%): 1682 / 160 = 10, raised to the floor of 32; no sharpening.
    GraphFilterConfig ml = GraphFilterConfig.forData(943, 1682, 100_000, 1);
    assertThat(ml.rank()).isEqualTo(32);
    assertThat(ml.sharpen()).isZero();
    GraphFilterModel m = GraphFilterTrainer.fromData(1, c -> c.withAlpha(0.5f)).fit(dataset(SMALL));
    assertThat(m.config().alpha()).isEqualTo(0.5f);
    assertThat(m.config().rank()).isEqualTo(32);
    assertThat(m.rank()).isEqualTo(3);
  }

  @Test
  void invalidConfigurationsNameTheParameter() {
    GraphFilterConfig d = GraphFilterConfig.defaults();
    assertThatThrownBy(() -> d.withRank(-1)).hasMessage("rank must be >= 0, got -1");
    assertThatThrownBy(() -> d.withAlpha(Float.NaN)).hasMessage("alpha must be finite and >= 0, got NaN");
    assertThatThrownBy(() -> d.withSharpen(-0.5f)).hasMessage("sharpen must be finite and >= 0, got -0.5");
    assertThatThrownBy(() -> d.withSolver(null)).hasMessage("solver must be euler or rk4, got null");
    assertThatThrownBy(() -> d.withMerge(null)).hasMessage("merge must be early or late, got null");
    assertThatThrownBy(() -> d.withSteps(0)).hasMessage("steps must be >= 1, got 0");
    assertThatThrownBy(() -> new GraphFilterConfig(1, 0f, 0f, 1, -1, 0, 0L, 1, 1))
        .hasMessage("oversampling must be >= 0, got -1");
    assertThatThrownBy(() -> new GraphFilterConfig(1, 0f, 0f, 1, 0, -2, 0L, 1, 1))
        .hasMessage("powerIterations must be >= 0, got -2");
    assertThatThrownBy(() -> d.withThreads(0)).hasMessage("threads must be >= 1, got 0");
    assertThatThrownBy(() -> d.withMaxMemoryMb(0)).hasMessage("maxMemoryMb must be >= 1, got 0");
    assertThatThrownBy(() -> GraphFilterConfig.forData(0, 5, 3, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
