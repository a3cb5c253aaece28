package io.github.kindred.repeat;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.Sessions;
import io.github.kindred.model.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fits TIFU-KNN, or the personal frequency baseline, from the timestamped events of a dataset (see
 * {@link RepeatConfig} for the model). Every event counts as one purchase of its item in its basket, whatever its
 * value; an item twice in one basket counts once.
 *
 * <p>Cost: {@code O(events log events)} for the baskets and representations, plus, with the collaborative part on,
 * {@code O(sum over items of buyers^2)} for the neighbour search, split over the configured threads by customer
 * ranges (the result does not depend on the thread count). Thread-safe.
 */
public final class RepeatTrainer implements Trainer<RepeatModel> {
  private final RepeatConfig config;

  /**
   * Creates a trainer.
   *
   * @param config the validated configuration
   */
  public RepeatTrainer(RepeatConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * The configuration.
   *
   * @return the configuration
   */
  public RepeatConfig config() {
    return config;
  }

  /**
   * Fits the model.
   *
   * @param data the dataset, with timestamped events
   * @return the fitted model
   * @throws IllegalArgumentException if an event has no timestamp (the message names the first one)
   */
  @Override
  public RepeatModel fit(Dataset data) {
    Sessions baskets = Sessions.of(data.log(), config.basketGapSeconds());
    int items = data.itemCount();
    Representations reps = Representations.build(baskets, items, config);
    NeighborIndex index = new NeighborIndex(reps, items, config.measure());
    int users = reps.users();
    int k = config.collaborative() ? config.neighbors() : 0;
    int[][] found = new int[users][];
    int threads = Math.min(config.threads(), Math.max(1, users / 256));
    if (k == 0) {
      for (int u = 0; u < users; u++) {
        found[u] = new int[0];
      }
    } else if (threads <= 1) {
      search(reps, index, k, 0, users, found);
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "kindred-repeat");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<?>> parts = new ArrayList<>();
        // More chunks than threads: customers with long histories cluster in some ranges.
        int chunk = (users + threads * 8 - 1) / (threads * 8);
        for (int from = 0; from < users; from += chunk) {
          int f = from;
          int to = Math.min(users, from + chunk);
          parts.add(pool.submit(() -> search(reps, index, k, f, to, found)));
        }
        for (Future<?> f : parts) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("TIFU-KNN training was interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("TIFU-KNN training failed", e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    int[] start = new int[users + 1];
    for (int u = 0; u < users; u++) {
      start[u + 1] = start[u] + found[u].length;
    }
    int[] ids = new int[start[users]];
    for (int u = 0; u < users; u++) {
      System.arraycopy(found[u], 0, ids, start[u], found[u].length);
    }
    return new RepeatModel(config, data.users(), data.items(), baskets, reps, index, start, ids);
  }

  private static void search(Representations reps, NeighborIndex index, int k, int from, int to, int[][] found) {
    NeighborIndex.Scratch s = new NeighborIndex.Scratch(reps.users(), k);
    int[] out = new int[k];
    for (int u = from; u < to; u++) {
      int n = index.nearest(u, reps.item, reps.value, reps.start[u], reps.start[u + 1], reps.norm2[u], k, s, out);
      found[u] = Arrays.copyOf(out, n);
    }
  }
}
