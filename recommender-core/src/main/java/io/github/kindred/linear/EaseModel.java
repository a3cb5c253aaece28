package io.github.kindred.linear;

import io.github.kindred.data.IdIndex;
import io.github.kindred.model.Explainable;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import io.github.kindred.model.SimilarItems;
import java.util.Arrays;
import java.util.Objects;

/**
 * A fitted EASE model: the dense {@code items x items} weight matrix {@code B} (zero diagonal), row-major in one
 * {@code float[]}. A query's score for item {@code j} is {@code sum over history items i of weight(i) * B_ij}, the
 * history rows of {@code B} summed; the user index is not used, so known and anonymous users are scored alike.
 *
 * <p>Immutable and thread-safe; scoring costs {@code O(|history| * items)} and allocates nothing.
 */
public final class EaseModel implements Model, SimilarItems, Explainable {
  private final EaseConfig config;
  private final IdIndex users;
  private final IdIndex items;
  private final float[] weights;

  EaseModel(EaseConfig config, IdIndex users, IdIndex items, float[] weights) {
    this.config = config;
    this.users = users;
    this.items = items;
    this.weights = weights;
  }

  /** The weight matrix, not copied: for the codec only. */
  float[] weightArray() {
    return weights;
  }

  /** The configuration it was trained with. */
  public EaseConfig config() {
    return config;
  }

  @Override
  public IdIndex items() {
    return items;
  }

  @Override
  public IdIndex users() {
    return users;
  }

  /** The weight {@code B[from][to]}: how much an interaction with {@code from} raises the score of {@code to}. */
  public float weight(int from, int to) {
    int n = items.size();
    Objects.checkIndex(from, n);
    Objects.checkIndex(to, n);
    return weights[from * n + to];
  }

  @Override
  public void score(Query query, float[] scores) {
    int n = items.size();
    Model.requireScoreLength(scores, n);
    Arrays.fill(scores, 0, n, 0f);
    for (int h = 0; h < query.historySize(); h++) {
      int i = query.item(h);
      if (i >= n) {
        continue; // an item newer than the model has no row of weights
      }
      float w = query.weight(h);
      for (int j = 0, off = i * n; j < n; j++) {
        scores[j] += w * weights[off + j];
      }
    }
  }

  /** Writes row {@code item} of {@code B}: the score each item gets from a history of {@code item} alone. */
  @Override
  public void similarTo(int item, float[] scores) {
    int n = items.size();
    Objects.checkIndex(item, n);
    System.arraycopy(weights, item * n, scores, 0, n);
  }

  /**
   * Writes the contribution of each history entry to the score of {@code item}: the entry's weight times
   * {@code B[entry][item]} (0 for a history item newer than the model). They sum to the score.
   */
  @Override
  public void contributions(Query query, int item, float[] out) {
    int n = items.size();
    Objects.checkIndex(item, n);
    int h = query.historySize();
    Objects.checkFromToIndex(0, h, out.length);
    for (int k = 0; k < h; k++) {
      int i = query.item(k);
      out[k] = i < n ? query.weight(k) * weights[i * n + item] : 0f;
    }
  }
}
