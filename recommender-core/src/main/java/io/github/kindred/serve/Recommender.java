package io.github.kindred.serve;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.github.kindred.data.Context;
import io.github.kindred.data.Dataset;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.math.FactorScoring;
import io.github.kindred.math.TopN;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * The serving facade: recommendations for known users, anonymous sessions, new users with features and similar
 * items, over one trained {@link Model} and the {@link Dataset} it was fitted on, with business filters, boosts,
 * popularity blending, diversity re-ranking, explanations, hot-item lists, a per-user result cache, online event
 * ingestion and atomic model swaps.
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
  private final Cache<String, CachedResult> userCache;
  private final int minSliceEvents;
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
  /** Users deleted since construction; guarded by {@link #writeLock}. */
  private final Set<String> deleted = new HashSet<>();
  /** Items marked unavailable, by id, so that the mark survives swaps; guarded by {@link #writeLock}. */
  private final Set<String> unavailable = new HashSet<>();

  private static final HotLists.Key GLOBAL_POPULAR = HotLists.Key.global(HotListKind.POPULAR);
  private static final HotLists.Key GLOBAL_TRENDING = HotLists.Key.global(HotListKind.TRENDING);
  /** Candidates per result that diversity re-ranking chooses from. */
  private static final int POOL_FACTOR = 5;

  private Recommender(Builder b) {
    this.state = State.of(b.model, b.data, 0, 0);
    this.minSliceEvents = b.minSliceEvents;
    this.hot = new HotLists(() -> state, b.segments, b.hotListSize, b.refresh, b.maxHotLists, b.halfLife,
        b.executor, b.ticker);
    this.userCache = b.userCacheSize == 0 ? null : Caffeine.newBuilder()
        .maximumSize(b.userCacheSize)
        .executor(b.executor)
        .ticker(b.ticker)
        .recordStats()
        .build();
  }

  /**
   * Returns a builder over a model and the dataset it was fitted on (histories, item ids and popularity come from
   * the dataset).
   */
  public static Builder builder(Model model, Dataset data) {
    return new Builder(Objects.requireNonNull(model, "model"), Objects.requireNonNull(data, "data"));
  }

  /** The model currently serving. */
  public Model model() {
    return state.model;
  }

  /** The number of distinct users who interacted with {@code itemId} (dataset and online events), 0 if unknown. */
  public int popularity(String itemId) {
    State s = state;
    int i = s.catalog.indexOf(itemId);
    return i < 0 ? 0 : s.popularity[i];
  }

  /**
   * The item ids of the user's current history (dataset rows plus ingested events), ascending by item index; empty
   * for an unknown or deleted user. Allocates; not for the hot path.
   */
  public String[] history(String userId) {
    State s = state;
    UserHistory h = s.histories.get(userId);
    int[] items;
    if (h != null) {
      items = h.items;
    } else {
      int u = s.baseUser(userId);
      items = u < 0 ? new int[0] : s.matrix.row(u);
    }
    String[] out = new String[items.length];
    for (int k = 0; k < items.length; k++) {
      out[k] = s.catalog.idOf(items[k]);
    }
    return out;
  }

  /** The summed value of {@code itemId} in the user's current history, 0 if absent (for tests). */
  float historyWeight(String userId, String itemId) {
    State s = state;
    int i = s.catalog.indexOf(itemId);
    UserHistory h = s.histories.get(userId);
    if (i < 0) {
      return 0f;
    }
    if (h != null) {
      int k = Arrays.binarySearch(h.items, i);
      return k < 0 ? 0f : h.weights[k];
    }
    int u = s.baseUser(userId);
    return u < 0 || i >= s.matrix.columns() ? 0f : s.matrix.get(u, i);
  }

  /** Cache statistics and the number of events pending replay. */
  public ServingStats stats() {
    State s = state;
    return new ServingStats(userCache == null ? CacheStats.empty() : userCache.stats(), hot.stats(), s.version,
        s.journal.size());
  }

  // ---------------------------------------------------------------------------------------------------- requests

  /**
   * Answers a request. Never locks; safe from any thread.
   *
   * @throws NullPointerException if {@code request} is null
   */
  public Recommendations recommend(Request request) {
    State s = state;
    switch (request.kind()) {
      case USER:
        return forUser(s, request);
      case SESSION:
        return forSession(s, request);
      case NEW_USER:
        return forNewUser(s, request);
      default:
        return similar(s, request);
    }
  }

  private Recommendations forUser(State s, Request r) {
    String userId = r.userId();
    UserHistory h = s.histories.get(userId);
    Object signature = r.cacheSignature();
    if (userCache != null && signature != null) {
      CachedResult c = userCache.getIfPresent(userId);
      // The epoch covers model swaps and availability changes; the history identity covers the user's events.
      if (c != null && c.epoch == s.epoch && c.history == h && c.signature.equals(signature)) {
        return c.result;
      }
    }
    int base = h == null ? s.baseUser(userId) : -1;
    Recommendations out;
    if (h != null ? h.modelCount == 0 : base < 0 || s.matrix.rowSize(base) == 0) {
      out = h != null
          ? fromHotLists(s, r, userId, h.items, 0, h.items.length)
          : fromHotLists(s, r, userId, null, 0, 0);
      return out;
    }
    int[] seen = h != null ? h.items : s.matrix.columnIndexes();
    int from = h != null ? 0 : s.matrix.rowPointers()[base];
    int to = h != null ? h.items.length : s.matrix.rowPointers()[base + 1];
    Scratch sc = scratch.get();
    if (s.dot != null && r.isPlain() && s.unavailableCount == 0 && (h == null || h.vector != null)) {
      // Fused path: the score array is never written; see FactorScoring.scoreTopN.
      float[] user;
      if (h != null) {
        user = h.vector;
      } else {
        user = sc.vector(s.dot.dimensions());
        s.dot.userVector(base, user);
      }
      TopN top = sc.top;
      top.reset(r.count());
      FactorScoring.scoreTopN(s.dot.itemFactors(), s.modelCount, s.dot.dimensions(), user, seen,
          r.excludeSeen() ? from : 0, r.excludeSeen() ? to : 0, top);
      out = drain(s, top, Recommendations.Source.MODEL, h, base, null);
    } else {
      Query q = h != null ? h.query : Query.forUser(base, s.matrix);
      if (!r.context().isEmpty()) {
        q = q.withContext(r.context());
      }
      float[] scores = sc.scores(s.modelCount);
      s.model.score(q, scores);
      adjust(s, r, scores, true);
      if (r.excludeSeen()) {
        excludeRange(scores, s.modelCount, seen, from, to);
      }
      out = select(s, r, sc, scores, s.modelCount, Recommendations.Source.MODEL, h, base, null, -1);
    }
    if (userCache != null && signature != null) {
      userCache.put(userId, new CachedResult(signature, s.epoch, h, out));
    }
    return out;
  }

  private Recommendations forSession(State s, Request r) {
    String[] ids = r.sessionItemsView();
    int[] all = new int[ids.length];
    int n = 0;
    for (String id : ids) {
      int i = s.catalog.indexOf(id);
      if (i >= 0) {
        all[n++] = i;
      }
    }
    int[] seen = Arrays.stream(all, 0, n).sorted().distinct().toArray();
    int known = 0;
    while (known < seen.length && seen[known] < s.modelCount) {
      known++;
    }
    if (known == 0) {
      return fromHotLists(s, r, null, seen, 0, seen.length);
    }
    int[] session = Arrays.copyOf(seen, known);
    Query q = Query.ofItems(session);
    if (!r.context().isEmpty()) {
      q = q.withContext(r.context());
    }
    Scratch sc = scratch.get();
    float[] scores = sc.scores(s.modelCount);
    s.model.score(q, scores);
    adjust(s, r, scores, true);
    if (r.excludeSeen()) {
      excludeRange(scores, s.modelCount, seen, 0, seen.length);
    }
    return select(s, r, sc, scores, s.modelCount, Recommendations.Source.MODEL, null, -1, session, -1);
  }

  private Recommendations forNewUser(State s, Request r) {
    FeatureTable table = r.userFeatures();
    int row = table.rowOf(r.userId());
    if (s.featureScoring == null || row < 0) {
      return fromHotLists(s, r, r.userId(), null, 0, 0);
    }
    Scratch sc = scratch.get();
    float[] scores = sc.scores(s.modelCount);
    s.featureScoring.scoreForFeatures(table, row, Query.empty().withContext(r.context()), scores);
    adjust(s, r, scores, true);
    return select(s, r, sc, scores, s.modelCount, Recommendations.Source.MODEL, null, -1, null, -1);
  }

  private Recommendations similar(State s, Request r) {
    int q = s.catalog.indexOf(r.itemId());
    int m = s.modelCount;
    Scratch sc = scratch.get();
    float[] scores = sc.scores(m);
    if (q >= 0 && q < m && s.similar != null) {
      s.similar.similarTo(q, scores);
    } else if (q >= 0 && q < m && s.vectors != null) {
      int d = s.vectors.dimensions();
      float[] qv = sc.vector(d);
      float[] iv = sc.vector2(d);
      s.vectors.itemVector(q, qv);
      for (int i = 0; i < m; i++) {
        s.vectors.itemVector(i, iv);
        float norm = s.itemNorms[q] * s.itemNorms[i];
        scores[i] = norm == 0f ? 0f : State.dot(qv, iv, d) / norm;
      }
    } else {
      FeatureTable t = s.data.itemFeatures();
      int qr = q >= 0 ? featureRow(s, q) : t.rowOf(r.itemId());
      if (qr < 0) {
        return new Recommendations(s, Recommendations.Source.SIMILAR, new int[0], new float[0], null, -1, null, q);
      }
      for (int i = 0; i < m; i++) {
        scores[i] = featureCosine(t, qr, featureRow(s, i));
      }
    }
    if (q >= 0 && q < m) {
      scores[q] = Float.NEGATIVE_INFINITY;
    }
    adjust(s, r, scores, false);
    return select(s, r, sc, scores, m, Recommendations.Source.SIMILAR, null, -1, null, q);
  }

  /** Popularity blend, boosts, filters and availability over a full score array of the model's items. */
  private static void adjust(State s, Request r, float[] scores, boolean blend) {
    int m = s.modelCount;
    if (blend && r.personalization() < 1f) {
      blend(s, scores, m, r.personalization());
    }
    if (!r.isPlain()) {
      Rules rules = new Rules(s, r);
      rules.boost(scores, m);
      for (int i = 0; i < m; i++) {
        if (!rules.passes(i)) {
          scores[i] = Float.NEGATIVE_INFINITY;
        }
      }
    }
    if (s.unavailableCount > 0) {
      for (int i = 0; i < m; i++) {
        if (s.unavailable[i]) {
          scores[i] = Float.NEGATIVE_INFINITY;
        }
      }
    }
  }

  /** {@code s * minmax(model) + (1 - s) * popularity / max popularity}, over the model's items. */
  private static void blend(State s, float[] scores, int m, float strength) {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    int maxPop = 1;
    for (int i = 0; i < m; i++) {
      float v = scores[i];
      if (Float.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      maxPop = Math.max(maxPop, s.popularity[i]);
    }
    float range = max - min;
    for (int i = 0; i < m; i++) {
      float v = scores[i];
      if (!Float.isFinite(v)) {
        scores[i] = Float.NEGATIVE_INFINITY;
        continue;
      }
      float model = range > 0f ? (v - min) / range : 1f;
      scores[i] = strength * model + (1f - strength) * ((float) s.popularity[i] / maxPop);
    }
  }

  private static void excludeRange(float[] scores, int m, int[] items, int from, int to) {
    for (int k = from; k < to; k++) {
      int i = items[k];
      if (i < m) {
        scores[i] = Float.NEGATIVE_INFINITY;
      }
    }
  }

  /** Picks the results from a full score array: top-N, or a top-N pool re-ranked by MMR. */
  private Recommendations select(State s, Request r, Scratch sc, float[] scores, int m,
      Recommendations.Source source, UserHistory h, int base, int[] session, int queryItem) {
    int n = r.count();
    TopN top = sc.top;
    top.reset(r.diversity() > 0f ? n * POOL_FACTOR : n);
    for (int i = 0; i < m; i++) {
      float v = scores[i];
      if (v >= top.threshold()) {
        top.offer(i, v);
      }
    }
    if (r.diversity() > 0f) {
      return diversify(s, r, sc, top, source, h, base, session, queryItem);
    }
    return drain(s, top, source, h, base, session == null ? null : session, queryItem);
  }

  private static Recommendations drain(State s, TopN top, Recommendations.Source source, UserHistory h, int base,
      int[] session) {
    return drain(s, top, source, h, base, session, -1);
  }

  private static Recommendations drain(State s, TopN top, Recommendations.Source source, UserHistory h, int base,
      int[] session, int queryItem) {
    int c = top.size();
    int[] items = new int[c];
    float[] scores = new float[c];
    top.drainTo(items, scores);
    return new Recommendations(s, source, items, scores, h, base, session, queryItem);
  }

  /**
   * Maximal marginal relevance (Carbonell and Goldstein 1998) over the pool in {@code top}: repeatedly takes the
   * candidate maximising {@code lambda * relevance - (1 - lambda) * max similarity to those taken}, relevance being
   * the score min-max normalised over the pool, {@code lambda = 1 - diversity}. Without item vectors or features
   * there is no similarity, and the order stays by score.
   */
  private Recommendations diversify(State s, Request r, Scratch sc, TopN top, Recommendations.Source source,
      UserHistory h, int base, int[] session, int queryItem) {
    int p = top.size();
    int[] pool = sc.poolItems(p);
    float[] rel = sc.poolScores();
    top.drainTo(pool, rel);
    int n = Math.min(r.count(), p);
    float lambda = 1f - r.diversity();
    float min = p == 0 ? 0f : rel[p - 1];
    float range = p == 0 ? 0f : rel[0] - min;
    boolean[] taken = sc.taken();
    float[] maxSim = sc.maxSim();
    Arrays.fill(taken, 0, p, false);
    Arrays.fill(maxSim, 0, p, 0f);
    PoolSimilarity sim = new PoolSimilarity(s, sc, pool, p);
    int[] items = new int[n];
    float[] scores = new float[n];
    for (int k = 0; k < n; k++) {
      int best = -1;
      float bestValue = Float.NEGATIVE_INFINITY;
      for (int c = 0; c < p; c++) {
        if (taken[c]) {
          continue;
        }
        float relevance = range > 0f ? (rel[c] - min) / range : 1f;
        float value = lambda * relevance - (1f - lambda) * maxSim[c];
        if (value > bestValue) {
          bestValue = value;
          best = c;
        }
      }
      taken[best] = true;
      items[k] = pool[best];
      scores[k] = rel[best];
      for (int c = 0; c < p; c++) {
        if (!taken[c]) {
          maxSim[c] = Math.max(maxSim[c], sim.between(best, c));
        }
      }
    }
    return new Recommendations(s, source, items, scores, h, base, session, queryItem);
  }

  /** Cosine similarity between pool entries: of item vectors when the model has them, else of item features. */
  private static final class PoolSimilarity {
    private final State s;
    private final int[] pool;
    private final float[] vectors;
    private final int d;
    private final int[] rows;

    PoolSimilarity(State s, Scratch sc, int[] pool, int p) {
      this.s = s;
      this.pool = pool;
      boolean useVectors = s.vectors != null;
      for (int c = 0; c < p && useVectors; c++) {
        useVectors = pool[c] < s.modelCount;
      }
      if (useVectors) {
        d = s.vectors.dimensions();
        vectors = sc.poolVectors(p * d);
        float[] buf = sc.vector2(d);
        for (int c = 0; c < p; c++) {
          s.vectors.itemVector(pool[c], buf);
          System.arraycopy(buf, 0, vectors, c * d, d);
        }
        rows = null;
      } else {
        d = 0;
        vectors = null;
        rows = new int[p];
        for (int c = 0; c < p; c++) {
          rows[c] = featureRow(s, pool[c]);
        }
      }
    }

    float between(int a, int b) {
      if (vectors != null) {
        float norm = s.itemNorms[pool[a]] * s.itemNorms[pool[b]];
        return norm == 0f ? 0f : FactorScoring.dot(vectors, a * d, vectors, b * d, d) / norm;
      }
      return featureCosine(s.data.itemFeatures(), rows[a], rows[b]);
    }
  }

  private static int featureRow(State s, int item) {
    if (item < s.modelCount) {
      return s.featureRows == null ? -1 : s.featureRows[item];
    }
    return s.data.itemFeatures().rowOf(s.catalog.idOf(item));
  }

  /** Cosine of two rows of a feature table; 0 if either is missing (-1) or empty. */
  static float featureCosine(FeatureTable t, int a, int b) {
    if (a < 0 || b < 0) {
      return 0f;
    }
    int[] p = t.pointers();
    int[] f = t.featureIndexes();
    float[] v = t.values();
    double dotAb = 0;
    double na = 0;
    double nb = 0;
    int i = p[a];
    int j = p[b];
    while (i < p[a + 1] && j < p[b + 1]) {
      if (f[i] == f[j]) {
        dotAb += (double) v[i++] * v[j++];
      } else if (f[i] < f[j]) {
        i++;
      } else {
        j++;
      }
    }
    for (int k = p[a]; k < p[a + 1]; k++) {
      na += (double) v[k] * v[k];
    }
    for (int k = p[b]; k < p[b + 1]; k++) {
      nb += (double) v[k] * v[k];
    }
    return na == 0 || nb == 0 ? 0f : (float) (dotAb / Math.sqrt(na * nb));
  }

  /**
   * Answers from a hot list without touching the model: the request's context slices first (each context feature
   * in name order, if its slice has at least the configured number of events), then the user's segment, then the
   * global list.
   */
  private Recommendations fromHotLists(State s, Request r, String userId, int[] seen, int from, int to) {
    HotLists.HotList list = chooseList(r, userId);
    int[] items = list.items;
    if (list.version != s.version) {
      // Computed for another model generation (a swap raced the load): re-resolve by id.
      items = new int[list.ids.length];
      for (int k = 0; k < items.length; k++) {
        items[k] = s.catalog.indexOf(list.ids[k]);
      }
    }
    Rules rules = r.isPlain() ? null : new Rules(s, r);
    Scratch sc = scratch.get();
    TopN top = sc.top;
    top.reset(r.diversity() > 0f ? r.count() * POOL_FACTOR : r.count());
    for (int k = 0; k < items.length; k++) {
      int i = items[k];
      if (i < 0 || i >= s.catalog.size() || (s.unavailableCount > 0 && s.unavailable[i])) {
        continue;
      }
      if (r.excludeSeen() && seen != null && Arrays.binarySearch(seen, from, to, i) >= 0) {
        continue;
      }
      float v = list.scores[k];
      if (rules != null) {
        if (!rules.passes(i)) {
          continue;
        }
        v = rules.boost(i, v);
      }
      top.offer(i, v);
    }
    Recommendations.Source source =
        r.hotList() == HotListKind.POPULAR ? Recommendations.Source.POPULAR : Recommendations.Source.TRENDING;
    if (r.diversity() > 0f) {
      return diversify(s, r, sc, top, source, null, -1, null, -1);
    }
    return drain(s, top, source, null, -1, null);
  }

  private HotLists.HotList chooseList(Request r, String userId) {
    HotListKind kind = r.hotList();
    Context ctx = r.context();
    for (int c = 0; c < ctx.size(); c++) {
      HotLists.HotList l = hot.get(new HotLists.Key(kind, HotLists.Slice.CONTEXT, ctx.name(c), ctx.value(c)));
      if (l.events >= minSliceEvents && l.items.length > 0) {
        return l;
      }
    }
    String segment = hot.segmentOf(userId);
    if (segment != null) {
      HotLists.HotList l = hot.get(new HotLists.Key(kind, HotLists.Slice.SEGMENT, "", segment));
      if (l.events >= minSliceEvents && l.items.length > 0) {
        return l;
      }
    }
    return hot.get(kind == HotListKind.POPULAR ? GLOBAL_POPULAR : GLOBAL_TRENDING);
  }

  /** The business rules of one request, resolved against one state's item indexes. */
  private static final class Rules {
    private final int[] allow;
    private final int[] deny;
    private final IntPredicate where;
    private final FeatureTable table;
    private final int[] required;
    private final int[] excluded;
    private final int[] boostItems;
    private final float[] multipliers;
    private final float[] additions;
    private final State s;

    Rules(State s, Request r) {
      this.s = s;
      allow = r.allow() == null ? null : resolve(s, r.allow());
      deny = resolve(s, r.deny());
      where = r.where();
      table = r.featureTable();
      required = features(table, r.requiredFeatures());
      excluded = features(table, r.excludedFeatures());
      String[] ids = r.boostIds();
      boostItems = new int[ids.length];
      for (int k = 0; k < ids.length; k++) {
        boostItems[k] = s.catalog.indexOf(ids[k]);
      }
      multipliers = r.boostMultipliers();
      additions = r.boostAdditions();
    }

    private static int[] resolve(State s, String[] ids) {
      int[] out = new int[ids.length];
      int n = 0;
      for (String id : ids) {
        int i = s.catalog.indexOf(id);
        if (i >= 0) {
          out[n++] = i;
        }
      }
      int[] sorted = Arrays.copyOf(out, n);
      Arrays.sort(sorted);
      return sorted;
    }

    private static int[] features(FeatureTable t, String[] names) {
      int[] out = new int[names.length];
      for (int k = 0; k < names.length; k++) {
        out[k] = t.features().indexOf(names[k]);
      }
      return out;
    }

    boolean passes(int item) {
      if (allow != null && Arrays.binarySearch(allow, item) < 0) {
        return false;
      }
      if (deny.length > 0 && Arrays.binarySearch(deny, item) >= 0) {
        return false;
      }
      if (where != null && !where.test(item)) {
        return false;
      }
      if (required.length > 0 || excluded.length > 0) {
        int row = table.rowOf(s.catalog.idOf(item));
        for (int f : required) {
          if (row < 0 || f < 0 || table.value(row, f) == 0f) {
            return false;
          }
        }
        for (int f : excluded) {
          if (row >= 0 && f >= 0 && table.value(row, f) != 0f) {
            return false;
          }
        }
      }
      return true;
    }

    /** Applies the boosts to a full score array of the first {@code m} items. */
    void boost(float[] scores, int m) {
      for (int k = 0; k < boostItems.length; k++) {
        int i = boostItems[k];
        if (i >= 0 && i < m && Float.isFinite(scores[i])) {
          scores[i] = scores[i] * multipliers[k] + additions[k];
        }
      }
    }

    /** The boosted score of one item. */
    float boost(int item, float score) {
      for (int k = 0; k < boostItems.length; k++) {
        if (boostItems[k] == item) {
          return score * multipliers[k] + additions[k];
        }
      }
      return score;
    }
  }

  /** A cached answer and what it was computed from. */
  private record CachedResult(Object signature, long epoch, UserHistory history, Recommendations result) {}

  // ------------------------------------------------------------------------------------------------------ writers

  /**
   * Ingests one event: the user's history, the popularity counts and (at their next refresh) the hot lists take
   * it into account at once, without retraining; the user's cached results are dropped. Thread-safe; serialised
   * with the other writers.
   *
   * @throws NullPointerException if {@code event} is null
   */
  public void ingest(Event event) {
    Objects.requireNonNull(event, "event");
    synchronized (writeLock) {
      state = apply(state, event);
    }
    if (userCache != null) {
      userCache.invalidate(event.userId());
    }
  }

  /** Ingests an event without context; see {@link #ingest(Event)}. */
  public void ingest(String userId, String itemId, float value, long timestamp) {
    ingest(Event.of(userId, itemId, value, timestamp));
  }

  /** Applies one event to {@code s} (under the writer lock) and returns the state to publish. */
  private State apply(State s, Event e) {
    int item = s.catalog.indexOf(e.itemId());
    if (item < 0) {
      s = s.withItem(e.itemId());
      item = s.catalog.size() - 1;
      if (unavailable.contains(e.itemId())) {
        s = s.withAvailability(item, false);
      }
    }
    String userId = e.userId();
    UserHistory old = s.histories.get(userId);
    int[] items;
    float[] weights;
    boolean wasDeleted = false;
    if (old != null) {
      items = old.items;
      weights = old.weights;
      wasDeleted = old.deleted;
    } else {
      int u = s.baseUser(userId);
      items = u < 0 ? new int[0] : s.matrix.row(u);
      weights = u < 0 ? new float[0] : s.matrix.rowValues(u);
    }
    int pos = Arrays.binarySearch(items, item);
    int[] newItems;
    float[] newWeights;
    if (pos >= 0) {
      newItems = items;
      newWeights = weights.clone();
      newWeights[pos] += e.value();
    } else {
      int at = -pos - 1;
      newItems = new int[items.length + 1];
      newWeights = new float[items.length + 1];
      System.arraycopy(items, 0, newItems, 0, at);
      System.arraycopy(weights, 0, newWeights, 0, at);
      newItems[at] = item;
      newWeights[at] = e.value();
      System.arraycopy(items, at, newItems, at + 1, items.length - at);
      System.arraycopy(weights, at, newWeights, at + 1, items.length - at);
      s.popularity[item]++;
    }
    s.histories.put(userId, s.makeHistory(userId, newItems, newWeights, wasDeleted));
    return s.withJournal(s.journal.append(e));
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
    State fresh = State.of(model, data, 0, 0);
    synchronized (writeLock) {
      State old = state;
      State s = fresh.withVersion(old.version + 1, old.epoch + 1);
      for (String userId : deleted) {
        s = hide(s, userId);
      }
      for (String itemId : unavailable) {
        int i = s.catalog.indexOf(itemId);
        if (i >= 0) {
          s = s.withAvailability(i, false);
        }
      }
      Map<EventKey, int[]> contained = containedEvents(old.journal, data);
      Journal j = old.journal;
      for (int k = 0; k < j.size(); k++) {
        Event e = j.get(k);
        int[] left = contained.get(EventKey.of(e, data));
        // A deleted user's rows in the new dataset are hidden, so their later events must always be replayed, or a
        // user who came back after the deletion would lose the new history at this swap.
        if (left != null && left[0] > 0 && !deleted.contains(e.userId())) {
          left[0]--;
          continue;
        }
        s = apply(s, e);
      }
      state = s;
    }
    hot.invalidateAll();
    if (userCache != null) {
      userCache.invalidateAll();
    }
  }

  /** A journaled event in the index space of a dataset; the user or item index is -1 if the dataset lacks it. */
  private record EventKey(int user, int item, long time) {
    static EventKey of(Event e, Dataset data) {
      return new EventKey(data.users().indexOf(e.userId()), data.items().indexOf(e.itemId()), e.timestamp());
    }
  }

  /** How many log events of {@code data} match each journaled event's key (at most the journal's own count). */
  private static Map<EventKey, int[]> containedEvents(Journal j, Dataset data) {
    Map<EventKey, int[]> wanted = new HashMap<>();
    for (int k = 0; k < j.size(); k++) {
      EventKey key = EventKey.of(j.get(k), data);
      if (key.user >= 0 && key.item >= 0) {
        wanted.computeIfAbsent(key, x -> new int[2])[1]++;
      }
    }
    Map<EventKey, int[]> found = new HashMap<>();
    if (wanted.isEmpty()) {
      return found;
    }
    InteractionLog log = data.log();
    for (int k = 0; k < log.size(); k++) {
      EventKey key = new EventKey(log.user(k), log.item(k), log.timestamp(k));
      int[] w = wanted.get(key);
      if (w != null && w[0] < w[1]) {
        w[0]++;
        found.put(key, w);
      }
    }
    return found;
  }

  /** Hides the dataset rows of a deleted user in {@code s}: a tombstone history and their popularity removed. */
  private static State hide(State s, String userId) {
    int u = s.baseUser(userId);
    if (u >= 0) {
      for (int i : s.matrix.row(u)) {
        s.popularity[i]--;
      }
      s.histories.put(userId, s.makeHistory(userId, new int[0], new float[0], true));
    }
    return s;
  }

  /**
   * Deletes everything this recommender holds about a user: their history (dataset rows are hidden from now on,
   * also in later swapped-in datasets), their journaled events, their cached results and their contribution to the
   * popularity counts and hot lists. Later events for the same id start a new history.
   *
   * @return whether the recommender knew anything about the user
   */
  public boolean deleteUser(String userId) {
    Objects.requireNonNull(userId, "userId");
    boolean known;
    synchronized (writeLock) {
      State s = state;
      UserHistory h = s.histories.get(userId);
      int u = s.baseUser(userId);
      known = (h != null && h.items.length > 0) || (h == null && u >= 0);
      if (h != null) {
        for (int i : h.items) {
          s.popularity[i]--;
        }
        s.histories.remove(userId);
        if (u >= 0) {
          s.histories.put(userId, s.makeHistory(userId, new int[0], new float[0], true));
        }
      } else {
        s = hide(s, userId);
      }
      deleted.add(userId);
      state = s.withJournal(s.journal.filter(e -> !e.userId().equals(userId)));
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

    private Builder(Model model, Dataset data) {
      this.model = model;
      this.data = data;
    }

    /** The executor that refreshes hot lists in the background; the common fork-join pool by default. */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** The time source of the caches (for tests: a fake ticker); the system ticker by default. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** How many items each hot list holds, >= 1; 200 by default. */
    public Builder hotListSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("hotListSize must be >= 1, got " + size);
      }
      this.hotListSize = size;
      return this;
    }

    /** How long after loading a hot list is recomputed in the background, > 0; one minute by default. */
    public Builder hotListRefresh(Duration refresh) {
      if (refresh.isNegative() || refresh.isZero()) {
        throw new IllegalArgumentException("hotListRefresh must be > 0, got " + refresh);
      }
      this.refresh = refresh;
      return this;
    }

    /** How many hot lists (slices times kinds) are cached, >= 1; 1,000 by default. */
    public Builder maxHotLists(long max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxHotLists must be >= 1, got " + max);
      }
      this.maxHotLists = max;
      return this;
    }

    /** The half-life of an event's weight in trending lists, > 0; seven days by default. */
    public Builder trendingHalfLife(Duration halfLife) {
      if (halfLife.isNegative() || halfLife.isZero()) {
        throw new IllegalArgumentException("trendingHalfLife must be > 0, got " + halfLife);
      }
      this.halfLife = halfLife;
      return this;
    }

    /**
     * The fewest events a context or segment slice needs before its hot list is used instead of the next broader
     * one, >= 0; 20 by default.
     */
    public Builder minSliceEvents(int min) {
      if (min < 0) {
        throw new IllegalArgumentException("minSliceEvents must be >= 0, got " + min);
      }
      this.minSliceEvents = min;
      return this;
    }

    /** How many users' results are cached, >= 0 (0 turns the cache off); 10,000 by default. */
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
     */
    public Builder segments(Function<String, String> segmentOfUser) {
      this.segments = Objects.requireNonNull(segmentOfUser, "segmentOfUser");
      return this;
    }

    /**
     * Builds the recommender.
     *
     * @throws IllegalArgumentException if the model was not fitted on the dataset's item and user indexes
     */
    public Recommender build() {
      return new Recommender(this);
    }
  }
}
