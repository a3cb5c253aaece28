package io.github.kindred.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.knn.ItemKnnConfig;
import io.github.kindred.knn.ItemKnnModel;
import io.github.kindred.knn.ItemKnnTrainer;
import io.github.kindred.knn.Similarity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  private static final int USERS = 40;
  private static final int ITEMS = 30;
  private static final ItemKnnTrainer KNN = new ItemKnnTrainer(new ItemKnnConfig(20, Similarity.COSINE, 0f, 1));

  /** A random log of USERS x ITEMS with about 8 distinct items per user, times 1..; fixed seed. */
  private static List<Event> baseEvents() {
    SplittableRandom random = new SplittableRandom(42);
    List<Event> events = new ArrayList<>();
    long t = 1;
    for (int u = 0; u < USERS; u++) {
      Set<Integer> items = new HashSet<>();
      while (items.size() < 8) {
        items.add(random.nextInt(ITEMS));
      }
      for (int i : items) {
        events.add(Event.of("u" + u, "i" + i, 1f, t++));
      }
    }
    return events;
  }

  private static Dataset dataset(List<Event> events) {
    String[] ids = new String[ITEMS];
    for (int i = 0; i < ITEMS; i++) {
      ids[i] = "i" + i;
    }
    InteractionLog.Builder b = InteractionLog.builder().knownItems(IdIndex.of(ids));
    for (Event e : events) {
      b.add(e.userId(), e.itemId(), e.value(), e.timestamp());
    }
    return Dataset.of(b.build());
  }

  private static List<Request> requests() {
    List<Request> out = new ArrayList<>();
    for (int u = 0; u < USERS; u++) {
      out.add(Request.forUser("u" + u).build());
      out.add(Request.forUser("u" + u).count(5).diversity(0.4f).build());
      out.add(Request.forUser("u" + u).personalization(0.5f).deny("i" + (u % ITEMS)).build());
    }
    for (int i = 0; i < ITEMS; i++) {
      out.add(Request.similarTo("i" + i).count(5).build());
      out.add(Request.forSession("i" + i, "i" + ((i + 7) % ITEMS)).build());
    }
    out.add(Request.forUser("nobody").build());
    return out;
  }

  /** What a test compares: ids and scores. */
  private record Answer(List<String> ids, List<Float> scores) {
    static Answer of(Recommendations r) {
      List<Float> scores = new ArrayList<>();
      for (int k = 0; k < r.size(); k++) {
        scores.add(r.score(k));
      }
      return new Answer(r.itemIds(), scores);
    }
  }

  @Test
  void eightThreadsGetExactlyTheSingleThreadedAnswers() throws Exception {
    Dataset data = dataset(baseEvents());
    ItemKnnModel model = KNN.fit(data);
    List<Request> requests = requests();
    Recommender single = Recommender.builder(model, data).executor(Runnable::run).build();
    List<Answer> expected = new ArrayList<>();
    for (Request r : requests) {
      expected.add(Answer.of(single.recommend(r)));
    }

    Recommender shared = Recommender.builder(model, data).executor(Runnable::run).build();
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    Map<Integer, List<Answer>> results = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread w = new Thread(() -> {
        try {
          start.await();
          Answer[] mine = new Answer[requests.size()];
          for (int round = 0; round < 3; round++) {
            // Each thread walks the requests from a different offset, so that they interleave differently.
            for (int k = 0; k < requests.size(); k++) {
              int q = (k + id * 17) % requests.size();
              mine[q] = Answer.of(shared.recommend(requests.get(q)));
            }
          }
          results.put(id, Arrays.asList(mine));
        } catch (Throwable e) {
          errors.add(e);
        }
      });
      workers.add(w);
      w.start();
    }
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }
    assertThat(errors).isEmpty();
    assertThat(results).hasSize(threads);
    for (List<Answer> answers : results.values()) {
      assertThat(answers).isEqualTo(expected);
    }
  }

  @Test
  void requestsIngestionAndSwapsTogetherLoseNothing() throws Exception {
    List<Event> base = baseEvents();
    Dataset baseData = dataset(base);
    ItemKnnModel baseModel = KNN.fit(baseData);
    // Two ingesting threads, 200 events each, over known and new users and items, with distinct times.
    int perIngester = 200;
    List<List<Event>> streams = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(7);
    long t = 10_000;
    for (int s = 0; s < 2; s++) {
      List<Event> stream = new ArrayList<>();
      for (int k = 0; k < perIngester; k++) {
        String user = random.nextInt(5) == 0 ? "new" + random.nextInt(10) : "u" + random.nextInt(USERS);
        String item = random.nextInt(10) == 0 ? "fresh" + random.nextInt(3) : "i" + random.nextInt(ITEMS);
        stream.add(Event.of(user, item, 1f + random.nextInt(3), t++));
      }
      streams.add(stream);
    }
    // The retraining snapshot: the base events plus the first half of each stream.
    List<Event> snapshot = new ArrayList<>(base);
    for (List<Event> stream : streams) {
      snapshot.addAll(stream.subList(0, perIngester / 2));
    }
    Dataset snapshotData = Dataset.of(buildLog(snapshot));
    ItemKnnModel snapshotModel = KNN.fit(snapshotData);

    Recommender rec = Recommender.builder(baseModel, baseData).executor(Runnable::run).build();
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch firstHalves = new CountDownLatch(2);
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    Map<String, Set<String>> ingested = new ConcurrentHashMap<>();
    Map<String, Set<String>> baseHistory = new HashMap<>();
    for (Event e : base) {
      baseHistory.computeIfAbsent(e.userId(), k -> new HashSet<>()).add(e.itemId());
    }
    List<Thread> threads = new ArrayList<>();
    for (List<Event> stream : streams) {
      threads.add(new Thread(() -> run(errors, start, () -> {
        for (int k = 0; k < stream.size(); k++) {
          Event e = stream.get(k);
          rec.ingest(e);
          ingested.computeIfAbsent(e.userId(), x -> ConcurrentHashMap.newKeySet()).add(e.itemId());
          if (k == perIngester / 2 - 1) {
            firstHalves.countDown();
          }
        }
      })));
    }
    threads.add(new Thread(() -> run(errors, start, () -> {
      for (int k = 0; k < 5; k++) {
        rec.swap(baseModel, baseData);
      }
      firstHalves.await();
      for (int k = 0; k < 5; k++) {
        rec.swap(snapshotModel, snapshotData);
      }
    })));
    for (int r = 0; r < 8; r++) {
      int id = r;
      threads.add(new Thread(() -> run(errors, start, () -> {
        SplittableRandom rnd = new SplittableRandom(100 + id);
        for (int k = 0; k < 300; k++) {
          String user = rnd.nextInt(4) == 0 ? "new" + rnd.nextInt(10) : "u" + rnd.nextInt(USERS);
          Set<String> seenBefore = new HashSet<>(baseHistory.getOrDefault(user, Set.of()));
          seenBefore.addAll(ingested.getOrDefault(user, Set.of()));
          Request req = switch (k % 3) {
            case 0 -> Request.forUser(user).build();
            case 1 -> Request.forUser(user).count(5).diversity(0.3f).deny("i1").build();
            default -> Request.forUser(user).personalization(0.7f).build();
          };
          Recommendations result = rec.recommend(req);
          List<String> ids = result.itemIds();
          if (new HashSet<>(ids).size() != ids.size()) {
            throw new AssertionError("duplicate items " + ids + " for " + user);
          }
          for (String id2 : ids) {
            if (seenBefore.contains(id2)) {
              throw new AssertionError("seen item " + id2 + " recommended to " + user);
            }
          }
          if (result.source() == Recommendations.Source.MODEL && result.size() > 0) {
            result.explanation(0);
          }
        }
      })));
    }
    threads.forEach(Thread::start);
    start.countDown();
    for (Thread th : threads) {
      th.join();
    }
    assertThat(errors).isEmpty();

    // Every event is reflected exactly once: history weights and distinct-user popularity computed independently.
    Map<String, Map<String, Float>> weights = new HashMap<>();
    Map<String, Set<String>> usersOfItem = new HashMap<>();
    List<Event> all = new ArrayList<>(base);
    streams.forEach(all::addAll);
    for (Event e : all) {
      weights.computeIfAbsent(e.userId(), k -> new HashMap<>()).merge(e.itemId(), e.value(), Float::sum);
      usersOfItem.computeIfAbsent(e.itemId(), k -> new HashSet<>()).add(e.userId());
    }
    weights.forEach((user, row) -> {
      assertThat(rec.history(user)).containsExactlyInAnyOrderElementsOf(row.keySet());
      row.forEach((item, w) -> assertThat(rec.historyWeight(user, item)).as(user + " " + item).isEqualTo(w));
    });
    usersOfItem.forEach((item, users) -> assertThat(rec.popularity(item)).as(item).isEqualTo(users.size()));
    assertThat(rec.stats().pendingEvents()).isEqualTo(perIngester);
    assertThat(rec.stats().modelVersion()).isEqualTo(10);
  }

  private static InteractionLog buildLog(List<Event> events) {
    InteractionLog.Builder b = InteractionLog.builder();
    for (Event e : events) {
      b.add(e.userId(), e.itemId(), e.value(), e.timestamp());
    }
    return b.build();
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
