package io.github.kindred.model;

import io.github.kindred.data.Dataset;

/**
 * Fits a dataset into a model. A trainer holds only its validated configuration, so one instance may fit many
 * datasets, from several threads at once. Trainers are deterministic: the same configuration (including its seed
 * and thread count) and the same dataset give the same model.
 *
 * @param <M> the model type
 */
@FunctionalInterface
public interface Trainer<M extends Model> {
  /**
   * Fits {@code data}.
   *
   * @param data the interactions (and features, for trainers that use them); not modified
   * @return the immutable model, indexed by {@code data.users()} and {@code data.items()}
   * @throws IllegalArgumentException if the dataset cannot be fitted by this trainer (for example, it is too large
   *     for a dense solve); the message names the reason
   */
  M fit(Dataset data);
}
