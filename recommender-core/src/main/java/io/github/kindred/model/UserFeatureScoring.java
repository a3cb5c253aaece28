package io.github.kindred.model;

import io.github.kindred.data.FeatureTable;

/**
 * An optional ability: a model that can score items for a user known only by features (demographics, signup
 * answers), with no interaction history, for example a feature-aware factorisation model.
 */
public interface UserFeatureScoring {
  /**
   * Writes a score for every item into {@code scores[0..itemCount())} for the user described by row {@code row}
   * of {@code features}, with the history and context of {@code query} (the history may be empty).
   *
   * @param features a table of user features; feature names are matched by name, unknown ones are ignored
   * @param row the user's row in {@code features}
   * @param query the user's (possibly empty) history and the request context
   * @param scores output, of length at least {@code itemCount()}
   * @throws IndexOutOfBoundsException if {@code row} is out of range
   */
  void scoreForFeatures(FeatureTable features, int row, Query query, float[] scores);
}
