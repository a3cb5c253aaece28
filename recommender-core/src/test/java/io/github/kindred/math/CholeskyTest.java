package io.github.kindred.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CholeskyTest {
  @Test
  void solvesAHandWorkedSystemAndLeavesTheFactor() {
    // A = L L^T with L = [[2, 0, 0], [1, 3, 0], [-1, 2, 1]]: A = [[4, 2, -2], [2, 10, 5], [-2, 5, 6]].
    // For x = (1, -1, 2): b = A x = (4 - 2 - 4, 2 - 10 + 10, -2 - 5 + 12) = (-2, 2, 5).
    double[] a = {4, 2, -2, 2, 10, 5, -2, 5, 6};
    double[] b = {-2, 2, 5};
    assertThat(Cholesky.solveInPlace(a, b, 3)).isTrue();
    assertThat(b[0]).isCloseTo(1.0, within(1e-12));
    assertThat(b[1]).isCloseTo(-1.0, within(1e-12));
    assertThat(b[2]).isCloseTo(2.0, within(1e-12));
    // the lower triangle now holds L
    assertThat(new double[] {a[0], a[3], a[4], a[6], a[7], a[8]}).containsExactly(2, 1, 3, -1, 2, 1);
  }

  @Test
  void reportsAMatrixThatIsNotPositiveDefinite() {
    double[] a = {1, 2, 2, 1};
    assertThat(Cholesky.solveInPlace(a, new double[] {1, 1}, 2)).isFalse();
  }
}
