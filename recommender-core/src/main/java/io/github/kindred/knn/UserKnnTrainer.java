package io.github.kindred.knn;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionMatrix;
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
 * User-based k-nearest-neighbours (Resnick et al. 1994; Herlocker et al. 1999). Each training user keeps its
 * {@code neighbors} most similar users; a user's score for item {@code j} is
 * {@code sum over those neighbours v of sim(u, v) * r(v, j)}.
 *
 * <p>Training finds the neighbours of every user through the item columns of the matrix, in
 * {@code O(sum over items of |users of the item|^2)}, split over the configured threads by user ranges. The
 * result does not depend on the thread count. Thread-safe.
 */
public final class UserKnnTrainer implements Trainer<UserKnnModel> {
  private final UserKnnConfig config;

  /**
   * Creates a trainer with {@code config}.
   *
   * @param config the validated configuration
   * @throws NullPointerException if {@code config} is null
   */
  public UserKnnTrainer(UserKnnConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** {@return the configuration} */
  public UserKnnConfig config() {
    return config;
  }

  @Override
  public UserKnnModel fit(Dataset data) {
    InteractionMatrix m = data.matrix();
    int users = m.rows();
    float[] norms = UserKnnModel.norms(m, config.similarity());
    int[][] nbrIds = new int[users][];
    float[][] nbrSims = new float[users][];
    int threads = Math.min(config.threads(), Math.max(1, users / 64));
    if (threads <= 1) {
      work(m, norms, 0, users, nbrIds, nbrSims);
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "kindred-userknn");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<?>> parts = new ArrayList<>();
        // More chunks than threads so that a chunk of heavy users does not leave the other threads idle.
        int chunk = (users + threads * 4 - 1) / (threads * 4);
        for (int from = 0; from < users; from += chunk) {
          int f = from;
          int to = Math.min(users, from + chunk);
          parts.add(pool.submit(() -> work(m, norms, f, to, nbrIds, nbrSims)));
        }
        for (Future<?> f : parts) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("user-kNN training was interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("user-kNN training failed", e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    int[] pointers = new int[users + 1];
    for (int u = 0; u < users; u++) {
      pointers[u + 1] = pointers[u] + nbrIds[u].length;
    }
    int[] ids = new int[pointers[users]];
    float[] sims = new float[pointers[users]];
    for (int u = 0; u < users; u++) {
      System.arraycopy(nbrIds[u], 0, ids, pointers[u], nbrIds[u].length);
      System.arraycopy(nbrSims[u], 0, sims, pointers[u], nbrSims[u].length);
    }
    return new UserKnnModel(config, data.users(), data.items(), m, pointers, ids, sims);
  }

  private void work(InteractionMatrix m, float[] norms, int from, int to, int[][] nbrIds, float[][] nbrSims) {
    UserKnnModel.Searcher s = new UserKnnModel.Searcher(m, norms, config);
    for (int u = from; u < to; u++) {
      int n = s.searchUser(u);
      nbrIds[u] = Arrays.copyOf(s.ids, n);
      nbrSims[u] = Arrays.copyOf(s.sims, n);
    }
  }
}
