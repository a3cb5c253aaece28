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

  /**
   * Validates every parameter.
   *
   * @param lambda the L2 regularisation added to the diagonal of the item Gram matrix, finite and {@code > 0};
   *     larger values shrink the weights towards zero (500 suits MovieLens 100K; it grows with the data's density)
   * @param maxItems the largest catalogue solved densely, at least 1; the dense solve needs about
   *     {@code 20 * items^2} bytes and {@code O(items^3)} time, so a larger catalogue (or one whose dense solve does
   *     not fit in the free heap) is solved item by item over each item's {@code neighbors} nearest neighbours
   * @param neighbors the neighbourhood size of the large-catalogue solve, at least 1: each item's column of weights
   *     is restricted to the {@code neighbors} items that co-occur with it most, at {@code O(neighbors^3)} per item
   * @param threads solve threads, at least 1; the model does not depend on it
   * @throws IllegalArgumentException naming the first parameter out of range and its value
   */
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
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public EaseConfig(float lambda, int maxItems) {
    this(lambda, maxItems, DEFAULT_NEIGHBORS, 1);
  }

  /**
   * Lambda 500, dense up to {@link #DEFAULT_MAX_ITEMS} items, {@link #DEFAULT_NEIGHBORS} neighbours, one thread
   * per available processor (like every other trainer's defaults; the model does not depend on the count).
   *
   * @return the defaults
   */
  public static EaseConfig defaults() {
    return new EaseConfig(500f, DEFAULT_MAX_ITEMS, DEFAULT_NEIGHBORS, Runtime.getRuntime().availableProcessors());
  }

  /**
   * The lambda {@link #forData} picks per mean number of events per item: 10. On the MovieLens 100K reference
   * split's training part (80,000 events over the items it holds, about 49 per item) that gives 490, beside the
   * reference's 500: nDCG@10 0.4336 either way (lambda 200 gave 0.4332, so the optimum is flat there); on Gowalla
   * (19.8 per item) 200, whose neighbourhood solve reached recall@20 0.1704, nDCG@20 0.1403 in a 65 s fit on 2
   * cores with 200 neighbours (0.1671 / 0.1371 in 21.6 s with 100).
   */
  static final double LAMBDA_PER_ITEM_EVENT = 10;

  /**
   * Settings picked from simple statistics of the training data, for a fit with no hyper-parameters given.
   *
   * <p>EASE's penalty acts against the Gram matrix, whose diagonal holds each item's count, so lambda follows the
   * mean count per item: {@code 10 * interactions / items} rounded to a multiple of 10, at least 10 (see
   * {@link #LAMBDA_PER_ITEM_EVENT} for the measurements). The variant follows the catalogue: up to
   * {@link #DEFAULT_MAX_ITEMS} items the exact dense solve (it needs {@code 12 * items^2} bytes: 34 MB at 1,682
   * items, 4.8 GB at 20,000), above it the neighbourhood solve over each item's {@link #DEFAULT_NEIGHBORS} most
   * co-occurring items (the dense one would need 20 GB at Gowalla's 40,981 items).
   *
   * @param users number of users, at least 1
   * @param items number of items, at least 1
   * @param interactions number of stored user-item cells, at least 0
   * @param threads solve threads, at least 1
   * @return the configuration for data of that shape
   * @throws IllegalArgumentException if a count is out of range
   */
  public static EaseConfig forData(int users, int items, long interactions, int threads) {
    if (users < 1 || items < 1 || interactions < 0) {
      throw new IllegalArgumentException("need users >= 1, items >= 1 and interactions >= 0, got " + users
          + ", " + items + ", " + interactions);
    }
    double lambda = Math.max(10, Math.round(LAMBDA_PER_ITEM_EVENT * interactions / items / 10.0) * 10.0);
    return new EaseConfig((float) lambda, DEFAULT_MAX_ITEMS, DEFAULT_NEIGHBORS, threads);
  }

  /**
   * Returns a copy with another regularisation.
   *
   * @param lambda see {@link #lambda()}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public EaseConfig withLambda(float lambda) {
    return new EaseConfig(lambda, maxItems, neighbors, threads);
  }

  /**
   * Returns a copy with another dense limit.
   *
   * @param maxItems see {@link #maxItems()}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public EaseConfig withMaxItems(int maxItems) {
    return new EaseConfig(lambda, maxItems, neighbors, threads);
  }

  /**
   * Returns a copy with another neighbourhood size.
   *
   * @param neighbors see {@link #neighbors()}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public EaseConfig withNeighbors(int neighbors) {
    return new EaseConfig(lambda, maxItems, neighbors, threads);
  }

  /**
   * Returns a copy with another thread count.
   *
   * @param threads see {@link #threads()}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public EaseConfig withThreads(int threads) {
    return new EaseConfig(lambda, maxItems, neighbors, threads);
  }

  /** Bytes the dense solve for {@code items} items needs: the double Gram/inverse plus the float result. */
  static long solveBytes(long items) {
    return items * items * (8L + 4L) + items * DenseInverse.BLOCK * 24L;
  }
}
