package io.github.kindred.rating;

import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;
import io.github.kindred.rating.RatingModel.RatingState;

/** Persists explicit-ALS models under the algorithm name {@code "als"}. Thread-safe. */
public final class ExplicitAlsCodec implements ModelCodec<ExplicitAlsModel> {
  /** Creates the codec (for the service loader). */
  public ExplicitAlsCodec() {}

  @Override
  public String algorithm() {
    return "als";
  }

  @Override
  public Class<ExplicitAlsModel> modelType() {
    return ExplicitAlsModel.class;
  }

  @Override
  public void write(ExplicitAlsModel model, ModelOutput out) {
    ExplicitAlsConfig c = model.config();
    out.writeInt(c.factors());
    out.writeInt(c.iterations());
    out.writeFloat(c.regularization());
    out.writeLong(c.seed());
    out.writeInt(c.threads());
    RatingState.write(model, out);
  }

  @Override
  public ExplicitAlsModel read(ModelInput in) throws ModelFormatException {
    ExplicitAlsConfig c =
        new ExplicitAlsConfig(in.readInt(), in.readInt(), in.readFloat(), in.readLong(), in.readInt());
    RatingState s = RatingState.read(in, c.factors());
    return new ExplicitAlsModel(c, in.users(), in.items(), s.mean(), s.min(), s.max(), s.userBias(), s.itemBias(),
        s.userFactors(), s.itemFactors());
  }
}
