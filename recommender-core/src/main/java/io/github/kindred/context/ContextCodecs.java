package io.github.kindred.context;

import io.github.kindred.data.IdIndex;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;
import java.util.ArrayList;
import java.util.List;

/** What the context codecs share: context schemas, name lists and sparse input rows. */
final class ContextCodecs {
  private ContextCodecs() {}

  static void writeSchema(ContextSchema schema, ModelOutput out) {
    out.writeInt(schema.size());
    for (int f = 0; f < schema.size(); f++) {
      out.writeString(schema.name(f));
      out.writeInt(schema.logFeature(f));
      out.writeIndex(schema.values(f));
    }
  }

  static ContextSchema readSchema(ModelInput in) throws ModelFormatException {
    int n = in.readInt();
    // A feature takes at least a name length, its log index and a value count: 12 bytes.
    in.check(n >= 0 && n <= in.remaining() / 12, "context feature count " + n + " does not fit the file");
    String[] names = new String[n];
    int[] logFeature = new int[n];
    IdIndex[] values = new IdIndex[n];
    for (int f = 0; f < n; f++) {
      names[f] = in.readString();
      logFeature[f] = in.readInt();
      in.check(logFeature[f] >= 0, "context feature '" + names[f] + "' has log index " + logFeature[f]);
      values[f] = in.readIndex("context value");
    }
    return ContextSchema.of(names, logFeature, values);
  }

  static void writeStrings(List<String> strings, ModelOutput out) {
    out.writeInt(strings.size());
    for (String s : strings) {
      out.writeString(s);
    }
  }

  static List<String> readStrings(ModelInput in, String what) throws ModelFormatException {
    int n = in.readInt();
    in.check(n >= 0 && n <= in.remaining() / 4, what + " count " + n + " does not fit the file");
    List<String> strings = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      strings.add(in.readString());
    }
    return strings;
  }

  static void writeRows(FactorizationMachine.SparseRows rows, ModelOutput out) {
    out.writeInts(rows.pointers);
    out.writeInts(rows.indexes);
    out.writeFloats(rows.values);
  }

  /** Reads the sparse rows of {@code count} entities over {@code inputs} inputs. */
  static FactorizationMachine.SparseRows readRows(ModelInput in, int count, int inputs, String what)
      throws ModelFormatException {
    int[] pointers = in.readInts(count + 1, what + " row pointers");
    int[] indexes = in.readInts();
    in.checkPointers(pointers, indexes.length, what + " row pointers");
    in.checkIndexes(indexes, inputs, what + " inputs");
    float[] values = in.readFloats(indexes.length, what + " values");
    return new FactorizationMachine.SparseRows(pointers, indexes, values);
  }
}
