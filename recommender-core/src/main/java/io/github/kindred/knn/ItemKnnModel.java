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
 * structure. Immutable and thread-safe; scoring allocates nothing.
 *
 * <p>A user's score for candidate {@code j} sums {@code weight(i) * sim(j, i)} over the history items {@code i}
 * that are among {@code j}'s own neighbours (the candidate's neighbourhood, as in Sarwar et al. 2001 and Deshpande
 * and Karypis 2004). Summing instead over the neighbour lists of the history items scores a different, weaker
 * model: on the MovieLens-100K reference split, cosine with 200 neighbours, nDCG@10 is 0.349 that way against
 * 0.392 with the candidate's neighbourhood (the reference number is 0.3918). Scoring runs over the transposed lists
 * ("which items count {@code i} as a neighbour"), built once at construction, so that it stays a sparse pass over
 * the history. Scores are explainable: each history item contributes its weight times its similarity to the
 * scored item.
 */
public final class ItemKnnModel implements Model, SimilarItems, Explainable {
  private final ItemKnnConfig config;
  private final IdIndex users;
  private final IdIndex items;
  private final int[] pointers;
  private final int[] neighbors;
  private final float[] similarities;
  /** Transposed neighbour lists: {@code scoreItems[scorePointers[i]..]} are the items that have {@code i}. */
  private final int[] scorePointers;
  private final int[] scoreItems;
  private final float[] scoreSimilarities;

  ItemKnnModel(ItemKnnConfig config, IdIndex users, IdIndex items, int[] pointers, int[] neighbors,
      float[] similarities) {
    this.config = config;
    this.users = users;
    this.items = items;
    this.pointers = pointers;
    this.neighbors = neighbors;
    this.similarities = similarities;
    int n = items.size();
    scorePointers = new int[n + 1];
    for (int p = 0; p < neighbors.length; p++) {
      scorePointers[neighbors[p] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      scorePointers[i + 1] += scorePointers[i];
    }
    scoreItems = new int[neighbors.length];
    scoreSimilarities = new float[neighbors.length];
    int[] next = Arrays.copyOf(scorePointers, n);
    for (int j = 0; j < n; j++) {
      for (int p = pointers[j]; p < pointers[j + 1]; p++) {
        int slot = next[neighbors[p]]++;
        scoreItems[slot] = j;
        scoreSimilarities[slot] = similarities[p];
      }
    }
  }

  /**
   * A model from neighbour lists computed elsewhere (a distributed trainer, another process), in the layout
   * {@link ItemKnnTrainer} produces: item {@code i}'s neighbours are
   * {@code neighbors[pointers[i]..pointers[i + 1])}, most similar first, with their similarities aligned in
   * {@code similarities}. It scores, explains and persists exactly as a trained model with the same lists. The
   * arrays are copied.
   *
   * @param config the configuration the lists were computed with (recorded in the model file)
   * @param users the user ids
   * @param items the item ids; the lists cover every one of them
   * @param pointers {@code items.size() + 1} offsets, starting at 0, non-decreasing, ending at
   *     {@code neighbors.length}
   * @param neighbors neighbour item indexes, each in {@code [0, items.size())}, never the item itself
   * @param similarities the similarity of each neighbour, finite, aligned with {@code neighbors}
   * @return the model
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the arrays do not form such lists (the message names the first problem)
   */
  public static ItemKnnModel of(ItemKnnConfig config, IdIndex users, IdIndex items, int[] pointers,
      int[] neighbors, float[] similarities) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(items, "items");
    int n = items.size();
    if (pointers.length != n + 1) {
      throw new IllegalArgumentException(
          "pointers has length " + pointers.length + ", expected items + 1 = " + (n + 1));
    }
    if (similarities.length != neighbors.length) {
      throw new IllegalArgumentException("neighbors has " + neighbors.length + " entries but similarities has "
          + similarities.length);
    }
    if (pointers[0] != 0 || pointers[n] != neighbors.length) {
      throw new IllegalArgumentException("pointers must run from 0 to " + neighbors.length + ", got "
          + pointers[0] + " to " + pointers[n]);
    }
    for (int i = 0; i < n; i++) {
      if (pointers[i + 1] < pointers[i]) {
        throw new IllegalArgumentException("pointers decrease at item " + i + ": " + pointers[i] + " then "
            + pointers[i + 1]);
      }
      for (int p = pointers[i]; p < pointers[i + 1]; p++) {
        int j = neighbors[p];
        if (j < 0 || j >= n || j == i) {
          throw new IllegalArgumentException("item " + i + " has neighbour " + j + " (items: " + n
              + "); a neighbour must be another item");
        }
        if (!Float.isFinite(similarities[p])) {
          throw new IllegalArgumentException("item " + i + " has similarity " + similarities[p] + " to item " + j);
        }
      }
    }
    return new ItemKnnModel(config, users, items, pointers.clone(), neighbors.clone(), similarities.clone());
  }

  /** {@return the configuration it was trained with} */
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

  /** {@return the sum of the neighbour-list lengths of all items, at most items times the configured neighbours} */
  public int neighborCount() {
    return neighbors.length;
  }

  /**
   * {@return a copy of the neighbours of {@code item}, most similar first}
   *
   * @param item the item index, in [0, {@code items().size()})
   * @throws IndexOutOfBoundsException if {@code item} is out of range
   */
  public int[] neighborsOf(int item) {
    Objects.checkIndex(item, items.size());
    return Arrays.copyOfRange(neighbors, pointers[item], pointers[item + 1]);
  }

  /**
   * Returns the stored similarity of {@code item} to {@code other}: a linear scan of {@code item}'s neighbour list.
   * The relation need not be symmetric, since each item keeps only its own top neighbours.
   *
   * @param item the item index, in [0, {@code items().size()})
   * @param other another item index
   * @return the similarity, 0 if {@code other} is not among {@code item}'s neighbours
   * @throws IndexOutOfBoundsException if {@code item} is out of range
   */
  public float similarity(int item, int other) {
    Objects.checkIndex(item, items.size());
    for (int p = pointers[item]; p < pointers[item + 1]; p++) {
      if (neighbors[p] == other) {
        return similarities[p];
      }
    }
    return 0f;
  }

  int[] pointerArray() {
    return pointers;
  }

  int[] neighborArray() {
    return neighbors;
  }

  float[] similarityArray() {
    return similarities;
  }

  @Override
  public void score(Query query, float[] scores) {
    int n = items.size();
    Model.requireScoreLength(scores, n);
    Arrays.fill(scores, 0, n, 0f);
    for (int h = 0; h < query.historySize(); h++) {
      int i = query.item(h);
      if (i >= n) {
        continue; // an item newer than the model has no neighbours yet
      }
      float w = query.weight(h);
      for (int p = scorePointers[i]; p < scorePointers[i + 1]; p++) {
        scores[scoreItems[p]] += w * scoreSimilarities[p];
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
   * times its similarity among {@code item}'s own neighbours (0 when it is not one of them, or when the history item
   * is newer than the model). They sum to the score {@link #score} gives {@code item}.
   */
  @Override
  public void contributions(Query query, int item, float[] out) {
    Objects.checkIndex(item, items.size());
    int h = query.historySize();
    Objects.checkFromToIndex(0, h, out.length);
    for (int k = 0; k < h; k++) {
      int i = query.item(k);
      out[k] = i < items.size() ? query.weight(k) * similarity(item, i) : 0f;
    }
  }
}
