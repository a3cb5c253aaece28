package io.github.kindred.data;

import it.unimi.dsi.fastutil.ints.Int2FloatLinkedOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Features of entities (items or users): a sparse entity-by-feature matrix in CSR form with named features.
 *
 * <p>Each feature belongs to a <em>field</em> of one {@link Kind}: a categorical field such as {@code gender} gives
 * one feature {@code gender=F} of value 1; a tag field gives one feature per tag ({@code genre=Action}); a numeric
 * field gives one feature named after the field holding the raw number; a text field gives one feature per token
 * ({@code title~star}) holding the token's count. Entities are keyed by their external ids, independently of any
 * interaction log, so that a table may describe items or users that have no interactions yet (cold start).
 * Immutable and safe to share between threads.
 */
public final class FeatureTable {
  /** The kind of a field. */
  public enum Kind {
    /** One value per entity, for example an occupation. */
    CATEGORICAL,
    /** Any number of values per entity, for example genres. */
    TAG,
    /** A number, for example a release year. */
    NUMERIC,
    /** Free text, split into lower-case tokens. */
    TEXT
  }

  private static final Pattern TOKEN_SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final IdIndex entities;
  private final IdIndex features;
  private final String[] fields;
  private final Kind[] kinds;
  private final int[] fieldOfFeature;
  private final int[] pointers;
  private final int[] featureIndexes;
  private final float[] values;

  private FeatureTable(IdIndex entities, IdIndex features, String[] fields, Kind[] kinds, int[] fieldOfFeature,
      int[] pointers, int[] featureIndexes, float[] values) {
    this.entities = entities;
    this.features = features;
    this.fields = fields;
    this.kinds = kinds;
    this.fieldOfFeature = fieldOfFeature;
    this.pointers = pointers;
    this.featureIndexes = featureIndexes;
    this.values = values;
  }

  /** {@return an empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A table from its parts as the accessors return them ({@link #fields()}, {@link #kind}, {@link #fieldOf},
   * {@link #pointers()}, {@link #featureIndexes()}, {@link #values()}): for restoring a table saved with a model.
   * The arrays are kept, not copied; the caller must not modify them afterwards. O(cells) to validate.
   *
   * @param entities the described entities by external id; row {@code r} describes {@code entities.idOf(r)}
   * @param features the feature names; feature {@code f} is {@code features.idOf(f)}
   * @param fields the field names, none null (copied)
   * @param kinds the kind of each field, aligned with {@code fields}, none null (copied)
   * @param fieldOfFeature the field number of each feature, one per feature
   * @param pointers CSR row pointers, one more than the entities, from 0 to the number of cells, never decreasing
   * @param featureIndexes the feature of each cell, strictly ascending within a row
   * @param values the value of each cell, aligned with {@code featureIndexes}
   * @return the table over these arrays
   * @throws IllegalArgumentException if the parts are inconsistent (array lengths, pointer bounds, feature or field
   *     numbers out of range, features not strictly ascending in a row); the message names the first problem
   * @throws NullPointerException if an argument or an entry of {@code fields} or {@code kinds} is null
   */
  public static FeatureTable of(IdIndex entities, IdIndex features, String[] fields, Kind[] kinds,
      int[] fieldOfFeature, int[] pointers, int[] featureIndexes, float[] values) {
    int fieldCount = fields.length;
    if (kinds.length != fieldCount) {
      throw new IllegalArgumentException(fieldCount + " fields but " + kinds.length + " kinds");
    }
    for (int f = 0; f < fieldCount; f++) {
      Objects.requireNonNull(fields[f], "fields[" + f + "]");
      Objects.requireNonNull(kinds[f], "kinds[" + f + "]");
    }
    if (fieldOfFeature.length != features.size()) {
      throw new IllegalArgumentException(features.size() + " features but " + fieldOfFeature.length + " field numbers");
    }
    for (int f = 0; f < fieldOfFeature.length; f++) {
      if (fieldOfFeature[f] < 0 || fieldOfFeature[f] >= fieldCount) {
        throw new IllegalArgumentException("feature " + f + " has field " + fieldOfFeature[f] + " of " + fieldCount);
      }
    }
    int cells = featureIndexes.length;
    if (values.length != cells || pointers.length != entities.size() + 1 || pointers[0] != 0
        || pointers[pointers.length - 1] != cells) {
      throw new IllegalArgumentException("row pointers (" + pointers.length + ") and cells (" + cells + " features, "
          + values.length + " values) do not fit " + entities.size() + " entities");
    }
    for (int r = 0; r < entities.size(); r++) {
      if (pointers[r + 1] < pointers[r]) {
        throw new IllegalArgumentException("row pointers decrease at row " + r);
      }
      for (int p = pointers[r]; p < pointers[r + 1]; p++) {
        if (featureIndexes[p] < 0 || featureIndexes[p] >= features.size()) {
          throw new IllegalArgumentException("cell " + p + " has feature " + featureIndexes[p] + " of "
              + features.size());
        }
        if (p > pointers[r] && featureIndexes[p] <= featureIndexes[p - 1]) {
          throw new IllegalArgumentException("features of row " + r + " are not strictly ascending");
        }
      }
    }
    return new FeatureTable(entities, features, fields.clone(), kinds.clone(), fieldOfFeature, pointers,
        featureIndexes, values);
  }

