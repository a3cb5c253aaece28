package io.github.kindred.rating;

import io.github.kindred.data.IdIndex;
import io.github.kindred.model.Query;

/**
 * A fitted baseline predictor: {@code mu + b_u + b_i}, clipped to the range of the training ratings. For an
 * anonymous history (weights are its ratings) the user bias is estimated by the same regularised closed form as in
 * training. Immutable and thread-safe; scoring allocates nothing.
 */
public final class BaselineModel extends RatingModel {
  private final BaselineConfig config;

  BaselineModel(BaselineConfig config, IdIndex users, IdIndex items, float mean, float min, float max,
      float[] userBias, float[] itemBias) {
    super(users, items, mean, min, max, userBias, itemBias);
    this.config = config;
  }

  /** {@return the configuration it was trained with} */
  public BaselineConfig config() {
    return config;
  }

  @Override
  float interaction(int user, int item) {
    return 0f;
  }

  @Override
  void scoreHistory(Query query, float[] scores) {
    double s = 0;
    int n = 0;
    for (int h = 0; h < query.historySize(); h++) {
      int i = query.item(h);
      if (i < itemBias.length) {
        s += query.weight(h) - mean - itemBias[i];
        n++;
      }
    }
    float bu = n == 0 ? 0f : (float) (s / (config.userRegularization() + n));
    for (int i = 0; i < itemBias.length; i++) {
      scores[i] = clip(mean + bu + itemBias[i]);
    }
  }
}
