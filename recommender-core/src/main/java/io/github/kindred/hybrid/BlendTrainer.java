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

    /** Adds a part fitted on the blend's dataset, with {@code weight} (finite, {@code > 0}). */
    public Builder add(Trainer<?> trainer, float weight) {
      Objects.requireNonNull(trainer, "trainer");
      BlendModel.checkWeight(parts.size(), weight);
      parts.add(trainer);
      weights = Arrays.copyOf(weights, weights.length + 1);
      weights[weights.length - 1] = weight;
      return this;
    }

    /** Adds an already fitted model with {@code weight}; it is used as is, whatever dataset the blend fits. */
    public Builder add(Model model, float weight) {
      Objects.requireNonNull(model, "model");
      return add(data -> model, weight);
    }

    /** Sets the normalisation ({@link ScoreNormalization#Z_SCORE} by default). */
    public Builder normalization(ScoreNormalization normalization) {
      this.normalization = Objects.requireNonNull(normalization, "normalization");
      return this;
    }

    /**
     * Returns the trainer.
     *
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
