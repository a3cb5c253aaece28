package io.github.kindred.eval.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import org.junit.jupiter.api.Test;

class DataDerivedSettingsTest {
  private final AlgorithmRegistry registry = AlgorithmRegistry.standard();

  /** {@code users} users, user u with items u .. u + perUser - 1 (mod items). */
  private static Dataset data(int users, int items, int perUser) {
    InteractionLog.Builder log = InteractionLog.builder();
    for (int u = 0; u < users; u++) {
      for (int k = 0; k < perUser; k++) {
        log.add("u" + u, "i" + ((u + k) % items), 1f);
      }
    }
    return Dataset.builder(log.build()).binary(true).build();
  }

  @Test
  void sparseDataResolvesEveryAutoValueAndTheCanonicalSpecShowsThem() {
    // 200 users x 200 items, one cell each: density 0.005 < 0.01, 1 event per item.
    Dataset sparse = data(200, 200, 1);
    assertThat(registry.resolve(registry.parse("ials:threads=1"), sparse).canonical()).isEqualTo(
        "ials:alpha=20.0,blockSize=16,cgSteps=3,factors=64,iterations=8,regularization=30.0,"
            + "regularizationExponent=0.25,seed=42,solver=cholesky,threads=1");
    assertThat(registry.resolve(registry.parse("itemknn:threads=1"), sparse).canonical())
        .isEqualTo("itemknn:alpha=0.1,neighbors=200,shrinkage=0,similarity=asymmetric,threads=1");
    // 10 * 200 / 200 = 10.
    assertThat(registry.resolve(registry.parse("ease"), sparse).parameters()).containsEntry("lambda", "10.0");
    // A given value wins; the derived block size follows a given solver.
    assertThat(registry.resolve(registry.parse("ials:alpha=5,solver=cg,threads=1"), sparse).parameters())
        .containsEntry("alpha", "5").containsEntry("blockSize", "0").containsEntry("factors", "64");
  }

  @Test
  void denseDataResolvesToTheTunedDefaults() {
    // 20 users x 20 items, 10 cells each: density 0.5, 10 events per item -> lambda 100.
    Dataset dense = data(20, 20, 10);
    assertThat(registry.resolve(registry.parse("ials:threads=1"), dense).parameters())
        .containsEntry("factors", "64").containsEntry("iterations", "15").containsEntry("alpha", "3.0")
        .containsEntry("solver", "cg").containsEntry("blockSize", "0");
    assertThat(registry.resolve(registry.parse("itemknn"), dense).parameters())
        .containsEntry("similarity", "cosine").containsEntry("alpha", "0.5");
    assertThat(registry.resolve(registry.parse("ease"), dense).parameters()).containsEntry("lambda", "100.0");
  }

  @Test
  void anAdaptiveTrainerFitsAndBadGivenValuesFailBeforeAnyData() {
    assertThat(registry.create("itemknn:neighbors=3").fit(data(20, 20, 4))).isNotNull();
    assertThatThrownBy(() -> registry.create("ials:factors=0"))
        .hasMessage("ials: factors must be >= 1, got 0");
    assertThatThrownBy(() -> registry.create("itemknn:alpha=2"))
        .hasMessage("itemknn: alpha must be in [0, 1], got 2.0");
  }
}
