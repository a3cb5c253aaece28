package io.github.kindred.serve;

import io.github.kindred.data.Context;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.InteractionLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * What to recommend, for whom, and under which business rules. Immutable and safe to share between threads (as
 * long as the {@link IntPredicate} given to {@link Builder#where} is); build one with the static factories
 * {@link #forUser}, {@link #forSession}, {@link #forNewUser} and {@link #similarTo}, which return a
 * {@link Builder}. A request can be built once and sent many times.
 *
 * <p>Item ids that a {@link Recommender} does not know are ignored wherever they appear (session items, allow and
 * deny lists, boosts), so a request never fails because the catalogue changed under it.
 */
public final class Request {
  /** The four kinds of request. */
  public enum Kind {
    /** A known user, by external id: history from the training data and from ingested events. */
    USER,
    /** An anonymous session: a few item ids. */
    SESSION,
    /** A new user described by features and nothing else. */
    NEW_USER,
    /** Items similar to one item. */
    SIMILAR_ITEMS
  }

  /** The number of results unless {@link Builder#count} says otherwise. */
  public static final int DEFAULT_COUNT = 10;

  private final Kind kind;
  private final String userId;
  private final String[] sessionItems;
  private final long[] sessionTimes;
  private final String itemId;
  private final FeatureTable userFeatures;
  private final Context context;
  private final int count;
  private final boolean excludeSeen;
  private final String[] allow;
  private final String[] deny;
  private final IntPredicate where;
  private final FeatureTable featureTable;
  private final String[] requiredFeatures;
  private final String[] excludedFeatures;
  private final String[] boostIds;
  private final float[] boostMultipliers;
  private final float[] boostAdditions;
  private final float diversity;
  private final float personalization;
  private final HotListKind hotList;
  private final Object cacheSignature;

  private Request(Builder b) {
    kind = b.kind;
    userId = b.userId;
    sessionItems = b.sessionItems;
    sessionTimes = b.sessionTimes;
    itemId = b.itemId;
    userFeatures = b.userFeatures;
    context = b.context;
    count = b.count;
    excludeSeen = b.excludeSeen;
    allow = b.allow == null ? null : b.allow.toArray(String[]::new);
    deny = b.deny.toArray(String[]::new);
    where = b.where;
    featureTable = b.featureTable;
    requiredFeatures = b.requiredFeatures.toArray(String[]::new);
    excludedFeatures = b.excludedFeatures.toArray(String[]::new);
    int nb = b.boosts.size();
    boostIds = new String[nb];
    boostMultipliers = new float[nb];
    boostAdditions = new float[nb];
    int k = 0;
    for (Map.Entry<String, float[]> e : b.boosts.entrySet()) {
      boostIds[k] = e.getKey();
      boostMultipliers[k] = e.getValue()[0];
      boostAdditions[k] = e.getValue()[1];
      k++;
    }
    diversity = b.diversity;
    personalization = b.personalization;
    hotList = b.hotList;
    // A request carrying session events depends on more than the user's history: never cached.
    cacheSignature = kind == Kind.USER && isPlain() && sessionItems == null
        ? new Signature(count, excludeSeen, context, hotList) : null;
  }

  /**
   * Recommendations for the known user {@code userId} (a user never seen is answered from the hot lists).
   *
   * @param userId the external user id
   * @return a builder for the request
   * @throws IllegalArgumentException if {@code userId} is null or blank
   */
  public static Builder forUser(String userId) {
    Builder b = new Builder(Kind.USER);
    b.userId = requireId(userId, "userId");
    return b;
  }

  /**
   * Recommendations for an anonymous session that touched {@code itemIds}, in that order (unknown ids are
   * ignored), without timestamps.
   *
   * @param itemIds the session's item ids in arrival order (oldest first); may repeat
   * @return a builder for the request
   * @throws IllegalArgumentException if an id is null or blank
   */
  public static Builder forSession(String... itemIds) {
    long[] times = new long[itemIds.length];
    Arrays.fill(times, InteractionLog.NO_TIME);
    return forSession(itemIds, times);
  }

  /**
   * Recommendations for an anonymous session of ordered events: item {@code itemIds[k]} at {@code timestamps[k]}.
   * The model sees the distinct items as the history and every event, in order and with its time, as the query's
   * session events ({@link io.github.kindred.model.Query#eventItem}), which sequence-aware models and score stages
   * read without a refit. Unknown ids are ignored.
   *
   * @param itemIds the session's item ids in arrival order (oldest first); may repeat
   * @param timestamps seconds since the epoch of each event, or {@link InteractionLog#NO_TIME}; the known ones
   *     never decrease
   * @return a builder for the request
   * @throws IllegalArgumentException if an id is null or blank, the lengths differ, or the known timestamps are out
   *     of order
   */
  public static Builder forSession(String[] itemIds, long[] timestamps) {
    Builder b = new Builder(Kind.SESSION);
    b.session(itemIds, timestamps);
    return b;
  }

  /**
   * Recommendations for a new user {@code userId} described by row {@code userId} of {@code features}. Models that
   * implement {@link io.github.kindred.model.UserFeatureScoring} score them; otherwise (or when the table has no
   * such row) the hot lists answer.
   *
   * @param userId the new user's id, the row of {@code features} that describes them
   * @param features the user feature table
   * @return a builder for the request
   * @throws IllegalArgumentException if {@code userId} is null or blank
   * @throws NullPointerException if {@code features} is null
   */
  public static Builder forNewUser(String userId, FeatureTable features) {
    Builder b = new Builder(Kind.NEW_USER);
    b.userId = requireId(userId, "userId");
    b.userFeatures = Objects.requireNonNull(features, "features");
    return b;
  }

  /**
   * Items similar to {@code itemId}; the item itself is never returned.
   *
   * @param itemId the external id of the query item
   * @return a builder for the request
   * @throws IllegalArgumentException if {@code itemId} is null or blank
   */
  public static Builder similarTo(String itemId) {
    Builder b = new Builder(Kind.SIMILAR_ITEMS);
    b.itemId = requireId(itemId, "itemId");
    return b;
  }

  private static String requireId(String id, String what) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(what + " must not be null or blank");
    }
    return id;
  }

  /** {@return the kind of request} */
  public Kind kind() {
    return kind;
  }

  /** {@return the user id ({@link Kind#USER} and {@link Kind#NEW_USER}), else null} */
  public String userId() {
    return userId;
  }

  /**
   * A copy of the session's item ids in arrival order ({@link Kind#SESSION}, or a known user's request with
   * {@link Builder#session}), else an empty array.
   *
   * @return the session item ids
   */
  public String[] sessionItems() {
    return sessionItems == null ? new String[0] : sessionItems.clone();
  }

  /**
   * A copy of the session's timestamps, aligned with {@link #sessionItems()} ({@link InteractionLog#NO_TIME} where
   * unknown), else an empty array.
   *
   * @return the session timestamps
   */
  public long[] sessionTimes() {
    return sessionTimes == null ? new long[0] : sessionTimes.clone();
  }

  /** The session item ids without a copy, or null if the request carries no session. */
  String[] sessionItemsView() {
    return sessionItems;
  }

  /** The session timestamps without a copy, or null if the request carries no session. */
  long[] sessionTimesView() {
    return sessionTimes;
  }

  /** {@return the query item ({@link Kind#SIMILAR_ITEMS}), else null} */
  public String itemId() {
    return itemId;
  }

  /** {@return the new user's feature table ({@link Kind#NEW_USER}), else null} */
  public FeatureTable userFeatures() {
    return userFeatures;
  }

  /** {@return the request context, {@link Context#EMPTY} if none} */
  public Context context() {
    return context;
  }

  /** {@return the number of results wanted, >= 1} */
  public int count() {
    return count;
  }

  /** {@return whether items the user (or session) already interacted with are left out; true by default} */
  public boolean excludeSeen() {
    return excludeSeen;
  }

  /**
   * {@return whether any filter, boost, diversity or popularity blend applies (the plain path is fastest without them)}
   */
  public boolean isPlain() {
    return allow == null && deny.length == 0 && where == null && requiredFeatures.length == 0
        && excludedFeatures.length == 0 && boostIds.length == 0 && diversity == 0f && personalization == 1f;
  }

  String[] allow() {
    return allow;
  }

  String[] deny() {
    return deny;
  }

  IntPredicate where() {
    return where;
  }

  FeatureTable featureTable() {
    return featureTable;
  }

  String[] requiredFeatures() {
    return requiredFeatures;
  }

  String[] excludedFeatures() {
    return excludedFeatures;
  }

  String[] boostIds() {
    return boostIds;
  }

  float[] boostMultipliers() {
    return boostMultipliers;
  }

  float[] boostAdditions() {
    return boostAdditions;
  }

  /** {@return the diversity strength in [0, 1]: 0 ranks by score alone, higher trades relevance for variety (MMR)} */
  public float diversity() {
    return diversity;
  }

  /** {@return the personalisation strength in [0, 1]: 0 is pure popularity, 1 (the default) pure model} */
  public float personalization() {
    return personalization;
  }

  /** {@return the hot list used for cold requests; {@link HotListKind#POPULAR} by default} */
  public HotListKind hotList() {
    return hotList;
  }

  /** The key under which a plain known-user request may share a cached result, or null if it may not. */
  Object cacheSignature() {
    return cacheSignature;
  }

  private record Signature(int count, boolean excludeSeen, Context context, HotListKind hotList) {}

  @Override
  public String toString() {
    return "Request[" + kind + ", user=" + userId + ", item=" + itemId + ", session="
        + (sessionItems == null ? "[]" : Arrays.toString(sessionItems)) + ", count=" + count + ", context="
        + context + "]";
  }

  /** Collects the options of a request. Not thread-safe; {@link #build()} may be called many times. */
  public static final class Builder {
    private final Kind kind;
    private String userId;
    private String[] sessionItems;
    private long[] sessionTimes;
    private String itemId;
    private FeatureTable userFeatures;
    private Context context = Context.EMPTY;
    private int count = DEFAULT_COUNT;
    private boolean excludeSeen = true;
    private List<String> allow;
    private final List<String> deny = new ArrayList<>();
    private IntPredicate where;
    private FeatureTable featureTable;
    private final List<String> requiredFeatures = new ArrayList<>();
    private final List<String> excludedFeatures = new ArrayList<>();
    private final Map<String, float[]> boosts = new LinkedHashMap<>();
    private float diversity;
    private float personalization = 1f;
    private HotListKind hotList = HotListKind.POPULAR;

    private Builder(Kind kind) {
      this.kind = kind;
    }

    /**
     * The events of the current session, in arrival order: item {@code itemIds[k]} at {@code timestamps[k]}.
     * Allowed on {@link Request#forUser} (a known user's current visit, passed to the model as the query's session
     * events; such requests bypass the result cache) and {@link Request#forSession} (replacing its events).
     *
     * @param itemIds item ids in arrival order (oldest first); may repeat; unknown ids are ignored when served
     * @param timestamps seconds since the epoch of each event, or {@link InteractionLog#NO_TIME}; the known ones
     *     never decrease
     * @return this builder
     * @throws IllegalArgumentException if an id is null or blank, the lengths differ, the known timestamps are out
     *     of order, or the request is for a new user or similar items
     */
    public Builder session(String[] itemIds, long[] timestamps) {
      if (kind != Kind.USER && kind != Kind.SESSION) {
        throw new IllegalArgumentException("a " + kind + " request carries no session events");
      }
      if (itemIds.length != timestamps.length) {
        throw new IllegalArgumentException(
            "session has " + itemIds.length + " item ids but " + timestamps.length + " timestamps");
      }
      String[] ids = itemIds.clone();
      long[] times = timestamps.clone();
      long last = InteractionLog.NO_TIME;
      for (int k = 0; k < ids.length; k++) {
        requireId(ids[k], "session item id");
        if (times[k] != InteractionLog.NO_TIME) {
          if (last != InteractionLog.NO_TIME && times[k] < last) {
            throw new IllegalArgumentException("session event " + k + " ('" + ids[k] + "') has timestamp "
                + times[k] + ", earlier than " + last + " before it: give the events in arrival order");
          }
          last = times[k];
        }
      }
      sessionItems = ids;
      sessionTimes = times;
      return this;
    }

    /**
     * The request context (used for context hot lists, and passed to the model in the query).
     *
     * @param context the context, {@link Context#EMPTY} for none
     * @return this builder
     * @throws NullPointerException if {@code context} is null
     */
    public Builder context(Context context) {
      this.context = Objects.requireNonNull(context, "context");
      return this;
    }

    /**
     * The number of results; {@link Request#DEFAULT_COUNT} by default. Fewer are returned when fewer items pass
     * the filters.
     *
     * @param n the number of results, >= 1
     * @return this builder
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Builder count(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("count must be >= 1, got " + n);
      }
      this.count = n;
      return this;
    }

    /**
     * Whether already seen items are left out; true by default.
     *
     * @param exclude false to allow items the user (or session) already interacted with
     * @return this builder
     */
    public Builder excludeSeen(boolean exclude) {
      this.excludeSeen = exclude;
      return this;
    }

    /**
     * Restricts results to these items (the allow lists of several calls are united).
     *
     * @param itemIds the external ids of the allowed items
     * @return this builder
     * @throws IllegalArgumentException if an id is null or blank
     */
    public Builder allow(String... itemIds) {
      if (allow == null) {
        allow = new ArrayList<>();
      }
      for (String id : itemIds) {
        allow.add(requireId(id, "allowed item id"));
      }
      return this;
    }

    /**
     * Never returns these items.
     *
     * @param itemIds the external ids of the denied items
     * @return this builder
     * @throws IllegalArgumentException if an id is null or blank
     */
    public Builder deny(String... itemIds) {
      for (String id : itemIds) {
        deny.add(requireId(id, "denied item id"));
      }
      return this;
    }

    /**
     * Keeps only items whose index passes {@code predicate}. Indexes are those of the model's item index
     * ({@link io.github.kindred.model.Model#items()}), followed by items first seen online in order of arrival.
     * The predicate is called from request threads and must be thread-safe; several calls are combined with AND.
     *
     * @param predicate true for the item indexes to keep
     * @return this builder
     * @throws NullPointerException if {@code predicate} is null
     */
    public Builder where(IntPredicate predicate) {
      Objects.requireNonNull(predicate, "predicate");
      where = where == null ? predicate : where.and(predicate);
      return this;
    }

    /**
     * Keeps only items that have feature {@code feature} (for example {@code category=plumbing}) with a non-zero
     * value in {@code table}; items the table does not describe are dropped. All required features must be present.
     * Every feature condition of a request must use the same table.
     *
     * @param table the item feature table
     * @param feature the feature, as the table names it
     * @return this builder
     * @throws IllegalArgumentException if {@code feature} is null or blank, or {@code table} differs from the table
     *     of an earlier feature condition
     * @throws NullPointerException if {@code table} is null
     */
    public Builder requireFeature(FeatureTable table, String feature) {
      useTable(table);
      requiredFeatures.add(requireId(feature, "feature"));
      return this;
    }

    /**
     * Drops items that have feature {@code feature} with a non-zero value in {@code table}.
     *
     * @param table the item feature table
     * @param feature the feature, as the table names it
     * @return this builder
     * @throws IllegalArgumentException if {@code feature} is null or blank, or {@code table} differs from the table
     *     of an earlier feature condition
     * @throws NullPointerException if {@code table} is null
     */
    public Builder excludeFeature(FeatureTable table, String feature) {
      useTable(table);
      excludedFeatures.add(requireId(feature, "feature"));
      return this;
    }

    private void useTable(FeatureTable table) {
      Objects.requireNonNull(table, "table");
      if (featureTable != null && featureTable != table) {
        throw new IllegalArgumentException("all feature conditions of a request must use the same feature table");
      }
      featureTable = table;
    }

    /**
     * Multiplies the score of {@code itemId} by {@code multiplier} (finite, >= 0) after any popularity blend; with
     * {@link #boostAdd} on the same item the product comes first. Meant for non-negative scores.
     *
     * @param itemId the external id of the boosted item
     * @param multiplier the factor, finite and {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code itemId} is null or blank or {@code multiplier} is out of range
     */
    public Builder boost(String itemId, float multiplier) {
      if (!Float.isFinite(multiplier) || multiplier < 0f) {
        throw new IllegalArgumentException("boost multiplier must be finite and >= 0, got " + multiplier);
      }
      boosts.computeIfAbsent(requireId(itemId, "boosted item id"), k -> new float[] {1f, 0f})[0] = multiplier;
      return this;
    }

    /**
     * Adds {@code amount} to the score of {@code itemId}, after any multiplier.
     *
     * @param itemId the external id of the boosted item
     * @param amount the amount, finite, may be negative
     * @return this builder
     * @throws IllegalArgumentException if {@code itemId} is null or blank or {@code amount} is not finite
     */
    public Builder boostAdd(String itemId, float amount) {
      if (!Float.isFinite(amount)) {
        throw new IllegalArgumentException("boost amount must be finite, got " + amount);
      }
      boosts.computeIfAbsent(requireId(itemId, "boosted item id"), k -> new float[] {1f, 0f})[1] = amount;
      return this;
    }

    /**
     * The diversity strength in [0, 1]: results are re-ranked by maximal marginal relevance with
     * {@code lambda = 1 - diversity}, similarity being the cosine of item vectors (models with item vectors) or of
     * item features (the dataset's item feature table). 0, the default, turns it off.
     *
     * @param diversity the strength, in [0, 1]
     * @return this builder
     * @throws IllegalArgumentException if {@code diversity} is outside [0, 1]
     */
    public Builder diversity(float diversity) {
      if (!(diversity >= 0f && diversity <= 1f)) {
        throw new IllegalArgumentException("diversity must be in [0, 1], got " + diversity);
      }
      this.diversity = diversity;
      return this;
    }

    /**
     * The personalisation strength in [0, 1]: the score is {@code s * model + (1 - s) * popularity}, both
     * normalised to [0, 1] (model scores by min-max over the catalogue, popularity by the largest count). 1, the
     * default, is the pure model; 0 is pure popularity.
     *
     * @param strength the strength, in [0, 1]
     * @return this builder
     * @throws IllegalArgumentException if {@code strength} is outside [0, 1]
     */
    public Builder personalization(float strength) {
      if (!(strength >= 0f && strength <= 1f)) {
        throw new IllegalArgumentException("personalization must be in [0, 1], got " + strength);
      }
      this.personalization = strength;
      return this;
    }

    /**
     * Which hot list answers the request when it has no usable history.
     *
     * @param kind the hot list
     * @return this builder
     * @throws NullPointerException if {@code kind} is null
     */
    public Builder hotList(HotListKind kind) {
      this.hotList = Objects.requireNonNull(kind, "hotList");
      return this;
    }

    /** {@return the immutable request} */
    public Request build() {
      return new Request(this);
    }
  }
}
