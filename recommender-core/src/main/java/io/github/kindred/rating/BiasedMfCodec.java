package io.github.kindred.rating;

import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;
import io.github.kindred.rating.RatingModel.RatingState;

/** Persists biased MF models under the algorithm name {@code "biasedmf"}. Thread-safe. */
public final class BiasedMfCodec implements ModelCodec<BiasedMfModel> {
  /** Creates the codec (for the service loader). */
  public BiasedMfCodec() {}

  @Override
  public String algorithm() {
    return "biasedmf";
  }

  @Override
  public Class<BiasedMfModel> modelType() {
    return BiasedMfModel.class;
  }

  @Override
  public void write(BiasedMfModel model, ModelOutput out) {
    BiasedMfConfig c = model.config();
    out.writeInt(c.factors());
    out.writeInt(c.iterations());
    out.writeFloat(c.learningRate());
    out.writeFloat(c.regularization());
    out.writeLong(c.seed());
    RatingState.write(model, out);
  }

  @Override
  public BiasedMfModel read(ModelInput in) throws ModelFormatException {
    BiasedMfConfig c = new BiasedMfConfig(in.readInt(), in.readInt(), in.readFloat(), in.readFloat(), in.readLong());
    RatingState s = RatingState.read(in, c.factors());
    return new BiasedMfModel(c, in.users(), in.items(), s.mean(), s.min(), s.max(), s.userBias(), s.itemBias(),
        s.userFactors(), s.itemFactors());
  }
}
