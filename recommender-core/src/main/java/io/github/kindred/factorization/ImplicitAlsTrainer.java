package io.github.kindred.factorization;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.Trainer;
import io.github.kindred.model.TrainingListener;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Implicit-feedback alternating least squares (Hu, Koren and Volinsky 2008). Every stored cell of value {@code v}
 * is a preference of 1 with confidence {@code 1 + alpha * v}; every other cell a preference of 0 with confidence 1.
 * Each iteration solves every item's vector with the user vectors fixed, then every user's vector with the item
 * vectors fixed (users last, so the trained user vectors are exactly what {@link ImplicitAlsModel#foldIn} computes
 * when the solver is {@link AlsSolver#CHOLESKY}). See {@link AlsSystem} for the per-row system and its cost.
 *
 * <p>Threads split the rows of each half-iteration; each row's solve reads only the fixed side and writes only its
 * own vector, and the shared Gram matrix is summed in a fixed order on one thread, so the model is the same bit for
 * bit for a given seed whatever the thread count. The initial user vectors (and the item vectors the conjugate
 * gradient starts from) are uniform in {@code [-0.5, 0.5) / sqrt(factors)} from the seed.
 *
 * <p>Default configuration ({@link ImplicitAlsConfig#defaults()}): 64 factors, 15 iterations, regularization 30,
 * alpha 3, regularization exponent 0.25, conjugate gradient with 3 steps. Chosen on MovieLens 100K with binary
 * feedback: nDCG@10 0.4460 on the reference split (seeds 1 to 3: 0.4460, 0.4480, 0.4463), and 0.4558 and 0.4530
 * on two other per-user 80/20 splits, where EASE (lambda 500) reached 0.4419 and 0.4468. The optimum is narrow in
 * the ratio of regularization to alpha (about 10 here): regularization 25 or 35 with alpha 3 lost 0.003 to 0.008,
 * and the flat penalty (exponent 0) lost 0.003 to 0.009. On other data, tune regularization first.
 * Thread-safe: a trainer holds only its configuration.
 */
public final class ImplicitAlsTrainer implements Trainer<ImplicitAlsModel> {
  /** Rows handed to a thread at a time: small enough to balance the skewed row lengths, large enough to be cheap. */
  private static final int CHUNK = 32;

  private final ImplicitAlsConfig config;
  private final TrainingListener listener;

  /**
   * Creates a trainer with {@code config} that reports no progress.
   *
   * @param config the validated hyperparameters, seed and thread count
   * @throws NullPointerException if {@code config} is null
   */
  public ImplicitAlsTrainer(ImplicitAlsConfig config) {
    this(config, TrainingListener.NONE);
  }

  private ImplicitAlsTrainer(ImplicitAlsConfig config, TrainingListener listener) {
    this.config = Objects.requireNonNull(config, "config");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Returns a trainer with the same configuration that reports each finished iteration to {@code listener}.
   *
   * @param listener called from a training thread after each iteration, never concurrently; an exception it
   *     throws aborts the fit
   * @return a new trainer; this one is unchanged
   * @throws NullPointerException if {@code listener} is null
   */
  public ImplicitAlsTrainer withListener(TrainingListener listener) {
    return new ImplicitAlsTrainer(config, listener);
  }

  /** {@return the configuration} */
  public ImplicitAlsConfig config() {
    return config;
  }

  /**
   * Fits {@code data}.
   *
   * @throws IllegalArgumentException if a stored value is negative (its confidence would be below 1), naming it
   *     with its user and item
   */
  @Override
  public ImplicitAlsModel fit(Dataset data) {
    data.requireNonNegativeValues("implicit ALS");
    InteractionMatrix m = data.matrix();
    float[] rowValues = m.values();
    int nu = m.rows();
    int ni = m.columns();
    int f = config.factors();
    float[] userFactors = new float[nu * f];
    float[] itemFactors = new float[ni * f];
    SplittableRandom random = new SplittableRandom(config.seed());
    double scale = 1.0 / Math.sqrt(f);
    for (int k = 0; k < userFactors.length; k++) {
      userFactors[k] = (float) ((random.nextDouble() - 0.5) * scale);
    }
    for (int k = 0; k < itemFactors.length; k++) {
      itemFactors[k] = (float) ((random.nextDouble() - 0.5) * scale);
    }
    Side usersSide = new Side(m.rowPointers(), m.columnIndexes(), rowValues);
    Side itemsSide = new Side(m.columnPointers(), m.rowIndexes(), m.columnValues());
    int threads = Math.max(1, Math.min(config.threads(), Math.max(nu, ni) / CHUNK));
    AlsSystem[] systems = new AlsSystem[threads];
    for (int t = 0; t < threads; t++) {
      systems[t] = new AlsSystem(f);
    }
    try (WorkerPool pool = new WorkerPool(threads, "ials")) {
      for (int it = 0; it < config.iterations(); it++) {
        solveAll(pool, systems, itemsSide, ni, userFactors, nu, itemFactors);
        solveAll(pool, systems, usersSide, nu, itemFactors, ni, userFactors);
        listener.iterationDone(it + 1, config.iterations());
      }
    }
    return new ImplicitAlsModel(config, data.users(), data.items(), userFactors, itemFactors,
        AlsSystem.gram(itemFactors, ni, f), meanCount(m.nnz(), nu));
  }

  /** Solves every one of {@code rows} rows of {@code target} against {@code fixed}. */
  private void solveAll(WorkerPool pool, AlsSystem[] systems, Side side, int rows, float[] fixed, int fixedRows,
      float[] target) {
    int f = config.factors();
    double[] gram = AlsSystem.gram(fixed, fixedRows, f);
    boolean exact = config.solver() == AlsSolver.CHOLESKY;
    float[] gramF = exact ? null : AlsSystem.toFloat(gram);
    double[] regs = rowRegularizations(side, rows);
    double alpha = config.alpha();
    int steps = config.cgSteps();
    int block = config.blockSize();
    AtomicInteger next = new AtomicInteger();
    pool.runOnEach(t -> {
      AlsSystem system = systems[t];
      for (int from = next.getAndAdd(CHUNK); from < rows; from = next.getAndAdd(CHUNK)) {
        int to = Math.min(rows, from + CHUNK);
        for (int r = from; r < to; r++) {
          int a = side.pointers[r];
          int b = side.pointers[r + 1];
          double reg = regs[r];
          if (exact && block > 0) {
            system.solveBlock(gram, fixed, fixedRows, side.indexes, side.values, a, b, reg, alpha, block, target,
                r * f);
          } else if (exact) {
            system.solveExact(gram, fixed, fixedRows, side.indexes, side.values, a, b, reg, alpha, target, r * f);
          } else {
            system.solveCg(gramF, fixed, side.indexes, side.values, a, b, reg, alpha, steps, target, r * f);
          }
        }
      }
    });
  }

  /** The penalty of every row of {@code side}, fixed for the whole fit. */
  private double[] rowRegularizations(Side side, int rows) {
    double[] regs = new double[rows];
    double mean = meanCount(side.indexes.length, rows);
    for (int r = 0; r < rows; r++) {
      regs[r] = AlsSystem.rowRegularization(config.regularization(), side.pointers[r + 1] - side.pointers[r], mean,
          config.regularizationExponent());
    }
    return regs;
  }

  /** Mean stored cells per row, at least 1 so that an empty side still has a finite scale. */
  static double meanCount(int cells, int rows) {
    return rows == 0 ? 1 : Math.max(1.0, (double) cells / rows);
  }

  /** One orientation of the matrix: row pointers, the other side's indexes and the values. */
  private record Side(int[] pointers, int[] indexes, float[] values) {}
}
