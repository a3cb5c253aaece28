package io.github.kindred.context;

import java.util.List;
import java.util.Objects;

/**
 * Configuration of the context-aware factorisation machine.
 *
 * @param factors length of every feature's factor vector, at least 1
 * @param epochs passes over the training events, at least 1
 * @param learningRate the AdaGrad base step size, greater than 0
 * @param regularization L2 penalty on the factor vectors of the features of each sample, at least 0
 * @param biasRegularization L2 penalty on the linear weights of the item-side features of each sample, at least 0
 * @param initStd standard deviation of the normal initial factors, at least 0
 * @param useContext whether context features are inputs of the model; false gives the same machine without
 *     context (user, item and their features only)
 * @param contextFeatures the context features to use when {@code useContext}; empty means every context feature of
 *     the training log. Copied; no null or repeated names
 * @param itemFeatures whether the dataset's item features are inputs (as well as the item id)
 * @param userFeatures whether the dataset's user features are inputs (as well as the user id)
 * @param seed the seed of the initialisation, the order of the events and the negative samples
 */
public record FactorizationMachineConfig(
    int factors, int epochs, float learningRate, float regularization, float biasRegularization, float initStd,
    boolean useContext, List<String> contextFeatures, boolean itemFeatures, boolean userFeatures, long seed) {
  /**
   * Validates every parameter.
   *
   * @param factors length of every feature's factor vector, at least 1
   * @param epochs passes over the training events, at least 1
   * @param learningRate the AdaGrad base step size, greater than 0
   * @param regularization L2 penalty on the factor vectors of the features of each sample, at least 0
   * @param biasRegularization L2 penalty on the linear weights of the item-side features of each sample, at least 0
   * @param initStd standard deviation of the normal initial factors, at least 0
   * @param useContext whether context features are inputs of the model; false gives the same machine without context (user, item and their features only)
   * @param contextFeatures the context features to use when {@code useContext}; empty means every context feature of the training log. Copied; no null or repeated names
   * @param itemFeatures whether the dataset's item features are inputs (as well as the item id)
   * @param userFeatures whether the dataset's user features are inputs (as well as the user id)
   * @param seed the seed of the initialisation, the order of the events and the negative samples
   */
  public FactorizationMachineConfig {
    if (factors < 1) {
      throw new IllegalArgumentException("factors must be >= 1, got " + factors);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
    }
    requireNonNegative("regularization", regularization);
    requireNonNegative("biasRegularization", biasRegularization);
    requireNonNegative("initStd", initStd);
    contextFeatures = List.copyOf(Objects.requireNonNull(contextFeatures, "contextFeatures"));
    if (contextFeatures.stream().distinct().count() != contextFeatures.size()) {
      throw new IllegalArgumentException("contextFeatures must not repeat, got " + contextFeatures);
    }
  }

  private static void requireNonNegative(String name, float value) {
    if (!(value >= 0) || Float.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
    }
  }

  /**
   * 32 factors, 20 epochs, AdaGrad learning rate 0.1, regularisation 0.001 (factors) and 0.001 (weights), initial
   * standard deviation 0.05, every context feature, item and user features on, seed 42.
   *
   * @return the default configuration
   */
  public static FactorizationMachineConfig defaults() {
    return new FactorizationMachineConfig(32, 20, 0.1f, 0.001f, 0.001f, 0.05f, true, List.of(), true, true, 42L);
  }

  /**
   * Returns a copy with another number of factors.
   *
   * @param factors length of every feature's factor vector, at least 1
   * @return a new configuration equal to this one except for {@code factors}; this record is unchanged
   */
  public FactorizationMachineConfig withFactors(int factors) {
    return new FactorizationMachineConfig(factors, epochs, learningRate, regularization, biasRegularization,
        initStd, useContext, contextFeatures, itemFeatures, userFeatures, seed);
  }

  /**
   * Returns a copy with another number of epochs.
   *
   * @param epochs passes over the training events, at least 1
   * @return a new configuration equal to this one except for {@code epochs}; this record is unchanged
   */
  public FactorizationMachineConfig withEpochs(int epochs) {
    return new FactorizationMachineConfig(factors, epochs, learningRate, regularization, biasRegularization,
        initStd, useContext, contextFeatures, itemFeatures, userFeatures, seed);
  }

  /**
   * Returns a copy with another learning rate.
   *
   * @param learningRate the AdaGrad base step size, greater than 0
   * @return a new configuration equal to this one except for {@code learningRate}; this record is unchanged
   */
  public FactorizationMachineConfig withLearningRate(float learningRate) {
    return new FactorizationMachineConfig(factors, epochs, learningRate, regularization, biasRegularization,
        initStd, useContext, contextFeatures, itemFeatures, userFeatures, seed);
  }

  /**
   * Returns a copy with other regularisation of the factors and of the linear weights.
   *
   * @param factors L2 penalty on the factor vectors (the new {@code regularization}), at least 0
   * @param weights L2 penalty on the linear weights (the new {@code biasRegularization}), at least 0
   * @return a new configuration equal to this one except for the two penalties; this record is unchanged
   * @throws IllegalArgumentException if a penalty is negative or not finite
   */
  public FactorizationMachineConfig withRegularization(float factors, float weights) {
    return new FactorizationMachineConfig(this.factors, epochs, learningRate, factors, weights, initStd,
        useContext, contextFeatures, itemFeatures, userFeatures, seed);
  }

  /** {@return a copy without context inputs} */
  public FactorizationMachineConfig withoutContext() {
    return new FactorizationMachineConfig(factors, epochs, learningRate, regularization, biasRegularization,
        initStd, false, contextFeatures, itemFeatures, userFeatures, seed);
  }

  /**
   * Returns a copy using only the named context features (and context switched on).
   *
   * @param names the context features, none null or repeated; none means every context feature of the log
   * @return a new configuration; this record is unchanged
   * @throws IllegalArgumentException if a name repeats
   */
  public FactorizationMachineConfig withContextFeatures(String... names) {
    return new FactorizationMachineConfig(factors, epochs, learningRate, regularization, biasRegularization,
        initStd, true, List.of(names), itemFeatures, userFeatures, seed);
  }

  /**
   * Returns a copy with item and user features switched on or off.
   *
   * @param items whether the dataset's item features are inputs
   * @param users whether the dataset's user features are inputs
   * @return a new configuration equal to this one except for the two switches; this record is unchanged
   */
  public FactorizationMachineConfig withFeatures(boolean items, boolean users) {
    return new FactorizationMachineConfig(factors, epochs, learningRate, regularization, biasRegularization,
        initStd, useContext, contextFeatures, items, users, seed);
  }

  /**
   * Returns a copy with another seed.
   *
   * @param seed the seed of the initialisation, the order of the events and the negative samples
   * @return a new configuration equal to this one except for {@code seed}; this record is unchanged
   */
  public FactorizationMachineConfig withSeed(long seed) {
    return new FactorizationMachineConfig(factors, epochs, learningRate, regularization, biasRegularization,
        initStd, useContext, contextFeatures, itemFeatures, userFeatures, seed);
  }
}
