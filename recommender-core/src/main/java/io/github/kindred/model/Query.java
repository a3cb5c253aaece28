package io.github.kindred.model;

import io.github.kindred.data.Context;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.InteractionMatrix;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a model scores for: a user index (or {@link #ANONYMOUS}), the user's history of items with a weight each,
 * and a context. Models that work from histories (item-kNN, EASE, content) use the history; models with a vector
 * per user use the user index and fall back to the history for users they do not know. A query may also carry the
 * features of a user ({@link #withUserFeatures}), which feature-aware models use for users they do not know.
 *
 * <p>Besides the history (sorted, one entry per item, for models that see a user as a bag of items), a query may
 * carry the events of the current session in arrival order ({@link #withEvents}): item indexes that may repeat,
 * each with a timestamp or {@link InteractionLog#NO_TIME}. Sequence-aware models (session-kNN, Markov chains) and
 * repeat-aware score stages read them at request time, without a refit; other models ignore them. A query without
 * events has {@link #eventCount()} 0.
 *
 * <p>Immutable: the factory methods copy the arrays they are given. Safe to share between threads.
 */
public final class Query {
  /** The user index of a query for someone the model does not know. */
  public static final int ANONYMOUS = -1;

  private static final int[] NO_ITEMS = new int[0];
  private static final float[] NO_WEIGHTS = new float[0];
  private static final long[] NO_TIMES = new long[0];

  private final int user;
  private final int[] items;
  private final float[] weights;
  private final Context context;
  private final FeatureTable userFeatures;
  private final int userFeatureRow;
  private final int[] eventItems;
  private final long[] eventTimes;

  private Query(int user, int[] items, float[] weights, Context context) {
    this(user, items, weights, context, null, -1, NO_ITEMS, NO_TIMES);
  }

  private Query(int user, int[] items, float[] weights, Context context, FeatureTable userFeatures,
      int userFeatureRow, int[] eventItems, long[] eventTimes) {
    this.user = user;
    this.items = items;
    this.weights = weights;
    this.context = context;
    this.userFeatures = userFeatures;
    this.userFeatureRow = userFeatureRow;
    this.eventItems = eventItems;
    this.eventTimes = eventTimes;
  }

  /**
   * A query for known user {@code user} whose history is row {@code user} of {@code matrix} (typically the
   * training matrix).
   *
   * @param user the user index, in [0, {@code matrix.rows()})
   * @param matrix the matrix whose row is the history: its items ascending, its values the weights
   * @return the query, with an empty context
   * @throws IndexOutOfBoundsException if {@code user} is out of range
   */
  public static Query forUser(int user, InteractionMatrix matrix) {
    Objects.checkIndex(user, matrix.rows());
    return new Query(user, matrix.row(user), matrix.rowValues(user), Context.EMPTY);
  }

  /**
   * A query for user {@code user} (or {@link #ANONYMOUS}) with the given history.
   *
   * @param user the user index, &gt;= 0, or {@link #ANONYMOUS}
   * @param items item indexes of the history, each &gt;= 0 and at most once (copied)
   * @param weights the strength of each history item (1 for plain implicit feedback), finite; same length
   * @return the query, with an empty context
   * @throws IllegalArgumentException if the lengths differ, the user index is below -1, an item is negative or
   *     repeats, or a weight is not finite
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

  /**
   * An anonymous session: the given items, each with weight 1.
   *
   * @param items item indexes, each &gt;= 0 and at most once
   * @return the query, with user {@link #ANONYMOUS} and an empty context
   * @throws IllegalArgumentException if an item is negative or repeats
   */
  public static Query ofItems(int... items) {
    float[] ones = new float[items.length];
    Arrays.fill(ones, 1f);
    return of(ANONYMOUS, items, ones);
  }

  /** {@return a query for a new user with nothing known: models answer with what needs no history (popularity)} */
  public static Query empty() {
    return new Query(ANONYMOUS, NO_ITEMS, NO_WEIGHTS, Context.EMPTY);
  }

  /**
   * Returns a copy of this query with the given context, replacing any context it had.
   *
   * @param context the request context, possibly {@link Context#EMPTY}
   * @return the new query; this one is unchanged
   * @throws NullPointerException if {@code context} is null
   */
  public Query withContext(Context context) {
    return new Query(user, items, weights, Objects.requireNonNull(context, "context"), userFeatures,
        userFeatureRow, eventItems, eventTimes);
  }

  /**
   * Returns a copy of this query that carries the session events {@code items[k]} at {@code timestamps[k]}, in
   * arrival order (oldest first), replacing any events it carried. Items may repeat (a user who views an item
   * twice); the history ({@link #items()}) is left as it is, so callers that want the events counted in the
   * history say so in the history too. The arrays are copied.
   *
   * @param items item indexes in arrival order, each >= 0
   * @param timestamps seconds since the epoch of each event, or {@link InteractionLog#NO_TIME}; never decreasing
   *     among the known ones; same length as {@code items}
   * @return the query with these events
   * @throws IllegalArgumentException if the lengths differ, an index is negative, or a known timestamp is
   *     earlier than a known timestamp before it
   */
  public Query withEvents(int[] items, long[] timestamps) {
    if (items.length != timestamps.length) {
      throw new IllegalArgumentException(
          "session has " + items.length + " events but " + timestamps.length + " timestamps");
    }
    long last = InteractionLog.NO_TIME;
    for (int k = 0; k < items.length; k++) {
      if (items[k] < 0) {
        throw new IllegalArgumentException("session event " + k + " has item index " + items[k] + ", must be >= 0");
      }
      if (timestamps[k] != InteractionLog.NO_TIME) {
        if (last != InteractionLog.NO_TIME && timestamps[k] < last) {
          throw new IllegalArgumentException("session event " + k + " has timestamp " + timestamps[k]
              + ", earlier than " + last + " before it: events must be in arrival order");
        }
        last = timestamps[k];
      }
    }
    return new Query(user, this.items, weights, context, userFeatures, userFeatureRow, items.clone(),
        timestamps.clone());
  }

  /**
   * The number of session events carried ({@link #withEvents}), 0 if none.
   *
   * @return the number of events
   */
  public int eventCount() {
    return eventItems.length;
  }

  /**
   * The item index of session event {@code k}, in arrival order (0 is the oldest).
   *
   * @param k the event position, {@code 0 <= k < eventCount()}
   * @return the item index
   * @throws ArrayIndexOutOfBoundsException if {@code k} is out of range
   */
  public int eventItem(int k) {
    return eventItems[k];
  }

  /**
   * The timestamp of session event {@code k}.
   *
   * @param k the event position, {@code 0 <= k < eventCount()}
   * @return seconds since the epoch, or {@link InteractionLog#NO_TIME} if unknown
   * @throws ArrayIndexOutOfBoundsException if {@code k} is out of range
   */
  public long eventTime(int k) {
    return eventTimes[k];
  }

  /**
   * Returns a copy of this query that carries the features of user {@code userId} as described by {@code table}
   * (typically a new user's demographics, for a cold-start request). Feature-aware models match the table's
   * feature names against those they were trained on, so the table need not be the training table; other models
   * ignore the features. The table is referenced, not copied (it is immutable).
   *
   * @param table the features, keyed by external user id
   * @param userId the external id of the user the query is for, a row of {@code table}
   * @return the new query; this one is unchanged
   * @throws IllegalArgumentException if {@code table} does not describe {@code userId}
   * @throws NullPointerException if an argument is null
   */
  public Query withUserFeatures(FeatureTable table, String userId) {
    Objects.requireNonNull(table, "table");
    int row = table.entities().require(Objects.requireNonNull(userId, "userId"), "user feature");
    return new Query(user, items, weights, context, table, row, eventItems, eventTimes);
  }

  /** {@return whether the query carries user features ({@link #withUserFeatures})} */
  public boolean hasUserFeatures() {
    return userFeatures != null;
  }

  /** {@return the table of the user features carried, or null if none} */
  public FeatureTable userFeatureTable() {
    return userFeatures;
  }

  /** {@return the row of {@link #userFeatureTable()} that describes the user, or -1 if the query carries none} */
  public int userFeatureRow() {
    return userFeatureRow;
  }

  /** {@return the user index, or {@link #ANONYMOUS}} */
  public int user() {
    return user;
  }

  /** {@return the number of history items} */
  public int historySize() {
    return items.length;
  }

  /**
   * {@return the item index of history entry {@code k}; entries are in the order the factory was given them
   * (ascending for {@link #forUser})}
   *
   * @param k the history position, in [0, {@link #historySize()})
   * @throws ArrayIndexOutOfBoundsException if {@code k} is out of range
   */
  public int item(int k) {
    return items[k];
  }

  /**
   * {@return the weight of history entry {@code k}, finite}
   *
   * @param k the history position, in [0, {@link #historySize()})
   * @throws ArrayIndexOutOfBoundsException if {@code k} is out of range
   */
  public float weight(int k) {
    return weights[k];
  }

  /** {@return a copy of the history's item indexes, aligned with {@link #weights()}} */
  public int[] items() {
    return items.clone();
  }

  /** {@return a copy of the history's weights, aligned with {@link #items()}} */
  public float[] weights() {
    return weights.clone();
  }

  /** {@return the request context ({@link Context#EMPTY} if none)} */
  public Context context() {
    return context;
  }

  @Override
  public String toString() {
    return "Query[user=" + user + ", history=" + items.length + ", events=" + eventItems.length + ", context="
        + context
        + (userFeatures == null ? "" : ", userFeatures=" + userFeatures.entities().idOf(userFeatureRow)) + "]";
  }
}
