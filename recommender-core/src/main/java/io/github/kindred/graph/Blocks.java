package io.github.kindred.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the blocks of a range on a fixed set of daemon threads for one fit. Each block is done whole by one thread
 * and writes only its own outputs, so results never depend on the thread count or on scheduling. With one thread
 * every block runs on the caller and no thread is started. Not thread-safe: one fit drives it.
 */
final class Blocks implements AutoCloseable {
  private final int threads;
  private final ExecutorService pool;

  Blocks(int threads, String what) {
    this.threads = threads;
    this.pool = threads <= 1 ? null : Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "kindred-" + what);
      t.setDaemon(true);
      return t;
    });
  }

  /** Calls {@code body.run(from, to)} for consecutive blocks of {@code size} covering {@code [0, count)}. */
  void forEach(int count, int size, Body body) {
    int blocks = (count + size - 1) / size;
    if (pool == null || blocks <= 1) {
      for (int b = 0; b < blocks; b++) {
        body.run(b * size, Math.min(count, (b + 1) * size));
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> parts = new ArrayList<>(threads);
    for (int t = 0; t < Math.min(threads, blocks); t++) {
      parts.add(pool.submit(() -> {
        for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
          body.run(b * size, Math.min(count, (b + 1) * size));
        }
      }));
    }
    try {
      for (Future<?> f : parts) {
        f.get();
      }
    } catch (InterruptedException e) {
      parts.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the fit was interrupted", e);
    } catch (ExecutionException e) {
      parts.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("the fit failed", e.getCause());
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /** The work on one block {@code [from, to)}. */
  @FunctionalInterface
  interface Body {
    void run(int from, int to);
  }
}
