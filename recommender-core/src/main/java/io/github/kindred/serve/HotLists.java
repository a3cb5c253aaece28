package io.github.kindred.serve;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.github.kindred.data.Context;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.math.TopN;
import io.github.kindred.serve.Pipeline.Scratch;
import io.github.kindred.serve.State.UserHistory;
import io.github.kindred.serve.pipeline.BusinessRules;
import io.github.kindred.serve.pipeline.Selection;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Popular and trending item lists per slice (global, a user segment, or one value of a context feature), held in a
 * bounded Caffeine cache and recomputed in the background {@code refreshAfterWrite} after they were loaded: a request
 * that finds a list older than that gets the old list at once while the new one is computed on the executor.
 *
 * <p>The global popular list is read off the live popularity counts ({@code O(items)}); every other list scans the
 * dataset's log and the journal of online events once ({@code O(events)}), which is why it is cached. Thread-safe.
 */
final class HotLists {
  /** The population a list is computed over. */
  enum Slice {
    GLOBAL,
    SEGMENT,
    CONTEXT
  }

  /** Which list: kind, slice, and for context slices the feature name, for segments the segment name. */
  record Key(HotListKind kind, Slice slice, String name, String value) {
    static Key global(HotListKind kind) {
      return new Key(kind, Slice.GLOBAL, "", "");
    }
  }

  /**
   * A computed list, best first: item indexes valid in the state of generation {@code version} (ids for any other),
   * and the number of events behind it (for backing off from thin slices).
   */
  static final class HotList {
    final long version;
    final int[] items;
    final String[] ids;
    final float[] scores;
    final long events;

    HotList(long version, int[] items, String[] ids, float[] scores, long events) {
      this.version = version;
      this.items = items;
      this.ids = ids;
      this.scores = scores;
      this.events = events;
    }
  }

  private final Supplier<State> state;
  private final Function<String, String> segments;
  private final int size;
  private final double halfLifeSeconds;
  private final LoadingCache<Key, HotList> cache;
  private final int minSliceEvents;

  private static final Key GLOBAL_POPULAR = Key.global(HotListKind.POPULAR);
  private static final Key GLOBAL_TRENDING = Key.global(HotListKind.TRENDING);

  HotLists(Supplier<State> state, Function<String, String> segments, int size, Duration refresh, long maxLists,
      Duration halfLife, Executor executor, Ticker ticker, int minSliceEvents) {
    this.state = state;
    this.minSliceEvents = minSliceEvents;
    this.segments = segments;
    this.size = size;
    this.halfLifeSeconds = halfLife.toMillis() / 1000.0;
    this.cache = Caffeine.newBuilder()
        .maximumSize(maxLists)
        .refreshAfterWrite(refresh)
        .executor(executor)
        .ticker(ticker)
        .recordStats()
        .build(this::load);
  }

