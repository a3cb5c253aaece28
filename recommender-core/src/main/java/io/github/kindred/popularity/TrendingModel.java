package io.github.kindred.popularity;

import io.github.kindred.data.IdIndex;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import java.util.Objects;

/**
 * Fitted trending scores: one decayed event weight per item, the same for every query. Immutable and thread-safe.
 */
public final class TrendingModel implements Model {
  private final TrendingConfig config;
  private final long referenceTime;
  private final IdIndex users;
  private final IdIndex items;
  private final float[] trend;

  TrendingModel(TrendingConfig config, long referenceTime, IdIndex users, IdIndex items, float[] trend) {
    this.config = config;
    this.referenceTime = referenceTime;
    this.users = users;
    this.items = items;
    this.trend = trend;
  }

  /**
   * A model from decayed scores computed elsewhere (a distributed trainer, another process): it scores and persists
   * exactly as one {@link TrendingTrainer} fitted to the same scores. The array is copied.
   *
   * @param config the configuration the scores were computed with
   * @param referenceTime the "now" of the decay, in seconds since the epoch
   * @param users the user ids
   * @param items the item ids
   * @param trend one decayed score per item, finite (negative where the weighted values are)
   * @return the model
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code trend} does not have one such score per item
   */
  public static TrendingModel of(TrendingConfig config, long referenceTime, IdIndex users, IdIndex items,
      float[] trend) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(items, "items");
    PopularityTrainer.checkScores(trend, items, "trend", false);
    return new TrendingModel(config, referenceTime, users, items, trend.clone());
  }

  /** {@return the configuration it was trained with} */
  public TrendingConfig config() {
    return config;
  }

  /**
   * {@return the reference time the decay was computed at, in seconds since the epoch (the latest event's time
   * when the configuration says {@link TrendingConfig#LATEST})}
   */
  public long referenceTime() {
    return referenceTime;
  }

  /**
   * {@return the decayed weight of {@code item}: the sum over its events of weighted value times
   * {@code 2^(-age / halfLife)}, &gt;= 0 for non-negative values}
   *
   * @param item the item index, in [0, {@code items().size()})
   * @throws IndexOutOfBoundsException if {@code item} is out of range
   */
  public float trend(int item) {
    Objects.checkIndex(item, trend.length);
    return trend[item];
  }

  float[] trendArray() {
    return trend;
  }

  @Override
  public IdIndex items() {
    return items;
  }

  @Override
  public IdIndex users() {
    return users;
  }

  @Override
  public void score(Query query, float[] scores) {
    Model.requireScoreLength(scores, trend.length);
    System.arraycopy(trend, 0, scores, 0, trend.length);
  }

  @Override
  public String toString() {
    return "TrendingModel[items=" + trend.length + ", halfLife=" + config.halfLife() + ", referenceTime="
        + referenceTime + "]";
  }
}
