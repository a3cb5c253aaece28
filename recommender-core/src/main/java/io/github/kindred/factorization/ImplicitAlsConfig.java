package io.github.kindred.factorization;

import java.util.Objects;

/**
 * Configuration of implicit ALS.
 *
 * @param factors length of every user and item vector, at least 1 (64 to 128 suit MovieLens 100K)
 * @param iterations full passes, each solving every item then every user, at least 1
 * @param regularization the L2 penalty on every vector, finite and {@code > 0} (scaled per row, see
 *     {@code regularizationExponent})
 * @param alpha the confidence scale: a stored value {@code v} has confidence {@code 1 + alpha * v}, finite and
 *     {@code >= 0}
 * @param seed seed of the random initial factors
 * @param threads training threads, at least 1; the model does not depend on it
 * @param solver how each row's system is solved
 * @param cgSteps conjugate-gradient steps per row and iteration with {@link AlsSolver#CG}, at least 1 (ignored by
 *     {@link AlsSolver#CHOLESKY})
 * @param regularizationExponent frequency scaling of the penalty, finite and {@code >= 0}: a row (user or item)
 *     with {@code n} stored cells, on a side whose rows have {@code m} cells on average, is penalised with
 *     {@code regularization * (max(n, 1) / m)^regularizationExponent}. 0 gives every row the same penalty (Hu,
 *     Koren and Volinsky 2008); 1 makes it proportional to the row's count, as in ALS-WR (Zhou et al. 2008);
 *     in between damps heavy users and popular items less than linearly (compare the frequency-scaled
 *     regularisation of Rendle et al. 2021, "Revisiting the performance of iALS on item recommendation
 *     benchmarks")
 * @param blockSize with {@link AlsSolver#CHOLESKY}: 0 solves each row's full {@code factors x factors} system (the
 *     exact solve); {@code 1..factors} instead makes one sweep of exact solves over consecutive coordinate blocks
 *     of that size, each with the other coordinates fixed and warm-started from the previous vector (the subspace
 *     optimisation of Rendle et al. 2021, "iALS++: Speeding up Matrix Factorization with Subspace Optimization"),
 *     {@code O(n * factors * blockSize + factors * blockSize^2)} per row instead of
 *     {@code O(n * factors^2 + factors^3)}; {@code blockSize == factors} is the exact solve again. Must be 0 with
 *     {@link AlsSolver#CG}. Not persisted: it shapes the fit only, and a loaded model reports 0
 */
