package io.github.kindred.content;

import java.util.Objects;

/**
 * Configuration of the content-based model.
 *
 * @param weighting how item features become profile weights; the profiles must be unit length for the scores to
 *     be cosines, so {@link FeatureWeighting#normalize()} must be true
 * @param includeFeatureOnlyItems whether the model's item index is extended with the entities of the item feature
 *     table that the dataset does not know (items with features but no interactions), so that they can be scored;
 *     they get indexes after the dataset's items, in feature-table order
 */
public record ContentConfig(FeatureWeighting weighting, boolean includeFeatureOnlyItems) {
  /**
   * Validates every parameter.
   *
   * @param weighting how item features become profile weights; the profiles must be unit length for the scores to be cosines, so {@link FeatureWeighting#normalize()} must be true
   * @param includeFeatureOnlyItems whether the model's item index is extended with the entities of the item feature table that the dataset does not know (items with features but no interactions), so that they can be scored; they get indexes after the dataset's items, in feature-table order
   */
  public ContentConfig {
    Objects.requireNonNull(weighting, "weighting");
    if (!weighting.normalize()) {
      throw new IllegalArgumentException("weighting.normalize must be true: content scores are cosines");
    }
  }

  /** {@return TF-IDF profiles ({@link FeatureWeighting#tfIdf()}), feature-only items included} */
  public static ContentConfig defaults() {
    return new ContentConfig(FeatureWeighting.tfIdf(), true);
  }

  /**
   * Returns a copy with another weighting.
   *
   * @param weighting how item features become profile weights; the profiles must be unit length for the scores to be cosines, so {@link FeatureWeighting#normalize()} must be true
   * @return a new configuration equal to this one except for {@code weighting}; this record is unchanged
   */
  public ContentConfig withWeighting(FeatureWeighting weighting) {
    return new ContentConfig(weighting, includeFeatureOnlyItems);
  }

  /**
   * Returns a copy that does or does not extend the item index with feature-only items.
   *
   * @param include whether items that the item feature table describes but nobody interacted with get an index
   *     (and a score from their profile alone)
   * @return a new configuration equal to this one except for {@code include}; this record is unchanged
   */
  public ContentConfig withFeatureOnlyItems(boolean include) {
    return new ContentConfig(weighting, include);
  }
}
