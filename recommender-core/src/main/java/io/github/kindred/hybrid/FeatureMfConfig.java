package io.github.kindred.hybrid;

import io.github.kindred.content.FeatureWeighting;
import java.util.Objects;

/**
 * Configuration of the feature-aware factorisation model ({@link FeatureMfTrainer}).
 *
 * @param factors embedding length, at least 1
 * @param iterations training epochs (each visits every positive interaction once), at least 1
 * @param learningRate the Adagrad base step, finite and {@code > 0} (0.05 is a good start)
 * @param regularization L2 penalty on the parameters touched by a step, finite and {@code >= 0}
 * @param loss BPR or WARP
 * @param maxSampled WARP's largest number of negatives drawn per positive, at least 1 (ignored by BPR)
 * @param seed the seed of every random choice (initialisation, sample order, negatives, fold-in)
 * @param threads threads that assemble the final user and item representations, at least 1; the stochastic
 *     gradient steps themselves run on one thread so that a seed always gives the same model, bit for bit, and the
 *     result does not depend on this value
 * @param weighting how feature-table rows become feature weights (for items and users alike)
 * @param includeFeatureOnlyItems whether the item index is extended with the item feature table's entities that
 *     the dataset does not know, so that items with features but no interactions can be scored (appended after
 *     the dataset's items, in feature-table order)
 * @param userIds whether each known user also has an embedding of its own id; without it users are represented by
 *     their features alone, which forces the feature embeddings to carry all the signal (better for new users,
 *     worse for known users with distinctive tastes; LightFM's advice for pure cold-start use)
 * @param itemIds whether each item with interactions also has an embedding and a bias of its own id; the same
 *     trade-off for items
 */
