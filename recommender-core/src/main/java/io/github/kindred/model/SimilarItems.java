package io.github.kindred.model;

/** An optional ability: a model that can score every item by its similarity to one item. */
public interface SimilarItems {
  /**
   * Writes the similarity of every item to {@code item} into {@code scores[0..itemCount())}. The item's own entry
   * is left to the caller to exclude.
   *
   * @throws IndexOutOfBoundsException if {@code item} is out of range
   */
  void similarTo(int item, float[] scores);
}
