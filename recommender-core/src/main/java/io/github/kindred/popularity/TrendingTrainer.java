package io.github.kindred.popularity;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.model.Trainer;
import java.util.Objects;

/**
 * Trending popularity: every event counts its weighted value (value times event-type weight) times
 * {@code 2^(-(tRef - t) / halfLife)}, so an event one half-life older than the reference time counts half. Events
 * later than an explicit reference time are ignored, so that a model "as of" a past moment does not see the future.
 *
 * <p>Works on the raw log, so repeated events of one user on one item all count. Thread-safe; {@code O(events)}.
 */
public final class TrendingTrainer implements Trainer<TrendingModel> {
  private final TrendingConfig config;

  /**
   * Creates a trainer with {@code config}.
   *
   * @param config the validated configuration
   * @throws NullPointerException if {@code config} is null
   */
  public TrendingTrainer(TrendingConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** {@return the configuration} */
  public TrendingConfig config() {
    return config;
  }

  /**
   * Fits the decayed item scores.
   *
   * @throws IllegalArgumentException if an event has no timestamp (the message names the first such event)
   */
  @Override
  public TrendingModel fit(Dataset data) {
    InteractionLog log = data.log();
    int n = log.size();
    long latest = Long.MIN_VALUE;
    for (int e = 0; e < n; e++) {
      long t = log.timestamp(e);
      if (t == InteractionLog.NO_TIME) {
        throw new IllegalArgumentException("trending popularity needs timestamps, but event " + e + " (user '"
            + log.users().idOf(log.user(e)) + "', item '" + log.items().idOf(log.item(e)) + "') has none");
      }
      latest = Math.max(latest, t);
    }
    long ref = config.referenceTime() == TrendingConfig.LATEST ? latest : config.referenceTime();
    // Natural-log form of 2^(-age / halfLife), one exp per event.
    double rate = Math.log(2) / config.halfLifeSeconds();
    double[] sums = new double[data.itemCount()];
    for (int e = 0; e < n; e++) {
      long age = ref - log.timestamp(e);
      if (age < 0) {
        continue;
      }
      sums[log.item(e)] += log.weightedValue(e) * Math.exp(-rate * age);
    }
    float[] scores = new float[sums.length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = (float) sums[i];
    }
    return new TrendingModel(config, ref, data.users(), data.items(), scores);
  }
}
