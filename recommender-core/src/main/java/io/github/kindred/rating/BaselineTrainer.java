package io.github.kindred.rating;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.Trainer;
import io.github.kindred.rating.RatingModel.Ratings;
import java.util.Objects;

/**
 * The baseline predictor {@code r(u, i) = mu + b_u + b_i} with regularised biases, fitted by alternating closed-form
 * passes (Koren 2010, "Factor in the neighbors", section 2.1): each pass sets
 * {@code b_i = sum over u of (r - mu - b_u) / (itemRegularization + n_i)}, then
 * {@code b_u = sum over i of (r - mu - b_i) / (userRegularization + n_u)}. Starting from {@code b_u = 0}, the first
 * pass is Koren's estimate; further passes move towards the joint regularised least-squares solution.
 *
 * <p>Deterministic, {@code O(iterations * ratings)}. Thread-safe.
 */
public final class BaselineTrainer implements Trainer<BaselineModel> {
  private final BaselineConfig config;

  /**
   * Creates a trainer with {@code config}.
   *
   * @param config the configuration
   * @throws NullPointerException if {@code config} is null
   */
  public BaselineTrainer(BaselineConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** {@return the configuration} */
  public BaselineConfig config() {
    return config;
  }

  /**
   * Fits the biases.
   *
   * @throws IllegalArgumentException if the dataset has no ratings
   */
  @Override
  public BaselineModel fit(Dataset data) {
    Ratings r = Ratings.of(data);
    InteractionMatrix m = r.matrix;
    float[] userBias = new float[m.rows()];
    float[] itemBias = new float[m.columns()];
    fitBiases(m, r.mean, config.itemRegularization(), config.userRegularization(), config.iterations(),
        userBias, itemBias);
    return new BaselineModel(config, data.users(), data.items(), r.mean, r.min, r.max, userBias, itemBias);
  }

  /** Runs {@code iterations} alternating passes from the current user biases, into the given arrays. */
  static void fitBiases(InteractionMatrix m, float mean, float itemReg, float userReg, int iterations,
      float[] userBias, float[] itemBias) {
    int[] rowPtr = m.rowPointers();
    int[] cols = m.columnIndexes();
    float[] vals = m.values();
    int[] colPtr = m.columnPointers();
    int[] rowIdx = m.rowIndexes();
    float[] colVals = m.columnValues();
    for (int it = 0; it < iterations; it++) {
      for (int i = 0; i < itemBias.length; i++) {
        double s = 0;
        for (int p = colPtr[i]; p < colPtr[i + 1]; p++) {
          s += colVals[p] - mean - userBias[rowIdx[p]];
        }
        int n = colPtr[i + 1] - colPtr[i];
        itemBias[i] = n == 0 ? 0f : (float) (s / (itemReg + n));
      }
      for (int u = 0; u < userBias.length; u++) {
        double s = 0;
        for (int p = rowPtr[u]; p < rowPtr[u + 1]; p++) {
          s += vals[p] - mean - itemBias[cols[p]];
        }
        int n = rowPtr[u + 1] - rowPtr[u];
        userBias[u] = n == 0 ? 0f : (float) (s / (userReg + n));
      }
    }
  }
}
