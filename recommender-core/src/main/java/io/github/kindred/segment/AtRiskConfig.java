package io.github.kindred.segment;

import io.github.kindred.data.InteractionLog;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Configuration of the at-risk rule ({@link AtRiskUsers}). A <em>visit</em> is a calendar day (in {@code zone}) with
 * at least one event, so that a session of many clicks counts once; the <em>usual gap</em> of a user is the mean
 * number of days between consecutive visits, {@code (last visit - first visit) / (visits - 1)}.
 *
 * <p>A user has a <em>regular history</em> if they have at least {@code minVisits} visits spread over at least
 * {@code minSpanDays} days (first to last visit) with a usual gap of at most {@code maxMeanGapDays}. A regular user is
 * <em>at risk</em> if the days from their last visit to the reference day exceed
 * {@code max(quietDays, gapMultiplier x usual gap)}.
 *
 * @param minVisits fewest visits of a regular history, at least 2 (one gap)
 * @param minSpanDays fewest days from first to last visit of a regular history, at least 0
 * @param maxMeanGapDays largest usual gap of a regular history, in days, greater than 0 (may be
 *     {@link Double#POSITIVE_INFINITY} for no limit): users who come back only rarely have no habit to break
 * @param quietDays fewest days of silence that can make a user at risk, at least 0, whatever their usual gap
 * @param gapMultiplier how many usual gaps of silence make a regular user at risk, finite and at least 1
 * @param referenceTime the time the rule is applied at, seconds since the epoch, or {@link InteractionLog#NO_TIME}
 *     for the latest event in the log; events after it are ignored
 * @param zone the time zone in which calendar days are read, not null
 */
public record AtRiskConfig(int minVisits, int minSpanDays, double maxMeanGapDays, int quietDays,
    double gapMultiplier, long referenceTime, ZoneId zone) {
  /**
   * Validates every parameter.
   *
   * @param minVisits fewest visits of a regular history, at least 2 (one gap)
   * @param minSpanDays fewest days from first to last visit of a regular history, at least 0
   * @param maxMeanGapDays largest usual gap of a regular history, in days, greater than 0 (may be {@link Double#POSITIVE_INFINITY} for no limit): users who come back only rarely have no habit to break
   * @param quietDays fewest days of silence that can make a user at risk, at least 0, whatever their usual gap
   * @param gapMultiplier how many usual gaps of silence make a regular user at risk, finite and at least 1
   * @param referenceTime the time the rule is applied at, seconds since the epoch, or {@link InteractionLog#NO_TIME} for the latest event in the log; events after it are ignored
   * @param zone the time zone in which calendar days are read, not null
   */
  public AtRiskConfig {
    if (minVisits < 2) {
      throw new IllegalArgumentException("minVisits must be >= 2, got " + minVisits);
    }
    if (minSpanDays < 0) {
      throw new IllegalArgumentException("minSpanDays must be >= 0, got " + minSpanDays);
    }
    if (!(maxMeanGapDays > 0)) {
      throw new IllegalArgumentException("maxMeanGapDays must be > 0, got " + maxMeanGapDays);
    }
    if (quietDays < 0) {
      throw new IllegalArgumentException("quietDays must be >= 0, got " + quietDays);
    }
    if (!(gapMultiplier >= 1) || Double.isInfinite(gapMultiplier)) {
      throw new IllegalArgumentException("gapMultiplier must be finite and >= 1, got " + gapMultiplier);
    }
    Objects.requireNonNull(zone, "zone");
  }

  /**
   * At least 3 visits over at least 21 days, any usual gap, at risk after more than max(14 days, 2 usual gaps) of
   * silence, as of the latest event, days in UTC.
   *
   * @return the default rule
   */
  public static AtRiskConfig defaults() {
    return new AtRiskConfig(3, 21, Double.POSITIVE_INFINITY, 14, 2.0, InteractionLog.NO_TIME, ZoneOffset.UTC);
  }

  /**
   * Returns a copy with another least number of visits.
   *
   * @param minVisits fewest visits of a regular history, at least 2 (one gap)
   * @return a new configuration equal to this one except for {@code minVisits}; this record is unchanged
   */
  public AtRiskConfig withMinVisits(int minVisits) {
    return new AtRiskConfig(minVisits, minSpanDays, maxMeanGapDays, quietDays, gapMultiplier, referenceTime, zone);
  }

  /**
   * Returns a copy with another least span of a regular history.
   *
   * @param minSpanDays fewest days from first to last visit of a regular history, at least 0
   * @return a new configuration equal to this one except for {@code minSpanDays}; this record is unchanged
   */
  public AtRiskConfig withMinSpanDays(int minSpanDays) {
    return new AtRiskConfig(minVisits, minSpanDays, maxMeanGapDays, quietDays, gapMultiplier, referenceTime, zone);
  }

  /**
   * Returns a copy with another largest usual gap of a regular history.
   *
   * @param maxMeanGapDays largest usual gap of a regular history, in days, greater than 0 (may be {@link Double#POSITIVE_INFINITY} for no limit): users who come back only rarely have no habit to break
   * @return a new configuration equal to this one except for {@code maxMeanGapDays}; this record is unchanged
   */
  public AtRiskConfig withMaxMeanGapDays(double maxMeanGapDays) {
    return new AtRiskConfig(minVisits, minSpanDays, maxMeanGapDays, quietDays, gapMultiplier, referenceTime, zone);
  }

  /**
   * Returns a copy with another least silence.
   *
   * @param quietDays fewest days of silence that can make a user at risk, at least 0, whatever their usual gap
   * @return a new configuration equal to this one except for {@code quietDays}; this record is unchanged
   */
  public AtRiskConfig withQuietDays(int quietDays) {
    return new AtRiskConfig(minVisits, minSpanDays, maxMeanGapDays, quietDays, gapMultiplier, referenceTime, zone);
  }

  /**
   * Returns a copy with another number of usual gaps.
   *
   * @param gapMultiplier how many usual gaps of silence make a regular user at risk, finite and at least 1
   * @return a new configuration equal to this one except for {@code gapMultiplier}; this record is unchanged
   */
  public AtRiskConfig withGapMultiplier(double gapMultiplier) {
    return new AtRiskConfig(minVisits, minSpanDays, maxMeanGapDays, quietDays, gapMultiplier, referenceTime, zone);
  }

  /**
   * Returns a copy applied as of {@code referenceTime} (seconds since the epoch, or {@code NO_TIME}).
   *
   * @param referenceTime the time the rule is applied at, seconds since the epoch, or {@link InteractionLog#NO_TIME} for the latest event in the log; events after it are ignored
   * @return a new configuration equal to this one except for {@code referenceTime}; this record is unchanged
   */
  public AtRiskConfig withReferenceTime(long referenceTime) {
    return new AtRiskConfig(minVisits, minSpanDays, maxMeanGapDays, quietDays, gapMultiplier, referenceTime, zone);
  }

  /**
   * Returns a copy that reads calendar days in {@code zone}.
   *
   * @param zone the time zone in which calendar days are read, not null
   * @return a new configuration equal to this one except for {@code zone}; this record is unchanged
   */
  public AtRiskConfig withZone(ZoneId zone) {
    return new AtRiskConfig(minVisits, minSpanDays, maxMeanGapDays, quietDays, gapMultiplier, referenceTime, zone);
  }
}
