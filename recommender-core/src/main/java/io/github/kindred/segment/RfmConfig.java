package io.github.kindred.segment;

import io.github.kindred.data.InteractionLog;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Configuration of RFM scoring ({@link RfmScores}).
 *
 * @param frequency what frequency counts, not null
 * @param monetary what monetary value sums, not null
 * @param referenceTime the time RFM is computed as of, seconds since the epoch, or {@link InteractionLog#NO_TIME}
 *     for the latest event in the log. Events after it are ignored, so an earlier reference replays the past.
 * @param zone the time zone in which {@link Frequency#DISTINCT_DAYS} reads calendar days, not null
 */
public record RfmConfig(Frequency frequency, Monetary monetary, long referenceTime, ZoneId zone) {
  /** What the frequency of a user counts. */
  public enum Frequency {
    /** Every event. */
    EVENTS,
    /** Calendar days with at least one event (a session of many clicks counts once). */
    DISTINCT_DAYS
  }

  /** What the monetary value of a user sums. */
  public enum Monetary {
    /** The raw event values (for example order amounts). */
    VALUE,
    /** The values times their event type's weight (see {@code EventTypes}): a weight of 0 leaves a type out. */
    WEIGHTED_VALUE
  }

  /**
   * Validates every parameter.
   *
   * @param frequency what frequency counts, not null
   * @param monetary what monetary value sums, not null
   * @param referenceTime the time RFM is computed as of, seconds since the epoch, or {@link InteractionLog#NO_TIME} for the latest event in the log. Events after it are ignored, so an earlier reference replays the past.
   * @param zone the time zone in which {@link Frequency#DISTINCT_DAYS} reads calendar days, not null
   */
  public RfmConfig {
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(monetary, "monetary");
    Objects.requireNonNull(zone, "zone");
  }

  /** {@return frequency as events, monetary as raw values, reference at the latest event, days in UTC} */
  public static RfmConfig defaults() {
    return new RfmConfig(Frequency.EVENTS, Monetary.VALUE, InteractionLog.NO_TIME, ZoneOffset.UTC);
  }

  /**
   * Returns a copy with another frequency measure.
   *
   * @param frequency what frequency counts, not null
   * @return a new configuration equal to this one except for {@code frequency}; this record is unchanged
   */
  public RfmConfig withFrequency(Frequency frequency) {
    return new RfmConfig(frequency, monetary, referenceTime, zone);
  }

  /**
   * Returns a copy with another monetary measure.
   *
   * @param monetary what monetary value sums, not null
   * @return a new configuration equal to this one except for {@code monetary}; this record is unchanged
   */
  public RfmConfig withMonetary(Monetary monetary) {
    return new RfmConfig(frequency, monetary, referenceTime, zone);
  }

  /**
   * Returns a copy computed as of {@code referenceTime} (seconds since the epoch, or {@code NO_TIME}).
   *
   * @param referenceTime the time RFM is computed as of, seconds since the epoch, or {@link InteractionLog#NO_TIME} for the latest event in the log. Events after it are ignored, so an earlier reference replays the past.
   * @return a new configuration equal to this one except for {@code referenceTime}; this record is unchanged
   */
  public RfmConfig withReferenceTime(long referenceTime) {
    return new RfmConfig(frequency, monetary, referenceTime, zone);
  }

  /**
   * Returns a copy that reads calendar days in {@code zone}.
   *
   * @param zone the time zone in which {@link Frequency#DISTINCT_DAYS} reads calendar days, not null
   * @return a new configuration equal to this one except for {@code zone}; this record is unchanged
   */
  public RfmConfig withZone(ZoneId zone) {
    return new RfmConfig(frequency, monetary, referenceTime, zone);
  }
}
