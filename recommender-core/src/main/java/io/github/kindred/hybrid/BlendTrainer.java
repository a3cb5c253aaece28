package io.github.kindred.hybrid;

import io.github.kindred.data.Dataset;
import io.github.kindred.model.Model;
import io.github.kindred.model.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Fits every part trainer on the same dataset, in order, and blends the models into a {@link BlendModel}. A part
 * may also be an already fitted model, used as is. Thread-safe; deterministic when the parts are.
 */
public final class BlendTrainer implements Trainer<BlendModel> {
  private final List<Trainer<?>> parts;
  private final float[] weights;
  private final ScoreNormalization normalization;

  private BlendTrainer(List<Trainer<?>> parts, float[] weights, ScoreNormalization normalization) {
    this.parts = parts;
    this.weights = weights;
    this.normalization = normalization;
  }

  /** {@return a builder: z-score normalisation, no parts yet} */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public BlendModel fit(Dataset data) {
    List<Model> models = new ArrayList<>(parts.size());
    for (Trainer<?> t : parts) {
      models.add(Objects.requireNonNull(t.fit(data), "a part trainer returned null"));
    }
    return BlendModel.of(models, weights, normalization);
  }

  /** Collects the parts of a blend. Not thread-safe. */
  public static final class Builder {
    private final List<Trainer<?>> parts = new ArrayList<>();
    private float[] weights = new float[0];
    private ScoreNormalization normalization = ScoreNormalization.Z_SCORE;

    private Builder() {}

    /**
     * Adds a part fitted on the blend's dataset.
     *
     * @param trainer the part's trainer, run by {@link BlendTrainer#fit} on the blend's dataset
     * @param weight the part's weight on its normalised scores, finite and {@code > 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code weight} is not finite and positive
     * @throws NullPointerException if {@code trainer} is null
     */
    public Builder add(Trainer<?> trainer, float weight) {
      Objects.requireNonNull(trainer, "trainer");
      BlendModel.checkWeight(parts.size(), weight);
      parts.add(trainer);
      weights = Arrays.copyOf(weights, weights.length + 1);
      weights[weights.length - 1] = weight;
      return this;
    }

    /**
     * Adds an already fitted model; it is used as is, whatever dataset the blend fits, so its item index must be a
     * prefix of (or equal to) the blend's.
     *
     * @param model the fitted part
     * @param weight the part's weight on its normalised scores, finite and {@code > 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code weight} is not finite and positive
     * @throws NullPointerException if {@code model} is null
     */
    public Builder add(Model model, float weight) {
      Objects.requireNonNull(model, "model");
      return add(data -> model, weight);
    }

    /**
     * Sets how each part's scores are normalised per request before they are weighted, so that parts on different
     * scales (cosine sums, dot products, counts) mix.
     *
     * @param normalization the normalisation; {@link ScoreNormalization#Z_SCORE} by default
     * @return this builder
     * @throws NullPointerException if {@code normalization} is null
     */
    public Builder normalization(ScoreNormalization normalization) {
      this.normalization = Objects.requireNonNull(normalization, "normalization");
      return this;
    }

    /**
     * Returns the trainer.
     *
     * @return the trainer over the parts added so far
     * @throws IllegalArgumentException if no part was added
     */
    public BlendTrainer build() {
      if (parts.isEmpty()) {
        throw new IllegalArgumentException("a blend needs at least one part");
      }
      return new BlendTrainer(List.copyOf(parts), weights.clone(), normalization);
    }
  }
}
