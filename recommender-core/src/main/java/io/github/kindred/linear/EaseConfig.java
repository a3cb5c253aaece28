package io.github.kindred.linear;

/**
 * Configuration of EASE.
 *
 * @param lambda the L2 regularisation added to the diagonal of the item Gram matrix, finite and {@code > 0};
 *     larger values shrink the weights towards zero (500 suits MovieLens 100K; it grows with the data's density)
 * @param maxItems the largest item count the trainer accepts, at least 1; the dense solve needs about
 *     {@code 20 * items^2} bytes and {@code O(items^3)} time, so this guards against an accidental huge fit
 */
public record EaseConfig(float lambda, int maxItems) {
  /** The default item limit: 20,000 items need about 8 GB during the solve. */
  public static final int DEFAULT_MAX_ITEMS = 20_000;

  /** Validates every parameter. */
  public EaseConfig {
    if (!(lambda > 0) || Float.isInfinite(lambda)) {
      throw new IllegalArgumentException("lambda must be finite and > 0, got " + lambda);
    }
    if (maxItems < 1) {
      throw new IllegalArgumentException("maxItems must be >= 1, got " + maxItems);
    }
  }

  /** Lambda 500, at most {@link #DEFAULT_MAX_ITEMS} items. */
  public static EaseConfig defaults() {
    return new EaseConfig(500f, DEFAULT_MAX_ITEMS);
  }

  /** Returns a copy with another regularisation. */
  public EaseConfig withLambda(float lambda) {
    return new EaseConfig(lambda, maxItems);
  }

  /** Returns a copy with another item limit. */
  public EaseConfig withMaxItems(int maxItems) {
    return new EaseConfig(lambda, maxItems);
  }

  /** Bytes the dense solve for {@code items} items needs: the double Gram/inverse pair plus the float result. */
  static long solveBytes(long items) {
    return items * items * (8L + 8L + 4L);
  }
}
