package io.github.kindred.linear;

/**
 * Configuration of EASE.
 *
 * @param lambda the L2 regularisation added to the diagonal of the item Gram matrix, finite and {@code > 0};
 *     larger values shrink the weights towards zero (500 suits MovieLens 100K; it grows with the data's density)
 * @param maxItems the largest catalogue solved densely, at least 1; the dense solve needs about
 *     {@code 20 * items^2} bytes and {@code O(items^3)} time, so a larger catalogue (or one whose dense solve does
 *     not fit in the free heap) is solved item by item over each item's {@code neighbors} nearest neighbours
 * @param neighbors the neighbourhood size of the large-catalogue solve, at least 1: each item's column of weights
 *     is restricted to the {@code neighbors} items that co-occur with it most, at {@code O(neighbors^3)} per item
 * @param threads solve threads, at least 1; the model does not depend on it
 */
public record EaseConfig(float lambda, int maxItems, int neighbors, int threads) {
  /** The default dense limit: 20,000 items need about 8 GB during the dense solve. */
  public static final int DEFAULT_MAX_ITEMS = 20_000;
  /** The default neighbourhood of the large-catalogue solve. */
  public static final int DEFAULT_NEIGHBORS = 200;

  /** Validates every parameter. */
  public EaseConfig {
    if (!(lambda > 0) || Float.isInfinite(lambda)) {
      throw new IllegalArgumentException("lambda must be finite and > 0, got " + lambda);
    }
    if (maxItems < 1) {
      throw new IllegalArgumentException("maxItems must be >= 1, got " + maxItems);
    }
    if (neighbors < 1) {
      throw new IllegalArgumentException("neighbors must be >= 1, got " + neighbors);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
  }

  /**
   * A configuration with the default neighbourhood and one thread.
   *
   * @param lambda see {@link #lambda()}
   * @param maxItems see {@link #maxItems()}
   */
  public EaseConfig(float lambda, int maxItems) {
    this(lambda, maxItems, DEFAULT_NEIGHBORS, 1);
  }

  /**
   * Lambda 500, dense up to {@link #DEFAULT_MAX_ITEMS} items, {@link #DEFAULT_NEIGHBORS} neighbours, one thread.
   *
   * @return the defaults
   */
  public static EaseConfig defaults() {
    return new EaseConfig(500f, DEFAULT_MAX_ITEMS, DEFAULT_NEIGHBORS, 1);
  }

  /**
   * Returns a copy with another regularisation.
   *
   * @param lambda see {@link #lambda()}
   * @return the copy
   */
  public EaseConfig withLambda(float lambda) {
    return new EaseConfig(lambda, maxItems, neighbors, threads);
  }

  /**
   * Returns a copy with another dense limit.
   *
   * @param maxItems see {@link #maxItems()}
   * @return the copy
   */
  public EaseConfig withMaxItems(int maxItems) {
    return new EaseConfig(lambda, maxItems, neighbors, threads);
  }

  /**
   * Returns a copy with another neighbourhood size.
   *
   * @param neighbors see {@link #neighbors()}
   * @return the copy
   */
  public EaseConfig withNeighbors(int neighbors) {
    return new EaseConfig(lambda, maxItems, neighbors, threads);
  }

  /**
   * Returns a copy with another thread count.
   *
   * @param threads see {@link #threads()}
   * @return the copy
   */
  public EaseConfig withThreads(int threads) {
    return new EaseConfig(lambda, maxItems, neighbors, threads);
  }

  /** Bytes the dense solve for {@code items} items needs: the double Gram/inverse plus the float result. */
  static long solveBytes(long items) {
    return items * items * (8L + 4L) + items * DenseInverse.BLOCK * 16L;
  }
}
