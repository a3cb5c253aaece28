package io.github.kindred.session;

/**
 * Configuration of {@link SessionKnnTrainer} (V-SKNN, Ludewig and Jannach, "Evaluation of session-based
 * recommendation algorithms", 2018).
 *
 * @param neighbors most similar past sessions whose items are scored, at least 1
 * @param sampleSize most recent past sessions sharing an item with the current one that are compared, at least
 *     {@code neighbors} (bounds the cost of a request on popular items)
 * @param sessionGapSeconds events of one user at most this far apart belong to one session, at least 0
 */
public record SessionKnnConfig(int neighbors, int sampleSize, long sessionGapSeconds) {
  /**
   * Validates every parameter.
   *
   * @param neighbors see the record description
   * @param sampleSize see the record description
   * @param sessionGapSeconds see the record description
   * @throws IllegalArgumentException naming the parameter if a value is out of range
   */
  public SessionKnnConfig {
    if (neighbors < 1) {
      throw new IllegalArgumentException("neighbors must be >= 1, got " + neighbors);
    }
    if (sampleSize < neighbors) {
      throw new IllegalArgumentException("sampleSize must be >= neighbors (" + neighbors + "), got " + sampleSize);
    }
    if (sessionGapSeconds < 0) {
      throw new IllegalArgumentException("sessionGapSeconds must be >= 0, got " + sessionGapSeconds);
    }
  }

  /**
   * 100 neighbours out of the 500 most recent candidate sessions, sessions cut at 30 minutes of inactivity (the
   * settings of the V-SKNN evaluation by Ludewig and Jannach).
   *
   * @return the defaults
   */
  public static SessionKnnConfig defaults() {
    return new SessionKnnConfig(100, 500, 1800);
  }

  /**
   * Returns a copy with other neighbour counts.
   *
   * @param count the new {@link #neighbors()}
   * @param sample the new {@link #sampleSize()}
   * @return the copy
   */
  public SessionKnnConfig withNeighbors(int count, int sample) {
    return new SessionKnnConfig(count, sample, sessionGapSeconds);
  }

  /**
   * Returns a copy with another session gap.
   *
   * @param seconds the new {@link #sessionGapSeconds()}
   * @return the copy
   */
  public SessionKnnConfig withSessionGapSeconds(long seconds) {
    return new SessionKnnConfig(neighbors, sampleSize, seconds);
  }
}
