package io.github.kindred.rating;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.Trainer;
import io.github.kindred.rating.FactorRatingModel.BiasedRidge;
import io.github.kindred.rating.RatingModel.Ratings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Explicit alternating least squares with weighted-lambda regularisation (ALS-WR, Zhou et al. 2008), extended with
 * biases: {@code r(u, i) ~ mu + b_u + b_i + p_u . q_i}. Each half-step fixes one side and solves, for every row of
 * the other, the regularised least squares over that row's observed ratings only:
 * {@code (sum x x^T + lambda n I) w = sum x (r - mu - b_other)} with {@code w = (p, b)} and {@code x = (q, 1)} (see
 * {@link BiasedRidge}); {@code n} is the row's rating count. An iteration solves the items, then the users, so the
 * returned user vectors satisfy their normal equations exactly against the returned item vectors.
 *
 * <p>The row solves are independent and split over the configured threads in fixed ranges; each writes only its
 * own rows, so the model does not depend on the thread count. {@code O(iterations * (ratings * factors^2 +
 * (users + items) * factors^3))}. Thread-safe.
 */
public final class ExplicitAlsTrainer implements Trainer<ExplicitAlsModel> {
  private final ExplicitAlsConfig config;

  /**
   * Creates a trainer with {@code config}.
   *
   * @param config the configuration
   * @throws NullPointerException if {@code config} is null
   */
  public ExplicitAlsTrainer(ExplicitAlsConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** {@return the configuration} */
  public ExplicitAlsConfig config() {
    return config;
  }

  /**
   * Fits the model.
   *
   * @throws IllegalArgumentException if the dataset has no ratings
   */
  @Override
  public ExplicitAlsModel fit(Dataset data) {
    Ratings r = Ratings.of(data);
    InteractionMatrix m = r.matrix;
    int k = config.factors();
    SplittableRandom rng = new SplittableRandom(config.seed());
    float[] pu = BiasedMfTrainer.gaussian(m.rows() * k, rng);
    float[] qi = new float[m.columns() * k];
    float[] bu = new float[m.rows()];
    float[] bi = new float[m.columns()];
    Side users = new Side(m.rowPointers(), m.columnIndexes(), m.values(), pu, bu);
    Side items = new Side(m.columnPointers(), m.rowIndexes(), m.columnValues(), qi, bi);
    int threads = Math.min(config.threads(), Math.max(m.rows(), m.columns()));
    ExecutorService pool = threads <= 1 ? null : Executors.newFixedThreadPool(threads, t -> {
      Thread th = new Thread(t, "kindred-explicit-als");
      th.setDaemon(true);
      return th;
    });
    try {
      for (int it = 0; it < config.iterations(); it++) {
        solveAll(items, users, r.mean, pool, threads);
        solveAll(users, items, r.mean, pool, threads);
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return new ExplicitAlsModel(config, data.users(), data.items(), r.mean, r.min, r.max, bu, bi, pu, qi);
  }

  /** Re-solves every row of {@code target} against the fixed {@code other} side. */
  private void solveAll(Side target, Side other, float mean, ExecutorService pool, int threads) {
    int rows = target.bias.length;
    if (pool == null) {
      solveRange(target, other, mean, 0, rows);
      return;
    }
    List<Future<?>> parts = new ArrayList<>();
    int chunk = (rows + threads * 4 - 1) / (threads * 4);
    for (int from = 0; from < rows; from += chunk) {
      int f = from;
      int to = Math.min(rows, from + chunk);
      parts.add(pool.submit(() -> solveRange(target, other, mean, f, to)));
    }
    try {
      for (Future<?> part : parts) {
        part.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("explicit ALS training was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("explicit ALS training failed", e.getCause());
    }
  }

  private void solveRange(Side target, Side other, float mean, int from, int to) {
    int k = config.factors();
    BiasedRidge ridge = new BiasedRidge(k);
    for (int row = from; row < to; row++) {
      ridge.reset();
      for (int p = target.pointers[row]; p < target.pointers[row + 1]; p++) {
        int o = target.indexes[p];
        ridge.add(other.vectors, o * k, target.values[p] - mean - other.bias[o]);
      }
      target.bias[row] = ridge.solve(config.regularization(), target.vectors, row * k);
    }
  }

  /** One side of the factorisation: its ratings in compressed form and its vectors and biases. */
  private record Side(int[] pointers, int[] indexes, float[] values, float[] vectors, float[] bias) {}
}