  /** {@return a table with no entities and no features} */
  public static FeatureTable empty() {
    return new Builder().build();
  }

  /** {@return the entities described, by external id} */
  public IdIndex entities() {
    return entities;
  }

  /** {@return the feature names, for example {@code genre=Action}, {@code title~star} or {@code year}} */
  public IdIndex features() {
    return features;
  }

  /** {@return number of features} */
  public int featureCount() {
    return features.size();
  }

  /** {@return the field names, in order of first appearance} */
  public String[] fields() {
    return fields.clone();
  }

  /**
   * {@return the kind of a field}
   *
   * @param field the field number, an index into {@link #fields()}
   */
  public Kind kind(int field) {
    return kinds[field];
  }

  /**
   * {@return the field number of a feature, an index into {@link #fields()}}
   *
   * @param feature the feature index, in [0, {@link #featureCount()})
   */
  public int fieldOf(int feature) {
    return fieldOfFeature[feature];
  }

  /**
   * {@return the row of an entity, or -1 if the table does not describe it}
   *
   * @param id the external id of the entity
   */
  public int rowOf(String id) {
    return entities.indexOf(id);
  }

  /**
   * {@return the feature indexes of a row, strictly ascending; a fresh copy}
   *
   * @param row the row, in [0, {@code entities().size()})
   */
  public int[] featuresOf(int row) {
    return Arrays.copyOfRange(featureIndexes, pointers[row], pointers[row + 1]);
  }

  /**
   * {@return the feature values of a row, aligned with {@link #featuresOf(int)}; a fresh copy}
   *
   * @param row the row, in [0, {@code entities().size()})
   */
  public float[] valuesOf(int row) {
    return Arrays.copyOfRange(values, pointers[row], pointers[row + 1]);
  }

  /**
   * Row pointers of the CSR storage: the cells of row {@code r} are at positions [{@code pointers[r]},
   * {@code pointers[r + 1]}) of {@link #featureIndexes()} and {@link #values()}.
   *
   * @return the internal array ({@code entities().size() + 1} entries), not a copy: do not modify
   */
  public int[] pointers() {
    return pointers;
  }

  /**
   * Feature index of every stored cell in row order, ascending within a row.
   *
   * @return the internal array, not a copy: do not modify
   */
  public int[] featureIndexes() {
    return featureIndexes;
  }

  /**
   * Value of every stored cell in row order, aligned with {@link #featureIndexes()}.
   *
   * @return the internal array, not a copy: do not modify
   */
  public float[] values() {
    return values;
  }

