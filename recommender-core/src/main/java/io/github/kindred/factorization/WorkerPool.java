package io.github.kindred.factorization;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fixed set of daemon threads for one fit, closed when the fit ends. With one thread every task runs on the
 * caller, so single-threaded training starts no thread at all. Not thread-safe: one fit drives it.
 */
final class WorkerPool implements AutoCloseable {
  private final int threads;
  private final String what;
  private final ExecutorService pool;

  WorkerPool(int threads, String what) {
    this.threads = threads;
    this.what = what;
    this.pool = threads <= 1 ? null : Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "kindred-" + what);
      t.setDaemon(true);
      return t;
    });
  }

  /** Number of threads. */
  int threads() {
    return threads;
  }

  /** Runs {@code task.run(t)} for every {@code t < threads} (one per thread) and waits for all of them. */
  void runOnEach(PerThread task) {
    if (pool == null) {
      task.run(0);
      return;
    }
    List<Future<?>> parts = new ArrayList<>(threads);
    for (int t = 0; t < threads; t++) {
      int id = t;
      parts.add(pool.submit(() -> task.run(id)));
    }
    try {
      for (Future<?> f : parts) {
        f.get();
      }
    } catch (InterruptedException e) {
      for (Future<?> f : parts) {
        f.cancel(true);
      }
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " training was interrupted", e);
    } catch (ExecutionException e) {
      for (Future<?> f : parts) {
        f.cancel(true);
      }
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(what + " training failed", cause);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /** The work of one thread. */
  @FunctionalInterface
  interface PerThread {
    void run(int thread);
  }
}
