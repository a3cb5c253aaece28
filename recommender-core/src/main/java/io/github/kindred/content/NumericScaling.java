package io.github.kindred.content;

/**
 * How a numeric feature is scaled before it enters a profile. The statistics are taken over the entities that have
 * the feature when the encoder is fitted; an entity without the feature gets 0 (no entry) either way.
 */
public enum NumericScaling {
  /**
   * {@code (x - mean) / sd} with the population standard deviation; 0 when every value is equal. Keeps the sign,
   * so entities below and above the mean point in opposite directions.
   */
  Z_SCORE,
  /**
   * {@code (x - min) / (max - min)}, in {@code [0, 1]} for the fitted values (new values may fall outside); 0 when
   * every value is equal.
   */
  MIN_MAX
}
