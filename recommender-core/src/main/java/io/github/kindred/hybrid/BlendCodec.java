package io.github.kindred.hybrid;

import io.github.kindred.model.Model;
import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Persists blends under the algorithm name {@code "blend"}: the normalisation, then each part's weight and the part
 * itself as a nested model (so every part needs a codec of its own). The item and user indexes of the loaded blend
 * are derived from its parts, as when it was built, and must equal the stored ones. Thread-safe.
 */
public final class BlendCodec implements ModelCodec<BlendModel> {
  /** Creates the codec (for the service loader). */
  public BlendCodec() {}

  @Override
  public String algorithm() {
    return "blend";
  }

  @Override
  public Class<BlendModel> modelType() {
    return BlendModel.class;
  }

  @Override
  public void write(BlendModel model, ModelOutput out) {
    out.writeString(model.normalization().name());
    List<Model> parts = model.parts();
    out.writeInt(parts.size());
    for (int k = 0; k < parts.size(); k++) {
      out.writeFloat(model.weight(k));
      out.writeModel(parts.get(k));
    }
  }

  @Override
  public BlendModel read(ModelInput in) throws IOException {
    ScoreNormalization normalization = ScoreNormalization.valueOf(in.readString());
    int n = in.readInt();
    // A part takes at least its weight, an algorithm name and two index markers: 16 bytes.
    in.check(n >= 1 && n <= in.remaining() / 16, "part count " + n + " does not fit the file");
    float[] weights = new float[n];
    List<Model> parts = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      weights[k] = in.readFloat();
      parts.add(in.readModel());
    }
    BlendModel blend = BlendModel.of(parts, weights, normalization);
    HybridCodecs.checkIndexes(in, blend);
    return blend;
  }
}
