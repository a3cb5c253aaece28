package io.github.kindred.hybrid;

import io.github.kindred.content.FeatureEncoder;
import io.github.kindred.content.FeatureEncoderFiles;
import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;

/**
 * Persists feature-aware factorisation models under the algorithm name {@code "featuremf"}: the configuration, the
 * user and item vectors and biases, the mean user embedding, the items fold-in samples from, and for each side its
 * feature encoder (with its feature table, see {@link FeatureEncoderFiles}) and feature embeddings, so that a loaded
 * model scores known users, folded-in histories, new users with features and items met later exactly as the saved
 * one. Thread-safe.
 */
public final class FeatureMfCodec implements ModelCodec<FeatureMfModel> {
  /** Creates the codec (for the service loader). */
  public FeatureMfCodec() {}

  @Override
  public String algorithm() {
    return "featuremf";
  }

  @Override
  public Class<FeatureMfModel> modelType() {
    return FeatureMfModel.class;
  }

  @Override
  public void write(FeatureMfModel model, ModelOutput out) {
    FeatureMfConfig c = model.config();
    out.writeInt(c.factors());
    out.writeInt(c.iterations());
    out.writeFloat(c.learningRate());
    out.writeFloat(c.regularization());
    out.writeString(c.loss().name());
    out.writeInt(c.maxSampled());
    out.writeLong(c.seed());
    out.writeInt(c.threads());
    FeatureEncoderFiles.writeWeighting(c.weighting(), out);
    out.writeBoolean(c.includeFeatureOnlyItems());
    out.writeBoolean(c.userIds());
    out.writeBoolean(c.itemIds());
    out.writeFloats(model.meanUserIdArray());
    out.writeFloats(model.userRepArray());
    out.writeFloats(model.itemRepArray());
    out.writeFloats(model.itemBiasArray());
    out.writeInts(model.trainableArray());
    writeSide(model.userSide(), out);
    writeSide(model.itemSide(), out);
  }

  private static void writeSide(FeatureMfModel.Side side, ModelOutput out) {
    FeatureEncoderFiles.write(side.encoder(), out);
    out.writeFloats(side.embeddings());
    out.writeBoolean(side.biases() != null);
    if (side.biases() != null) {
      out.writeFloats(side.biases());
    }
  }

  @Override
  public FeatureMfModel read(ModelInput in) throws ModelFormatException {
    FeatureMfConfig c = new FeatureMfConfig(in.readInt(), in.readInt(), in.readFloat(), in.readFloat(),
        RankingLoss.valueOf(in.readString()), in.readInt(), in.readLong(), in.readInt(),
        FeatureEncoderFiles.readWeighting(in), in.readBoolean(), in.readBoolean(), in.readBoolean());
    int k = c.factors();
    int items = in.items().size();
    float[] meanUserId = in.readFloats(k, "mean user embedding");
    float[] userReps = in.readFloats(Math.multiplyExact(in.users().size(), k), "user vectors");
    float[] itemReps = in.readFloats(Math.multiplyExact(items, k), "item vectors");
    float[] itemBias = in.readFloats(items, "item biases");
    int[] trainable = in.readInts();
    in.checkIndexes(trainable, items, "fold-in items");
    FeatureMfModel.Side users = readSide(in, k, "user");
    FeatureMfModel.Side itemSide = readSide(in, k, "item");
    return new FeatureMfModel(c, in.users(), in.items(), users, itemSide, meanUserId, userReps, itemReps, itemBias,
        trainable);
  }

  private static FeatureMfModel.Side readSide(ModelInput in, int k, String what) throws ModelFormatException {
    FeatureEncoder encoder = FeatureEncoderFiles.read(in);
    int features = encoder.featureCount();
    float[] embeddings = in.readFloats(Math.multiplyExact(features, k), what + " feature embeddings");
    float[] biases = in.readBoolean() ? in.readFloats(features, what + " feature biases") : null;
    return new FeatureMfModel.Side(encoder, embeddings, biases);
  }
}
