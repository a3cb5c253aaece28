package io.github.kindred.spark;

/**
 * Configuration of implicit ALS trained by Spark MLlib ({@code org.apache.spark.ml.recommendation.ALS} with
 * {@code implicitPrefs = true}): Hu, Koren and Volinsky's confidence {@code 1 + alpha * v}, with MLlib's penalty
 * {@code regParam * n} on a row with {@code n} cells (ALS-WR scaling on both sides).
 *
 * @param factors the rank, at least 1
 * @param iterations the passes, at least 1
 * @param regParam MLlib's regularisation, finite and {@code > 0}
 * @param alpha the confidence scale, finite and {@code >= 0}
 * @param seed the seed of MLlib's random initial factors
 * @param blocks user and item blocks (MLlib's {@code numUserBlocks} and {@code numItemBlocks}), at least 1
 */
public record MllibAlsConfig(int factors, int iterations, double regParam, double alpha, long seed, int blocks) {
  /** Validates every parameter. */
  public MllibAlsConfig {
    if (factors < 1) {
      throw new IllegalArgumentException("factors must be >= 1, got " + factors);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
    }
    if (!(regParam > 0) || Double.isInfinite(regParam)) {
      throw new IllegalArgumentException("regParam must be finite and > 0, got " + regParam);
    }
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
    }
    if (blocks < 1) {
      throw new IllegalArgumentException("blocks must be >= 1, got " + blocks);
    }
  }

  /** 64 factors, 15 iterations, regParam 0.01, alpha 1, seed 42, 2 blocks. */
  public static MllibAlsConfig defaults() {
    return new MllibAlsConfig(64, 15, 0.01, 1.0, 42L, 2);
  }

  /** Returns a copy with another rank. */
  public MllibAlsConfig withFactors(int factors) {
    return new MllibAlsConfig(factors, iterations, regParam, alpha, seed, blocks);
  }

  /** Returns a copy with another number of iterations. */
  public MllibAlsConfig withIterations(int iterations) {
    return new MllibAlsConfig(factors, iterations, regParam, alpha, seed, blocks);
  }

  /** Returns a copy with another regularisation. */
  public MllibAlsConfig withRegParam(double regParam) {
    return new MllibAlsConfig(factors, iterations, regParam, alpha, seed, blocks);
  }

  /** Returns a copy with another confidence scale. */
  public MllibAlsConfig withAlpha(double alpha) {
    return new MllibAlsConfig(factors, iterations, regParam, alpha, seed, blocks);
  }

  /** Returns a copy with another seed. */
  public MllibAlsConfig withSeed(long seed) {
    return new MllibAlsConfig(factors, iterations, regParam, alpha, seed, blocks);
  }

  /** Returns a copy with another block count. */
  public MllibAlsConfig withBlocks(int blocks) {
    return new MllibAlsConfig(factors, iterations, regParam, alpha, seed, blocks);
  }
}