public record FeatureMfConfig(int factors, int iterations, float learningRate, float regularization,
    RankingLoss loss, int maxSampled, long seed, int threads, FeatureWeighting weighting,
    boolean includeFeatureOnlyItems, boolean userIds, boolean itemIds) {
  /**
   * Validates every parameter.
   *
   * @param factors embedding length, at least 1
   * @param iterations training epochs (each visits every positive interaction once), at least 1
   * @param learningRate the Adagrad base step, finite and {@code > 0} (0.05 is a good start)
   * @param regularization L2 penalty on the parameters touched by a step, finite and {@code >= 0}
   * @param loss BPR or WARP
   * @param maxSampled WARP's largest number of negatives drawn per positive, at least 1 (ignored by BPR)
   * @param seed the seed of every random choice (initialisation, sample order, negatives, fold-in)
   * @param threads threads that assemble the final user and item representations, at least 1; the stochastic gradient steps themselves run on one thread so that a seed always gives the same model, bit for bit, and the result does not depend on this value
   * @param weighting how feature-table rows become feature weights (for items and users alike)
   * @param includeFeatureOnlyItems whether the item index is extended with the item feature table's entities that the dataset does not know, so that items with features but no interactions can be scored (appended after the dataset's items, in feature-table order)
   * @param userIds whether each known user also has an embedding of its own id; without it users are represented by their features alone, which forces the feature embeddings to carry all the signal (better for new users, worse for known users with distinctive tastes; LightFM's advice for pure cold-start use)
   * @param itemIds whether each item with interactions also has an embedding and a bias of its own id; the same trade-off for items
   */
  public FeatureMfConfig {
    if (factors < 1) {
      throw new IllegalArgumentException("factors must be >= 1, got " + factors);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
    }
    if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
    }
    if (!(regularization >= 0) || Float.isInfinite(regularization)) {
      throw new IllegalArgumentException("regularization must be finite and >= 0, got " + regularization);
    }
    Objects.requireNonNull(loss, "loss");
    if (maxSampled < 1) {
      throw new IllegalArgumentException("maxSampled must be >= 1, got " + maxSampled);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    Objects.requireNonNull(weighting, "weighting");
  }

  /**
   * 32 factors, 30 epochs, learning rate 0.05, regularisation 1e-4, WARP with up to 50 negatives, seed 42, one
   * thread, {@link FeatureWeighting#plain()} weights, feature-only items included, id embeddings for users and
   * items.
   *
   * @return the default configuration
   */
  public static FeatureMfConfig defaults() {
    return new FeatureMfConfig(32, 30, 0.05f, 1e-4f, RankingLoss.WARP, 50, 42L, 1, FeatureWeighting.plain(), true,
        true, true);
  }

  /**
   * Returns a copy with another embedding length.
   *
   * @param factors embedding length, at least 1
   * @return a new configuration equal to this one except for {@code factors}; this record is unchanged
   */
  public FeatureMfConfig withFactors(int factors) {
    return new FeatureMfConfig(factors, iterations, learningRate, regularization, loss, maxSampled, seed, threads,
        weighting, includeFeatureOnlyItems, userIds, itemIds);
  }

  /**
   * Returns a copy with another number of epochs.
   *
   * @param iterations training epochs (each visits every positive interaction once), at least 1
   * @return a new configuration equal to this one except for {@code iterations}; this record is unchanged
   */
  public FeatureMfConfig withIterations(int iterations) {
    return new FeatureMfConfig(factors, iterations, learningRate, regularization, loss, maxSampled, seed, threads,
        weighting, includeFeatureOnlyItems, userIds, itemIds);
  }

  /**
   * Returns a copy with another learning rate.
   *
   * @param learningRate the Adagrad base step, finite and {@code > 0} (0.05 is a good start)
   * @return a new configuration equal to this one except for {@code learningRate}; this record is unchanged
   */
  public FeatureMfConfig withLearningRate(float learningRate) {
    return new FeatureMfConfig(factors, iterations, learningRate, regularization, loss, maxSampled, seed, threads,
        weighting, includeFeatureOnlyItems, userIds, itemIds);
  }

  /**
   * Returns a copy with another regularisation.
   *
   * @param regularization L2 penalty on the parameters touched by a step, finite and {@code >= 0}
   * @return a new configuration equal to this one except for {@code regularization}; this record is unchanged
   */
  public FeatureMfConfig withRegularization(float regularization) {
    return new FeatureMfConfig(factors, iterations, learningRate, regularization, loss, maxSampled, seed, threads,
        weighting, includeFeatureOnlyItems, userIds, itemIds);
  }

  /**
   * Returns a copy with another loss.
   *
   * @param loss BPR or WARP
   * @return a new configuration equal to this one except for {@code loss}; this record is unchanged
   */
  public FeatureMfConfig withLoss(RankingLoss loss) {
    return new FeatureMfConfig(factors, iterations, learningRate, regularization, loss, maxSampled, seed, threads,
        weighting, includeFeatureOnlyItems, userIds, itemIds);
  }

  /**
   * Returns a copy with another WARP sampling limit.
   *
   * @param maxSampled WARP's largest number of negatives drawn per positive, at least 1 (ignored by BPR)
   * @return a new configuration equal to this one except for {@code maxSampled}; this record is unchanged
   */
  public FeatureMfConfig withMaxSampled(int maxSampled) {
    return new FeatureMfConfig(factors, iterations, learningRate, regularization, loss, maxSampled, seed, threads,
        weighting, includeFeatureOnlyItems, userIds, itemIds);
  }

  /**
   * Returns a copy with another seed.
   *
   * @param seed the seed of every random choice (initialisation, sample order, negatives, fold-in)
   * @return a new configuration equal to this one except for {@code seed}; this record is unchanged
   */
  public FeatureMfConfig withSeed(long seed) {
    return new FeatureMfConfig(factors, iterations, learningRate, regularization, loss, maxSampled, seed, threads,
        weighting, includeFeatureOnlyItems, userIds, itemIds);
  }

  /**
   * Returns a copy with another thread count.
   *
   * @param threads threads that assemble the final user and item representations, at least 1; the stochastic gradient steps themselves run on one thread so that a seed always gives the same model, bit for bit, and the result does not depend on this value
   * @return a new configuration equal to this one except for {@code threads}; this record is unchanged
   */
  public FeatureMfConfig withThreads(int threads) {
    return new FeatureMfConfig(factors, iterations, learningRate, regularization, loss, maxSampled, seed, threads,
        weighting, includeFeatureOnlyItems, userIds, itemIds);
  }

  /**
   * Returns a copy with another feature weighting.
   *
   * @param weighting how feature-table rows become feature weights (for items and users alike)
   * @return a new configuration equal to this one except for {@code weighting}; this record is unchanged
   */
  public FeatureMfConfig withWeighting(FeatureWeighting weighting) {
    return new FeatureMfConfig(factors, iterations, learningRate, regularization, loss, maxSampled, seed, threads,
        weighting, includeFeatureOnlyItems, userIds, itemIds);
  }

  /**
   * Returns a copy that does or does not extend the item index with feature-only items.
   *
   * @param include whether items that the item feature table describes but nobody interacted with get an index
   *     (and a score from their features alone)
   * @return a new configuration equal to this one except for {@code include}; this record is unchanged
   */
  public FeatureMfConfig withFeatureOnlyItems(boolean include) {
    return new FeatureMfConfig(factors, iterations, learningRate, regularization, loss, maxSampled, seed, threads,
        weighting, include, userIds, itemIds);
  }

  /**
   * Returns a copy with or without user id embeddings.
   *
   * @param userIds whether each known user also has an embedding of its own id; without it users are represented by their features alone, which forces the feature embeddings to carry all the signal (better for new users, worse for known users with distinctive tastes; LightFM's advice for pure cold-start use)
   * @return a new configuration equal to this one except for {@code userIds}; this record is unchanged
   */
  public FeatureMfConfig withUserIds(boolean userIds) {
    return new FeatureMfConfig(factors, iterations, learningRate, regularization, loss, maxSampled, seed, threads,
        weighting, includeFeatureOnlyItems, userIds, itemIds);
  }

  /**
   * Returns a copy with or without item id embeddings and biases.
   *
   * @param itemIds whether each item with interactions also has an embedding and a bias of its own id; the same trade-off for items
   * @return a new configuration equal to this one except for {@code itemIds}; this record is unchanged
   */
  public FeatureMfConfig withItemIds(boolean itemIds) {
    return new FeatureMfConfig(factors, iterations, learningRate, regularization, loss, maxSampled, seed, threads,
        weighting, includeFeatureOnlyItems, userIds, itemIds);
  }
}
