package io.github.kindred.repeat;

/** How {@link RepeatTrainer} finds the nearest customers of a customer from their basket representations. */
public enum NeighborMeasure {
  /** Largest {@code dot(a, b) / (|a| |b|)}: only customers who bought at least one item in common qualify. */
  COSINE,
  /**
   * Smallest Euclidean distance {@code |a - b|}, as in the TIFU-KNN paper; customers without a common item qualify
   * too (the closest of them are those with the smallest representations).
   */
  EUCLIDEAN
}
