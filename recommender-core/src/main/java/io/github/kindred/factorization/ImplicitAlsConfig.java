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
 */
public record ImplicitAlsConfig(int factors, int iterations, float regularization, float alpha, long seed,
    int threads, AlsSolver solver, int cgSteps, float regularizationExponent) {
  /**
   * Validates every parameter.
   *
   * @param factors length of every user and item vector, at least 1 (64 to 128 suit MovieLens 100K)
   * @param iterations full passes, each solving every item then every user, at least 1
   * @param regularization the L2 penalty on every vector, finite and {@code > 0} (scaled per row, see {@code regularizationExponent})
   * @param alpha the confidence scale: a stored value {@code v} has confidence {@code 1 + alpha * v}, finite and {@code >= 0}
   * @param seed seed of the random initial factors
   * @param threads training threads, at least 1; the model does not depend on it
   * @param solver how each row's system is solved
   * @param cgSteps conjugate-gradient steps per row and iteration with {@link AlsSolver#CG}, at least 1 (ignored by {@link AlsSolver#CHOLESKY})
   * @param regularizationExponent frequency scaling of the penalty, finite and {@code >= 0}: a row (user or item) with {@code n} stored cells, on a side whose rows have {@code m} cells on average, is penalised with {@code regularization * (max(n, 1) / m)^regularizationExponent}. 0 gives every row the same penalty (Hu, Koren and Volinsky 2008); 1 makes it proportional to the row's count, as in ALS-WR (Zhou et al. 2008); in between damps heavy users and popular items less than linearly (compare the frequency-scaled regularisation of Rendle et al. 2021, "Revisiting the performance of iALS on item recommendation benchmarks")
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
  }

  /** {@return the defaults: see the class documentation of {@link ImplicitAlsTrainer} for how they were chosen} */
  public static ImplicitAlsConfig defaults() {
    return new ImplicitAlsConfig(
        64, 15, 30f, 3f, 42L, Runtime.getRuntime().availableProcessors(), AlsSolver.CG, 3, 0.25f);
  }

  /**
   * Returns a copy with another vector length.
   *
   * @param factors length of every user and item vector, at least 1 (64 to 128 suit MovieLens 100K)
   * @return a new configuration equal to this one except for {@code factors}; this record is unchanged
   */
  public ImplicitAlsConfig withFactors(int factors) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent);
  }

  /**
   * Returns a copy with another number of iterations.
   *
   * @param iterations full passes, each solving every item then every user, at least 1
   * @return a new configuration equal to this one except for {@code iterations}; this record is unchanged
   */
  public ImplicitAlsConfig withIterations(int iterations) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent);
  }

  /**
   * Returns a copy with another regularisation.
   *
   * @param regularization the L2 penalty on every vector, finite and {@code > 0} (scaled per row, see {@code regularizationExponent})
   * @return a new configuration equal to this one except for {@code regularization}; this record is unchanged
   */
  public ImplicitAlsConfig withRegularization(float regularization) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent);
  }

  /**
   * Returns a copy with another confidence scale.
   *
   * @param alpha the confidence scale: a stored value {@code v} has confidence {@code 1 + alpha * v}, finite and {@code >= 0}
   * @return a new configuration equal to this one except for {@code alpha}; this record is unchanged
   */
  public ImplicitAlsConfig withAlpha(float alpha) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent);
  }

  /**
   * Returns a copy with another seed.
   *
   * @param seed seed of the random initial factors
   * @return a new configuration equal to this one except for {@code seed}; this record is unchanged
   */
  public ImplicitAlsConfig withSeed(long seed) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent);
  }

  /**
   * Returns a copy with another thread count.
   *
   * @param threads training threads, at least 1; the model does not depend on it
   * @return a new configuration equal to this one except for {@code threads}; this record is unchanged
   */
  public ImplicitAlsConfig withThreads(int threads) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent);
  }

  /**
   * Returns a copy with another solver.
   *
   * @param solver how each row's system is solved
   * @return a new configuration equal to this one except for {@code solver}; this record is unchanged
   */
  public ImplicitAlsConfig withSolver(AlsSolver solver) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent);
  }

  /**
   * Returns a copy with another frequency scaling of the regularisation.
   *
   * @param regularizationExponent frequency scaling of the penalty, finite and {@code >= 0}: a row (user or item) with {@code n} stored cells, on a side whose rows have {@code m} cells on average, is penalised with {@code regularization * (max(n, 1) / m)^regularizationExponent}. 0 gives every row the same penalty (Hu, Koren and Volinsky 2008); 1 makes it proportional to the row's count, as in ALS-WR (Zhou et al. 2008); in between damps heavy users and popular items less than linearly (compare the frequency-scaled regularisation of Rendle et al. 2021, "Revisiting the performance of iALS on item recommendation benchmarks")
   * @return a new configuration equal to this one except for {@code regularizationExponent}; this record is unchanged
   */
  public ImplicitAlsConfig withRegularizationExponent(float regularizationExponent) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent);
  }

  /**
   * Returns a copy with another number of conjugate-gradient steps.
   *
   * @param cgSteps conjugate-gradient steps per row and iteration with {@link AlsSolver#CG}, at least 1 (ignored by {@link AlsSolver#CHOLESKY})
   * @return a new configuration equal to this one except for {@code cgSteps}; this record is unchanged
   */
  public ImplicitAlsConfig withCgSteps(int cgSteps) {
    return new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads, solver, cgSteps,
        regularizationExponent);
  }
}
