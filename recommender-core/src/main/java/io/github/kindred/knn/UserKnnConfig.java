package io.github.kindred.knn;

import java.util.Objects;

/**
 * Configuration of user-kNN.
 *
 * @param neighbors how many most similar users each user keeps, at least 1 (50 to 100 is a good start)
 * @param similarity the similarity measure between two users' interaction vectors
 * @param shrinkage added to the similarity's denominator, at least 0; damps similarities built on few shared items
 * @param threads training threads, at least 1; the model does not depend on it
 */
public record UserKnnConfig(int neighbors, Similarity similarity, float shrinkage, int threads) {
  /**
   * Validates every parameter.
   *
   * @param neighbors how many most similar users each user keeps, at least 1 (50 to 100 is a good start)
   * @param similarity the similarity measure between two users' interaction vectors
   * @param shrinkage added to the similarity's denominator, at least 0; damps similarities built on few shared items
   * @param threads training threads, at least 1; the model does not depend on it
   */
  public UserKnnConfig {
    if (neighbors < 1) {
      throw new IllegalArgumentException("neighbors must be >= 1, got " + neighbors);
    }
    Objects.requireNonNull(similarity, "similarity");
    if (similarity == Similarity.ASYMMETRIC) {
      throw new IllegalArgumentException("similarity asymmetric is for item kNN only; use cosine or jaccard");
    }
    if (!(shrinkage >= 0) || Float.isInfinite(shrinkage)) {
      throw new IllegalArgumentException("shrinkage must be finite and >= 0, got " + shrinkage);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
  }

  /**
   * Cosine, 60 neighbours, shrinkage 2, all available processors: nDCG@10 0.3884 on the MovieLens 100K reference
   * split, where the classic cosine with 50 neighbours and no shrinkage gets 0.3845 (as RankSys does); the
   * measure is flat between 50 and 100 neighbours and shrinkage 0 to 5.
   *
   * @return the default configuration
   */
  public static UserKnnConfig defaults() {
    return new UserKnnConfig(60, Similarity.COSINE, 2f, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Returns a copy with another neighbourhood size.
   *
   * @param neighbors how many most similar users each user keeps, at least 1 (50 to 100 is a good start)
   * @return a new configuration equal to this one except for {@code neighbors}; this record is unchanged
   */
  public UserKnnConfig withNeighbors(int neighbors) {
    return new UserKnnConfig(neighbors, similarity, shrinkage, threads);
  }

  /**
   * Returns a copy with another similarity.
   *
   * @param similarity the similarity measure between two users' interaction vectors
   * @return a new configuration equal to this one except for {@code similarity}; this record is unchanged
   */
  public UserKnnConfig withSimilarity(Similarity similarity) {
    return new UserKnnConfig(neighbors, similarity, shrinkage, threads);
  }

  /**
   * Returns a copy with another shrinkage.
   *
   * @param shrinkage added to the similarity's denominator, at least 0; damps similarities built on few shared items
   * @return a new configuration equal to this one except for {@code shrinkage}; this record is unchanged
   */
  public UserKnnConfig withShrinkage(float shrinkage) {
    return new UserKnnConfig(neighbors, similarity, shrinkage, threads);
  }

  /**
   * Returns a copy with another thread count.
   *
   * @param threads training threads, at least 1; the model does not depend on it
   * @return a new configuration equal to this one except for {@code threads}; this record is unchanged
   */
  public UserKnnConfig withThreads(int threads) {
    return new UserKnnConfig(neighbors, similarity, shrinkage, threads);
  }
}
