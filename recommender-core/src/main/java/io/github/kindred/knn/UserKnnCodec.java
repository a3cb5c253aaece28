package io.github.kindred.knn;

import io.github.kindred.data.DuplicatePolicy;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;

/**
 * Persists user-kNN models under the algorithm name {@code "userknn"}: configuration, neighbour lists and the rows
 * of the training matrix (the column form is rebuilt on loading).
 */
public final class UserKnnCodec implements ModelCodec<UserKnnModel> {
  /** Creates the codec (for the service loader). */
  public UserKnnCodec() {}

  @Override
  public String algorithm() {
    return "userknn";
  }

  @Override
  public Class<UserKnnModel> modelType() {
    return UserKnnModel.class;
  }

  @Override
  public void write(UserKnnModel model, ModelOutput out) {
    UserKnnConfig c = model.config();
    InteractionMatrix m = model.matrix();
    out.writeInt(m.rows());
    out.writeInt(m.columns());
    out.writeInts(m.rowPointers());
    out.writeInts(m.columnIndexes());
    out.writeFloats(m.values());
    NeighborLists.write(out, c.neighbors(), c.similarity(), c.shrinkage(), c.threads(), model.pointers(),
        model.neighborArray(), model.similarityArray());
  }

  @Override
  public UserKnnModel read(ModelInput in) throws ModelFormatException {
    int rows = in.readInt();
    int columns = in.readInt();
    in.check(rows == in.users().size(), "matrix has " + rows + " rows for " + in.users().size() + " users");
    in.check(columns == in.items().size(), "matrix has " + columns + " columns for " + in.items().size() + " items");
    int[] rowPtr = in.readInts(rows + 1, "matrix row pointers");
    int[] cols = in.readInts();
    in.checkPointers(rowPtr, cols.length, "matrix row pointers");
    in.checkIndexes(cols, columns, "matrix columns");
    float[] vals = in.readFloats(cols.length, "matrix values");
    int[] rowOf = new int[cols.length];
    for (int u = 0; u < rows; u++) {
      for (int p = rowPtr[u]; p < rowPtr[u + 1]; p++) {
        rowOf[p] = u;
      }
    }
    InteractionMatrix m = InteractionMatrix.of(rows, columns, rowOf, cols, vals, null, DuplicatePolicy.SUM);
    NeighborLists n = NeighborLists.read(in, rows, "user");
    UserKnnConfig config = new UserKnnConfig(n.neighbors(), n.similarity(), n.shrinkage(), n.threads());
    return new UserKnnModel(config, in.users(), in.items(), m, n.pointers(), n.ids(), n.sims());
  }
}
