package io.github.kindred.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads for one EASE fit, closed when it ends. Work is handed out as indexes from a shared counter, so
 * threads balance uneven tasks; every task writes only its own outputs, so results do not depend on the thread
 * count. With one thread everything runs on the caller and no thread is started.
 */
final class Parallel implements AutoCloseable {
  private final int threads;
  private final ExecutorService pool;

  Parallel(int threads) {
    this.threads = threads;
    this.pool = threads <= 1 ? null : Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "kindred-ease");
      t.setDaemon(true);
      return t;
    });
  }

  /** Number of threads. */
  int threads() {
    return threads;
  }

  /** Runs {@code task.run(thread, index)} for every index below {@code count} and waits for all of them. */
  void forEach(int count, IndexTask task) {
    if (pool == null) {
      for (int t = 0; t < count; t++) {
        task.run(0, t);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> parts = new ArrayList<>(threads);
    for (int t = 0; t < threads; t++) {
      int thread = t;
      parts.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          task.run(thread, i);
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
      throw new IllegalStateException("EASE solve was interrupted", e);
    } catch (ExecutionException e) {
      parts.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("EASE solve failed", e.getCause());
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /** One unit of parallel work, told which thread (below {@link #threads()}) runs it for per-thread scratch. */
  @FunctionalInterface
  interface IndexTask {
    void run(int thread, int index);
  }
}
