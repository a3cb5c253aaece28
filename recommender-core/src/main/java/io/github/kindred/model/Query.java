package io.github.kindred.model;

import io.github.kindred.data.Context;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.InteractionMatrix;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a model scores for: a user index (or {@link #ANONYMOUS}), the user's history of items with a weight each,
 * and a context. Models that work from histories (item-kNN, EASE, content) use the history; models with a vector
 * per user use the user index and fall back to the history for users they do not know. A query may also carry the
 * features of a user ({@link #withUserFeatures}), which feature-aware models use for users they do not know.
 *
 * <p>Immutable: the factory methods copy the arrays they are given. Safe to share between threads.
 */
public final class Query {
  /** The user index of a query for someone the model does not know. */
  public static final int ANONYMOUS = -1;

  private static final int[] NO_ITEMS = new int[0];
  private static final float[] NO_WEIGHTS = new float[0];

  private final int user;
  private final int[] items;
  private final float[] weights;
  private final Context context;
  private final FeatureTable userFeatures;
  private final int userFeatureRow;

  private Query(int user, int[] items, float[] weights, Context context) {
    this(user, items, weights, context, null, -1);
  }

  private Query(int user, int[] items, float[] weights, Context context, FeatureTable userFeatures,
      int userFeatureRow) {
    this.user = user;
    this.items = items;
    this.weights = weights;
    this.context = context;
    this.userFeatures = userFeatures;
    this.userFeatureRow = userFeatureRow;
  }

  /**
   * A query for known user {@code user} whose history is row {@code user} of {@code matrix} (typically the
   * training matrix).
   */
  public static Query forUser(int user, InteractionMatrix matrix) {
    Objects.checkIndex(user, matrix.rows());
    return new Query(user, matrix.row(user), matrix.rowValues(user), Context.EMPTY);
  }

  /**
   * A query for user {@code user} (or {@link #ANONYMOUS}) with the given history.
   *
   * @param items item indexes of the history, each at most once
   * @param weights the strength of each history item (1 for plain implicit feedback), finite; same length
   * @throws IllegalArgumentException if the lengths differ, an item repeats, or a weight is not finite
   */
  public static Query of(int user, int[] items, float[] weights) {
    if (items.length != weights.length) {
      throw new IllegalArgumentException(
          "history has " + items.length + " items but " + weights.length + " weights");
    }
    if (user < ANONYMOUS) {
      throw new IllegalArgumentException("user index must be >= -1, got " + user);
    }
    int[] sorted = items.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] < 0) {
        throw new IllegalArgumentException("item index must be >= 0, got " + sorted[i]);
      }
      if (i > 0 && sorted[i] == sorted[i - 1]) {
        throw new IllegalArgumentException("item " + sorted[i] + " appears twice in the history");
      }
    }
    for (float w : weights) {
      if (!Float.isFinite(w)) {
        throw new IllegalArgumentException("history weight must be finite, got " + w);
      }
    }
    return new Query(user, items.clone(), weights.clone(), Context.EMPTY);
  }

  /** An anonymous session: the given items, each with weight 1. */
  public static Query ofItems(int... items) {
    float[] ones = new float[items.length];
    Arrays.fill(ones, 1f);
    return of(ANONYMOUS, items, ones);
  }

  /** A query for a new user with nothing known: models answer with what needs no history (popularity). */
  public static Query empty() {
    return new Query(ANONYMOUS, NO_ITEMS, NO_WEIGHTS, Context.EMPTY);
  }

  /** Returns a copy of this query with the given context. */
  public Query withContext(Context context) {
    return new Query(user, items, weights, Objects.requireNonNull(context, "context"), userFeatures,
        userFeatureRow);
  }

  /**
   * Returns a copy of this query that carries the features of user {@code userId} as described by {@code table}
   * (typically a new user's demographics, for a cold-start request). Feature-aware models match the table's
   * feature names against those they were trained on, so the table need not be the training table; other models
   * ignore the features. The table is referenced, not copied (it is immutable).
   *
   * @throws IllegalArgumentException if {@code table} does not describe {@code userId}
   */
  public Query withUserFeatures(FeatureTable table, String userId) {
    Objects.requireNonNull(table, "table");
    int row = table.entities().require(Objects.requireNonNull(userId, "userId"), "user feature");
    return new Query(user, items, weights, context, table, row);
  }

  /** Whether the query carries user features ({@link #withUserFeatures}). */
  public boolean hasUserFeatures() {
    return userFeatures != null;
  }

  /** The table of the user features carried, or null if none. */
  public FeatureTable userFeatureTable() {
    return userFeatures;
  }

  /** The row of {@link #userFeatureTable()} that describes the user, or -1 if the query carries no features. */
  public int userFeatureRow() {
    return userFeatureRow;
  }

  /** The user index, or {@link #ANONYMOUS}. */
  public int user() {
    return user;
  }

  /** Number of history items. */
  public int historySize() {
    return items.length;
  }

  /** The item index of history entry {@code k}. */
  public int item(int k) {
    return items[k];
  }

  /** The weight of history entry {@code k}. */
  public float weight(int k) {
    return weights[k];
  }

  /** A copy of the history's item indexes. */
  public int[] items() {
    return items.clone();
  }

  /** A copy of the history's weights. */
  public float[] weights() {
    return weights.clone();
  }

  /** The request context ({@link Context#EMPTY} if none). */
  public Context context() {
    return context;
  }

  @Override
  public String toString() {
    return "Query[user=" + user + ", history=" + items.length + ", context=" + context
        + (userFeatures == null ? "" : ", userFeatures=" + userFeatures.entities().idOf(userFeatureRow)) + "]";
  }
}
