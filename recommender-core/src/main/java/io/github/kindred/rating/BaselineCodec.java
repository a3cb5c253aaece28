package io.github.kindred.rating;

import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;
import io.github.kindred.rating.RatingModel.RatingState;

/** Persists baseline predictors under the algorithm name {@code "baseline"}. Thread-safe. */
public final class BaselineCodec implements ModelCodec<BaselineModel> {
  /** Creates the codec (for the service loader). */
  public BaselineCodec() {}

  @Override
  public String algorithm() {
    return "baseline";
  }

  @Override
  public Class<BaselineModel> modelType() {
    return BaselineModel.class;
  }

  @Override
  public void write(BaselineModel model, ModelOutput out) {
    BaselineConfig c = model.config();
    out.writeFloat(c.itemRegularization());
    out.writeFloat(c.userRegularization());
    out.writeInt(c.iterations());
    RatingState.write(model, out);
  }

  @Override
  public BaselineModel read(ModelInput in) throws ModelFormatException {
    BaselineConfig c = new BaselineConfig(in.readFloat(), in.readFloat(), in.readInt());
    RatingState s = RatingState.read(in, 0);
    return new BaselineModel(c, in.users(), in.items(), s.mean(), s.min(), s.max(), s.userBias(), s.itemBias());
  }
}
