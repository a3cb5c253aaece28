package io.github.kindred.factorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImplicitAlsForDataTest {
  @Test
  void denseDataKeepsTheTunedDefaults() {
    // 943 x 1682 with 80,000 cells: density 0.0504 >= 0.01.
    assertThat(ImplicitAlsConfig.forData(943, 1682, 80_000, 3)).isEqualTo(ImplicitAlsConfig.defaults().withThreads(3));
    // Exactly at the threshold: 100 x 100 with 100 cells is density 0.01, still dense.
    assertThat(ImplicitAlsConfig.forData(100, 100, 100, 1).solver()).isEqualTo(AlsSolver.CG);
  }

  @Test
  void sparseDataGetsTheBlockSolverAtARankFromTheCatalogue() {
    // Gowalla: 29,858 x 40,981, 810,128 cells (density 0.00066). items / 320 = 128.07 -> 128;
    // 1.1e8 / 810,128 = 135 -> 128, so 128 factors.
    ImplicitAlsConfig g = ImplicitAlsConfig.forData(29_858, 40_981, 810_128, 2);
    assertThat(g).isEqualTo(new ImplicitAlsConfig(128, 8, 30f, 20f, 42L, 2, AlsSolver.CHOLESKY, 3, 0.25f, 16));
    // 30,000 items: 30,000 / 320 = 93.75 -> 64 after rounding down to 32 (93 / 32 * 32 = 64).
    assertThat(ImplicitAlsConfig.forData(50_000, 30_000, 500_000, 1).factors()).isEqualTo(64);
    // 100,000 items would allow 128 by the catalogue, but 2,000,000 cells: 1.1e8 / 2e6 = 55 -> 32 -> floor 64.
    assertThat(ImplicitAlsConfig.forData(200_000, 100_000, 2_000_000, 1).factors()).isEqualTo(64);
    // 1,000,000 cells: 1.1e8 / 1e6 = 110 -> 96.
    assertThat(ImplicitAlsConfig.forData(200_000, 100_000, 1_000_000, 1).factors()).isEqualTo(96);
    // A tiny sparse catalogue: 1000 / 320 = 3 -> floor 64, blockSize 16 still fits.
    assertThat(ImplicitAlsConfig.forData(10_000, 1000, 50_000, 1).factors()).isEqualTo(64);
  }

  @Test
  void badCountsAreRejected() {
    assertThatThrownBy(() -> ImplicitAlsConfig.forData(0, 5, 3, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("users >= 1");
    assertThatThrownBy(() -> ImplicitAlsConfig.forData(5, 5, 3, 0)).hasMessageContaining("threads");
  }
}
