package io.github.kindred.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.Test;

/** The blocked sweep inverse against a hand-worked inverse, EJML's Cholesky inverse, and itself on more threads. */
class DenseInverseTest {
  @Test
  void invertsAHandWorkedThreeByThree() {
    // A = [[3,2,1],[2,4,2],[1,2,3]]: det 16, adjugate [[8,-4,0],[-4,8,-4],[0,-4,8]].
    double[] a = {3, 2, 1, 2, 4, 2, 1, 2, 3};
    assertThat(DenseInverse.invertLower(a, 3, 1)).isTrue();
    double[][] expected = {{0.5, -0.25, 0}, {-0.25, 0.5, -0.25}, {0, -0.25, 0.5}};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j <= i; j++) {
        assertThat(a[i * 3 + j]).as("P[%d][%d]", i, j).isCloseTo(expected[i][j], within(1e-12));
      }
    }
  }

  @Test
  void matchesEjmlAcrossSeveralBlocksAndARaggedLastBlock() {
    // 203 = 3 blocks of 64 and one of 11; the threaded path starts at 128.
    int n = 203;
    double[] a = randomSpd(n, 7);
    DMatrixRMaj m = new DMatrixRMaj(n, n);
    System.arraycopy(a, 0, m.data, 0, n * n);
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(n);
    assertThat(solver.setA(m)).isTrue();
    DMatrixRMaj inv = new DMatrixRMaj(n, n);
    solver.invert(inv);
    double[] one = a.clone();
    double[] two = a.clone();
    assertThat(DenseInverse.invertLower(one, n, 1)).isTrue();
    assertThat(DenseInverse.invertLower(two, n, 2)).isTrue();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        assertThat(one[i * n + j]).as("P[%d][%d]", i, j).isCloseTo(inv.get(i, j), within(1e-10));
        assertThat(two[i * n + j]).as("two threads, P[%d][%d]", i, j).isEqualTo(one[i * n + j]);
      }
    }
  }

  @Test
  void timesTheMatrixGivesTheIdentity() {
    // 261 = 4 blocks of 64 and one of 5 pivots (the ragged pivot tail of the 4 x 4 kernel), 16 row groups and 5
    // rows left over (one group of four, one single row).
    int n = 261;
    double[] a = randomSpd(n, 11);
    double[] p = a.clone();
    assertThat(DenseInverse.invertLower(p, n, 2)).isTrue();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += (k <= i ? p[i * n + k] : p[k * n + i]) * a[k * n + j];
        }
        assertThat(s).as("(P A)[%d][%d]", i, j).isCloseTo(i == j ? 1 : 0, within(1e-9));
      }
    }
  }

  @Test
  void reportsAMatrixThatIsNotPositiveDefinite() {
    // [[1,2],[2,1]] has eigenvalues 3 and -1.
    assertThat(DenseInverse.invertLower(new double[] {1, 2, 2, 1}, 2, 1)).isFalse();
    int n = 150;
    double[] a = randomSpd(n, 3);
    a[140 * n + 140] = -1;
    assertThat(DenseInverse.invertLower(a, n, 2)).isFalse();
  }

  /** {@code M M^T / n + I} for a random {@code n x n} matrix {@code M}: symmetric positive definite. */
  private static double[] randomSpd(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] m = new double[n * n];
    for (int k = 0; k < m.length; k++) {
      m[k] = r.nextDouble() - 0.5;
    }
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = i == j ? 1 : 0;
        for (int k = 0; k < n; k++) {
          s += m[i * n + k] * m[j * n + k] / n;
        }
        a[i * n + j] = s;
      }
    }
    return a;
  }
}
