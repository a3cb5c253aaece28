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
  /** Validates every parameter. */
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

  /** The defaults: see the class documentation of {@link ImplicitAlsTrainer} for how they were chosen. */
  public static ImplicitAlsConfig defaults() {
    return new ImplicitAlsConfig(
        64, 15, 30f, 3f, 42L, Runtime.getRuntime().availableProcessors(), AlsSolver.CG, 3, 0.25f);
  }

  /** Returns a copy with another vector length. */
  public ImplicitAlsConfig withFactors(int factors) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent, blockSize);
  }

  /** Returns a copy with another number of iterations. */
  public ImplicitAlsConfig withIterations(int iterations) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent, blockSize);
  }

  /** Returns a copy with another regularisation. */
  public ImplicitAlsConfig withRegularization(float regularization) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent, blockSize);
  }

  /** Returns a copy with another confidence scale. */
  public ImplicitAlsConfig withAlpha(float alpha) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent, blockSize);
  }

  /** Returns a copy with another seed. */
  public ImplicitAlsConfig withSeed(long seed) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent, blockSize);
  }

  /** Returns a copy with another thread count. */
  public ImplicitAlsConfig withThreads(int threads) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent, blockSize);
  }

  /** Returns a copy with another solver. */
  public ImplicitAlsConfig withSolver(AlsSolver solver) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent, blockSize);
  }

  /** Returns a copy with another frequency scaling of the regularisation. */
  public ImplicitAlsConfig withRegularizationExponent(float regularizationExponent) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent, blockSize);
  }

  /** Returns a copy with another number of conjugate-gradient steps. */
  public ImplicitAlsConfig withCgSteps(int cgSteps) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent, blockSize);
  }
}
