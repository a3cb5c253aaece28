package io.github.kindred.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.model.Query;
import org.junit.jupiter.api.Test;

/**
 * EASE against its closed form: a zero diagonal, the stationarity condition of the constrained problem, and each
 * column recomputed as an independent ridge regression of that item on the others.
 */
class EaseTest {
  // Five users over four items, binary. Hand-counted Gram matrix X^T X:
  // [[3,2,1,1],[2,3,2,1],[1,2,3,2],[1,1,2,3]].
  private static final int[][] HISTORIES = {{0, 1}, {0, 1, 2}, {1, 2, 3}, {2, 3}, {0, 3}};
  private static final double[][] GRAM = {{3, 2, 1, 1}, {2, 3, 2, 1}, {1, 2, 3, 2}, {1, 1, 2, 3}};
  private static final float LAMBDA = 1f;

  private static Dataset data() {
    // Items first appear in the order i0, i1, i2, i3, so their indexes are 0..3.
    InteractionLog.Builder log = InteractionLog.builder();
    for (int u = 0; u < HISTORIES.length; u++) {
      for (int i : HISTORIES[u]) {
        log.add("u" + u, "i" + i, 1f);
      }
    }
    return Dataset.builder(log.build()).binary(true).build();
  }

  private static EaseModel fit() {
    return new EaseTrainer(EaseConfig.defaults().withLambda(LAMBDA)).fit(data());
  }

  @Test
  void gramMatrixMatchesHandCount() {
    double[] g = EaseTrainer.gram(data().matrix());
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertThat(g[i * 4 + j]).as("G[%d][%d]", i, j).isEqualTo(GRAM[i][j]);
      }
    }
  }

  @Test
  void diagonalIsZero() {
    EaseModel model = fit();
    for (int i = 0; i < 4; i++) {
      assertThat(model.weight(i, i)).isEqualTo(0f);
    }
  }

  @Test
  void offDiagonalSatisfiesTheStationarityCondition() {
    // The Lagrangian of min ||X - XB||^2 + lambda ||B||^2 s.t. diag(B) = 0 gives (G + lambda I) B = G - diag(mu):
    // every off-diagonal entry of (G + lambda I) B - G is zero.
    EaseModel model = fit();
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        if (i == j) {
          continue;
        }
        double s = -GRAM[i][j];
        for (int k = 0; k < 4; k++) {
          s += (GRAM[i][k] + (i == k ? LAMBDA : 0)) * model.weight(k, j);
        }
        assertThat(s).as("row %d, column %d", i, j).isCloseTo(0.0, within(1e-5));
      }
    }
  }

  @Test
  void everyColumnIsTheRidgeRegressionOfItsItemOnTheOthers() {
    // Column j minimises ||X_j - X_{-j} b||^2 + lambda ||b||^2: b = (G_{-j,-j} + lambda I)^-1 G_{-j,j}.
    EaseModel model = fit();
    for (int j = 0; j < 4; j++) {
      int[] others = new int[3];
      for (int i = 0, n = 0; i < 4; i++) {
        if (i != j) {
          others[n++] = i;
        }
      }
      double[][] a = new double[3][4];
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 3; c++) {
          a[r][c] = GRAM[others[r]][others[c]] + (r == c ? LAMBDA : 0);
        }
        a[r][3] = GRAM[others[r]][j];
      }
      double[] b = gaussJordan(a);
      for (int r = 0; r < 3; r++) {
        assertThat((double) model.weight(others[r], j)).as("B[%d][%d]", others[r], j)
            .isCloseTo(b[r], within(1e-5));
      }
    }
  }

  @Test
  void scoreSumsTheHistoryRowsWithTheirWeights() {
    EaseModel model = fit();
    float[] scores = new float[4];
    model.score(Query.of(Query.ANONYMOUS, new int[] {0, 2}, new float[] {1f, 2f}), scores);
    for (int j = 0; j < 4; j++) {
      assertThat(scores[j]).isCloseTo(model.weight(0, j) + 2 * model.weight(2, j), within(1e-6f));
    }
    float[] similar = new float[4];
    model.similarTo(1, similar);
    for (int j = 0; j < 4; j++) {
      assertThat(similar[j]).isEqualTo(model.weight(1, j));
    }
  }

  @Test
  void aCatalogueAboveTheDenseLimitIsSolvedOverFullNeighbourhoodsExactly() {
    // With maxItems 3 the four items take the neighbourhood solve; with 3 neighbours every other item is in each
    // neighbourhood, which is EASE's own column regression, so the weights equal the dense ones.
    EaseModel dense = fit();
    EaseModel sparse = new EaseTrainer(EaseConfig.defaults().withLambda(LAMBDA).withMaxItems(3).withNeighbors(3))
        .fit(data());
    assertThat(dense.isSparse()).isFalse();
    assertThat(sparse.isSparse()).isTrue();
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertThat(sparse.weight(i, j)).as("B[%d][%d]", i, j).isCloseTo(dense.weight(i, j), within(1e-6f));
      }
    }
  }

  @Test
  void invalidConfigurationNamesTheParameter() {
    assertThatThrownBy(() -> new EaseConfig(0f, 10)).hasMessageContaining("lambda");
    assertThatThrownBy(() -> new EaseConfig(Float.NaN, 10)).hasMessageContaining("lambda");
    assertThatThrownBy(() -> new EaseConfig(1f, 0)).hasMessageContaining("maxItems");
  }

  /** Solves the augmented system {@code a = [A | b]} by Gauss-Jordan elimination with partial pivoting. */
  private static double[] gaussJordan(double[][] a) {
    int n = a.length;
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
          pivot = r;
        }
      }
      double[] t = a[c];
      a[c] = a[pivot];
      a[pivot] = t;
      for (int r = 0; r < n; r++) {
        if (r != c) {
          double k = a[r][c] / a[c][c];
          for (int k2 = c; k2 <= n; k2++) {
            a[r][k2] -= k * a[c][k2];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int r = 0; r < n; r++) {
      x[r] = a[r][n] / a[r][r];
    }
    return x;
  }
}
