package io.github.kindred.knn;

import io.github.kindred.data.IdIndex;
import io.github.kindred.model.Explainable;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import io.github.kindred.model.SimilarItems;
import java.util.Arrays;
import java.util.Objects;

/**
 * A fitted item-kNN model: for each item, its most similar items and their similarities, stored as one CSR
 * structure. Immutable and thread-safe; scoring allocates nothing. Scores are explainable: each history item
 * contributes its weight times its similarity to the scored item.
 */
public final class ItemKnnModel implements Model, SimilarItems, Explainable {
  private final ItemKnnConfig config;
  private final IdIndex users;
  private final IdIndex items;
  private final int[] pointers;
  private final int[] neighbors;
  private final float[] similarities;

  ItemKnnModel(ItemKnnConfig config, IdIndex users, IdIndex items, int[] pointers, int[] neighbors,
      float[] similarities) {
    this.config = config;
    this.users = users;
    this.items = items;
    this.pointers = pointers;
    this.neighbors = neighbors;
    this.similarities = similarities;
  }

  /** The configuration it was trained with. */
  public ItemKnnConfig config() {
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

  /** Sum of the neighbour-list lengths of all items. */
  public int neighborCount() {
    return neighbors.length;
  }

  /** The neighbours of {@code item}, most similar first. A copy. */
  public int[] neighborsOf(int item) {
    Objects.checkIndex(item, items.size());
    return Arrays.copyOfRange(neighbors, pointers[item], pointers[item + 1]);
  }

  /** The similarity of {@code item} to {@code other}, 0 if {@code other} is not among its neighbours. */
  public float similarity(int item, int other) {
    Objects.checkIndex(item, items.size());
    for (int p = pointers[item]; p < pointers[item + 1]; p++) {
      if (neighbors[p] == other) {
        return similarities[p];
      }
    }
    return 0f;
  }

  @Override
  public void score(Query query, float[] scores) {
    int n = items.size();
    if (scores.length < n) {
      throw new IllegalArgumentException("scores has length " + scores.length + ", needs at least " + n);
    }
    Arrays.fill(scores, 0, n, 0f);
    for (int h = 0; h < query.historySize(); h++) {
      int i = query.item(h);
      if (i >= n) {
        continue; // an item newer than the model has no neighbours yet
      }
      float w = query.weight(h);
      for (int p = pointers[i]; p < pointers[i + 1]; p++) {
        scores[neighbors[p]] += w * similarities[p];
      }
    }
  }

  @Override
  public void similarTo(int item, float[] scores) {
    Objects.checkIndex(item, items.size());
    Arrays.fill(scores, 0, items.size(), 0f);
    for (int p = pointers[item]; p < pointers[item + 1]; p++) {
      scores[neighbors[p]] = similarities[p];
    }
  }

  /**
   * Writes the contribution of each history entry of {@code query} to the score of {@code item}: the entry's weight
   * times the similarity of {@code item} among the entry's neighbours (0 when it is not one of them, or when the
   * history item is newer than the model). They sum to the score {@link #score} gives {@code item}.
   */
  @Override
  public void contributions(Query query, int item, float[] out) {
    Objects.checkIndex(item, items.size());
    int h = query.historySize();
    Objects.checkFromToIndex(0, h, out.length);
    for (int k = 0; k < h; k++) {
      int i = query.item(k);
      out[k] = i < items.size() ? query.weight(k) * similarity(i, item) : 0f;
    }
  }
}
