package io.github.kindred.content;

import java.util.Map;
import java.util.Objects;

/**
 * How the features of an entity become the weights of its sparse profile vector; see {@link FeatureEncoder} for
 * the formulas.
 *
 * @param idf whether non-numeric features are multiplied by their inverse document frequency {@code ln(N / df)}
 * @param scaling how numeric features are scaled
 * @param fieldWeights a weight per field name (finite and {@code >= 0}); fields not named get weight 1; a weight of
 *     0 drops the field. Copied, never null
 * @param normalize whether each profile is scaled to unit Euclidean (L2) length
 */
public record FeatureWeighting(boolean idf, NumericScaling scaling, Map<String, Float> fieldWeights,
    boolean normalize) {
  /**
   * Validates every parameter and copies the field weights.
   *
   * @param idf whether non-numeric features are multiplied by their inverse document frequency {@code ln(N / df)}
   * @param scaling how numeric features are scaled
   * @param fieldWeights a weight per field name (finite and {@code >= 0}); fields not named get weight 1; a weight of 0 drops the field. Copied, never null
   * @param normalize whether each profile is scaled to unit Euclidean (L2) length
   */
  public FeatureWeighting {
    Objects.requireNonNull(scaling, "scaling");
    Objects.requireNonNull(fieldWeights, "fieldWeights");
    for (Map.Entry<String, Float> e : fieldWeights.entrySet()) {
      Float w = Objects.requireNonNull(e.getValue(), () -> "weight of field '" + e.getKey() + "'");
      if (!(w >= 0) || Float.isInfinite(w)) {
        throw new IllegalArgumentException("weight of field '" + e.getKey() + "' must be finite and >= 0, got " + w);
      }
    }
    fieldWeights = Map.copyOf(fieldWeights);
  }

  /** {@return TF-IDF, z-scored numbers, all fields weight 1, unit-length profiles: the content-based default} */
  public static FeatureWeighting tfIdf() {
    return new FeatureWeighting(true, NumericScaling.Z_SCORE, Map.of(), true);
  }

  /**
   * {@return raw term frequencies without IDF, z-scored numbers, unit-length profiles: the feature-aware model's
   * default}
   */
  public static FeatureWeighting plain() {
    return new FeatureWeighting(false, NumericScaling.Z_SCORE, Map.of(), true);
  }

  /**
   * {@return the weight of a field: its entry in {@link #fieldWeights()}, or 1}
   *
   * @param field the field name
   */
  public float weightOf(String field) {
    Float w = fieldWeights.get(field);
    return w == null ? 1f : w;
  }

  /**
   * Returns a copy with IDF switched on or off.
   *
   * @param idf whether non-numeric features are multiplied by their inverse document frequency {@code ln(N / df)}
   * @return a new configuration equal to this one except for {@code idf}; this record is unchanged
   */
  public FeatureWeighting withIdf(boolean idf) {
    return new FeatureWeighting(idf, scaling, fieldWeights, normalize);
  }

  /**
   * Returns a copy with another numeric scaling.
   *
   * @param scaling how numeric features are scaled
   * @return a new configuration equal to this one except for {@code scaling}; this record is unchanged
   */
  public FeatureWeighting withScaling(NumericScaling scaling) {
    return new FeatureWeighting(idf, scaling, fieldWeights, normalize);
  }

  /**
   * Returns a copy with other field weights.
   *
   * @param fieldWeights a weight per field name (finite and {@code >= 0}); fields not named get weight 1; a weight of 0 drops the field. Copied, never null
   * @return a new configuration equal to this one except for {@code fieldWeights}; this record is unchanged
   */
  public FeatureWeighting withFieldWeights(Map<String, Float> fieldWeights) {
    return new FeatureWeighting(idf, scaling, fieldWeights, normalize);
  }

  /**
   * Returns a copy with L2 normalisation switched on or off.
   *
   * @param normalize whether each profile is scaled to unit Euclidean (L2) length
   * @return a new configuration equal to this one except for {@code normalize}; this record is unchanged
   */
  public FeatureWeighting withNormalize(boolean normalize) {
    return new FeatureWeighting(idf, scaling, fieldWeights, normalize);
  }
}
