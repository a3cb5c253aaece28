package io.github.kindred.popularity;

import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of trending popularity.
 *
 * @param halfLife the age at which an event counts half, positive (whole seconds are used, at least one)
 * @param referenceTime the "now" of the decay in seconds since the epoch, or {@link #LATEST} for the latest
 *     timestamp in the data
 */
public record TrendingConfig(Duration halfLife, long referenceTime) {
  /** The {@link #referenceTime()} that stands for the latest timestamp in the fitted data. */
  public static final long LATEST = Long.MIN_VALUE;

  /**
   * Validates every parameter.
   *
   * @param halfLife the age at which an event counts half, positive (whole seconds are used, at least one)
   * @param referenceTime the "now" of the decay in seconds since the epoch, or {@link #LATEST} for the latest timestamp in the data
   */
  public TrendingConfig {
    Objects.requireNonNull(halfLife, "halfLife");
    if (halfLife.getSeconds() < 1) {
      throw new IllegalArgumentException("halfLife must be at least one second, got " + halfLife);
    }
  }

  /**
   * A decay with the given half-life, relative to the latest timestamp in the data.
   *
   * @param halfLife the age at which an event counts half, positive (whole seconds are used, at least one)
   * @return the configuration, with reference time {@link #LATEST}
   * @throws IllegalArgumentException if {@code halfLife} is shorter than one second
   * @throws NullPointerException if {@code halfLife} is null
   */
  public static TrendingConfig ofHalfLife(Duration halfLife) {
    return new TrendingConfig(halfLife, LATEST);
  }

  /**
   * A decay with a half-life of {@code halfLifeDays} days (fractions allowed), relative to the latest timestamp.
   *
   * @param halfLifeDays the half-life in days of 86,400 seconds, for example 7 or 0.5; at least one second
   * @return the configuration, with reference time {@link #LATEST}
   * @throws IllegalArgumentException if {@code halfLifeDays} is not finite or is below one second
   */
  public static TrendingConfig ofHalfLifeDays(double halfLifeDays) {
    if (!Double.isFinite(halfLifeDays) || halfLifeDays * 86_400 < 1) {
      throw new IllegalArgumentException("halfLifeDays must be finite and at least one second, got " + halfLifeDays);
    }
    return ofHalfLife(Duration.ofSeconds(Math.round(halfLifeDays * 86_400)));
  }

  /**
   * Returns a copy whose decay is relative to {@code epochSeconds} instead of the latest timestamp.
   *
   * @param epochSeconds the "now" of the decay in seconds since the epoch; later events are ignored by the trainer
   * @return a new configuration equal to this one except for {@code epochSeconds}; this record is unchanged
   */
  public TrendingConfig withReferenceTime(long epochSeconds) {
    return new TrendingConfig(halfLife, epochSeconds);
  }

  /** {@return the half-life in seconds} */
  public double halfLifeSeconds() {
    return halfLife.getSeconds();
  }
}
