package io.github.kindred.rating;

import io.github.kindred.data.IdIndex;

/**
 * A fitted biased MF model: {@code mu + b_u + b_i + p_u . q_i}, clipped to the training range; anonymous histories are
 * folded in with the configured regularisation (see the superclass). Immutable and thread-safe.
 */
public final class BiasedMfModel extends FactorRatingModel {
  private final BiasedMfConfig config;

  BiasedMfModel(BiasedMfConfig config, IdIndex users, IdIndex items, float mean, float min, float max,
      float[] userBias, float[] itemBias, float[] userFactors, float[] itemFactors) {
    // A zero penalty would leave the fold-in solve singular for histories shorter than the vector length.
    super(users, items, mean, min, max, userBias, itemBias, config.factors(), userFactors, itemFactors,
        Math.max(config.regularization(), 1e-3f));
    this.config = config;
  }

  /** {@return the configuration it was trained with} */
  public BiasedMfConfig config() {
    return config;
  }
}
