package io.github.kindred.bench.compare;

/**
 * One system in the comparison: a library's recommender with its configuration. Users and items are named by the
 * dense indexes of the split's training data, whatever the library uses inside.
 */
interface Contender {
  /** The row label: library, model and configuration. */
  String name();

  /** How many users to evaluate at most ({@link Integer#MAX_VALUE} for all); slow systems evaluate fewer. */
  default int userLimit() {
    return Integer.MAX_VALUE;
  }

  /** Trains on {@code split.train()}; the call is timed as the fit time. */
  void fit(Split split) throws Exception;

  /**
   * Returns up to {@code n} recommended items for training user {@code user}, best first, never one of the user's
   * training items; the call is timed as the recommendation time.
   */
  int[] recommend(int user, int n) throws Exception;
}
