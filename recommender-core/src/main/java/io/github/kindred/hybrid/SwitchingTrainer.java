package io.github.kindred.hybrid;

import io.github.kindred.data.Dataset;
import io.github.kindred.model.Model;
import io.github.kindred.model.Trainer;
import java.util.Objects;

/**
 * Fits a cold and a warm trainer on the same dataset and combines them into a {@link SwitchingModel}. An already
 * fitted model can be passed as the trainer {@code data -> model}. Thread-safe; deterministic when the parts are.
 */
public final class SwitchingTrainer implements Trainer<SwitchingModel> {
  private final Trainer<?> cold;
  private final Trainer<?> warm;
  private final int threshold;

  /**
   * Creates the trainer.
   *
   * @param cold fits the model for histories shorter than {@code threshold}
   * @param warm fits the model for the other histories
   * @param threshold at least 1
   * @throws IllegalArgumentException if the threshold is below 1
   */
  public SwitchingTrainer(Trainer<?> cold, Trainer<?> warm, int threshold) {
    this.cold = Objects.requireNonNull(cold, "cold");
    this.warm = Objects.requireNonNull(warm, "warm");
    SwitchingModel.checkThreshold(threshold);
    this.threshold = threshold;
  }

  @Override
  public SwitchingModel fit(Dataset data) {
    Model c = Objects.requireNonNull(cold.fit(data), "the cold trainer returned null");
    Model w = Objects.requireNonNull(warm.fit(data), "the warm trainer returned null");
    return SwitchingModel.of(c, w, threshold);
  }
}
