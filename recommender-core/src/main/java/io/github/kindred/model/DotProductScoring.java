package io.github.kindred.model;

/**
 * An optional ability of factor models whose score is exactly a dot product: the score of item {@code i} for a
 * known user {@code u} is {@code dot(userVector(u), row i of itemFactors())}, and, when the model also implements
 * {@link FoldIn}, the score for a history is {@code dot(foldIn(history), row i)}. Knowing this lets a server fuse
 * scoring with top-N selection ({@link io.github.kindred.math.FactorScoring#scoreTopN}) and never write the score
 * array.
 */
public interface DotProductScoring extends ItemVectors {
  /**
   * The item factors, row-major, {@code itemCount() * dimensions()} floats: the model's own storage, returned
   * without copying for the hot loop. Callers must never modify it.
   *
   * @return the internal array
   */
  float[] itemFactors();

  /**
   * Copies the vector of known user {@code user} into {@code out[0..dimensions())}.
   *
   * @param user the training user index, in [0, {@code users().size()})
   * @param out the destination, at least {@link #dimensions()} long; entries past that are untouched
   * @throws IndexOutOfBoundsException if {@code user} is out of range or {@code out} is too short
   */
  void userVector(int user, float[] out);
}
