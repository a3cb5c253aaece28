package io.github.kindred.linear;

import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;

/** Persists EASE models under the algorithm name {@code "ease"}: lambda, item limit and the weight matrix. */
public final class EaseCodec implements ModelCodec<EaseModel> {
  /** Creates the codec (for the service loader). */
  public EaseCodec() {}

  @Override
  public String algorithm() {
    return "ease";
  }

  @Override
  public Class<EaseModel> modelType() {
    return EaseModel.class;
  }

  @Override
  public void write(EaseModel m, ModelOutput out) {
    out.writeFloat(m.config().lambda());
    out.writeInt(m.config().maxItems());
    out.writeFloats(m.weightArray());
  }

  @Override
  public EaseModel read(ModelInput in) throws ModelFormatException {
    EaseConfig c = new EaseConfig(in.readFloat(), in.readInt());
    int n = in.items().size();
    float[] weights = in.readFloats(Math.multiplyExact(n, n), "weights");
    return new EaseModel(c, in.users(), in.items(), weights);
  }
}
