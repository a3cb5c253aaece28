package io.github.kindred.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.github.kindred.data.Dataset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A longer stress run of the serving facade: ingesting threads, requesting threads, a thread swapping between two
 * models and a thread moving the hot-list clock, all at once. Checks no lost events (every event is in the final
 * histories and popularity counts, computed independently) and no torn reads (every answer has distinct items,
 * none the user was known to have seen when the request started, and all from the one model its version says).
 *
 * <p>The size is {@code -Dkindred.stress.scale=N} (default 1, a few seconds; 50 or more for a long developer run).
 * Every loop is bounded; threads meet on latches, never on sleeps.
 */
class ServingStressTest {
  private static final int SCALE = Integer.getInteger("kindred.stress.scale", 1);
  private static final int USERS = 40;
  private static final int ITEMS = 30;
  private static final int HALF = ITEMS / 2;

  /** Model A scores only items i0..i14, model B only i15..i29; every other item is excluded. */
  private static float[] scores(boolean first) {
    float[] s = new float[ITEMS];
    for (int i = 0; i < ITEMS; i++) {
      s[i] = (i < HALF) == first ? 100f - i : Float.NEGATIVE_INFINITY;
    }
    return s;
  }

  @Test
  void requestsIngestionHotListsAndSwapsTogetherLoseNothingAndNeverTear() throws Exception {
    List<String> lines = new ArrayList<>();
    SplittableRandom setup = new SplittableRandom(11);
    for (int u = 0; u < USERS; u++) {
      for (int k = 0; k < 5; k++) {
        lines.add("u" + u + " i" + setup.nextInt(ITEMS) + " 1 " + (u * 5 + k + 1));
      }
    }
    Dataset data = Fixtures.data(ITEMS, lines.toArray(String[]::new));
    Fixtures.TableModel modelA = Fixtures.TableModel.constant(data, scores(true));
    Fixtures.TableModel modelB = Fixtures.TableModel.constant(data, scores(false));
    AtomicLong nanos = new AtomicLong();
    Ticker ticker = nanos::get;
    Recommender rec = Recommender.builder(modelA, data).executor(Runnable::run).ticker(ticker)
        .hotListRefresh(Duration.ofSeconds(60)).userCacheSize(100).build();

    int ingesters = 2;
    int eventsPerIngester = 1_000 * SCALE;
    int readers = 4;
    int requestsPerReader = 600 * SCALE;
    int swaps = 40 * SCALE;
    CountDownLatch start = new CountDownLatch(1);
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    Map<String, Set<String>> ingested = new ConcurrentHashMap<>();
    List<List<Event>> streams = new ArrayList<>();
    for (int s = 0; s < ingesters; s++) {
      SplittableRandom random = new SplittableRandom(1000 + s);
      List<Event> stream = new ArrayList<>();
      for (int k = 0; k < eventsPerIngester; k++) {
        String user = random.nextInt(4) == 0 ? "new" + random.nextInt(20) : "u" + random.nextInt(USERS);
        String item = random.nextInt(8) == 0 ? "fresh" + random.nextInt(5) : "i" + random.nextInt(ITEMS);
        // Distinct times, after every dataset time, so replays after swaps are never mistaken for dataset rows.
        stream.add(Event.of(user, item, 1f + random.nextInt(3), 1_000_000L + (long) k * ingesters + s));
      }
      streams.add(stream);
    }
    List<Thread> threads = new ArrayList<>();
    for (List<Event> stream : streams) {
      threads.add(new Thread(() -> run(errors, start, () -> {
        for (Event e : stream) {
          rec.ingest(e);
          ingested.computeIfAbsent(e.userId(), x -> ConcurrentHashMap.newKeySet()).add(e.itemId());
        }
      })));
    }
    threads.add(new Thread(() -> run(errors, start, () -> {
      // Version v serves model B when v is odd, model A when even.
      for (int k = 1; k <= swaps; k++) {
        rec.swap(k % 2 == 1 ? modelB : modelA, data);
      }
    })));
    threads.add(new Thread(() -> run(errors, start, () -> {
      for (int k = 0; k < 20 * SCALE; k++) {
        nanos.addAndGet(Duration.ofSeconds(45).toNanos());
        rec.recommend(Request.forUser("cold" + k).build());
      }
    })));
    Map<String, Set<String>> baseHistory = new HashMap<>();
    for (String line : lines) {
      String[] f = line.split(" ");
      baseHistory.computeIfAbsent(f[0], x -> new HashSet<>()).add(f[1]);
    }
    for (int r = 0; r < readers; r++) {
      int id = r;
      threads.add(new Thread(() -> run(errors, start, () -> {
        SplittableRandom rnd = new SplittableRandom(100 + id);
        for (int k = 0; k < requestsPerReader; k++) {
          int pick = rnd.nextInt(10);
          String user = pick == 0 ? "cold" + rnd.nextInt(1000) : pick < 3 ? "new" + rnd.nextInt(20)
              : "u" + rnd.nextInt(USERS);
          Set<String> seenBefore = new HashSet<>(baseHistory.getOrDefault(user, Set.of()));
          seenBefore.addAll(ingested.getOrDefault(user, Set.of()));
          Request req = k % 4 == 3 ? Request.forUser(user).count(5).deny("i3").build()
              : Request.forUser(user).count(8).build();
          Recommendations result = rec.recommend(req);
          check(result, user, seenBefore);
        }
      })));
    }
    threads.forEach(Thread::start);
    start.countDown();
    for (Thread th : threads) {
      th.join();
    }
    assertThat(errors).isEmpty();

    // No lost events: histories, weights and distinct-user popularity, computed from the event lists alone.
    Map<String, Map<String, Float>> weights = new HashMap<>();
    Map<String, Set<String>> usersOfItem = new HashMap<>();
    for (String line : lines) {
      String[] f = line.split(" ");
      weights.computeIfAbsent(f[0], x -> new HashMap<>()).merge(f[1], Float.parseFloat(f[2]), Float::sum);
      usersOfItem.computeIfAbsent(f[1], x -> new HashSet<>()).add(f[0]);
    }
    for (List<Event> stream : streams) {
      for (Event e : stream) {
        weights.computeIfAbsent(e.userId(), x -> new HashMap<>()).merge(e.itemId(), e.value(), Float::sum);
        usersOfItem.computeIfAbsent(e.itemId(), x -> new HashSet<>()).add(e.userId());
      }
    }
    weights.forEach((user, row) -> {
      assertThat(rec.history(user)).containsExactlyInAnyOrderElementsOf(row.keySet());
      row.forEach((item, w) -> assertThat(rec.historyWeight(user, item)).as(user + " " + item).isEqualTo(w));
    });
    usersOfItem.forEach((item, users) -> assertThat(rec.popularity(item)).as(item).isEqualTo(users.size()));
    assertThat(rec.stats().pendingEvents()).isEqualTo(ingesters * eventsPerIngester);
    assertThat(rec.stats().modelVersion()).isEqualTo(swaps);
  }

  /** The torn-read checks of one answer. */
  private static void check(Recommendations result, String user, Set<String> seenBefore) {
    List<String> ids = result.itemIds();
    if (new HashSet<>(ids).size() != ids.size()) {
      throw new AssertionError("duplicate items " + ids + " for " + user);
    }
    for (String item : ids) {
      if (seenBefore.contains(item)) {
        throw new AssertionError("seen item " + item + " recommended to " + user + ": " + ids);
      }
    }
    if (result.source() == Recommendations.Source.MODEL) {
      boolean modelB = result.modelVersion() % 2 == 1;
      for (String item : ids) {
        int i = Integer.parseInt(item.substring(1));
        if ((i >= HALF) != modelB) {
          throw new AssertionError("item " + item + " is not from the model of version " + result.modelVersion()
              + ": " + ids);
        }
      }
    }
  }

  /** A body that may throw. */
  private interface Body {
    void run() throws Exception;
  }

  private static void run(ConcurrentLinkedQueue<Throwable> errors, CountDownLatch start, Body body) {
    try {
      start.await();
      body.run();
    } catch (Throwable e) {
      errors.add(e);
    }
  }
}
