package io.github.kindred.graph;

import io.github.kindred.data.IdIndex;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import io.github.kindred.model.SimilarItems;
import java.util.Arrays;
import java.util.Objects;

/**
 * A fitted RP3beta model: for each item its {@code neighbors} strongest walk weights {@code W[i][j]} (sparse rows,
 * strongest first). A query's score for item {@code j} is {@code sum over history items i of weight(i) * W[i][j]};
 * the user index is not used, so known and anonymous users are scored alike. History items newer than the model
 * are ignored.
 *
 * <p>Immutable and thread-safe; scoring costs {@code O(items + |history| * neighbors)} and allocates nothing.
 */
public final class Rp3BetaModel implements Model, SimilarItems {
  private final Rp3BetaConfig config;
  private final IdIndex users;
  private final IdIndex items;
  private final int[] pointers;
  private final int[] neighbors;
  private final float[] weights;

  Rp3BetaModel(Rp3BetaConfig config, IdIndex users, IdIndex items, int[] pointers, int[] neighbors,
      float[] weights) {
    this.config = config;
    this.users = users;
    this.items = items;
    this.pointers = pointers;
    this.neighbors = neighbors;
    this.weights = weights;
  }

  /**
   * The configuration it was trained with.
   *
   * @return the configuration
   */
  public Rp3BetaConfig config() {
    return config;
  }

  int[] pointerArray() {
    return pointers;
  }

  int[] neighborArray() {
    return neighbors;
  }

  float[] weightArray() {
    return weights;
  }

  /**
   * The walk weight {@code W[from][to]}, 0 if {@code to} is not among the kept neighbours of {@code from}.
   *
   * @param from the item a history holds
   * @param to the item scored
   * @return the weight
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public float weight(int from, int to) {
    int n = items.size();
    Objects.checkIndex(from, n);
    Objects.checkIndex(to, n);
    for (int p = pointers[from]; p < pointers[from + 1]; p++) {
      if (neighbors[p] == to) {
        return weights[p];
      }
    }
    return 0f;
  }

  @Override
  public IdIndex items() {
    return items;
  }

  @Override
  public IdIndex users() {
    return users;
  }

  @Override
  public void score(Query query, float[] scores) {
    int n = items.size();
    Model.requireScoreLength(scores, n);
    Arrays.fill(scores, 0, n, 0f);
    for (int h = 0; h < query.historySize(); h++) {
      int i = query.item(h);
      if (i >= n) {
        continue;
      }
      float w = query.weight(h);
      for (int p = pointers[i]; p < pointers[i + 1]; p++) {
        scores[neighbors[p]] += w * weights[p];
      }
    }
  }

  /** Writes row {@code item} of {@code W} (0 outside its kept neighbours). */
  @Override
  public void similarTo(int item, float[] scores) {
    int n = items.size();
    Objects.checkIndex(item, n);
    Model.requireScoreLength(scores, n);
    Arrays.fill(scores, 0, n, 0f);
    for (int p = pointers[item]; p < pointers[item + 1]; p++) {
      scores[neighbors[p]] = weights[p];
    }
  }
}