  /**
   * The candidates stage of a request with no usable history: answers from a hot list without touching the model,
   * with the request's business rules, the exclusion of the seen items {@code seen[0..seenTo)} (ascending, or
   * null) and re-ranking. The list is the request's context slices first (each context feature in name order, if
   * its slice has at least the configured number of events), then the user's segment, then the global list.
   */
  Recommendations answer(State s, Request r, Scratch sc, String userId, int[] seen, int seenTo) {
    HotList list = choose(r, userId);
    int[] items = list.items;
    if (list.version != s.version) {
      // Computed for another model generation (a swap raced the load): re-resolve by id.
      items = new int[list.ids.length];
      for (int k = 0; k < items.length; k++) {
        items[k] = s.catalog.indexOf(list.ids[k]);
      }
    }
    BusinessRules rules = r.isPlain() ? null : Pipeline.rules(s, r);
    TopN top = sc.top;
    top.reset(Selection.poolSize(r.count(), r.diversity()));
    for (int k = 0; k < items.length; k++) {
      int i = items[k];
      if (i < 0 || i >= s.catalog.size() || (s.unavailableCount > 0 && s.unavailable[i])) {
        continue;
      }
      if (r.excludeSeen() && seen != null && Arrays.binarySearch(seen, 0, seenTo, i) >= 0) {
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
    return Pipeline.finish(s, r, sc, top, source, Subject.NONE);
  }

  private HotList choose(Request r, String userId) {
    HotListKind kind = r.hotList();
    Context ctx = r.context();
    for (int c = 0; c < ctx.size(); c++) {
      HotList l = get(new Key(kind, Slice.CONTEXT, ctx.name(c), ctx.value(c)));
      if (l.events >= minSliceEvents && l.items.length > 0) {
        return l;
      }
    }
    String segment = segmentOf(userId);
    if (segment != null) {
      HotList l = get(new Key(kind, Slice.SEGMENT, "", segment));
      if (l.events >= minSliceEvents && l.items.length > 0) {
        return l;
      }
    }
    return get(kind == HotListKind.POPULAR ? GLOBAL_POPULAR : GLOBAL_TRENDING);
  }

  HotList get(Key key) {
    return cache.get(key);
  }

  void invalidateAll() {
    cache.invalidateAll();
  }

  CacheStats stats() {
    return cache.stats();
  }

  /** The segment of {@code userId}, or null if segments are not configured or the user has none. */
  String segmentOf(String userId) {
    return segments == null || userId == null ? null : segments.apply(userId);
  }

  private HotList load(Key key) {
    State s = state.get();
    int items = s.catalog.size();
    float[] score = new float[items];
    long events;
    if (key.kind() == HotListKind.POPULAR && key.slice() == Slice.GLOBAL) {
      events = 0;
      for (int i = 0; i < items; i++) {
        score[i] = s.popularity[i];
        events += s.popularity[i];
      }
    } else {
      events = scan(s, key, score);
    }
    TopN top = new TopN(size);
    for (int i = 0; i < items; i++) {
      if (score[i] > 0f) {
        top.offer(i, score[i]);
      }
    }
    int n = top.size();
    int[] ids = new int[n];
    float[] scores = new float[n];
    top.drainTo(ids, scores);
    String[] names = new String[n];
    for (int k = 0; k < n; k++) {
      names[k] = s.catalog.idOf(ids[k]);
    }
    return new HotList(s.version, ids, names, scores, events);
  }

  /** Accumulates the slice's item scores from the dataset log and the journal; returns its event count. */
  private long scan(State s, Key key, float[] score) {
    InteractionLog log = s.data.log();
    int users = s.data.userCount();
    boolean[] skipUser = new boolean[users];
    for (Map.Entry<String, UserHistory> e : s.histories.entrySet()) {
      int u = s.baseUser(e.getKey());
      if (u >= 0 && e.getValue().deleted) {
        skipUser[u] = true;
      }
    }
    if (key.slice() == Slice.SEGMENT) {
      for (int u = 0; u < users; u++) {
        skipUser[u] |= !key.value().equals(segmentOf(s.users.idOf(u)));
      }
    }
    int feature = -1;
    int code = -1;
    if (key.slice() == Slice.CONTEXT) {
      String[] names = log.contextNames();
      for (int f = 0; f < names.length; f++) {
        if (names[f].equals(key.name())) {
          feature = f;
          code = log.contextValues(f).indexOf(key.value());
        }
      }
    }
    boolean trending = key.kind() == HotListKind.TRENDING;
    long newest = Long.MIN_VALUE;
    if (trending) {
      for (int k = 0; k < log.size(); k++) {
        newest = Math.max(newest, log.timestamp(k));
      }
      Journal j = s.journal;
      for (int k = 0; k < j.size(); k++) {
        newest = Math.max(newest, j.get(k).timestamp());
      }
    }
    // Popularity counts distinct users per item: (user, item) pairs seen, users of the journal numbered after the
    // dataset's.
    LongOpenHashSet pairs = trending ? null : new LongOpenHashSet();
    Object2IntOpenHashMap<String> newUsers = new Object2IntOpenHashMap<>();
    newUsers.defaultReturnValue(-1);
    long events = 0;
    for (int k = 0; k < log.size(); k++) {
      int u = log.user(k);
      if (skipUser[u]) {
        continue;
      }
      if (key.slice() == Slice.CONTEXT && (feature < 0 || code < 0 || log.contextCode(feature, k) != code)) {
        continue;
      }
      events++;
      count(score, pairs, u, log.item(k), log.weightedValue(k), log.timestamp(k), newest);
    }
    Journal j = s.journal;
    for (int k = 0; k < j.size(); k++) {
      Event e = j.get(k);
      int item = s.catalog.indexOf(e.itemId());
      if (item < 0) {
        continue;
      }
      if (key.slice() == Slice.SEGMENT && !key.value().equals(segmentOf(e.userId()))) {
        continue;
      }
      if (key.slice() == Slice.CONTEXT && !key.value().equals(e.context().get(key.name()))) {
        continue;
      }
      int u = s.baseUser(e.userId());
      if (u < 0) {
        u = newUsers.getInt(e.userId());
        if (u < 0) {
          u = users + newUsers.size();
          newUsers.put(e.userId(), u);
        }
      }
      events++;
      count(score, pairs, u, item, e.value(), e.timestamp(), newest);
    }
    return events;
  }

  private void count(float[] score, LongOpenHashSet pairs, int user, int item, float value, long time,
      long newest) {
    if (pairs != null) {
      if (pairs.add(((long) user << 32) | item)) {
        score[item] += 1f;
      }
    } else if (newest == InteractionLog.NO_TIME) {
      score[item] += value; // no timestamps at all: nothing to decay against
    } else if (time != InteractionLog.NO_TIME) {
      score[item] += (float) (value * Math.pow(0.5, (newest - time) / halfLifeSeconds));
    }
  }
}
