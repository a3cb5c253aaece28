package io.github.kindred.rating;

import io.github.kindred.data.IdIndex;

/**
 * A fitted explicit-ALS model: {@code mu + b_u + b_i + p_u . q_i}, clipped to the training range; anonymous
 * histories are folded in by the same regularised solve as a training user (see the superclass). Immutable and
 * thread-safe.
 */
public final class ExplicitAlsModel extends FactorRatingModel {
  private final ExplicitAlsConfig config;

  ExplicitAlsModel(ExplicitAlsConfig config, IdIndex users, IdIndex items, float mean, float min, float max,
      float[] userBias, float[] itemBias, float[] userFactors, float[] itemFactors) {
    super(users, items, mean, min, max, userBias, itemBias, config.factors(), userFactors, itemFactors,
        config.regularization());
    this.config = config;
  }

  /** {@return the configuration it was trained with} */
  public ExplicitAlsConfig config() {
    return config;
  }
}
