package io.github.kindred.graph;

import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;

/**
 * Persists RP3beta models under the algorithm name {@code "rp3beta"}: the configuration and the sparse weight
 * rows (pointers, neighbour indexes, weights).
 */
public final class Rp3BetaCodec implements ModelCodec<Rp3BetaModel> {
  /** Creates the codec (for the service loader). */
  public Rp3BetaCodec() {}

  @Override
  public String algorithm() {
    return "rp3beta";
  }

  @Override
  public Class<Rp3BetaModel> modelType() {
    return Rp3BetaModel.class;
  }

  @Override
  public void write(Rp3BetaModel m, ModelOutput out) {
    Rp3BetaConfig c = m.config();
    out.writeFloat(c.alpha());
    out.writeFloat(c.beta());
    out.writeInt(c.neighbors());
    out.writeInt(c.threads());
    out.writeInts(m.pointerArray());
    out.writeInts(m.neighborArray());
    out.writeFloats(m.weightArray());
  }

  @Override
  public Rp3BetaModel read(ModelInput in) throws ModelFormatException {
    Rp3BetaConfig c;
    try {
      c = new Rp3BetaConfig(in.readFloat(), in.readFloat(), in.readInt(), in.readInt());
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException("rp3beta model: invalid configuration: " + e.getMessage());
    }
    int items = in.items().size();
    int[] pointers = in.readInts(items + 1, "row pointers");
    int[] ids = in.readInts();
    in.checkPointers(pointers, ids.length, "row pointers");
    in.checkIndexes(ids, items, "neighbour indexes");
    for (int i = 0; i < items; i++) {
      in.check(pointers[i + 1] - pointers[i] <= c.neighbors(), "item " + i + " keeps more than "
          + c.neighbors() + " neighbours");
    }
    float[] weights = in.readFloats(ids.length, "weights");
    for (float w : weights) {
      in.check(Float.isFinite(w) && w >= 0, "weight " + w + " is not finite and >= 0");
    }
    return new Rp3BetaModel(c, in.users(), in.items(), pointers, ids, weights);
  }
}
