package io.github.kindred.graph;

import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;

/**
 * Persists graph filters under the algorithm name {@code "gfcf"}: the configuration (the sharpening solver and
 * merge point as their ordinals), the training matrix's
 * structure (CSR pointers and item indexes, from which the degrees and the column orientation are rebuilt), and
 * the kept singular values and vectors.
 */
public final class GraphFilterCodec implements ModelCodec<GraphFilterModel> {
  /** Creates the codec (for the service loader). */
  public GraphFilterCodec() {}

  @Override
  public String algorithm() {
    return "gfcf";
  }

  @Override
  public Class<GraphFilterModel> modelType() {
    return GraphFilterModel.class;
  }

  @Override
  public void write(GraphFilterModel m, ModelOutput out) {
    GraphFilterConfig c = m.config();
    out.writeInt(c.rank());
    out.writeFloat(c.alpha());
    out.writeFloat(c.sharpen());
    out.writeInt(c.steps());
    out.writeInt(c.oversampling());
    out.writeInt(c.powerIterations());
    out.writeLong(c.seed());
    out.writeInt(c.threads());
    out.writeInt(c.maxMemoryMb());
    out.writeInt(c.solver().ordinal());
    out.writeInt(c.merge().ordinal());
    out.writeInt(m.rank());
    out.writeInts(m.graph().rowPointers);
    out.writeInts(m.graph().columns);
    out.writeDoubles(m.singularValueArray());
    out.writeFloats(m.vectorArray());
  }

  @Override
  public GraphFilterModel read(ModelInput in) throws ModelFormatException {
    GraphFilterConfig c;
    try {
      c = new GraphFilterConfig(in.readInt(), in.readFloat(), in.readFloat(), in.readInt(), in.readInt(),
          in.readInt(), in.readLong(), in.readInt(), in.readInt(), enumAt(GraphFilterConfig.Solver.values(),
          in.readInt(), "solver"), enumAt(GraphFilterConfig.Merge.values(), in.readInt(), "merge"));
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException("gfcf model: invalid configuration: " + e.getMessage());
    }
    int users = in.users().size();
    int items = in.items().size();
    int rank = in.readInt();
    in.check(rank >= 0 && rank <= Math.min(c.rank(), Math.min(users, items)),
        "rank " + rank + " is not in [0, min(configured rank, users, items)]");
    int[] pointers = in.readInts(users + 1, "row pointers");
    int[] columns = in.readInts();
    in.checkPointers(pointers, columns.length, "row pointers");
    in.checkIndexes(columns, items, "item indexes");
    for (int u = 0; u < users; u++) {
      for (int p = pointers[u] + 1; p < pointers[u + 1]; p++) {
        in.check(columns[p] > columns[p - 1], "item indexes of user " + u + " are not strictly ascending");
      }
    }
    double[] singular = in.readDoubles();
    in.check(singular.length == rank, "singular values has " + singular.length + " elements, expected " + rank);
    for (double s : singular) {
      in.check(s >= 0 && s <= 1 + 1e-6, "singular value " + s + " is not in [0, 1]");
    }
    float[] vectors = in.readFloats(Math.multiplyExact(items, rank), "singular vectors");
    for (float v : vectors) {
      in.check(Float.isFinite(v), "a singular vector entry is not finite");
    }
    NormalizedGraph graph = new NormalizedGraph(users, items, pointers, columns);
    return new GraphFilterModel(c, in.users(), in.items(), graph, rank, vectors, singular);
  }

  private static <E extends Enum<E>> E enumAt(E[] values, int ordinal, String name) {
    if (ordinal < 0 || ordinal >= values.length) {
      throw new IllegalArgumentException(name + " code " + ordinal + " is not in [0, " + values.length + ")");
    }
    return values[ordinal];
  }
}
