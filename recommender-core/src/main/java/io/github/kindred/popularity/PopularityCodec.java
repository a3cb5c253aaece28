package io.github.kindred.popularity;

import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;

/** Persists popularity models under the algorithm name {@code "popularity"}: one score per item. Thread-safe. */
public final class PopularityCodec implements ModelCodec<PopularityTrainer.PopularityModel> {
  /** Creates the codec (for the service loader). */
  public PopularityCodec() {}

  @Override
  public String algorithm() {
    return "popularity";
  }

  @Override
  public Class<PopularityTrainer.PopularityModel> modelType() {
    return PopularityTrainer.PopularityModel.class;
  }

  @Override
  public void write(PopularityTrainer.PopularityModel model, ModelOutput out) {
    out.writeFloats(model.popularity());
  }

  @Override
  public PopularityTrainer.PopularityModel read(ModelInput in) throws ModelFormatException {
    float[] popularity = in.readFloats(in.items().size(), "popularity");
    return new PopularityTrainer.PopularityModel(in.users(), in.items(), popularity);
  }
}
