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
