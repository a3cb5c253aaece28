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

  /** A dataset of the log's weighted values summed per (user, item), without features. */
  public static Dataset of(InteractionLog log) {
    return builder(log).build();
  }

  /** Returns a builder over {@code log}. */
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

  /** User ids. */
  public IdIndex users() {
    return log.users();
  }

  /** Item ids. */
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

  /** Item features (empty if none were given). */
  public FeatureTable itemFeatures() {
    return itemFeatures;
  }

  /** User features (empty if none were given). */
  public FeatureTable userFeatures() {
    return userFeatures;
  }

  /** Returns a dataset with the same interactions and other item features. */
  public Dataset withItemFeatures(FeatureTable features) {
    return new Dataset(log, matrix, Objects.requireNonNull(features, "features"), userFeatures);
  }

  /** Returns a dataset with the same interactions and other user features. */
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

    /** How repeated (user, item) events are combined; {@link DuplicatePolicy#SUM} by default. */
    public Builder duplicates(DuplicatePolicy policy) {
      this.duplicates = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Whether every stored cell becomes 1 (implicit feedback, as in the usual top-N protocol); false by default. */
    public Builder binary(boolean binary) {
      this.binary = binary;
      return this;
    }

    /** Item features. */
    public Builder itemFeatures(FeatureTable features) {
      this.itemFeatures = Objects.requireNonNull(features, "features");
      return this;
    }

    /** User features. */
    public Builder userFeatures(FeatureTable features) {
      this.userFeatures = Objects.requireNonNull(features, "features");
      return this;
    }

    /**
     * Builds the dataset.
     *
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
