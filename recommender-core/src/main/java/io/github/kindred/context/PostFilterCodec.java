package io.github.kindred.context;

import io.github.kindred.model.Model;
import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;
import java.io.IOException;

/**
 * Persists contextual post-filter models under the algorithm name {@code "postfilter"}: the configuration, the
 * context features with their training values, the item-context affinities, and the base model as a nested model
 * (it needs a codec of its own). Thread-safe.
 */
public final class PostFilterCodec implements ModelCodec<ContextualPostFilter.PostFilterModel> {
  /** Creates the codec (for the service loader). */
  public PostFilterCodec() {}

  @Override
  public String algorithm() {
    return "postfilter";
  }

  @Override
  public Class<ContextualPostFilter.PostFilterModel> modelType() {
    return ContextualPostFilter.PostFilterModel.class;
  }

  @Override
  public void write(ContextualPostFilter.PostFilterModel model, ModelOutput out) {
    PostFilterConfig c = model.config();
    ContextCodecs.writeStrings(c.features(), out);
    out.writeFloat(c.strength());
    out.writeString(c.smoothing().name());
    out.writeFloat(c.prior());
    ContextCodecs.writeSchema(model.schema(), out);
    for (float[] w : model.weightArrays()) {
      out.writeFloats(w);
    }
    out.writeModel(model.base());
  }

  @Override
  public ContextualPostFilter.PostFilterModel read(ModelInput in) throws IOException {
    PostFilterConfig c = new PostFilterConfig(ContextCodecs.readStrings(in, "context feature"), in.readFloat(),
        PostFilterConfig.Smoothing.valueOf(in.readString()), in.readFloat());
    ContextSchema schema = ContextCodecs.readSchema(in);
    int items = in.items().size();
    float[][] weights = new float[schema.size()][];
    for (int f = 0; f < weights.length; f++) {
      weights[f] = in.readFloats(Math.multiplyExact(schema.valueCount(f), items), "affinities of '"
          + schema.name(f) + "'");
    }
    Model base = in.readModel();
    in.check(base.items().equals(in.items()) && base.users().equals(in.users()),
        "the base model's indexes differ from the post-filter's");
    return new ContextualPostFilter.PostFilterModel(base, schema, weights, c);
  }
}
