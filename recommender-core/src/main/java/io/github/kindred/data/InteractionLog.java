package io.github.kindred.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * The raw interaction log: one row per event, with user, item, value, timestamp, event type and optional context,
 * stored column by column in primitive arrays.
 *
 * <p>Timestamps are seconds since the epoch, {@link #NO_TIME} when unknown. An event's <em>weighted value</em> is its
 * value times the weight of its event type (see {@link EventTypes}). Context features are stored as dictionary codes
 * per feature name. An {@code InteractionLog} is immutable and safe to share between threads; build one with
 * {@link #builder()}.
 */
public final class InteractionLog {
  /** The timestamp of events whose time is unknown. */
  public static final long NO_TIME = Long.MIN_VALUE;

  private final IdIndex users;
  private final IdIndex items;
  private final EventTypes eventTypes;
  private final int[] user;
  private final int[] item;
  private final float[] value;
  private final long[] time;
  private final byte[] type;
  private final String[] contextNames;
  private final IdIndex[] contextValues;
  private final int[][] contextCodes;

  private InteractionLog(
      IdIndex users, IdIndex items, EventTypes eventTypes, int[] user, int[] item, float[] value, long[] time,
      byte[] type, String[] contextNames, IdIndex[] contextValues, int[][] contextCodes) {
    this.users = users;
    this.items = items;
    this.eventTypes = eventTypes;
    this.user = user;
    this.item = item;
    this.value = value;
    this.time = time;
    this.type = type;
    this.contextNames = contextNames;
    this.contextValues = contextValues;
    this.contextCodes = contextCodes;
  }

  /** {@return a builder with the default event types} */
  public static Builder builder() {
    return new Builder(EventTypes.defaults());
  }

  /**
   * Returns a builder with the given event types and weights.
   *
   * @param eventTypes the event types events may carry and the weight of each (see {@link #weightedValue(int)});
   *     at most 127, since codes are stored in one byte per event
   * @return an empty builder
   * @throws NullPointerException if {@code eventTypes} is null
   * @throws IllegalArgumentException if there are more than 127 event types
   */
  public static Builder builder(EventTypes eventTypes) {
    return new Builder(Objects.requireNonNull(eventTypes, "eventTypes"));
  }

  /** {@return number of events} */
  public int size() {
    return user.length;
  }

  /** {@return the user ids seen in the log, indexed in order of first appearance} */
  public IdIndex users() {
    return users;
  }

  /** {@return the item ids seen in the log, indexed in order of first appearance} */
  public IdIndex items() {
    return items;
  }

  /** {@return the event types and their weights} */
  public EventTypes eventTypes() {
    return eventTypes;
  }

  /**
   * {@return the user index of event {@code i}, an index into {@link #users()}}
   *
   * @param i the event position, in [0, {@link #size()})
   */
  public int user(int i) {
    return user[i];
  }

  /**
   * {@return the item index of event {@code i}, an index into {@link #items()}}
   *
   * @param i the event position, in [0, {@link #size()})
   */
  public int item(int i) {
    return item[i];
  }

  /**
   * {@return the raw value of event {@code i} (a rating, a count, or 1), always finite}
   *
   * @param i the event position, in [0, {@link #size()})
   */
  public float value(int i) {
    return value[i];
  }

  /**
   * {@return the value of event {@code i} times the weight of its event type}
   *
   * @param i the event position, in [0, {@link #size()})
   */
  public float weightedValue(int i) {
    return value[i] * eventTypes.weight(type[i]);
  }

  /**
   * {@return the timestamp of event {@code i} in seconds since the epoch, or {@link #NO_TIME} if unknown}
   *
   * @param i the event position, in [0, {@link #size()})
   */
  public long timestamp(int i) {
    return time[i];
  }

  /**
   * {@return the event type code of event {@code i}, in [0, 127); {@link EventTypes#name(int)} names it}
   *
   * @param i the event position, in [0, {@link #size()})
   */
  public int eventType(int i) {
    return type[i];
  }

  /** {@return whether every event has a timestamp} */
  public boolean hasTimestamps() {
    for (long t : time) {
      if (t == NO_TIME) {
        return false;
      }
    }
    return true;
  }

  /** {@return the names of the context features recorded in this log, in the order they first appeared} */
  public String[] contextNames() {
    return contextNames.clone();
  }

  /**
   * Returns the context of event {@code i}, rebuilt from the dictionary codes (one small allocation per call).
   *
   * @param i the event position, in [0, {@link #size()})
   * @return the event's context features, {@link Context#EMPTY} if it has none
   */
  public Context context(int i) {
    if (contextNames.length == 0) {
      return Context.EMPTY;
    }
    String[] nv = new String[contextNames.length * 2];
    int n = 0;
    for (int f = 0; f < contextNames.length; f++) {
      int code = contextCodes[f][i];
      if (code >= 0) {
        nv[n++] = contextNames[f];
        nv[n++] = contextValues[f].idOf(code);
      }
    }
    return Context.of(Arrays.copyOf(nv, n));
  }

  /**
   * Returns the dictionary code of context feature {@code feature} of event {@code i}, or -1 if the event does
   * not have it. Codes index {@link #contextValues(int)}.
   *
   * @param feature the context feature number, an index into {@link #contextNames()}
   * @param i the event position, in [0, {@link #size()})
   * @return the value code, or -1 when event {@code i} has no value for this feature
   */
  public int contextCode(int feature, int i) {
    return contextCodes[feature][i];
  }

  /**
   * {@return the values seen for a context feature, indexed by the codes of {@link #contextCode(int, int)}}
   *
   * @param feature the context feature number, an index into {@link #contextNames()}
   */
  public IdIndex contextValues(int feature) {
    return contextValues[feature];
  }

  /**
   * Returns a log with only the events for which {@code keep} is true, with the same id indexes, event types and
   * context dictionaries (so indexes stay comparable with this log's). O(events).
   *
   * @param keep the test applied to each event, in log order
   * @return the new log; this log is unchanged
   */
  public InteractionLog filter(EventFilter keep) {
    int n = 0;
    int[] rows = new int[user.length];
    for (int i = 0; i < user.length; i++) {
      if (keep.test(this, i)) {
        rows[n++] = i;
      }
    }
    return select(Arrays.copyOf(rows, n));
  }

  /**
   * Returns a log with the events at the given positions, in that order, sharing this log's id indexes and
   * dictionaries.
   *
   * @param rows event positions in [0, {@link #size()}), in the order wanted; repeats copy an event twice
   * @return the new log with {@code rows.length} events; this log is unchanged
   * @throws ArrayIndexOutOfBoundsException if a position is out of range
   */
  public InteractionLog select(int[] rows) {
    int n = rows.length;
    int[] u = new int[n];
    int[] it = new int[n];
    float[] v = new float[n];
    long[] t = new long[n];
    byte[] ty = new byte[n];
    int[][] cc = new int[contextNames.length][n];
    for (int k = 0; k < n; k++) {
      int i = rows[k];
      u[k] = user[i];
      it[k] = item[i];
      v[k] = value[i];
      t[k] = time[i];
      ty[k] = type[i];
      for (int f = 0; f < contextNames.length; f++) {
        cc[f][k] = contextCodes[f][i];
      }
    }
    return new InteractionLog(users, items, eventTypes, u, it, v, t, ty, contextNames, contextValues, cc);
  }

  /**
   * Returns a log without any trace of user {@code userId}: their events are dropped and their id leaves the user
   * index, so a model trained on the result does not know them (the right to erasure). Users after the removed one
   * move down one index; item indexes, event types and context dictionaries are shared with this log. This log is
   * unchanged. O(events).
   *
   * @param userId the external user id
   * @return the new log, or this log if {@code userId} is unknown
   * @throws NullPointerException if {@code userId} is null
   */
  public InteractionLog withoutUser(String userId) {
    Objects.requireNonNull(userId, "userId");
    int removed = users.indexOf(userId);
    if (removed < 0) {
      return this;
    }
    String[] ids = users.ids();
    String[] kept = new String[ids.length - 1];
    System.arraycopy(ids, 0, kept, 0, removed);
    System.arraycopy(ids, removed + 1, kept, removed, kept.length - removed);
    InteractionLog rest = filter((log, i) -> log.user[i] != removed);
    int[] u = rest.user;
    for (int k = 0; k < u.length; k++) {
      if (u[k] > removed) {
        u[k]--;
      }
    }
    return new InteractionLog(IdIndex.of(kept), items, eventTypes, u, rest.item, rest.value, rest.time, rest.type,
        contextNames, contextValues, rest.contextCodes);
  }

  /** A test on one event of a log. */
  @FunctionalInterface
  public interface EventFilter {
    /**
     * {@return whether event {@code i} of {@code log} is kept}
     *
     * @param log the log being filtered, whose accessors read the event
     * @param i the event position in {@code log}
     */
    boolean test(InteractionLog log, int i);
  }

  /**
   * Collects events. Ids get dense indexes in order of first appearance. Not thread-safe. Invalid events (null or
   * blank ids, NaN or infinite values, unknown event types) are rejected when added, leaving the builder unchanged.
   */
  public static final class Builder {
    private final EventTypes eventTypes;
    private final IdIndex.Builder users;
    private final IdIndex.Builder items;
    private int[] user = new int[1024];
    private int[] item = new int[1024];
    private float[] value = new float[1024];
    private long[] time = new long[1024];
    private byte[] type = new byte[1024];
    private String[] contextNames = new String[0];
    private IdIndex.Builder[] contextValues = new IdIndex.Builder[0];
    private int[][] contextCodes = new int[0][];
    private int size;

    private Builder(EventTypes eventTypes) {
      this(eventTypes, new IdIndex.Builder(), new IdIndex.Builder());
    }

    private Builder(EventTypes eventTypes, IdIndex.Builder users, IdIndex.Builder items) {
      if (eventTypes.size() > Byte.MAX_VALUE) {
        throw new IllegalArgumentException("at most " + Byte.MAX_VALUE + " event types are supported");
      }
      this.eventTypes = eventTypes;
      this.users = users;
      this.items = items;
    }

    /**
     * Pre-registers user ids so that they get the first indexes, in the given order, and stay known even without
     * events (for example to keep a train and a test log on the same indexes).
     *
     * @param ids the ids to register; ids already known keep their index
     * @return this builder
     */
    public Builder knownUsers(IdIndex ids) {
      for (int i = 0; i < ids.size(); i++) {
        users.add(ids.idOf(i));
      }
      return this;
    }

    /**
     * Pre-registers item ids; see {@link #knownUsers(IdIndex)}.
     *
     * @param ids the ids to register; ids already known keep their index
     * @return this builder
     */
    public Builder knownItems(IdIndex ids) {
      for (int i = 0; i < ids.size(); i++) {
        items.add(ids.idOf(i));
      }
      return this;
    }

    /**
     * Adds an event of the default type with no timestamp.
     *
     * @param userId the external user id
     * @param itemId the external item id, not blank
     * @param value the raw value, finite (a rating, a count, or 1 for a plain event)
     * @return this builder
     * @throws IllegalArgumentException if an id is null or blank or the value is not finite; the builder is then
     *     unchanged
     */
    public Builder add(String userId, String itemId, float value) {
      return add(userId, itemId, value, NO_TIME, EventTypes.DEFAULT, Context.EMPTY);
    }

    /**
     * Adds an event of the default type.
     *
     * @param userId the external user id
     * @param itemId the external item id, not blank
     * @param value the raw value, finite (a rating, a count, or 1 for a plain event)
     * @param timestamp seconds since the epoch, or {@link #NO_TIME}
     * @return this builder
     * @throws IllegalArgumentException if an id is null or blank or the value is not finite; the builder is then
     *     unchanged
     */
    public Builder add(String userId, String itemId, float value, long timestamp) {
      return add(userId, itemId, value, timestamp, EventTypes.DEFAULT, Context.EMPTY);
    }

    /**
     * Adds an event.
     *
     * @param userId the external user id, not blank
     * @param itemId the external item id, not blank
     * @param value the raw value, finite (a rating, a count, or 1 for a plain event)
     * @param timestamp seconds since the epoch, or {@link #NO_TIME}
     * @param eventType the name of a type known to this builder's {@link EventTypes}
     * @param context the event's context, possibly {@link Context#EMPTY}
     * @return this builder
     * @throws IllegalArgumentException if an argument is invalid; the builder is then unchanged
     * @throws NullPointerException if {@code eventType} or {@code context} is null
     */
    public Builder add(
        String userId, String itemId, float value, long timestamp, String eventType, Context context) {
      if (userId == null || userId.isBlank()) {
        throw new IllegalArgumentException("user id must not be null or blank");
      }
      if (itemId == null || itemId.isBlank()) {
        throw new IllegalArgumentException("item id must not be null or blank");
      }
      if (!Float.isFinite(value)) {
        throw new IllegalArgumentException("value must be finite, got " + value + " for user '" + userId
            + "' and item '" + itemId + "'");
      }
      int code = eventTypes.code(Objects.requireNonNull(eventType, "eventType"));
      if (code < 0) {
        throw new IllegalArgumentException("unknown event type '" + eventType + "'");
      }
      Objects.requireNonNull(context, "context");
      if (size == user.length) {
        grow();
      }
      user[size] = users.add(userId);
      item[size] = items.add(itemId);
      this.value[size] = value;
      time[size] = timestamp;
      type[size] = (byte) code;
      for (int f = 0; f < contextCodes.length; f++) {
        contextCodes[f][size] = -1;
      }
      for (int c = 0; c < context.size(); c++) {
        int f = contextFeature(context.name(c));
        contextCodes[f][size] = contextValues[f].add(context.value(c));
      }
      size++;
      return this;
    }

    private int contextFeature(String name) {
      for (int f = 0; f < contextNames.length; f++) {
        if (contextNames[f].equals(name)) {
          return f;
        }
      }
      int f = contextNames.length;
      contextNames = Arrays.copyOf(contextNames, f + 1);
      contextNames[f] = name;
      contextValues = Arrays.copyOf(contextValues, f + 1);
      contextValues[f] = new IdIndex.Builder();
      contextCodes = Arrays.copyOf(contextCodes, f + 1);
      int[] codes = new int[user.length];
      Arrays.fill(codes, -1);
      contextCodes[f] = codes;
      return f;
    }

    private void grow() {
      int n = user.length * 2;
      user = Arrays.copyOf(user, n);
      item = Arrays.copyOf(item, n);
      value = Arrays.copyOf(value, n);
      time = Arrays.copyOf(time, n);
      type = Arrays.copyOf(type, n);
      for (int f = 0; f < contextCodes.length; f++) {
        contextCodes[f] = Arrays.copyOf(contextCodes[f], n);
      }
    }

    /** {@return number of events added so far} */
    public int size() {
      return size;
    }

    /**
     * Returns a mark of the builder's current state, to undo later additions with {@link #rollback(Checkpoint)}.
     * Readers take one before a file so that a failed read leaves nothing half-added.
     *
     * @return a mark valid for this builder only; O(context features)
     */
    public Checkpoint checkpoint() {
      int[] valueCounts = new int[contextValues.length];
      for (int f = 0; f < valueCounts.length; f++) {
        valueCounts[f] = contextValues[f].size();
      }
      return new Checkpoint(this, size, users.size(), items.size(), valueCounts);
    }

    /**
     * Removes every event, id and context value added since {@code checkpoint} was taken.
     *
     * @param checkpoint a mark from {@link #checkpoint()} on this builder
     * @throws NullPointerException if {@code checkpoint} is null
     * @throws IllegalArgumentException if the checkpoint was taken on another builder, or an earlier rollback
     *     already went back past it
     */
    public void rollback(Checkpoint checkpoint) {
      Objects.requireNonNull(checkpoint, "checkpoint");
      if (checkpoint.owner != this) {
        throw new IllegalArgumentException("checkpoint was taken on another builder");
      }
      int features = checkpoint.contextValueCounts.length;
      if (checkpoint.size > size || checkpoint.users > users.size() || checkpoint.items > items.size()
          || features > contextNames.length) {
        throw new IllegalArgumentException("checkpoint is newer than the builder's state after an earlier rollback");
      }
      size = checkpoint.size;
      users.truncate(checkpoint.users);
      items.truncate(checkpoint.items);
      contextNames = Arrays.copyOf(contextNames, features);
      contextValues = Arrays.copyOf(contextValues, features);
      contextCodes = Arrays.copyOf(contextCodes, features);
      for (int f = 0; f < features; f++) {
        contextValues[f].truncate(checkpoint.contextValueCounts[f]);
      }
    }

    /** A mark of a builder's state; see {@link #checkpoint()}. Immutable. */
    public static final class Checkpoint {
      private final Builder owner;
      private final int size;
      private final int users;
      private final int items;
      private final int[] contextValueCounts;

      private Checkpoint(Builder owner, int size, int users, int items, int[] contextValueCounts) {
        this.owner = owner;
        this.size = size;
        this.users = users;
        this.items = items;
        this.contextValueCounts = contextValueCounts;
      }
    }

    /** {@return the immutable log; the builder may be used on afterwards} */
    public InteractionLog build() {
      IdIndex[] cv = new IdIndex[contextNames.length];
      int[][] cc = new int[contextNames.length][];
      for (int f = 0; f < cv.length; f++) {
        cv[f] = contextValues[f].build();
        cc[f] = Arrays.copyOf(contextCodes[f], size);
      }
      return new InteractionLog(users.build(), items.build(), eventTypes, Arrays.copyOf(user, size),
          Arrays.copyOf(item, size), Arrays.copyOf(value, size), Arrays.copyOf(time, size),
          Arrays.copyOf(type, size), contextNames.clone(), cv, cc);
    }
  }
}
