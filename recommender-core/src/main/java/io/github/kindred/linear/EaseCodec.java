package io.github.kindred.linear;

import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;

/**
 * Persists EASE models under the algorithm name {@code "ease"}: lambda and dense limit, the dense weight matrix
 * (empty for a sparse model), then the neighbourhood size, the thread count and, for a sparse model, its CSR rows.
 * Files written before the sparse layout end after the dense matrix and still load, with the default
 * neighbourhood and one thread.
 */
public final class EaseCodec implements ModelCodec<EaseModel> {
  /** Creates the codec (for the service loader). */
  public EaseCodec() {}

  @Override
  public String algorithm() {
    return "ease";
  }

  @Override
  public Class<EaseModel> modelType() {
    return EaseModel.class;
  }

  @Override
  public void write(EaseModel m, ModelOutput out) {
    EaseConfig c = m.config();
    out.writeFloat(c.lambda());
    out.writeInt(c.maxItems());
    out.writeFloats(m.isSparse() ? new float[0] : m.weightArray());
    out.writeInt(c.neighbors());
    out.writeInt(c.threads());
    out.writeBoolean(m.isSparse());
    if (m.isSparse()) {
      out.writeInts(m.rowPointers());
      out.writeInts(m.columnIds());
      out.writeFloats(m.sparseValues());
    }
  }

  @Override
  public EaseModel read(ModelInput in) throws ModelFormatException {
    float lambda = in.readFloat();
    int maxItems = in.readInt();
    int n = in.items().size();
    float[] dense = in.readFloats();
    if (in.remaining() == 0) {
      in.check(dense.length == (long) n * n, "weights: expected " + (long) n * n + " values, got " + dense.length);
      return new EaseModel(new EaseConfig(lambda, maxItems, EaseConfig.DEFAULT_NEIGHBORS, 1), in.users(), in.items(),
          dense);
    }
    EaseConfig c = new EaseConfig(lambda, maxItems, in.readInt(), in.readInt());
    if (!in.readBoolean()) {
      in.check(dense.length == (long) n * n, "weights: expected " + (long) n * n + " values, got " + dense.length);
      return new EaseModel(c, in.users(), in.items(), dense);
    }
    in.check(dense.length == 0, "a sparse EASE model has no dense weights, got " + dense.length);
    int[] pointers = in.readInts(n + 1, "weight pointers");
    int[] ids = in.readInts();
    in.checkPointers(pointers, ids.length, "weight pointers");
    in.checkIndexes(ids, n, "weight columns");
    for (int i = 0; i < n; i++) {
      for (int p = pointers[i] + 1; p < pointers[i + 1]; p++) {
        in.check(ids[p - 1] < ids[p], "weight columns of row " + i + " are not strictly ascending");
      }
    }
    float[] values = in.readFloats(ids.length, "weights");
    return new EaseModel(c, in.users(), in.items(), pointers, ids, values);
  }
}
