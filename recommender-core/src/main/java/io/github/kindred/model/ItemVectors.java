package io.github.kindred.model;

/**
 * An optional ability: a model that represents every item as a dense vector (factor models, embeddings). Used for
 * explanations (nearest history items), diversity re-ranking and similar-item queries.
 */
public interface ItemVectors {
  /** {@return length of every item vector} */
  int dimensions();

  /**
   * Copies the vector of {@code item} into {@code out[0..dimensions())}.
   *
   * @param item the item index
   * @param out the destination, at least {@link #dimensions()} long; entries past that are untouched
   * @throws IndexOutOfBoundsException if {@code item} is out of range or {@code out} is too short
   */
  void itemVector(int item, float[] out);
}
