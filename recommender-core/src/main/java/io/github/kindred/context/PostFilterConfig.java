package io.github.kindred.context;

import java.util.List;
import java.util.Objects;

/**
 * Configuration of contextual post-filtering.
 *
 * @param features the context features whose affinities re-weight the scores; empty means every context feature of
 *     the training log. Copied; not null, no null or repeated names
 * @param strength the exponent of the combined affinity, at least 0: 0 leaves the base scores unchanged, 1 multiplies
 *     them by the product of the affinities
 * @param smoothing how the counts are smoothed
 * @param prior the smoothing's pseudo-count, greater than 0: {@code alpha} per item for
 *     {@link Smoothing#LAPLACE}, the prior's weight {@code m} in events for {@link Smoothing#BAYESIAN}
 */
public record PostFilterConfig(List<String> features, float strength, Smoothing smoothing, float prior) {
  /** How {@code P(item | value)} and {@code P(item)} are estimated from the event counts. */
  public enum Smoothing {
    /**
     * Additive smoothing with a uniform prior: {@code P(i | v) = (n(i, v) + alpha) / (n(v) + alpha * I)} and
     * {@code P(i) = (n(i) + alpha) / (N + alpha * I)}, for {@code I} items. Rare context values pull every item's
     * affinity towards {@code (1 / I) / P(i)}, which favours unpopular items.
     */
    LAPLACE,
    /**
     * Shrinkage towards the marginal (a Bayesian estimate with a prior of weight {@code m} events centred on
     * {@code P(i)}): {@code P(i | v) = (n(i, v) + m * P(i)) / (n(v) + m)}, with {@code P(i) = (n(i) + 1) / (N + I)}.
     * An affinity built on few events stays close to 1, so rare values change little. The default.
     */
    BAYESIAN
  }

  /**
   * Validates every parameter.
   *
   * @param features the context features whose affinities re-weight the scores; empty means every context feature of the training log. Copied; not null, no null or repeated names
   * @param strength the exponent of the combined affinity, at least 0: 0 leaves the base scores unchanged, 1 multiplies them by the product of the affinities
   * @param smoothing how the counts are smoothed
   * @param prior the smoothing's pseudo-count, greater than 0: {@code alpha} per item for {@link Smoothing#LAPLACE}, the prior's weight {@code m} in events for {@link Smoothing#BAYESIAN}
   */
  public PostFilterConfig {
    features = List.copyOf(Objects.requireNonNull(features, "features"));
    if (features.stream().distinct().count() != features.size()) {
      throw new IllegalArgumentException("features must not repeat, got " + features);
    }
    if (!(strength >= 0) || Float.isInfinite(strength)) {
      throw new IllegalArgumentException("strength must be finite and >= 0, got " + strength);
    }
    Objects.requireNonNull(smoothing, "smoothing");
    if (!(prior > 0) || Float.isInfinite(prior)) {
      throw new IllegalArgumentException("prior must be finite and > 0, got " + prior);
    }
  }

  /** {@return every context feature, strength 1, Bayesian smoothing with a prior of 20 events} */
  public static PostFilterConfig defaults() {
    return new PostFilterConfig(List.of(), 1f, Smoothing.BAYESIAN, 20f);
  }

  /**
   * Returns a copy using only the given context features.
   *
   * @param features the context features whose affinities re-weight the scores; empty means every context feature
   *     of the training log. Copied; not null, no null or repeated names
   * @return a new configuration equal to this one except for {@code features}; this record is unchanged
   */
  public PostFilterConfig withFeatures(String... features) {
    return new PostFilterConfig(List.of(features), strength, smoothing, prior);
  }

  /**
   * Returns a copy with another strength.
   *
   * @param strength the exponent of the combined affinity, at least 0: 0 leaves the base scores unchanged, 1 multiplies them by the product of the affinities
   * @return a new configuration equal to this one except for {@code strength}; this record is unchanged
   */
  public PostFilterConfig withStrength(float strength) {
    return new PostFilterConfig(features, strength, smoothing, prior);
  }

  /**
   * Returns a copy with another smoothing and pseudo-count.
   *
   * @param smoothing how the counts are smoothed
   * @param prior the smoothing's pseudo-count, greater than 0: {@code alpha} per item for {@link Smoothing#LAPLACE}, the prior's weight {@code m} in events for {@link Smoothing#BAYESIAN}
   * @return a new configuration equal to this one except for {@code prior}; this record is unchanged
   */
  public PostFilterConfig withSmoothing(Smoothing smoothing, float prior) {
    return new PostFilterConfig(features, strength, smoothing, prior);
  }
}
