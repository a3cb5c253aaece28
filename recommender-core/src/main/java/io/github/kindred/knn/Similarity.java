package io.github.kindred.knn;

/** Similarity between two items (or users) from their interaction vectors. */
public enum Similarity {
  /**
   * {@code dot(a, b) / (|a| |b| + shrinkage)} over the interaction values; with binary data,
   * {@code co / (sqrt(n_a n_b) + shrinkage)}.
   */
  COSINE,
  /** {@code co / (n_a + n_b - co + shrinkage)} over the sets of users (values ignored). */
  JACCARD
}
