package io.github.kindred.session;

/**
 * Configuration of {@link MarkovTrainer}.
 *
 * @param lookback how many of the most recent session events vote for their successors, at least 1 (1 is the
 *     plain first-order chain: only the last event counts)
 * @param decay weight of each step further back, in (0, 1]: the event {@code d} places before the last votes with
 *     {@code decay^d}
 * @param sessionGapSeconds events of one user at most this far apart belong to one session, at least 0;
 *     transitions are counted only inside sessions
 */
public record MarkovConfig(int lookback, double decay, long sessionGapSeconds) {
  /**
   * Validates every parameter.
   *
   * @param lookback see the record description
   * @param decay see the record description
   * @param sessionGapSeconds see the record description
   * @throws IllegalArgumentException naming the parameter if a value is out of range
   */
  public MarkovConfig {
    if (lookback < 1) {
      throw new IllegalArgumentException("lookback must be >= 1, got " + lookback);
    }
    if (!(decay > 0 && decay <= 1)) {
      throw new IllegalArgumentException("decay must be in (0, 1], got " + decay);
    }
    if (sessionGapSeconds < 0) {
      throw new IllegalArgumentException("sessionGapSeconds must be >= 0, got " + sessionGapSeconds);
    }
  }

  /**
   * The first-order chain on the last event, sessions cut at 30 minutes of inactivity.
   *
   * @return the defaults
   */
  public static MarkovConfig defaults() {
    return new MarkovConfig(1, 0.5, 1800);
  }

  /**
   * Returns a copy that also lets earlier events vote.
   *
   * @param steps the new {@link #lookback()}
   * @param weight the new {@link #decay()}
   * @return the copy
   */
  public MarkovConfig withLookback(int steps, double weight) {
    return new MarkovConfig(steps, weight, sessionGapSeconds);
  }

  /**
   * Returns a copy with another session gap.
   *
   * @param seconds the new {@link #sessionGapSeconds()}
   * @return the copy
   */
  public MarkovConfig withSessionGapSeconds(long seconds) {
    return new MarkovConfig(lookback, decay, seconds);
  }
}
