package io.github.kindred.factorization;

import io.github.kindred.data.IdIndex;
import io.github.kindred.model.Query;
import java.util.Arrays;
import java.util.Objects;

/**
 * A fitted BPR model: user and item factors and, if configured, item biases; the score of item {@code i} for user
 * {@code u} is {@code b_i + x_u . y_i}. BPR has no closed-form fold-in, so an anonymous or unknown user is given the
 * weighted mean of their history's item vectors (a heuristic: items similar to the history score high); an empty
 * history gives the zero vector, leaving only the biases.
 *
 * <p>Immutable and thread-safe. Scoring costs {@code O(items * factors)}.
 */
public final class BprModel extends FactorModel {
  private final BprConfig config;
  private final float[] itemBiases;

  BprModel(BprConfig config, IdIndex users, IdIndex items, float[] userFactors, float[] itemFactors,
      float[] itemBiases) {
    super(users, items, config.factors(), userFactors, itemFactors);
    this.config = config;
    this.itemBiases = itemBiases;
  }

  /** The item biases, not copied, null without biases: for the codec only. */
  float[] itemBiasArray() {
    return itemBiases;
  }

  /** {@return the configuration it was trained with} */
  public BprConfig config() {
    return config;
  }

  /**
   * {@return the learned bias of {@code item}, added to every user's score for it; 0 if the model was trained
   * without biases}
   *
   * @param item the item index, in [0, {@code items().size()})
   * @throws IndexOutOfBoundsException if {@code item} is out of range
   */
  public float itemBias(int item) {
    Objects.checkIndex(item, itemRows);
    return itemBiases == null ? 0f : itemBiases[item];
  }

  @Override
  void historyVector(Query query, float[] out) {
    Arrays.fill(out, 0, factors, 0f);
    float total = 0f;
    for (int h = 0; h < query.historySize(); h++) {
      int i = query.item(h);
      if (i >= itemRows) {
        continue;
      }
      float w = query.weight(h);
      total += Math.abs(w);
      for (int s = 0, off = i * factors; s < factors; s++) {
        out[s] += w * itemFactors[off + s];
      }
    }
    if (total > 0) {
      for (int s = 0; s < factors; s++) {
        out[s] /= total;
      }
    }
  }

  @Override
  void addBiases(float[] scores) {
    if (itemBiases != null) {
      for (int i = 0; i < itemRows; i++) {
        scores[i] += itemBiases[i];
      }
    }
  }
}
