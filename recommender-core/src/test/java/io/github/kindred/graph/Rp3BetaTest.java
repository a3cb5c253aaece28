package io.github.kindred.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Dataset;
import io.github.kindred.model.Query;
import org.junit.jupiter.api.Test;

/** RP3beta against walk weights worked by hand on the 3 x 4 matrix of {@link GraphFilterTest}. */
class Rp3BetaTest {
  // Users u0 {i0, i1}, u1 {i1, i2, i3}, u2 {i0, i3}: user degrees 2, 3, 2; item degrees 2, 2, 1, 2.
  private static final Dataset DATA = GraphFilterTest.dataset(new int[][] {{0, 1}, {1, 2, 3}, {0, 3}});

  @Test
  void plainWalkMatchesHandCount() {
    // alpha 1, beta 0: W[i][j] = 1/d(i) * sum over shared users u of 1/d(u).
    Rp3BetaModel m = new Rp3BetaTrainer(new Rp3BetaConfig(1f, 0f, 10, 1)).fit(DATA);
    float[][] expected = {
        {0, 0.25f, 0, 0.25f},          // i0 -> u0 -> i1, i0 -> u2 -> i3: (1/2)(1/2) each
        {0.25f, 0, 1f / 6, 1f / 6},    // i1 -> u0 -> i0 (1/2)(1/2); i1 -> u1 -> i2, i3: (1/2)(1/3)
        {0, 1f / 3, 0, 1f / 3},        // i2 -> u1 -> i1, i3: (1/1)(1/3)
        {0.25f, 1f / 6, 1f / 6, 0}};   // i3 -> u2 -> i0 (1/2)(1/2); i3 -> u1 -> i1, i2: (1/2)(1/3)
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertThat(m.weight(i, j)).as("W[%d][%d]", i, j).isCloseTo(expected[i][j], within(1e-6f));
      }
    }
    float[] s = new float[4];
    m.score(Query.ofItems(1, 2), s);
    // Row 1 plus row 2.
    assertThat(s).containsExactly(new float[] {0.25f, 1f / 3, 1f / 6, 0.5f}, within(1e-6f));
  }

  @Test
  void alphaAndBetaReshapeTheWeights() {
    Rp3BetaModel m = new Rp3BetaTrainer(new Rp3BetaConfig(2f, 0.5f, 10, 1)).fit(DATA);
    // W[1][2] = (1/2)^2 (1/3)^2 / 1^0.5 = 1/36; W[2][3] = 1 * (1/3)^2 / 2^0.5.
    assertThat(m.weight(1, 2)).isCloseTo(1f / 36, within(1e-7f));
    assertThat(m.weight(2, 3)).isCloseTo((float) (1 / 9.0 / Math.sqrt(2)), within(1e-7f));
    assertThat(m.weight(1, 0)).isCloseTo((float) (1 / 16.0 / Math.sqrt(2)), within(1e-7f));
  }

  @Test
  void eachRowKeepsItsStrongestNeighboursWithTiesToTheSmallerIndex() {
    Rp3BetaModel m = new Rp3BetaTrainer(new Rp3BetaConfig(1f, 0f, 1, 1)).fit(DATA);
    // Row 0 ties i1 and i3 at 1/4: i1 stays. Row 1: i0 (1/4) beats i2, i3 (1/6).
    assertThat(m.weight(0, 1)).isEqualTo(0.25f);
    assertThat(m.weight(0, 3)).isZero();
    assertThat(m.weight(1, 0)).isEqualTo(0.25f);
    assertThat(m.weight(1, 2)).isZero();
    assertThat(m.weight(2, 1)).isCloseTo(1f / 3, within(1e-7f));
    assertThat(m.weight(2, 3)).isZero();
    float[] row = new float[4];
    m.similarTo(3, row);
    assertThat(row).containsExactly(0.25f, 0f, 0f, 0f);
  }

  @Test
  void theModelDoesNotDependOnThreads() {
    Dataset d = GraphFilterTest.dataset(GraphFilterTestData.histories(900, 700, 5, 3L));
    Rp3BetaModel one = new Rp3BetaTrainer(new Rp3BetaConfig(0.8f, 0.4f, 20, 1)).fit(d);
    Rp3BetaModel four = new Rp3BetaTrainer(new Rp3BetaConfig(0.8f, 0.4f, 20, 4)).fit(d);
    assertThat(four.pointerArray()).isEqualTo(one.pointerArray());
    assertThat(four.neighborArray()).isEqualTo(one.neighborArray());
    assertThat(four.weightArray()).isEqualTo(one.weightArray());
  }

  @Test
  void defaultsFollowTheData() {
    Rp3BetaConfig gowalla = Rp3BetaConfig.forData(29_858, 40_981, 810_128, 2);
    assertThat(gowalla).isEqualTo(new Rp3BetaConfig(0.7f, 0.3f, 409, 2));
    Rp3BetaConfig ml = Rp3BetaConfig.forData(943, 1682, 100_000, 1);
    assertThat(ml).isEqualTo(new Rp3BetaConfig(1f, 0.5f, 50, 1));
    Rp3BetaModel m = Rp3BetaTrainer.fromData(1, c -> c.withBeta(0f)).fit(DATA);
    assertThat(m.config()).isEqualTo(new Rp3BetaConfig(1f, 0f, 50, 1));
  }

  @Test
  void invalidConfigurationsNameTheParameter() {
    Rp3BetaConfig d = Rp3BetaConfig.defaults();
    assertThatThrownBy(() -> d.withAlpha(0f)).hasMessage("alpha must be finite and > 0, got 0.0");
    assertThatThrownBy(() -> d.withBeta(-1f)).hasMessage("beta must be finite and >= 0, got -1.0");
    assertThatThrownBy(() -> d.withNeighbors(0)).hasMessage("neighbors must be >= 1, got 0");
    assertThatThrownBy(() -> d.withThreads(0)).hasMessage("threads must be >= 1, got 0");
  }
}