  /**
   * Returns the value of a feature for a row by binary search over the row's cells (O(log cells in the row)).
   *
   * @param row the row, in [0, {@code entities().size()})
   * @param feature the feature index
   * @return the stored value, 0 if the row does not have the feature
   */
  public float value(int row, int feature) {
    int k = Arrays.binarySearch(featureIndexes, pointers[row], pointers[row + 1], feature);
    return k >= 0 ? values[k] : 0f;
  }

  /**
   * Returns, for each index of {@code ids}, the row of that entity in this table or -1 if the table does not
   * describe it. Models use it once to align the table with a dataset's indexes.
   *
   * @param ids the ids to look up, for example a dataset's item index
   * @return a new array of {@code ids.size()} rows, -1 where the table does not describe the entity
   */
  public int[] rowsFor(IdIndex ids) {
    int[] rows = new int[ids.size()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = entities.indexOf(ids.idOf(i));
    }
    return rows;
  }

  /**
   * Splits text into tokens: lower-cased (in {@link Locale#ROOT}), separated by every run of characters that is
   * neither a letter nor a digit, empty tokens dropped. {@code "Star-Wars 2"} gives {@code [star, wars, 2]}.
   *
   * @param text the text to split, not null
   * @return a new mutable list of the tokens in text order, repeats kept
   */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String t : TOKEN_SEPARATOR.split(text.toLowerCase(Locale.ROOT))) {
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * Collects features entity by entity. Not thread-safe. Adding a value that names a field with a different kind
   * than before, or a NaN or infinite number, is rejected and leaves the builder unchanged.
   */
  public static final class Builder {
    private final IdIndex.Builder entities = new IdIndex.Builder();
    private final IdIndex.Builder features = new IdIndex.Builder();
    private final List<String> fields = new ArrayList<>();
    private final List<Kind> kinds = new ArrayList<>();
    private int[] fieldOfFeature = new int[64];
    private final List<Int2FloatLinkedOpenHashMap> rows = new ArrayList<>();

    private Builder() {}

    /**
     * Registers an entity with no features yet (so that it has a row).
     *
     * @param id the external id, not null
     * @return this builder
     * @throws NullPointerException if {@code id} is null
     */
    public Builder entity(String id) {
      row(id);
      return this;
    }

    /**
     * Sets categorical field {@code field} of entity {@code id} to {@code value}, replacing an earlier value: the
     * entity gets feature {@code field=value} of value 1.
     *
     * @param id the external id of the entity, not null
     * @param field the field name, not null
     * @param value the category, not blank
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is blank or {@code field} already has another kind
     * @throws NullPointerException if {@code id} or {@code field} is null
     */
    public Builder categorical(String id, String field, String value) {
      Objects.requireNonNull(id, "id");
      requireText(value, field);
      int f = field(field, Kind.CATEGORICAL);
      int feature = feature(field + "=" + value, f);
      Int2FloatLinkedOpenHashMap row = row(id);
      // One value per entity: drop the feature of an earlier value of this field.
      row.keySet().removeIf((int k) -> k != feature && fieldOfFeature[k] == f);
      row.put(feature, 1f);
      return this;
    }

    /**
     * Adds the tags {@code tags} to tag field {@code field} of entity {@code id}: one feature {@code field=tag} of
     * value 1 per tag, kept alongside earlier tags.
     *
     * @param id the external id of the entity, not null
     * @param field the field name, not null
     * @param tags the tags, none blank; none means the entity only gets a row
     * @return this builder
     * @throws IllegalArgumentException if a tag is blank or {@code field} already has another kind; nothing is added
     * @throws NullPointerException if {@code id} or {@code field} is null
     */
    public Builder tags(String id, String field, String... tags) {
      Objects.requireNonNull(id, "id");
      for (String tag : tags) {
        requireText(tag, field);
      }
      int f = field(field, Kind.TAG);
      for (String tag : tags) {
        put(id, feature(field + "=" + tag, f), 1f);
      }
      return this;
    }

    /**
     * Sets numeric field {@code field} of entity {@code id} to {@code value}, replacing an earlier value. The raw
     * number is stored (as a float); scaling is the model's choice (see the content package's feature weighting).
     *
     * @param id the external id of the entity, not null
     * @param field the field name, not null; it is also the feature name
     * @param value the number, finite
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is NaN or infinite or {@code field} already has another kind
     * @throws NullPointerException if {@code id} or {@code field} is null
     */
    public Builder numeric(String id, String field, double value) {
      Objects.requireNonNull(id, "id");
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("numeric feature '" + field + "' of '" + id + "' is not finite: " + value);
      }
      int f = field(field, Kind.NUMERIC);
      put(id, feature(field, f), (float) value);
      return this;
    }

    /**
     * Adds the tokens of {@code text} (see {@link FeatureTable#tokens(String)}) to text field {@code field} of
     * entity {@code id}: feature {@code field~token} grows by 1 per occurrence, also across calls.
     *
     * @param id the external id of the entity, not null
     * @param field the field name, not null
     * @param text the text, not null; blank text adds nothing
     * @return this builder
     * @throws IllegalArgumentException if {@code field} already has another kind
     * @throws NullPointerException if an argument is null
     */
    public Builder text(String id, String field, String text) {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(text, field);
      int f = field(field, Kind.TEXT);
      for (String token : tokens(text)) {
        int feature = feature(field + "~" + token, f);
        Int2FloatLinkedOpenHashMap row = row(id);
        row.addTo(feature, 1f);
      }
      return this;
    }

    private static String requireText(String value, String field) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("value of feature field '" + field + "' must not be blank");
      }
      return value;
    }

    private int field(String name, Kind kind) {
      Objects.requireNonNull(name, "field");
      int f = fields.indexOf(name);
      if (f < 0) {
        fields.add(name);
        kinds.add(kind);
        return fields.size() - 1;
      }
      if (kinds.get(f) != kind) {
        throw new IllegalArgumentException("feature field '" + name + "' is " + kinds.get(f) + ", not " + kind);
      }
      return f;
    }

    private int feature(String name, int field) {
      int feature = features.add(name);
      if (feature >= fieldOfFeature.length) {
        fieldOfFeature = Arrays.copyOf(fieldOfFeature, fieldOfFeature.length * 2);
      }
      fieldOfFeature[feature] = field;
      return feature;
    }

    private Int2FloatLinkedOpenHashMap row(String id) {
      Objects.requireNonNull(id, "id");
      int r = entities.add(id);
      if (r == rows.size()) {
        rows.add(new Int2FloatLinkedOpenHashMap());
      }
      return rows.get(r);
    }

    private void put(String id, int feature, float value) {
      row(id).put(feature, value);
    }

    /** {@return the immutable table} */
    public FeatureTable build() {
      int[] pointers = new int[rows.size() + 1];
      for (int r = 0; r < rows.size(); r++) {
        pointers[r + 1] = pointers[r] + rows.get(r).size();
      }
      int[] idx = new int[pointers[rows.size()]];
      float[] val = new float[idx.length];
      for (int r = 0; r < rows.size(); r++) {
        int[] keys = rows.get(r).keySet().toIntArray();
        Arrays.sort(keys);
        int p = pointers[r];
        for (int key : keys) {
          idx[p] = key;
          val[p] = rows.get(r).get(key);
          p++;
        }
      }
      IdIndex featureIndex = features.build();
      return new FeatureTable(entities.build(), featureIndex, fields.toArray(String[]::new),
          kinds.toArray(Kind[]::new), Arrays.copyOf(fieldOfFeature, featureIndex.size()), pointers, idx, val);
    }
  }
}
