package io.github.kindred.factorization;

/**
 * Configuration of BPR matrix factorisation.
 *
 * @param factors length of every user and item vector, at least 1
 * @param iterations epochs, at least 1; an epoch draws as many (user, positive, negative) triples as there are
 *     stored interactions
 * @param learningRate the SGD step size, finite and {@code > 0}
 * @param regularization the L2 penalty on the vectors and biases touched by a step, finite and {@code >= 0}
 * @param itemBiases whether every item also learns a bias (a popularity term)
 * @param seed seed of the initial factors and of the sampling
 * @param threads training threads, at least 1; the model is deterministic for a given seed and thread count
 */
public record BprConfig(int factors, int iterations, float learningRate, float regularization, boolean itemBiases,
    long seed, int threads) {
  /**
   * Validates every parameter.
   *
   * @param factors length of every user and item vector, at least 1
   * @param iterations epochs, at least 1; an epoch draws as many (user, positive, negative) triples as there are stored interactions
   * @param learningRate the SGD step size, finite and {@code > 0}
   * @param regularization the L2 penalty on the vectors and biases touched by a step, finite and {@code >= 0}
   * @param itemBiases whether every item also learns a bias (a popularity term)
   * @param seed seed of the initial factors and of the sampling
   * @param threads training threads, at least 1; the model is deterministic for a given seed and thread count
   */
  public BprConfig {
    if (factors < 1) {
      throw new IllegalArgumentException("factors must be >= 1, got " + factors);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
    }
    if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
    }
    if (!(regularization >= 0) || Float.isInfinite(regularization)) {
      throw new IllegalArgumentException("regularization must be finite and >= 0, got " + regularization);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
  }

  /** {@return the defaults: see the class documentation of {@link BprTrainer} for how they were chosen} */
  public static BprConfig defaults() {
    return new BprConfig(64, 100, 0.02f, 0.02f, true, 42L, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Returns a copy with another vector length.
   *
   * @param factors length of every user and item vector, at least 1
   * @return a new configuration equal to this one except for {@code factors}; this record is unchanged
   */
  public BprConfig withFactors(int factors) {
    return new BprConfig(factors, iterations, learningRate, regularization, itemBiases, seed, threads);
  }

  /**
   * Returns a copy with another number of epochs.
   *
   * @param iterations epochs, at least 1; an epoch draws as many (user, positive, negative) triples as there are stored interactions
   * @return a new configuration equal to this one except for {@code iterations}; this record is unchanged
   */
  public BprConfig withIterations(int iterations) {
    return new BprConfig(factors, iterations, learningRate, regularization, itemBiases, seed, threads);
  }

  /**
   * Returns a copy with another step size.
   *
   * @param learningRate the SGD step size, finite and {@code > 0}
   * @return a new configuration equal to this one except for {@code learningRate}; this record is unchanged
   */
  public BprConfig withLearningRate(float learningRate) {
    return new BprConfig(factors, iterations, learningRate, regularization, itemBiases, seed, threads);
  }

  /**
   * Returns a copy with another regularisation.
   *
   * @param regularization the L2 penalty on the vectors and biases touched by a step, finite and {@code >= 0}
   * @return a new configuration equal to this one except for {@code regularization}; this record is unchanged
   */
  public BprConfig withRegularization(float regularization) {
    return new BprConfig(factors, iterations, learningRate, regularization, itemBiases, seed, threads);
  }

  /**
   * Returns a copy with or without item biases.
   *
   * @param itemBiases whether every item also learns a bias (a popularity term)
   * @return a new configuration equal to this one except for {@code itemBiases}; this record is unchanged
   */
  public BprConfig withItemBiases(boolean itemBiases) {
    return new BprConfig(factors, iterations, learningRate, regularization, itemBiases, seed, threads);
  }

  /**
   * Returns a copy with another seed.
   *
   * @param seed seed of the initial factors and of the sampling
   * @return a new configuration equal to this one except for {@code seed}; this record is unchanged
   */
  public BprConfig withSeed(long seed) {
    return new BprConfig(factors, iterations, learningRate, regularization, itemBiases, seed, threads);
  }

  /**
   * Returns a copy with another thread count.
   *
   * @param threads training threads, at least 1; the model is deterministic for a given seed and thread count
   * @return a new configuration equal to this one except for {@code threads}; this record is unchanged
   */
  public BprConfig withThreads(int threads) {
    return new BprConfig(factors, iterations, learningRate, regularization, itemBiases, seed, threads);
  }
}
