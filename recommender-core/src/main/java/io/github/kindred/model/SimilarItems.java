package io.github.kindred.model;

/** An optional ability: a model that can score every item by its similarity to one item. */
public interface SimilarItems {
  /**
   * Writes the similarity of every item to {@code item} into {@code scores[0..itemCount())}. The item's own entry
   * is left to the caller to exclude.
   *
   * @param item the item index, in [0, {@code itemCount()})
   * @param scores the destination, at least {@code itemCount()} long, overwritten; higher is more similar, in the
   *     model's own scale (cosine in [-1, 1], co-counts, dot products ...)
   * @throws IndexOutOfBoundsException if {@code item} is out of range
   */
  void similarTo(int item, float[] scores);
}