public record ImplicitAlsConfig(int factors, int iterations, float regularization, float alpha, long seed,
    int threads, AlsSolver solver, int cgSteps, float regularizationExponent, int blockSize) {
  /**
   * Validates every parameter.
   *
   * @param factors length of every user and item vector, at least 1 (64 to 128 suit MovieLens 100K)
   * @param iterations full passes, each solving every item then every user, at least 1
   * @param regularization the L2 penalty on every vector, finite and {@code > 0} (scaled per row, see
   *     {@code regularizationExponent})
   * @param alpha the confidence scale: a stored value {@code v} has confidence {@code 1 + alpha * v}, finite and
   *     {@code >= 0}
   * @param seed seed of the random initial factors
   * @param threads training threads, at least 1; the model does not depend on it
   * @param solver how each row's system is solved
   * @param cgSteps conjugate-gradient steps per row and iteration with {@link AlsSolver#CG}, at least 1 (ignored by
   *     {@link AlsSolver#CHOLESKY})
   * @param regularizationExponent frequency scaling of the penalty, finite and {@code >= 0}: a row (user or item)
   *     with {@code n} stored cells, on a side whose rows have {@code m} cells on average, is penalised with
   *     {@code regularization * (max(n, 1) / m)^regularizationExponent}. 0 gives every row the same penalty (Hu,
   *     Koren and Volinsky 2008); 1 makes it proportional to the row's count, as in ALS-WR (Zhou et al. 2008);
   *     in between damps heavy users and popular items less than linearly (compare the frequency-scaled
   *     regularisation of Rendle et al. 2021, "Revisiting the performance of iALS on item recommendation
   *     benchmarks")
   * @param blockSize with {@link AlsSolver#CHOLESKY}: 0 solves each row's full {@code factors x factors} system (the
   *     exact solve); {@code 1..factors} instead makes one sweep of exact solves over consecutive coordinate blocks
   *     of that size, each with the other coordinates fixed and warm-started from the previous vector (the subspace
   *     optimisation of Rendle et al. 2021, "iALS++: Speeding up Matrix Factorization with Subspace Optimization"),
   *     {@code O(n * factors * blockSize + factors * blockSize^2)} per row instead of
   *     {@code O(n * factors^2 + factors^3)}; {@code blockSize == factors} is the exact solve again. Must be 0 with
   *     {@link AlsSolver#CG}. Not persisted: it shapes the fit only, and a loaded model reports 0
   * @throws IllegalArgumentException naming the first parameter out of range and its value
   * @throws NullPointerException if {@code solver} is null
   */
  public ImplicitAlsConfig {
    if (factors < 1) {
      throw new IllegalArgumentException("factors must be >= 1, got " + factors);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
    }
    if (!(regularization > 0) || Float.isInfinite(regularization)) {
      throw new IllegalArgumentException("regularization must be finite and > 0, got " + regularization);
    }
    if (!(alpha >= 0) || Float.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    Objects.requireNonNull(solver, "solver");
    if (cgSteps < 1) {
      throw new IllegalArgumentException("cgSteps must be >= 1, got " + cgSteps);
    }
    if (!(regularizationExponent >= 0) || Float.isInfinite(regularizationExponent)) {
      throw new IllegalArgumentException(
          "regularizationExponent must be finite and >= 0, got " + regularizationExponent);
    }
    if (blockSize < 0 || blockSize > factors) {
      throw new IllegalArgumentException("blockSize must be between 0 (exact solve) and factors (" + factors
          + "), got " + blockSize);
    }
    if (blockSize > 0 && solver != AlsSolver.CHOLESKY) {
      throw new IllegalArgumentException("blockSize " + blockSize + " needs solver cholesky, got solver "
          + solver.name().toLowerCase(java.util.Locale.ROOT) + " (use blockSize 0)");
    }
  }

  /**
   * A configuration with the exact per-row solve ({@code blockSize} 0).
   *
   * @param factors see the record components
   * @param iterations see the record components
   * @param regularization see the record components
   * @param alpha see the record components
   * @param seed see the record components
   * @param threads see the record components
   * @param solver see the record components
   * @param cgSteps see the record components
   * @param regularizationExponent see the record components
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public ImplicitAlsConfig(int factors, int iterations, float regularization, float alpha, long seed, int threads,
      AlsSolver solver, int cgSteps, float regularizationExponent) {
    this(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps, regularizationExponent, 0);
  }

  /**
   * Returns a copy with another block size (0 for the exact solve).
   *
   * @param blockSize the coordinate block of the subspace solve, {@code 0..factors}
   * @return the copy
   * @throws IllegalArgumentException if {@code blockSize} is out of range or the solver is not cholesky
   */
  public ImplicitAlsConfig withBlockSize(int blockSize) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent, blockSize);
  }

  /**
   * The defaults, tuned on MovieLens 100K (see {@link ImplicitAlsTrainer} for how): 64 factors, 15 iterations,
   * regularization 30, alpha 3, seed 42, every available processor, conjugate gradient with 3 steps, regularization
   * exponent 0.25, exact solve.
   *
   * @return the default configuration
   */
  public static ImplicitAlsConfig defaults() {
    return new ImplicitAlsConfig(
        64, 15, 30f, 3f, 42L, Runtime.getRuntime().availableProcessors(), AlsSolver.CG, 3, 0.25f);
  }

  /** Below this density (stored cells over {@code users * items}) {@link #forData} treats the data as sparse. */
  public static final double SPARSE_DENSITY = 0.01;
  /**
   * The largest {@code interactions * factors} {@link #forData} picks for sparse data: 810,128 Gowalla events at
   * 128 factors (1.04e8) fitted in 32.7 s on 2 cores with the block solver and 8 iterations.
   */
  static final long SPARSE_WORK = 110_000_000L;

  /**
   * Settings picked from simple statistics of the training data, for a fit with no hyper-parameters given.
   *
   * <p>Dense data (density at least {@link #SPARSE_DENSITY}, such as MovieLens 100K at 5.0%) keeps
   * {@link #defaults()}, tuned there (nDCG@10 0.4460 on the reference split; alpha 20 there fell to 0.3512).
   * Sparse data gets a higher confidence scale and a higher rank fitted by the iALS++ block solver, measured on
   * Gowalla (density 0.066%, 810k events, {@code evaluate --cutoff 20}, 2 cores, recall@20 / fit):
   * the dense defaults 0.1275 / 9.1 s; alpha 20 at 64 factors 0.1466 / 16.7 s; alpha 20, 128 factors, cholesky
   * with blockSize 16, 8 iterations 0.1629 / 32.7 s; the same at 256 factors 0.1708 / 73.5 s. So sparse data gets
   * alpha 20, the block solver (blockSize 16, 8 iterations) and {@code items / 320} factors rounded down to a
   * multiple of 32, between 64 and 128, lowered (not below 64) so that {@code interactions * factors} stays within
   * 1.1e8 and the fit stays under about 35 s on 2 cores. Regularization 30 and exponent 0.25 are kept.
   *
   * @param users number of users, at least 1
   * @param items number of items, at least 1
   * @param interactions number of stored user-item cells, at least 0
   * @param threads worker threads, at least 1
   * @return the configuration for data of that shape
   * @throws IllegalArgumentException if a count is out of range
   */
  public static ImplicitAlsConfig forData(int users, int items, long interactions, int threads) {
    if (users < 1 || items < 1 || interactions < 0) {
      throw new IllegalArgumentException("need users >= 1, items >= 1 and interactions >= 0, got " + users
          + ", " + items + ", " + interactions);
    }
    ImplicitAlsConfig d = defaults().withThreads(threads);
    double density = interactions / ((double) users * items);
    if (density >= SPARSE_DENSITY) {
      return d;
    }
    int byItems = Math.max(64, Math.min(128, items / 320 / 32 * 32));
    long byWork = interactions == 0 ? byItems : SPARSE_WORK / interactions / 32 * 32;
    int factors = (int) Math.max(64, Math.min(byItems, byWork));
    return new ImplicitAlsConfig(factors, 8, d.regularization(), 20f, d.seed(), threads, AlsSolver.CHOLESKY,
        d.cgSteps(), d.regularizationExponent(), 16);
  }
  /**
   * Returns a copy with another vector length.
   *
   * @param factors the new vector length
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public ImplicitAlsConfig withFactors(int factors) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent, blockSize);
  }

  /**
   * Returns a copy with another number of iterations.
   *
   * @param iterations the new number of iterations
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public ImplicitAlsConfig withIterations(int iterations) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent, blockSize);
  }

  /**
   * Returns a copy with another regularisation.
   *
   * @param regularization the new penalty
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public ImplicitAlsConfig withRegularization(float regularization) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent, blockSize);
  }

  /**
   * Returns a copy with another confidence scale.
   *
   * @param alpha the new confidence scale
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public ImplicitAlsConfig withAlpha(float alpha) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent, blockSize);
  }

  /**
   * Returns a copy with another seed.
   *
   * @param seed the new seed
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public ImplicitAlsConfig withSeed(long seed) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent, blockSize);
  }

  /**
   * Returns a copy with another thread count.
   *
   * @param threads the new thread count
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public ImplicitAlsConfig withThreads(int threads) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent, blockSize);
  }

  /**
   * Returns a copy with another solver.
   *
   * @param solver the new solver
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   * @throws NullPointerException if {@code solver} is null
   */
  public ImplicitAlsConfig withSolver(AlsSolver solver) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent, blockSize);
  }

  /**
   * Returns a copy with another frequency scaling of the regularisation.
   *
   * @param regularizationExponent the new exponent
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public ImplicitAlsConfig withRegularizationExponent(float regularizationExponent) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent, blockSize);
  }

  /**
   * Returns a copy with another number of conjugate-gradient steps.
   *
   * @param cgSteps the new number of steps
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public ImplicitAlsConfig withCgSteps(int cgSteps) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent, blockSize);
  }
}
