package io.github.kindred.factorization;

import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;

/** Persists BPR models under the algorithm name {@code "bpr"}. Thread-safe. */
public final class BprCodec implements ModelCodec<BprModel> {
  /** Creates the codec (for the service loader). */
  public BprCodec() {}

  @Override
  public String algorithm() {
    return "bpr";
  }

  @Override
  public Class<BprModel> modelType() {
    return BprModel.class;
  }

  @Override
  public void write(BprModel m, ModelOutput out) {
    BprConfig c = m.config();
    out.writeInt(c.factors());
    out.writeInt(c.iterations());
    out.writeFloat(c.learningRate());
    out.writeFloat(c.regularization());
    out.writeBoolean(c.itemBiases());
    out.writeLong(c.seed());
    out.writeInt(c.threads());
    out.writeFloats(m.userFactors());
    out.writeFloats(m.itemFactors());
    if (c.itemBiases()) {
      out.writeFloats(m.itemBiasArray());
    }
  }

  @Override
  public BprModel read(ModelInput in) throws ModelFormatException {
    BprConfig c = new BprConfig(in.readInt(), in.readInt(), in.readFloat(), in.readFloat(), in.readBoolean(),
        in.readLong(), in.readInt());
    float[] p = in.readFloats(Math.multiplyExact(in.users().size(), c.factors()), "user factors");
    float[] q = in.readFloats(Math.multiplyExact(in.items().size(), c.factors()), "item factors");
    float[] biases = c.itemBiases() ? in.readFloats(in.items().size(), "item biases") : null;
    return new BprModel(c, in.users(), in.items(), p, q, biases);
  }
}
