package io.github.kindred.segment;

/**
 * Configuration of k-means++ user clustering ({@link KMeansSegmenter}).
 *
 * @param k number of clusters, at least 1 and at most the number of users clustered
 * @param maxIterations most Lloyd iterations after the k-means++ seeding, at least 1; clustering stops earlier when
 *     no user changes cluster
 * @param seed seed of the k-means++ seeding (and of the choice of a point to refill an empty cluster): the same seed
 *     and input give the same segmentation
 * @param standardize whether every dimension is scaled to mean 0 and standard deviation 1 (over the users clustered)
 *     before clustering, so that a wide numeric feature does not outweigh one-hot ones; dimensions with no spread
 *     become 0. Centroids are reported in the input's units either way. Factor vectors usually need no scaling.
 */
public record KMeansConfig(int k, int maxIterations, long seed, boolean standardize) {
  /**
   * Validates every parameter.
   *
   * @param k number of clusters, at least 1 and at most the number of users clustered
   * @param maxIterations most Lloyd iterations after the k-means++ seeding, at least 1; clustering stops earlier when no user changes cluster
   * @param seed seed of the k-means++ seeding (and of the choice of a point to refill an empty cluster): the same seed and input give the same segmentation
   * @param standardize whether every dimension is scaled to mean 0 and standard deviation 1 (over the users clustered) before clustering, so that a wide numeric feature does not outweigh one-hot ones; dimensions with no spread become 0. Centroids are reported in the input's units either way. Factor vectors usually need no scaling.
   */
  public KMeansConfig {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
    }
  }

  /**
   * {@code k} clusters, at most 100 iterations, seed 42, no standardisation.
   *
   * @param k number of clusters, at least 1 and at most the number of users clustered
   * @return the configuration
   * @throws IllegalArgumentException if {@code k < 1}
   */
  public static KMeansConfig of(int k) {
    return new KMeansConfig(k, 100, 42L, false);
  }

  /**
   * Returns a copy with another number of clusters.
   *
   * @param k number of clusters, at least 1 and at most the number of users clustered
   * @return a new configuration equal to this one except for {@code k}; this record is unchanged
   */
  public KMeansConfig withK(int k) {
    return new KMeansConfig(k, maxIterations, seed, standardize);
  }

  /**
   * Returns a copy with another iteration limit.
   *
   * @param maxIterations most Lloyd iterations after the k-means++ seeding, at least 1; clustering stops earlier when no user changes cluster
   * @return a new configuration equal to this one except for {@code maxIterations}; this record is unchanged
   */
  public KMeansConfig withMaxIterations(int maxIterations) {
    return new KMeansConfig(k, maxIterations, seed, standardize);
  }

  /**
   * Returns a copy with another seed.
   *
   * @param seed seed of the k-means++ seeding (and of the choice of a point to refill an empty cluster): the same seed and input give the same segmentation
   * @return a new configuration equal to this one except for {@code seed}; this record is unchanged
   */
  public KMeansConfig withSeed(long seed) {
    return new KMeansConfig(k, maxIterations, seed, standardize);
  }

  /**
   * Returns a copy that does or does not standardise the dimensions.
   *
   * @param standardize whether every dimension is scaled to mean 0 and standard deviation 1 (over the users clustered) before clustering, so that a wide numeric feature does not outweigh one-hot ones; dimensions with no spread become 0. Centroids are reported in the input's units either way. Factor vectors usually need no scaling.
   * @return a new configuration equal to this one except for {@code standardize}; this record is unchanged
   */
  public KMeansConfig withStandardize(boolean standardize) {
    return new KMeansConfig(k, maxIterations, seed, standardize);
  }
}
