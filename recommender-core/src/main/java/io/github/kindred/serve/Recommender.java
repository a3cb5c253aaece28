package io.github.kindred.serve;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.model.Model;
import io.github.kindred.serve.pipeline.CandidateRetriever;
import io.github.kindred.serve.pipeline.ScoreStage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * The serving facade: recommendations for known users, anonymous sessions, new users with features and similar
 * items, over one trained {@link Model} and the {@link Dataset} it was fitted on, with business filters, boosts,
 * popularity blending, diversity re-ranking, explanations, hot-item lists, a per-user result cache, online event
 * ingestion and atomic model swaps.
 *
 * <h2>The serving pipeline</h2>
 * A model-scored request runs named stages in order (see {@link io.github.kindred.serve.pipeline}): candidates
 * (every item, or those of a {@link Builder#candidateRetriever}), scores (the model, then each
 * {@link Builder#scoreStage} in order, then the popularity blend), business rules (boosts, filters, availability,
 * seen items), selection and diversity re-ranking, and explanations on demand. A request with no usable history
 * takes its candidates from the hot lists instead, and a request may carry the session's ordered events
 * ({@link Request.Builder#session}), which reach the model and the score stages as the query's events.
 *
 * <h2>Thread-safety</h2>
 * Every method may be called from any number of threads at once. Requests never lock: they read one immutable
 * snapshot of the serving state through a volatile field and answer entirely from it, so a request sees a model and
 * the histories, popularity and catalogue of that model's generation, never a half-applied swap. Writers
 * ({@link #ingest}, {@link #swap}, {@link #deleteUser}, {@link #setAvailable}) are serialised by one internal lock
 * and publish their effect by replacing the snapshot (or, for the map of changed user histories, by replacing one
 * user's immutable history object), so an event is either wholly visible to a request or not at all. Two
 * deliberate relaxations: popularity counts are updated in place, so a request racing an event may see the count
 * before or after it; and hot lists are refreshed in the background, so they lag events by up to the refresh
 * interval. (The first request for a hot list that is not cached yet computes it, and concurrent requests for the
 * same list wait for that one computation, as Caffeine does for any load; refreshes never block requests.) Scratch
 * buffers are per thread ({@link ThreadLocal}); on the plain known-user path of a dot-product
 * model a request allocates only its result.
 *
 * <h2>Online updates and swaps</h2>
 * An ingested event updates the user's history (the model sees it on the next request: fold-in for models with
 * {@link io.github.kindred.model.FoldIn}, the new history for history-based models such as item-kNN), the
 * popularity counts and, at the next refresh, the hot lists; it invalidates the user's cached results. Items the
 * model does not know are kept for popularity and the hot lists and served by a model once one knows them. Every
 * event is also kept in a journal until the next {@link #swap}: the new state is built from the new dataset, then
 * every journaled event that the new dataset does not contain is replayed onto it, under the writer lock, before it
 * is published. An event counts as contained when the new dataset's log has an event with the same user id, item id
 * and timestamp (each log event matches at most one journaled event), so events that arrived after the retraining
 * snapshot, or during the retraining, are never lost, and events that made it into the retraining data are not
 * counted twice. Events with {@link InteractionLog#NO_TIME} match on user and item alone, so give events timestamps.
 * The journal therefore holds the events of one retraining cycle.
 *
 * <h2>Privacy</h2>
 * {@link #deleteUser} removes the user's history, journaled events, cached results and popularity contributions.
 * Their rows in the current and any later swapped-in dataset are hidden from then on (delete them from your own
 * log before retraining; events ingested for the same id after the deletion are served normally).
 */
public final class Recommender {
  private final Object writeLock = new Object();
  private volatile State state;
  private final HotLists hot;
  private final Cache<String, Pipeline.CachedResult> userCache;
  private final Pipeline pipeline;
  private final State.Factories stages;
  /** Users deleted since construction; guarded by {@link #writeLock}. */
  private final Set<String> deleted = new HashSet<>();
  /** Items marked unavailable, by id, so that the mark survives swaps; guarded by {@link #writeLock}. */
  private final Set<String> unavailable = new HashSet<>();

  private Recommender(Builder b) {
    this.stages = new State.Factories(b.retrieval, b.overFetch, b.scoreStages);
    this.state = State.of(b.model, b.data, 0, 0).withStages(stages.build(b.model, b.data));
    this.hot = new HotLists(() -> state, b.segments, b.hotListSize, b.refresh, b.maxHotLists, b.halfLife,
        b.executor, b.ticker, b.minSliceEvents);
    this.userCache = b.userCacheSize == 0 ? null : Caffeine.newBuilder()
        .maximumSize(b.userCacheSize)
        .executor(b.executor)
        .ticker(b.ticker)
        .recordStats()
        .build();
    this.pipeline = new Pipeline(userCache, hot);
  }

  /**
   * Returns a builder over a model and the dataset it was fitted on (histories, item ids and popularity come from
   * the dataset).
   *
   * @param model the model to serve
   * @param data the dataset {@code model} was fitted on
   * @return the builder
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(Model model, Dataset data) {
    return new Builder(Objects.requireNonNull(model, "model"), Objects.requireNonNull(data, "data"));
  }

  /** {@return the model currently serving} */
  public Model model() {
    return state.model;
  }

  /**
   * The number of distinct users who interacted with {@code itemId} (dataset and online events).
   *
   * @param itemId the external item id
   * @return the count, 0 for an unknown item
   */
  public int popularity(String itemId) {
    State s = state;
    int i = s.catalog.indexOf(itemId);
    return i < 0 ? 0 : s.popularity[i];
  }

  /**
   * The item ids of the user's current history (dataset rows plus ingested events), ascending by item index; empty
   * for an unknown or deleted user. Allocates; not for the hot path.
   *
   * @param userId the external user id
   * @return the item ids (a new array)
   */
  public String[] history(String userId) {
    State s = state;
    int[] items = s.historyItems(userId);
    String[] out = new String[items.length];
    for (int k = 0; k < items.length; k++) {
      out[k] = s.catalog.idOf(items[k]);
    }
    return out;
  }

  /** The summed value of {@code itemId} in the user's current history, 0 if absent (for tests). */
  float historyWeight(String userId, String itemId) {
    return state.historyWeight(userId, itemId);
  }

  /** {@return cache statistics and the number of events pending replay} */
  public ServingStats stats() {
    State s = state;
    return new ServingStats(userCache == null ? CacheStats.empty() : userCache.stats(), hot.stats(), s.version,
        s.journal.size());
  }

  // ---------------------------------------------------------------------------------------------------- requests

  /**
   * Answers a request. Never locks; safe from any thread.
   *
   * @param request the request
   * @return the recommendations, best first
   * @throws NullPointerException if {@code request} is null
   */
  public Recommendations recommend(Request request) {
    return pipeline.answer(state, request);
  }

  // ------------------------------------------------------------------------------------------------------ writers

  /**
   * Ingests one event: the user's history, the popularity counts and (at their next refresh) the hot lists take
   * it into account at once, without retraining; the user's cached results are dropped. Thread-safe; serialised
   * with the other writers.
   *
   * @param event the event
   * @throws NullPointerException if {@code event} is null
   */
  public void ingest(Event event) {
    Objects.requireNonNull(event, "event");
    synchronized (writeLock) {
      state = state.withEvent(event, unavailable::contains);
    }
    if (userCache != null) {
      userCache.invalidate(event.userId());
    }
  }

  /**
   * Ingests an event without context; see {@link #ingest(Event)}.
   *
   * @param userId the external user id, not blank
   * @param itemId the external item id, not blank
   * @param value the weight of the interaction, finite and positive
   * @param timestamp seconds since the epoch, or {@link io.github.kindred.data.InteractionLog#NO_TIME}
   * @throws IllegalArgumentException if the event is invalid (see {@link Event})
   */
  public void ingest(String userId, String itemId, float value, long timestamp) {
    ingest(Event.of(userId, itemId, value, timestamp));
  }

  /**
   * Swaps in a retrained model atomically while requests continue: requests that started before see the old model
   * and its state, later ones the new. The new state is built from {@code data}, then every ingested event that
   * {@code data} does not contain (same user id, item id and timestamp) is replayed onto it, so no event is lost;
   * deletions and availability marks carry over. Cached results and hot lists are dropped.
   *
   * @param model a model fitted on {@code data}
   * @param data the dataset it was fitted on
   * @throws IllegalArgumentException if the model's item or user index differs from the dataset's; the serving
   *     state is then unchanged
   */
  public void swap(Model model, Dataset data) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(data, "data");
    // The expensive part (item norms, popularity) is built outside the lock, so ingestion continues meanwhile.
    State fresh = State.of(model, data, 0, 0).withStages(stages.build(model, data));
    synchronized (writeLock) {
      State old = state;
      State s = fresh.withVersion(old.version + 1, old.epoch + 1);
      s = s.withMarks(deleted, unavailable);
      Journal j = old.journal;
      // A deleted user's rows in the new dataset are hidden, so their later events must always be replayed, or a
      // user who came back after the deletion would lose the new history at this swap.
      boolean[] contained = j.containedIn(data, deleted::contains);
      for (int k = 0; k < j.size(); k++) {
        if (!contained[k]) {
          s = s.withEvent(j.get(k), unavailable::contains);
        }
      }
      state = s;
    }
    hot.invalidateAll();
    if (userCache != null) {
      userCache.invalidateAll();
    }
  }

  /**
   * Deletes everything this recommender holds about a user: their history (dataset rows are hidden from now on,
   * also in later swapped-in datasets), their journaled events, their cached results and their contribution to the
   * popularity counts and hot lists. Later events for the same id start a new history.
   *
   * @param userId the external user id
   * @return whether the recommender knew anything about the user
   * @throws NullPointerException if {@code userId} is null
   */
  public boolean deleteUser(String userId) {
    Objects.requireNonNull(userId, "userId");
    boolean known;
    synchronized (writeLock) {
      known = state.knows(userId);
      State s = state.withoutUser(userId);
      deleted.add(userId);
      state = s;
    }
    if (userCache != null) {
      userCache.invalidate(userId);
    }
    hot.invalidateAll();
    return known;
  }

  /**
   * Marks an item (un)available: unavailable items are never recommended, by any request, until marked available
   * again. The mark is kept by id, so it also applies to items not seen yet and survives swaps.
   *
   * @param itemId the external item id (known or not yet)
   * @param available false to withhold the item, true to serve it again
   * @throws NullPointerException if {@code itemId} is null
   */
  public void setAvailable(String itemId, boolean available) {
    Objects.requireNonNull(itemId, "itemId");
    synchronized (writeLock) {
      if (available) {
        unavailable.remove(itemId);
      } else {
        unavailable.add(itemId);
      }
      State s = state;
      int i = s.catalog.indexOf(itemId);
      if (i >= 0) {
        state = s.withAvailability(i, available);
      }
    }
  }

  // ------------------------------------------------------------------------------------------------------ builder

  /** Configures a {@link Recommender}. Not thread-safe. */
  public static final class Builder {
    private final Model model;
    private final Dataset data;
    private Executor executor = ForkJoinPool.commonPool();
    private Ticker ticker = Ticker.systemTicker();
    private int hotListSize = 200;
    private Duration refresh = Duration.ofMinutes(1);
    private long maxHotLists = 1_000;
    private Duration halfLife = Duration.ofDays(7);
    private int minSliceEvents = 20;
    private long userCacheSize = 10_000;
    private Function<String, String> segments;
    private CandidateRetriever.Factory retrieval;
    private int overFetch = 1;
    private final List<ScoreStage.Factory> scoreStages = new ArrayList<>();

    private Builder(Model model, Dataset data) {
      this.model = model;
      this.data = data;
    }

    /**
     * The executor that refreshes hot lists in the background; the common fork-join pool by default.
     *
     * @param executor the executor
     * @return this builder
     * @throws NullPointerException if {@code executor} is null
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * The time source of the caches (for tests: a fake ticker); the system ticker by default.
     *
     * @param ticker the time source
     * @return this builder
     * @throws NullPointerException if {@code ticker} is null
     */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /**
     * How many items each hot list holds; 200 by default.
     *
     * @param size the list length, >= 1
     * @return this builder
     * @throws IllegalArgumentException if {@code size < 1}
     */
    public Builder hotListSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("hotListSize must be >= 1, got " + size);
      }
      this.hotListSize = size;
      return this;
    }

    /**
     * How long after loading a hot list is recomputed in the background; one minute by default.
     *
     * @param refresh the refresh interval, > 0
     * @return this builder
     * @throws IllegalArgumentException if {@code refresh} is zero or negative
     */
    public Builder hotListRefresh(Duration refresh) {
      if (refresh.isNegative() || refresh.isZero()) {
        throw new IllegalArgumentException("hotListRefresh must be > 0, got " + refresh);
      }
      this.refresh = refresh;
      return this;
    }

    /**
     * How many hot lists (slices times kinds) are cached; 1,000 by default.
     *
     * @param max the cache size, >= 1
     * @return this builder
     * @throws IllegalArgumentException if {@code max < 1}
     */
    public Builder maxHotLists(long max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxHotLists must be >= 1, got " + max);
      }
      this.maxHotLists = max;
      return this;
    }

    /**
     * The half-life of an event's weight in trending lists; seven days by default.
     *
     * @param halfLife the half-life, > 0
     * @return this builder
     * @throws IllegalArgumentException if {@code halfLife} is zero or negative
     */
    public Builder trendingHalfLife(Duration halfLife) {
      if (halfLife.isNegative() || halfLife.isZero()) {
        throw new IllegalArgumentException("trendingHalfLife must be > 0, got " + halfLife);
      }
      this.halfLife = halfLife;
      return this;
    }

    /**
     * The fewest events a context or segment slice needs before its hot list is used instead of the next broader
     * one; 20 by default.
     *
     * @param min the minimum number of events, >= 0
     * @return this builder
     * @throws IllegalArgumentException if {@code min < 0}
     */
    public Builder minSliceEvents(int min) {
      if (min < 0) {
        throw new IllegalArgumentException("minSliceEvents must be >= 0, got " + min);
      }
      this.minSliceEvents = min;
      return this;
    }

    /**
     * How many users' results are cached; 10,000 by default.
     *
     * @param size the cache size, >= 0 (0 turns the cache off)
     * @return this builder
     * @throws IllegalArgumentException if {@code size < 0}
     */
    public Builder userCacheSize(long size) {
      if (size < 0) {
        throw new IllegalArgumentException("userCacheSize must be >= 0, got " + size);
      }
      this.userCacheSize = size;
      return this;
    }

    /**
     * The segment of each user (a name, or null for none), for segment hot lists; called from request and loader
     * threads, so it must be thread-safe and fast. None by default.
     *
     * @param segmentOfUser the segment of a user id, or null for none
     * @return this builder
     * @throws NullPointerException if {@code segmentOfUser} is null
     */
    public Builder segments(Function<String, String> segmentOfUser) {
      this.segments = Objects.requireNonNull(segmentOfUser, "segmentOfUser");
      return this;
    }

    /**
     * Candidate retrieval (for example approximate nearest neighbours): for each model generation, {@code factory}
     * builds the retriever that proposes the items the model then scores exactly, instead of every item. None by
     * default (the exact full scan).
     *
     * @param factory builds the retriever of each model generation (it may return null to scan that model fully)
     * @param overFetch how many candidates to retrieve per result selected, >= 1 (more candidates give the
     *     business rules room and the results a better recall)
     * @return this builder
     * @throws IllegalArgumentException if {@code overFetch < 1}
     */
    public Builder candidateRetriever(CandidateRetriever.Factory factory, int overFetch) {
      if (overFetch < 1) {
        throw new IllegalArgumentException("overFetch must be >= 1, got " + overFetch);
      }
      this.retrieval = Objects.requireNonNull(factory, "factory");
      this.overFetch = overFetch;
      return this;
    }

    /**
     * Adds a score stage after the model (for example a repeat-aware or session scorer); stages run in the order
     * they were added, before the popularity blend and the business rules. For each model generation
     * {@code factory} builds the stage from the model and its dataset.
     *
     * @param factory builds the stage of each model generation
     * @return this builder
     * @throws NullPointerException if {@code factory} is null
     */
    public Builder scoreStage(ScoreStage.Factory factory) {
      scoreStages.add(Objects.requireNonNull(factory, "factory"));
      return this;
    }

    /**
     * Builds the recommender.
     *
     * @return the recommender
     * @throws IllegalArgumentException if the model was not fitted on the dataset's item and user indexes
     */
    public Recommender build() {
      return new Recommender(this);
    }
  }
}
