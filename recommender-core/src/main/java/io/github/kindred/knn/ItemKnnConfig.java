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
  /**
   * Validates every parameter.
   *
   * @param neighbors how many most similar items each item keeps, at least 1 (200 is a good start)
   * @param similarity the similarity measure
   * @param shrinkage added to the similarity's denominator, at least 0; damps similarities built on few co-occurrences
   * @param threads training threads, at least 1
   * @param alpha the exponent of {@link Similarity#ASYMMETRIC}, in {@code [0, 1]} (ignored by the other
   *     similarities); not persisted, as the model keeps only the neighbour lists: a loaded model reports 0.5
   * @throws IllegalArgumentException naming the first parameter out of range and its value
   * @throws NullPointerException if {@code similarity} is null
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

  /**
   * Cosine, 200 neighbours, no shrinkage, all available processors (nDCG@10 0.3918 on the MovieLens 100K
   * reference split, the reference number).
   *
   * @return the default configuration
   */
  public static ItemKnnConfig defaults() {
    return new ItemKnnConfig(200, Similarity.COSINE, 0f, Runtime.getRuntime().availableProcessors());
  }

  /** Below this density (stored cells over {@code users * items}) {@link #forData} treats the data as sparse. */
  public static final double SPARSE_DENSITY = 0.01;

  /**
   * Settings picked from simple statistics of the training data, for a fit with no hyper-parameters given.
   *
   * <p>Dense data (density at least {@link #SPARSE_DENSITY}, such as MovieLens 100K at 5.0%) keeps
   * {@link #defaults()}: there the asymmetric cosine gave nDCG@10 0.3873 / 0.3963 / 0.3919 at alpha 0.1 / 0.3 /
   * 0.5 against the cosine's 0.3918, too small a gain to leave the reference setting. On sparse data the
   * popularity of a list's own item matters more: on Gowalla (density 0.066%) the cosine reached recall@20 0.1280
   * with any neighbourhood size, the asymmetric cosine with alpha 0.1 reached 0.1496 (fit 2.9 s on 2 cores), so
   * sparse data gets {@link Similarity#ASYMMETRIC} with alpha 0.1 and 200 neighbours.
   *
   * @param users number of users, at least 1
   * @param items number of items, at least 1
   * @param interactions number of stored user-item cells, at least 0
   * @param threads worker threads, at least 1
   * @return the configuration for data of that shape
   * @throws IllegalArgumentException if a count is out of range
   */
  public static ItemKnnConfig forData(int users, int items, long interactions, int threads) {
    if (users < 1 || items < 1 || interactions < 0) {
      throw new IllegalArgumentException("need users >= 1, items >= 1 and interactions >= 0, got " + users
          + ", " + items + ", " + interactions);
    }
    ItemKnnConfig d = defaults().withThreads(threads);
    double density = interactions / ((double) users * items);
    return density >= SPARSE_DENSITY ? d : d.withSimilarity(Similarity.ASYMMETRIC).withAlpha(0.1f);
  }

  /**
   * Returns a copy with another neighbourhood size.
   *
   * @param neighbors the new neighbourhood size
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public ItemKnnConfig withNeighbors(int neighbors) {
    return new ItemKnnConfig(neighbors, similarity, shrinkage, threads, alpha);
  }

  /**
   * Returns a copy with another similarity.
   *
   * @param similarity the new similarity
   * @return the copy
   * @throws NullPointerException if {@code similarity} is null
   */
  public ItemKnnConfig withSimilarity(Similarity similarity) {
    return new ItemKnnConfig(neighbors, similarity, shrinkage, threads, alpha);
  }

  /**
   * Returns a copy with another shrinkage.
   *
   * @param shrinkage the new shrinkage
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public ItemKnnConfig withShrinkage(float shrinkage) {
    return new ItemKnnConfig(neighbors, similarity, shrinkage, threads, alpha);
  }

  /**
   * Returns a copy with another thread count.
   *
   * @param threads the new thread count
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public ItemKnnConfig withThreads(int threads) {
    return new ItemKnnConfig(neighbors, similarity, shrinkage, threads, alpha);
  }
}
