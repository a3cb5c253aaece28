package io.github.kindred.content;

import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.IdIndex;
import java.util.Arrays;
import java.util.Objects;

/**
 * Turns the feature-table rows of a set of entities (items or users) into weighted sparse vectors, with statistics
 * (document frequencies, numeric means and spreads) fitted once on that set and reused for entities met later.
 *
 * <p>The weight of feature {@code f} of field {@code F} in the vector of entity {@code e} is
 * <ul>
 *   <li>for tag, categorical and text fields: {@code w(F) * tf(e, f) * idf(f)}, where {@code tf} is the table's
 *       value (1 for a tag or a categorical value, the number of occurrences for a text token),
 *       {@code idf(f) = ln(N / df(f))} with {@code N} the number of fitted entities the table describes and
 *       {@code df(f)} the number of them that have {@code f} (at least 1, for features only later entities have),
 *       or {@code idf(f) = 1} when IDF is off. A feature every entity has gets weight 0 and is dropped;</li>
 *   <li>for numeric fields: {@code w(F) * scaled(x)} with the {@link NumericScaling} fitted over the values of the
 *       fitted entities that have the feature.</li>
 * </ul>
 * {@code w(F)} is the field weight of the {@link FeatureWeighting}. Entries of weight 0 are not stored. With
 * normalisation on, each vector is then divided by its Euclidean length (an entity without any non-zero entry
 * keeps an empty vector).
 *
 * <p>Immutable and thread-safe. {@link #encode} allocates nothing.
 */
public final class FeatureEncoder {
  private final FeatureTable table;
  private final FeatureWeighting weighting;
  private final int fitted;
  private final float[] offset;
  private final float[] factor;
  private final float[] idf;

  private FeatureEncoder(FeatureTable table, FeatureWeighting weighting, int fitted, float[] offset, float[] factor,
      float[] idf) {
    this.table = table;
    this.weighting = weighting;
    this.fitted = fitted;
    this.offset = offset;
    this.factor = factor;
    this.idf = idf;
  }

