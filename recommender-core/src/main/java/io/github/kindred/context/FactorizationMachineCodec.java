package io.github.kindred.context;

import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;

/**
 * Persists factorisation machines under the algorithm name {@code "fm"}: the configuration, the context features
 * with their training values, the sparse user-side and item-side inputs, the linear weights and the factor vectors.
 * The per-item and per-user sums the model precomputes are rebuilt on loading, by the same code. Thread-safe.
 */
public final class FactorizationMachineCodec implements ModelCodec<FactorizationMachineModel> {
  /** Creates the codec (for the service loader). */
  public FactorizationMachineCodec() {}

  @Override
  public String algorithm() {
    return "fm";
  }

  @Override
  public Class<FactorizationMachineModel> modelType() {
    return FactorizationMachineModel.class;
  }

  @Override
  public void write(FactorizationMachineModel model, ModelOutput out) {
    FactorizationMachineConfig c = model.config();
    out.writeInt(c.factors());
    out.writeInt(c.epochs());
    out.writeFloat(c.learningRate());
    out.writeFloat(c.regularization());
    out.writeFloat(c.biasRegularization());
    out.writeFloat(c.initStd());
    out.writeBoolean(c.useContext());
    ContextCodecs.writeStrings(c.contextFeatures(), out);
    out.writeBoolean(c.itemFeatures());
    out.writeBoolean(c.userFeatures());
    out.writeLong(c.seed());
    ContextCodecs.writeSchema(model.schema(), out);
    out.writeInt(model.contextBase());
    out.writeFloats(model.linearWeights());
    out.writeFloats(model.factorArray());
    ContextCodecs.writeRows(model.userSide(), out);
    ContextCodecs.writeRows(model.itemSide(), out);
  }

  @Override
  public FactorizationMachineModel read(ModelInput in) throws ModelFormatException {
    FactorizationMachineConfig c = new FactorizationMachineConfig(in.readInt(), in.readInt(), in.readFloat(),
        in.readFloat(), in.readFloat(), in.readFloat(), in.readBoolean(),
        ContextCodecs.readStrings(in, "context feature"), in.readBoolean(), in.readBoolean(),
        in.readLong());
    ContextSchema schema = ContextCodecs.readSchema(in);
    int contextBase = in.readInt();
    float[] w = in.readFloats();
    int inputs = w.length;
    in.check(contextBase >= 0 && (long) contextBase + schema.totalValues() <= inputs, "context inputs from "
        + contextBase + " for " + schema.totalValues() + " values exceed the " + inputs + " inputs");
    float[] v = in.readFloats(Math.multiplyExact(inputs, c.factors()), "factor vectors");
    FactorizationMachine.SparseRows users = ContextCodecs.readRows(in, in.users().size(), inputs, "user");
    FactorizationMachine.SparseRows items = ContextCodecs.readRows(in, in.items().size(), inputs, "item");
    return new FactorizationMachineModel(c, in.users(), in.items(), schema, contextBase, users, items, w, v);
  }
}
