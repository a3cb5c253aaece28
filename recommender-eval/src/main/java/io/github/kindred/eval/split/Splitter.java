package io.github.kindred.eval.split;

import io.github.kindred.data.InteractionLog;

/**
 * Divides an interaction log into training, test and (for strong generalisation) fold-in events. Implementations
 * are validated configuration records that own their seed: the same record and log give the same split. Units of
 * splitting are (user, item) pairs, so no pair is both in training and in test. Thread-safe.
 *
 * <p>Implementations: {@link RandomHoldout}, {@link UserHoldout}, {@link TemporalSplit},
 * {@link StrongGeneralization}, {@link KFold}, {@link ColdStart}. {@link io.github.kindred.eval.experiment.Splitters#create(String, long)} builds one
 * from a specification such as {@code user-ratio:ratio=0.2}.
 */
@FunctionalInterface
public interface Splitter {
  /**
   * Splits {@code log}.
   *
   * @throws IllegalArgumentException if the log cannot be split this way (for example, it has no timestamps for a
   *     temporal split, or the training part would be empty)
   */
  Split split(InteractionLog log);
}
