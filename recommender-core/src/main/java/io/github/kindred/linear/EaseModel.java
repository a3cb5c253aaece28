package io.github.kindred.linear;

import io.github.kindred.data.IdIndex;
import io.github.kindred.model.Explainable;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import io.github.kindred.model.SimilarItems;
import java.util.Arrays;
import java.util.Objects;

/**
 * A fitted EASE model: the {@code items x items} weight matrix {@code B} (zero diagonal), either dense (row-major
 * in one {@code float[]}) or, from the neighbourhood solve, sparse by row (CSR: row {@code i} lists the items
 * {@code j} whose neighbourhood holds {@code i}, ascending). A query's score for item {@code j} is
 * {@code sum over history items i of weight(i) * B_ij}, the history rows of {@code B} summed; the user index is not
 * used, so known and anonymous users are scored alike.
 *
 * <p>Immutable and thread-safe; scoring costs {@code O(|history| * items)} dense or
 * {@code O(items + sum of history row lengths)} sparse, and allocates nothing.
 */
public final class EaseModel implements Model, SimilarItems, Explainable {
  private final EaseConfig config;
  private final IdIndex users;
  private final IdIndex items;
  /** Dense weights, or null when sparse. */
  private final float[] weights;
  /** Sparse weights by row (null when dense). */
  private final int[] pointers;
  private final int[] ids;
  private final float[] values;

  EaseModel(EaseConfig config, IdIndex users, IdIndex items, float[] weights) {
    this.config = config;
    this.users = users;
    this.items = items;
    this.weights = weights;
    this.pointers = null;
    this.ids = null;
    this.values = null;
  }

  EaseModel(EaseConfig config, IdIndex users, IdIndex items, int[] pointers, int[] ids, float[] values) {
    this.config = config;
    this.users = users;
    this.items = items;
    this.weights = null;
    this.pointers = pointers;
    this.ids = ids;
    this.values = values;
  }

  /** The dense weight matrix, not copied, or null when sparse: for the codec only. */
  float[] weightArray() {
    return weights;
  }

  /** Row pointers of the sparse weights, or null when dense: for the codec only. */
  int[] rowPointers() {
    return pointers;
  }

  /** Column indexes of the sparse weights, or null when dense: for the codec only. */
  int[] columnIds() {
    return ids;
  }

  /** Values of the sparse weights, or null when dense: for the codec only. */
  float[] sparseValues() {
    return values;
  }

  /**
   * Whether the weights came from the neighbourhood solve (sparse) rather than the dense one.
   *
   * @return true when sparse
   */
  public boolean isSparse() {
    return weights == null;
  }

  /**
   * The configuration it was trained with.
   *
   * @return the configuration
   */
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

  /**
   * The weight {@code B[from][to]}: how much an interaction with {@code from} raises the score of {@code to}
   * (0 outside the neighbourhood of {@code to} for a sparse model).
   *
   * @param from the history item index
   * @param to the scored item index
   * @return the weight
   * @throws IndexOutOfBoundsException if an index is outside the model's items
   */
  public float weight(int from, int to) {
    int n = items.size();
    Objects.checkIndex(from, n);
    Objects.checkIndex(to, n);
    if (weights != null) {
      return weights[from * n + to];
    }
    int at = Arrays.binarySearch(ids, pointers[from], pointers[from + 1], to);
    return at >= 0 ? values[at] : 0f;
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
      if (weights != null) {
        for (int j = 0, off = i * n; j < n; j++) {
          scores[j] += w * weights[off + j];
        }
      } else {
        for (int p = pointers[i]; p < pointers[i + 1]; p++) {
          scores[ids[p]] += w * values[p];
        }
      }
    }
  }

  /** Writes row {@code item} of {@code B}: the score each item gets from a history of {@code item} alone. */
  @Override
  public void similarTo(int item, float[] scores) {
    int n = items.size();
    Objects.checkIndex(item, n);
    if (weights != null) {
      System.arraycopy(weights, item * n, scores, 0, n);
      return;
    }
    Arrays.fill(scores, 0, n, 0f);
    for (int p = pointers[item]; p < pointers[item + 1]; p++) {
      scores[ids[p]] = values[p];
    }
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
      out[k] = i < n ? query.weight(k) * weight(i, item) : 0f;
    }
  }
}
