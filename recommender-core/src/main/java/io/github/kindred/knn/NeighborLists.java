package io.github.kindred.knn;

import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;

/**
 * The persisted form shared by item-kNN and user-kNN: the configuration fields they have in common and the
 * neighbour lists as one CSR structure, checked on reading.
 */
record NeighborLists(int neighbors, Similarity similarity, float shrinkage, int threads, int[] pointers,
    int[] ids, float[] sims) {

  static void write(ModelOutput out, int neighbors, Similarity similarity, float shrinkage, int threads,
      int[] pointers, int[] ids, float[] sims) {
    out.writeInt(neighbors);
    out.writeString(similarity.name());
    out.writeFloat(shrinkage);
    out.writeInt(threads);
    out.writeInts(pointers);
    out.writeInts(ids);
    out.writeFloats(sims);
  }

  /** Reads lists for {@code rows} rows whose neighbours are indexes below {@code rows}. */
  static NeighborLists read(ModelInput in, int rows, String what) throws ModelFormatException {
    int neighbors = in.readInt();
    String name = in.readString();
    Similarity similarity = null;
    for (Similarity s : Similarity.values()) {
      if (s.name().equals(name)) {
        similarity = s;
      }
    }
    in.check(similarity != null, "unknown similarity '" + name + "'");
    float shrinkage = in.readFloat();
    int threads = in.readInt();
    int[] pointers = in.readInts(rows + 1, what + " pointers");
    int[] ids = in.readInts();
    in.checkPointers(pointers, ids.length, what + " pointers");
    in.checkIndexes(ids, rows, what + " neighbours");
    float[] sims = in.readFloats(ids.length, what + " similarities");
    return new NeighborLists(neighbors, similarity, shrinkage, threads, pointers, ids, sims);
  }
}
