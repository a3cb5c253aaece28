package io.github.kindred.serve;

/** Which hot list answers a cold request. */
public enum HotListKind {
  /** Items by the number of distinct users who interacted with them. */
  POPULAR,
  /**
   * Items by the sum of their events' values, each decayed exponentially with its age relative to the newest event
   * (half-life set on the {@link Recommender.Builder}).
   */
  TRENDING
}
