package io.github.kindred.hybrid;

import io.github.kindred.model.Model;
import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;
import java.io.IOException;

/**
 * Persists switching models under the algorithm name {@code "switching"}: the threshold, then the cold and the warm
 * model as nested models (each needs a codec of its own). Thread-safe.
 */
public final class SwitchingCodec implements ModelCodec<SwitchingModel> {
  /** Creates the codec (for the service loader). */
  public SwitchingCodec() {}

  @Override
  public String algorithm() {
    return "switching";
  }

  @Override
  public Class<SwitchingModel> modelType() {
    return SwitchingModel.class;
  }

  @Override
  public void write(SwitchingModel model, ModelOutput out) {
    out.writeInt(model.threshold());
    out.writeModel(model.cold());
    out.writeModel(model.warm());
  }

  @Override
  public SwitchingModel read(ModelInput in) throws IOException {
    int threshold = in.readInt();
    Model cold = in.readModel();
    Model warm = in.readModel();
    SwitchingModel m = SwitchingModel.of(cold, warm, threshold);
    HybridCodecs.checkIndexes(in, m);
    return m;
  }
}
