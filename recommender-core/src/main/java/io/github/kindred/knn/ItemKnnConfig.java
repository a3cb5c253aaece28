package io.github.kindred.knn;

import java.util.Objects;

/**
 * Configuration of item-kNN.
 *
 * @param neighbors how many most similar items each item keeps, at least 1 (200 is a good start)
 * @param similarity the similarity measure
 * @param shrinkage added to the similarity's denominator, at least 0; damps similarities built on few co-occurrences
 * @param threads training threads, at least 1
 * @param alpha the exponent of {@link Similarity#ASYMMETRIC}, in {@code [0, 1]} (ignored by the other
 *     similarities); not persisted, as the model keeps only the neighbour lists: a loaded model reports 0.5
 */
public record ItemKnnConfig(int neighbors, Similarity similarity, float shrinkage, int threads, float alpha) {
  /** Validates every parameter. */
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
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
    }
  }

  /**
   * A configuration with {@code alpha} 0.5.
   *
   * @param neighbors see the record components
   * @param similarity see the record components
   * @param shrinkage see the record components
   * @param threads see the record components
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public ItemKnnConfig(int neighbors, Similarity similarity, float shrinkage, int threads) {
    this(neighbors, similarity, shrinkage, threads, 0.5f);
  }

  /**
   * Returns a copy with another exponent of the asymmetric cosine.
   *
   * @param alpha in {@code [0, 1]}
   * @return the copy
   * @throws IllegalArgumentException if {@code alpha} is out of range
   */
  public ItemKnnConfig withAlpha(float alpha) {
    return new ItemKnnConfig(neighbors, similarity, shrinkage, threads, alpha);
  }

  /** Cosine, 200 neighbours, no shrinkage, all available processors. */
  public static ItemKnnConfig defaults() {
    return new ItemKnnConfig(200, Similarity.COSINE, 0f, Runtime.getRuntime().availableProcessors());
  }

  /** Returns a copy with another neighbourhood size. */
  public ItemKnnConfig withNeighbors(int neighbors) {
    return new ItemKnnConfig(neighbors, similarity, shrinkage, threads, alpha);
  }

  /** Returns a copy with another similarity. */
  public ItemKnnConfig withSimilarity(Similarity similarity) {
    return new ItemKnnConfig(neighbors, similarity, shrinkage, threads, alpha);
  }

  /** Returns a copy with another shrinkage. */
  public ItemKnnConfig withShrinkage(float shrinkage) {
    return new ItemKnnConfig(neighbors, similarity, shrinkage, threads, alpha);
  }

  /** Returns a copy with another thread count. */
  public ItemKnnConfig withThreads(int threads) {
    return new ItemKnnConfig(neighbors, similarity, shrinkage, threads, alpha);
  }
}