  /**
   * Fits the statistics of {@code table} over the entities of {@code entities} that it describes (entities it
   * does not describe are ignored).
   *
   * @param table the features, not null
   * @param entities the entities whose rows define {@code N}, the document frequencies and the numeric statistics
   * @param weighting the weighting scheme
   * @return the encoder, holding {@code table} and the fitted statistics
   */
  public static FeatureEncoder fit(FeatureTable table, IdIndex entities, FeatureWeighting weighting) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(weighting, "weighting");
    int features = table.featureCount();
    int[] df = new int[features];
    double[] sum = new double[features];
    double[] sumSq = new double[features];
    float[] min = new float[features];
    float[] max = new float[features];
    Arrays.fill(min, Float.POSITIVE_INFINITY);
    Arrays.fill(max, Float.NEGATIVE_INFINITY);
    int[] ptr = table.pointers();
    int[] idx = table.featureIndexes();
    float[] val = table.values();
    int n = 0;
    for (int row : table.rowsFor(entities)) {
      if (row < 0) {
        continue;
      }
      n++;
      for (int p = ptr[row]; p < ptr[row + 1]; p++) {
        int f = idx[p];
        float x = val[p];
        df[f]++;
        sum[f] += x;
        sumSq[f] += (double) x * x;
        min[f] = Math.min(min[f], x);
        max[f] = Math.max(max[f], x);
      }
    }
    float[] offset = new float[features];
    float[] factor = new float[features];
    float[] idf = new float[features];
    String[] fieldNames = table.fields();
    for (int f = 0; f < features; f++) {
      int field = table.fieldOf(f);
      float w = weighting.weightOf(fieldNames[field]);
      idf[f] = n == 0 ? 0f : (float) Math.log((double) n / Math.max(df[f], 1));
      if (table.kind(field) == FeatureTable.Kind.NUMERIC) {
        if (df[f] == 0) {
          continue; // no statistics: the feature contributes nothing
        }
        if (weighting.scaling() == NumericScaling.Z_SCORE) {
          double mean = sum[f] / df[f];
          double sd = Math.sqrt(Math.max(0, sumSq[f] / df[f] - mean * mean));
          offset[f] = (float) mean;
          factor[f] = sd > 1e-12 ? (float) (w / sd) : 0f;
        } else {
          double range = (double) max[f] - min[f];
          offset[f] = min[f];
          factor[f] = range > 0 ? (float) (w / range) : 0f;
        }
      } else {
        factor[f] = weighting.idf() ? w * idf[f] : w;
      }
    }
    return new FeatureEncoder(table, weighting, n, offset, factor, idf);
  }

  /** An encoder from its parts, for the codecs; the arrays are kept, not copied. */
  static FeatureEncoder restore(FeatureTable table, FeatureWeighting weighting, int fitted, float[] offset,
      float[] factor, float[] idf) {
    return new FeatureEncoder(table, weighting, fitted, offset, factor, idf);
  }

  /** The per-feature offsets subtracted before scaling, not copied: for the codecs. */
  float[] offsets() {
    return offset;
  }

  /** The per-feature scale factors, not copied: for the codecs. */
  float[] factors() {
    return factor;
  }

  /** The per-feature IDF values, not copied: for the codecs. */
  float[] idfs() {
    return idf;
  }

  /** {@return the table the statistics were fitted on} */
  public FeatureTable table() {
    return table;
  }

  /** {@return the weighting scheme} */
  public FeatureWeighting weighting() {
    return weighting;
  }

  /** {@return {@code N}: the number of fitted entities the table describes} */
  public int fittedEntities() {
    return fitted;
  }

  /** {@return number of features (dimensions of an encoded vector): those of the fitted table} */
  public int featureCount() {
    return factor.length;
  }

  /** {@return the names of the features} */
  public IdIndex features() {
    return table.features();
  }

  /**
   * {@return {@code ln(N / max(df, 1))} of a feature, whether or not IDF weighting is on; 0 for a feature every
   * fitted entity has}
   *
   * @param feature the feature index of the fitted table
   */
  public float idf(int feature) {
    return idf[feature];
  }

  /**
   * Encodes row {@code row} of the fitted table; see {@link #encode(FeatureTable, int, int[], float[])}.
   *
   * @param row a row of {@code source}
   * @param outFeatures receives the feature indexes (not necessarily ascending); at least as long as the row
   * @param outValues receives the weights, aligned with {@code outFeatures}
   * @return the number of entries written
   */
  public int encode(int row, int[] outFeatures, float[] outValues) {
    return encode(table, row, outFeatures, outValues);
  }

  /**
   * Encodes row {@code row} of {@code source} into this encoder's feature space. When {@code source} is not the
   * fitted table, its features are matched by name and features the fitted table does not have are dropped.
   *
   * @param source a table, possibly another one than the fitted table (for example a request's user features)
   * @param row a row of {@code source}
   * @param outFeatures receives the feature indexes (not necessarily ascending); at least as long as the row
   * @param outValues receives the weights, aligned with {@code outFeatures}
   * @return the number of entries written
   * @throws IndexOutOfBoundsException if {@code row} is out of range or the outputs are too short
   */
  public int encode(FeatureTable source, int row, int[] outFeatures, float[] outValues) {
    int[] ptr = source.pointers();
    int[] idx = source.featureIndexes();
    float[] val = source.values();
    boolean same = source == table;
    IdIndex names = source.features();
    IdIndex mine = table.features();
    int n = 0;
    double norm = 0;
    for (int p = ptr[row]; p < ptr[row + 1]; p++) {
      int f = same ? idx[p] : mine.indexOf(names.idOf(idx[p]));
      if (f < 0) {
        continue;
      }
      float w = (val[p] - offset[f]) * factor[f];
      if (w != 0f && Float.isFinite(w)) {
        outFeatures[n] = f;
        outValues[n] = w;
        norm += (double) w * w;
        n++;
      }
    }
    if (weighting.normalize() && norm > 0) {
      float inv = (float) (1 / Math.sqrt(norm));
      for (int k = 0; k < n; k++) {
        outValues[k] *= inv;
      }
    }
    return n;
  }

  /**
   * Encodes every entity of {@code entities} (rows the table does not describe stay empty) into one CSR structure.
   *
   * @param entities the entities to encode, in the order of the result's rows
   * @return the vectors, one row per entity of {@code entities}
   */
  public Encoded encodeAll(IdIndex entities) {
    int[] rows = table.rowsFor(entities);
    int[] ptr = table.pointers();
    int[] pointers = new int[rows.length + 1];
    int total = 0;
    for (int e = 0; e < rows.length; e++) {
      total += rows[e] < 0 ? 0 : ptr[rows[e] + 1] - ptr[rows[e]];
    }
    int[] features = new int[total];
    float[] values = new float[total];
    int[] scratchF = new int[Math.max(1, maxRow())];
    float[] scratchV = new float[scratchF.length];
    int nnz = 0;
    for (int e = 0; e < rows.length; e++) {
      if (rows[e] >= 0) {
        int n = encode(rows[e], scratchF, scratchV);
        System.arraycopy(scratchF, 0, features, nnz, n);
        System.arraycopy(scratchV, 0, values, nnz, n);
        nnz += n;
      }
      pointers[e + 1] = nnz;
    }
    return new Encoded(pointers, Arrays.copyOf(features, nnz), Arrays.copyOf(values, nnz));
  }

  /** {@return the largest number of stored cells in one row of the fitted table} */
  public int maxRow() {
    int[] ptr = table.pointers();
    int m = 0;
    for (int r = 0; r + 1 < ptr.length; r++) {
      m = Math.max(m, ptr[r + 1] - ptr[r]);
    }
    return m;
  }

  /**
   * Encoded vectors of a list of entities in CSR form: entity {@code e} owns {@code [pointers[e], pointers[e+1])}
   * of {@code features} and {@code values}. The arrays are owned by the record; do not modify them.
   *
   * @param pointers row pointers, one more than the entities
   * @param features feature index of each entry
   * @param values weight of each entry
   */
  public record Encoded(int[] pointers, int[] features, float[] values) {
    /** {@return number of entities} */
    public int size() {
      return pointers.length - 1;
    }
  }
}
