package io.github.kindred.content;

import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.IdIndex;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link FeatureEncoder} into a model file and reads it back, for the codecs of feature-aware models: its
 * weighting, its fitted statistics and its whole feature table (entities, feature names, fields and cells), so that
 * a loaded encoder encodes rows of its own table and of other tables (matched by feature name) exactly as the saved
 * one. Stateless and thread-safe.
 */
public final class FeatureEncoderFiles {
  private FeatureEncoderFiles() {}

  /**
   * Writes {@code encoder} to {@code out}: its table, weighting and fitted statistics, so that a loaded model
   * encodes new entities exactly as the saved one did.
   *
   * @param encoder the encoder
   * @param out the model output of the enclosing codec
   */
  public static void write(FeatureEncoder encoder, ModelOutput out) {
    writeWeighting(encoder.weighting(), out);
    out.writeInt(encoder.fittedEntities());
    out.writeFloats(encoder.offsets());
    out.writeFloats(encoder.factors());
    out.writeFloats(encoder.idfs());
    FeatureTable t = encoder.table();
    out.writeIndex(t.entities());
    out.writeIndex(t.features());
    String[] fields = t.fields();
    out.writeInt(fields.length);
    for (int f = 0; f < fields.length; f++) {
      out.writeString(fields[f]);
      out.writeString(t.kind(f).name());
    }
    int[] fieldOf = new int[t.featureCount()];
    for (int f = 0; f < fieldOf.length; f++) {
      fieldOf[f] = t.fieldOf(f);
    }
    out.writeInts(fieldOf);
    out.writeInts(t.pointers());
    out.writeInts(t.featureIndexes());
    out.writeFloats(t.values());
  }

  /**
   * Reads an encoder written by {@link #write}.
   *
   * @param in the model input of the enclosing codec, positioned where {@link #write} began
   * @return the encoder
   * @throws ModelFormatException if the state is inconsistent
   */
  public static FeatureEncoder read(ModelInput in) throws ModelFormatException {
    FeatureWeighting weighting = readWeighting(in);
    int fitted = in.readInt();
    in.check(fitted >= 0, "fitted entity count " + fitted);
    float[] offset = in.readFloats();
    float[] factor = in.readFloats(offset.length, "feature factors");
    float[] idf = in.readFloats(offset.length, "feature IDFs");
    IdIndex entities = in.readIndex("feature table entity");
    IdIndex features = in.readIndex("feature");
    in.check(features.size() == offset.length, "the encoder has " + offset.length + " features, its table "
        + features.size());
    int fieldCount = in.readInt();
    // A field takes at least two string lengths: 8 bytes.
    in.check(fieldCount >= 0 && fieldCount <= in.remaining() / 8, "field count " + fieldCount
        + " does not fit the file");
    String[] fields = new String[fieldCount];
    FeatureTable.Kind[] kinds = new FeatureTable.Kind[fieldCount];
    for (int f = 0; f < fieldCount; f++) {
      fields[f] = in.readString();
      kinds[f] = FeatureTable.Kind.valueOf(in.readString());
    }
    int[] fieldOf = in.readInts(features.size(), "field numbers");
    int[] pointers = in.readInts(entities.size() + 1, "feature table row pointers");
    int[] cells = in.readInts();
    float[] values = in.readFloats(cells.length, "feature table values");
    try {
      FeatureTable table = FeatureTable.of(entities, features, fields, kinds, fieldOf, pointers, cells, values);
      return FeatureEncoder.restore(table, weighting, fitted, offset, factor, idf);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException("invalid feature table: " + e.getMessage(), e);
    }
  }

  /**
   * Writes a weighting scheme; field weights in name order, so that equal schemes give equal bytes.
   *
   * @param w the scheme
   * @param out the model output of the enclosing codec
   */
  public static void writeWeighting(FeatureWeighting w, ModelOutput out) {
    out.writeBoolean(w.idf());
    out.writeString(w.scaling().name());
    out.writeBoolean(w.normalize());
    Map<String, Float> sorted = new TreeMap<>(w.fieldWeights());
    out.writeInt(sorted.size());
    for (Map.Entry<String, Float> e : sorted.entrySet()) {
      out.writeString(e.getKey());
      out.writeFloat(e.getValue());
    }
  }

  /**
   * Reads a weighting scheme written by {@link #writeWeighting}.
   *
   * @param in the model input of the enclosing codec
   * @return the scheme
   * @throws ModelFormatException if it is invalid
   */
  public static FeatureWeighting readWeighting(ModelInput in) throws ModelFormatException {
    boolean idf = in.readBoolean();
    NumericScaling scaling = NumericScaling.valueOf(in.readString());
    boolean normalize = in.readBoolean();
    int n = in.readInt();
    // A field weight takes at least a string length and a float: 8 bytes.
    in.check(n >= 0 && n <= in.remaining() / 8, "field weight count " + n + " does not fit the file");
    Map<String, Float> weights = new HashMap<>();
    for (int k = 0; k < n; k++) {
      weights.put(in.readString(), in.readFloat());
    }
    return new FeatureWeighting(idf, scaling, weights, normalize);
  }
}
