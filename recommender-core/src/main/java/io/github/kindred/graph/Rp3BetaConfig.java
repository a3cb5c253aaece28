package io.github.kindred.graph;

/**
 * Configuration of RP3beta ({@link Rp3BetaTrainer}).
 *
 * @param alpha the exponent applied to both transition probabilities of the walk, finite and {@code > 0}; 1 is the
 *     plain random walk, values below 1 flatten the weights of heavy users and popular items
 * @param beta the popularity penalty, finite and {@code >= 0}: the walk's probability of reaching item {@code j}
 *     is divided by {@code degree(j)^beta} (0 gives plain P3alpha; Paudel et al. 2017 find 0.5 to 0.8 best)
 * @param neighbors how many of the largest weights each item keeps, at least 1
 * @param threads worker threads of the fit, at least 1; the model does not depend on it
 */
public record Rp3BetaConfig(float alpha, float beta, int neighbors, int threads) {
  /**
   * Validates every parameter.
   *
   * @param alpha the exponent applied to both transition probabilities of the walk, finite and {@code > 0}; 1 is the
   *     plain random walk, values below 1 flatten the weights of heavy users and popular items
   * @param beta the popularity penalty, finite and {@code >= 0}: the walk's probability of reaching item {@code j}
   *     is divided by {@code degree(j)^beta} (0 gives plain P3alpha; Paudel et al. 2017 find 0.5 to 0.8 best)
   * @param neighbors how many of the largest weights each item keeps, at least 1
   * @param threads worker threads of the fit, at least 1; the model does not depend on it
   * @throws IllegalArgumentException naming the first parameter out of range and its value
   */
  public Rp3BetaConfig {
    if (!(alpha > 0) || Float.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha must be finite and > 0, got " + alpha);
    }
    if (!(beta >= 0) || Float.isInfinite(beta)) {
      throw new IllegalArgumentException("beta must be finite and >= 0, got " + beta);
    }
    if (neighbors < 1) {
      throw new IllegalArgumentException("neighbors must be >= 1, got " + neighbors);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
  }

  /**
   * Alpha 1, beta 0.5, 200 neighbours, one thread.
   *
   * @return the default configuration
   */
  public static Rp3BetaConfig defaults() {
    return new Rp3BetaConfig(1f, 0.5f, 200, 1);
  }

  /**
   * Settings picked from simple statistics of the training data, for a fit with no hyper-parameters given. The
   * neighbourhood grows with the catalogue (about {@code items / 100}, between 50 and 500), and sparse data
   * (density below 0.5%) gets a softer walk (alpha 0.7) and a lighter penalty (beta 0.3), as long tails of rare
   * items carry the signal there; dense data keeps alpha 1 and beta 0.5.
   *
   * @param users number of users, at least 1
   * @param items number of items, at least 1
   * @param interactions number of distinct user-item pairs, at least 0
   * @param threads worker threads, at least 1
   * @return the configuration for data of that shape
   * @throws IllegalArgumentException if a count is out of range
   */
  public static Rp3BetaConfig forData(int users, int items, long interactions, int threads) {
    if (users < 1 || items < 1 || interactions < 0) {
      throw new IllegalArgumentException("need users >= 1, items >= 1 and interactions >= 0, got " + users
          + ", " + items + ", " + interactions);
    }
    double density = interactions / ((double) users * items);
    int neighbors = Math.max(50, Math.min(500, items / 100));
    boolean sparse = density < 0.005;
    return new Rp3BetaConfig(sparse ? 0.7f : 1f, sparse ? 0.3f : 0.5f, neighbors, threads);
  }

  /**
   * Returns a copy with another alpha.
   *
   * @param alpha the new exponent
   * @return the copy
   */
  public Rp3BetaConfig withAlpha(float alpha) {
    return new Rp3BetaConfig(alpha, beta, neighbors, threads);
  }

  /**
   * Returns a copy with another beta.
   *
   * @param beta the new popularity penalty
   * @return the copy
   */
  public Rp3BetaConfig withBeta(float beta) {
    return new Rp3BetaConfig(alpha, beta, neighbors, threads);
  }

  /**
   * Returns a copy with another neighbourhood size.
   *
   * @param neighbors the new size
   * @return the copy
   */
  public Rp3BetaConfig withNeighbors(int neighbors) {
    return new Rp3BetaConfig(alpha, beta, neighbors, threads);
  }

  /**
   * Returns a copy with another thread count.
   *
   * @param threads the new thread count
   * @return the copy
   */
  public Rp3BetaConfig withThreads(int threads) {
    return new Rp3BetaConfig(alpha, beta, neighbors, threads);
  }
}
