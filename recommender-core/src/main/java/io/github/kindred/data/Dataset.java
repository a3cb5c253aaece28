package io.github.kindred.data;

import java.util.Objects;

/**
 * What a trainer fits: the interaction log, the user-by-item matrix built from it, and optional item and user
 * features. Immutable and safe to share between threads.
 *
 * <p>Build one with {@link #of(InteractionLog)} or {@link #builder(InteractionLog)}. Users and items are indexed as
 * in the log.
 */
public final class Dataset {
  private final InteractionLog log;
  private final InteractionMatrix matrix;
  private final FeatureTable itemFeatures;
  private final FeatureTable userFeatures;

  private Dataset(InteractionLog log, InteractionMatrix matrix, FeatureTable itemFeatures,
      FeatureTable userFeatures) {
    this.log = log;
    this.matrix = matrix;
    this.itemFeatures = itemFeatures;
    this.userFeatures = userFeatures;
  }

  /**
   * A dataset of the log's weighted values summed per (user, item), without features; the same as
   * {@code builder(log).build()}.
   *
   * @param log the events, not empty
   * @return the dataset
   * @throws IllegalArgumentException if the log is empty
   * @throws NullPointerException if {@code log} is null
   */
  public static Dataset of(InteractionLog log) {
    return builder(log).build();
  }

  /**
   * Returns a builder over {@code log}, with duplicates summed, values as they are and no features.
   *
   * @param log the events; the log is immutable, so the builder holds it as is
   * @return a new builder
   * @throws NullPointerException if {@code log} is null
   */
  public static Builder builder(InteractionLog log) {
    return new Builder(Objects.requireNonNull(log, "log"));
  }

  /** {@return the raw events} */
  public InteractionLog log() {
    return log;
  }

  /** {@return the user-by-item matrix} */
  public InteractionMatrix matrix() {
    return matrix;
  }

  /** {@return the user ids; index {@code u} is row {@code u} of {@link #matrix()}} */
  public IdIndex users() {
    return log.users();
  }

  /** {@return the item ids; index {@code i} is column {@code i} of {@link #matrix()}} */
  public IdIndex items() {
    return log.items();
  }

  /** {@return number of users} */
  public int userCount() {
    return matrix.rows();
  }

  /** {@return number of items} */
  public int itemCount() {
    return matrix.columns();
  }

  /**
   * {@return the item features, keyed by external id ({@link FeatureTable#empty()} if none were given)}
   * Items of the table need not be in this dataset, and the other way round; align them with
   * {@link FeatureTable#rowsFor(IdIndex)}.
   */
  public FeatureTable itemFeatures() {
    return itemFeatures;
  }

  /**
   * {@return the user features, keyed by external id ({@link FeatureTable#empty()} if none were given)}
   */
  public FeatureTable userFeatures() {
    return userFeatures;
  }

  /**
   * Returns a dataset with the same interactions and other item features. This dataset is unchanged; the log and
   * matrix are shared, not copied.
   *
   * @param features the new item features, possibly {@link FeatureTable#empty()}
   * @return the new dataset
   * @throws NullPointerException if {@code features} is null
   */
  public Dataset withItemFeatures(FeatureTable features) {
    return new Dataset(log, matrix, Objects.requireNonNull(features, "features"), userFeatures);
  }

  /**
   * Returns a dataset with the same interactions and other user features. This dataset is unchanged; the log and
   * matrix are shared, not copied.
   *
   * @param features the new user features, possibly {@link FeatureTable#empty()}
   * @return the new dataset
   * @throws NullPointerException if {@code features} is null
   */
  public Dataset withUserFeatures(FeatureTable features) {
    return new Dataset(log, matrix, itemFeatures, Objects.requireNonNull(features, "features"));
  }

  /**
   * Checks that every stored interaction value is {@code >= 0}, for trainers whose model reads a value as an amount
   * of preference (a confidence, a positive example) and would silently fit a negative one as a like. Costs one pass
   * over the stored values; the matrix never holds a non-finite value (see {@link InteractionMatrix}).
   *
   * @param algorithm the trainer's name, for the message
   * @throws IllegalArgumentException naming the algorithm, the first negative value in user order, and its user and
   *     item ids and indexes
   */
  public void requireNonNegativeValues(String algorithm) {
    float[] v = matrix.values();
    int[] ptr = matrix.rowPointers();
    int[] cols = matrix.columnIndexes();
    for (int u = 0; u < matrix.rows(); u++) {
      for (int p = ptr[u]; p < ptr[u + 1]; p++) {
        if (!(v[p] >= 0)) {
          throw new IllegalArgumentException(algorithm + " needs interaction values >= 0, got " + v[p] + " for user '"
              + users().idOf(u) + "' (index " + u + ") and item '" + items().idOf(cols[p]) + "' (index " + cols[p]
              + ")");
        }
      }
    }
  }

  @Override
  public String toString() {
    return "Dataset[users=" + userCount() + ", items=" + itemCount() + ", interactions=" + matrix.nnz() + "]";
  }

  /** Configures how a log becomes a dataset. Not thread-safe. */
  public static final class Builder {
    private final InteractionLog log;
    private DuplicatePolicy duplicates = DuplicatePolicy.SUM;
    private boolean binary;
    private FeatureTable itemFeatures = FeatureTable.empty();
    private FeatureTable userFeatures = FeatureTable.empty();

    private Builder(InteractionLog log) {
      this.log = log;
    }

    /**
     * Sets how repeated (user, item) events are combined into one matrix cell.
     *
     * @param policy the policy; {@link DuplicatePolicy#SUM} by default
     * @return this builder
     * @throws NullPointerException if {@code policy} is null
     */
    public Builder duplicates(DuplicatePolicy policy) {
      this.duplicates = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets whether every stored cell becomes 1 after duplicates are combined (implicit feedback, as in the usual
     * top-N protocol).
     *
     * @param binary true to binarize; false by default
     * @return this builder
     */
    public Builder binary(boolean binary) {
      this.binary = binary;
      return this;
    }

    /**
     * Sets the item features; see {@link Dataset#itemFeatures()}.
     *
     * @param features the features, keyed by external item id
     * @return this builder
     * @throws NullPointerException if {@code features} is null
     */
    public Builder itemFeatures(FeatureTable features) {
      this.itemFeatures = Objects.requireNonNull(features, "features");
      return this;
    }

    /**
     * Sets the user features; see {@link Dataset#userFeatures()}.
     *
     * @param features the features, keyed by external user id
     * @return this builder
     * @throws NullPointerException if {@code features} is null
     */
    public Builder userFeatures(FeatureTable features) {
      this.userFeatures = Objects.requireNonNull(features, "features");
      return this;
    }

    /**
     * Builds the dataset: O(events + users + items), two counting sorts put the events into the matrix.
     *
     * @return the immutable dataset; the builder may be used on afterwards
     * @throws IllegalArgumentException if the log is empty
     */
    public Dataset build() {
      if (log.size() == 0) {
        throw new IllegalArgumentException("the interaction log is empty");
      }
      InteractionMatrix m = InteractionMatrix.of(log, duplicates);
      if (binary) {
        m = m.binarized();
      }
      return new Dataset(log, m, itemFeatures, userFeatures);
    }
  }
}
