package io.github.kindred.model;

/**
 * An optional ability: a factor model that can compute the vector of a user from a history without retraining
 * (for users who are new, or whose history changed since training). For implicit ALS this is the closed-form user
 * solve of the last training step.
 */
public interface FoldIn {
  /** {@return length of a user vector} */
  int dimensions();

  /**
   * Computes the vector of a user with the given history into {@code out[0..dimensions())}.
   *
   * @param items item indexes of the history, each at most once; indexes the model does not know are ignored
   * @param weights the value of each history item
   * @param out the output vector
   */
  void foldIn(int[] items, float[] weights, float[] out);
}
