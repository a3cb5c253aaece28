package io.github.kindred.knn;

import java.util.Objects;

/**
 * Configuration of item-kNN.
 *
 * @param neighbors how many most similar items each item keeps, at least 1 (200 is a good start)
 * @param similarity the similarity measure
 * @param shrinkage added to the similarity's denominator, at least 0; damps similarities built on few co-occurrences
 * @param threads training threads, at least 1
 */
public record ItemKnnConfig(int neighbors, Similarity similarity, float shrinkage, int threads) {
  /**
   * Validates every parameter.
   *
   * @param neighbors how many most similar items each item keeps, at least 1 (200 is a good start)
   * @param similarity the similarity measure
   * @param shrinkage added to the similarity's denominator, at least 0; damps similarities built on few co-occurrences
   * @param threads training threads, at least 1
   */
  public ItemKnnConfig {
    if (neighbors < 1) {
      throw new IllegalArgumentException("neighbors must be >= 1, got " + neighbors);
    }
    Objects.requireNonNull(similarity, "similarity");
    if (!(shrinkage >= 0) || Float.isInfinite(shrinkage)) {
      throw new IllegalArgumentException("shrinkage must be finite and >= 0, got " + shrinkage);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
  }

  /** Cosine, 200 neighbours, no shrinkage, all available processors. */
  public static ItemKnnConfig defaults() {
    return new ItemKnnConfig(200, Similarity.COSINE, 0f, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Returns a copy with another neighbourhood size.
   *
   * @param neighbors how many most similar items each item keeps, at least 1 (200 is a good start)
   * @return a new configuration equal to this one except for {@code neighbors}; this record is unchanged
   */
  public ItemKnnConfig withNeighbors(int neighbors) {
    return new ItemKnnConfig(neighbors, similarity, shrinkage, threads);
  }

  /**
   * Returns a copy with another similarity.
   *
   * @param similarity the similarity measure
   * @return a new configuration equal to this one except for {@code similarity}; this record is unchanged
   */
  public ItemKnnConfig withSimilarity(Similarity similarity) {
    return new ItemKnnConfig(neighbors, similarity, shrinkage, threads);
  }

  /**
   * Returns a copy with another shrinkage.
   *
   * @param shrinkage added to the similarity's denominator, at least 0; damps similarities built on few co-occurrences
   * @return a new configuration equal to this one except for {@code shrinkage}; this record is unchanged
   */
  public ItemKnnConfig withShrinkage(float shrinkage) {
    return new ItemKnnConfig(neighbors, similarity, shrinkage, threads);
  }

  /**
   * Returns a copy with another thread count.
   *
   * @param threads training threads, at least 1
   * @return a new configuration equal to this one except for {@code threads}; this record is unchanged
   */
  public ItemKnnConfig withThreads(int threads) {
    return new ItemKnnConfig(neighbors, similarity, shrinkage, threads);
  }
}
