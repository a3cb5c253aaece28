package io.github.kindred.content;

import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;

/**
 * Persists content-based models under the algorithm name {@code "content"}: the configuration, the feature encoder
 * (with its feature table, see {@link FeatureEncoderFiles}) and the item profiles, feature-only items included.
 * Thread-safe.
 */
public final class ContentCodec implements ModelCodec<ContentModel> {
  /** Creates the codec (for the service loader). */
  public ContentCodec() {}

  @Override
  public String algorithm() {
    return "content";
  }

  @Override
  public Class<ContentModel> modelType() {
    return ContentModel.class;
  }

  @Override
  public void write(ContentModel model, ModelOutput out) {
    FeatureEncoderFiles.writeWeighting(model.config().weighting(), out);
    out.writeBoolean(model.config().includeFeatureOnlyItems());
    FeatureEncoderFiles.write(model.encoder(), out);
    FeatureEncoder.Encoded p = model.profiles();
    out.writeInts(p.pointers());
    out.writeInts(p.features());
    out.writeFloats(p.values());
  }

  @Override
  public ContentModel read(ModelInput in) throws ModelFormatException {
    ContentConfig config = new ContentConfig(FeatureEncoderFiles.readWeighting(in),
        in.readBoolean());
    FeatureEncoder encoder = FeatureEncoderFiles.read(in);
    int[] pointers = in.readInts(in.items().size() + 1, "profile pointers");
    int[] features = in.readInts();
    in.checkPointers(pointers, features.length, "profile pointers");
    in.checkIndexes(features, encoder.featureCount(), "profile features");
    float[] values = in.readFloats(features.length, "profile values");
    return new ContentModel(config, in.users(), in.items(), encoder,
        new FeatureEncoder.Encoded(pointers, features, values));
  }
}
