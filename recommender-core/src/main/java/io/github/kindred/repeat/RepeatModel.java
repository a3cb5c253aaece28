package io.github.kindred.repeat;

import io.github.kindred.data.IdIndex;
import io.github.kindred.data.Sessions;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import java.util.Arrays;
import java.util.Objects;

/**
 * A fitted TIFU-KNN model (see {@link RepeatConfig}): every customer's time-decayed basket representation and
 * nearest customers. The score of an item for a known customer is {@code alpha * own + (1 - alpha) * mean over the
 * neighbours of theirs}; items with score 0 get {@code -1 + buyers / (max buyers + 1)}, below every positive score,
 * so that the ranking continues with the most popular items instead of arbitrary ones.
 *
 * <p>A query for a customer the model does not know is scored from its history, taken as one basket whose item
 * weights are the history weights: the neighbours are searched at request time in
 * {@code O(sum over the history items of their buyers)}. Scoring a known customer costs
 * {@code O(neighbours x items per representation + items)} and allocates nothing (scratch space is per thread).
 *
 * <p>Immutable and thread-safe; {@link #withBasket} returns a new model with one more basket for a customer.
 */
public final class RepeatModel implements Model {
  private final RepeatConfig config;
  private final IdIndex users;
  private final IdIndex items;
  private final Sessions baskets;
  private final Representations reps;
  private final NeighborIndex index;
  private final int[] neighborStart;
  private final int[] neighborIds;
  private final float[] fill;
  private final long referenceTime;
  private final ThreadLocal<ScoreScratch> scratch;

  RepeatModel(RepeatConfig config, IdIndex users, IdIndex items, Sessions baskets, Representations reps,
      NeighborIndex index, int[] neighborStart, int[] neighborIds) {
    this.config = config;
    this.users = users;
    this.items = items;
    this.baskets = baskets;
    this.reps = reps;
    this.index = index;
    this.neighborStart = neighborStart;
    this.neighborIds = neighborIds;
    int n = items.size();
    int most = 0;
    for (int i = 0; i < n; i++) {
      most = Math.max(most, index.buyers(i));
    }
    fill = new float[n];
    for (int i = 0; i < n; i++) {
      fill[i] = -1f + (float) index.buyers(i) / (most + 1);
    }
    long latest = Long.MIN_VALUE;
    for (int s = 0; s < baskets.sessionCount(); s++) {
      latest = Math.max(latest, baskets.time(s));
    }
    referenceTime = latest;
    int userCount = reps.users();
    int k = config.neighbors();
    scratch = ThreadLocal.withInitial(() -> new ScoreScratch(userCount, k));
  }

  /**
   * The configuration it was trained with.
   *
   * @return the configuration
   */
  public RepeatConfig config() {
    return config;
  }

  /**
   * The latest basket time in the training data (the "now" of {@link RepeatExplanation#secondsAgo()}).
   *
   * @return the reference time, in the unit of the timestamps
   */
  public long referenceTime() {
    return referenceTime;
  }

  /**
   * The representation of a known customer for one item (0 if the customer never bought it).
   *
   * @param user the customer index, {@code 0 <= user < users().size()}
   * @param item the item index, {@code 0 <= item < itemCount()}
   * @return the time-decayed weight
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public float representation(int user, int item) {
    Objects.checkIndex(user, reps.users());
    Objects.checkIndex(item, fill.length);
    int p = reps.find(user, item);
    return p < 0 ? 0f : reps.value[p];
  }

  /**
   * The nearest customers of a known customer, nearest first.
   *
   * @param user the customer index
   * @return a copy of the neighbour indexes (empty when the collaborative part is off)
   * @throws IndexOutOfBoundsException if {@code user} is out of range
   */
  public int[] neighbors(int user) {
    Objects.checkIndex(user, reps.users());
    return Arrays.copyOfRange(neighborIds, neighborStart[user], neighborStart[user + 1]);
  }

  /**
   * Whether a known customer bought {@code item} before (the split of recommendations into buy-again and
   * discovery lists).
   *
   * @param user the customer index; unknown customers ({@link Query#ANONYMOUS} or later indexes) bought nothing
   * @param item the item index
   * @return whether the item is in one of the customer's training baskets
   */
  public boolean boughtBefore(int user, int item) {
    return user >= 0 && user < reps.users() && item >= 0 && item < fill.length && reps.find(user, item) >= 0;
  }

  /**
   * Explains the score of {@code item} for a known customer.
   *
   * @param user the customer index, {@code 0 <= user < users().size()}
   * @param item the item index
   * @return the purchase statistics and the parts of the score
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public RepeatExplanation explain(int user, int item) {
    Objects.checkIndex(user, reps.users());
    Objects.checkIndex(item, fill.length);
    int p = reps.find(user, item);
    float own = p < 0 ? 0f : (float) (config.alpha() * reps.value[p]);
    float collaborative = 0;
    int from = neighborStart[user];
    int to = neighborStart[user + 1];
    if (config.collaborative() && to > from) {
      double sum = 0;
      for (int q = from; q < to; q++) {
        int at = reps.find(neighborIds[q], item);
        if (at >= 0) {
          sum += reps.value[at];
        }
      }
      collaborative = (float) ((1 - config.alpha()) * sum / (to - from));
    }
    if (p < 0) {
      return new RepeatExplanation(0, -1, -1, own, collaborative);
    }
    return new RepeatExplanation(reps.count[p], reps.basketsAgo[p], referenceTime - reps.lastTime[p], own,
        collaborative);
  }

  /**
   * Returns a model with one more basket for a known customer (fold-in of new purchases without a refit): the
   * customer's representation and nearest customers are recomputed; other customers keep their neighbour lists,
   * which may still hold this customer (they see its new representation, as after a refit they might not). Costs
   * {@code O(events + nnz)} of the training data.
   *
   * @param user the customer index, {@code 0 <= user < users().size()}
   * @param basket the items of the new basket, at least one, each {@code 0 <= item < itemCount()}
   * @param time the basket's time, not earlier than the customer's last basket
   * @return the new model; this one is unchanged
   * @throws IllegalArgumentException if the basket is empty, an item is out of range or the time goes back
   * @throws IndexOutOfBoundsException if {@code user} is out of range
   */
  public RepeatModel withBasket(int user, int[] basket, long time) {
    Objects.checkIndex(user, reps.users());
    for (int item : basket) {
      if (item < 0 || item >= fill.length) {
        throw new IllegalArgumentException("basket item index " + item + " is out of range [0, " + fill.length + ")");
      }
    }
    Sessions more = baskets.withSession(user, basket, time);
    Representations r = Representations.build(more, fill.length, config);
    NeighborIndex idx = new NeighborIndex(r, fill.length, config.measure());
    int[] start = neighborStart;
    int[] ids = neighborIds;
    if (config.collaborative()) {
      int[] found = new int[config.neighbors()];
      int n = idx.nearest(user, r.item, r.value, r.start[user], r.start[user + 1], r.norm2[user],
          config.neighbors(), new NeighborIndex.Scratch(r.users(), config.neighbors()), found);
      int old = neighborStart[user + 1] - neighborStart[user];
      start = neighborStart.clone();
      for (int u = user + 1; u < start.length; u++) {
        start[u] += n - old;
      }
      ids = new int[neighborIds.length + n - old];
      System.arraycopy(neighborIds, 0, ids, 0, neighborStart[user]);
      System.arraycopy(found, 0, ids, neighborStart[user], n);
      System.arraycopy(neighborIds, neighborStart[user + 1], ids, start[user + 1],
          neighborIds.length - neighborStart[user + 1]);
    }
    return new RepeatModel(config, users, items, more, r, idx, start, ids);
  }

  Sessions baskets() {
    return baskets;
  }

  int[] neighborStarts() {
    return neighborStart;
  }

  int[] neighborIdArray() {
    return neighborIds;
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
    int n = fill.length;
    Model.requireScoreLength(scores, n);
    Arrays.fill(scores, 0, n, 0f);
    int user = query.user();
    double alpha = config.alpha();
    if (user >= 0 && user < reps.users()) {
      addRow(user, (float) alpha, scores);
      int from = neighborStart[user];
      int to = neighborStart[user + 1];
      if (config.collaborative() && to > from) {
        float w = (float) ((1 - alpha) / (to - from));
        for (int q = from; q < to; q++) {
          addRow(neighborIds[q], w, scores);
        }
      }
    } else {
      scoreHistory(query, scores);
    }
    for (int i = 0; i < n; i++) {
      if (scores[i] == 0f) {
        scores[i] = fill[i];
      }
    }
  }

  private void addRow(int user, float weight, float[] scores) {
    int[] it = reps.item;
    float[] val = reps.value;
    for (int p = reps.start[user]; p < reps.start[user + 1]; p++) {
      scores[it[p]] += weight * val[p];
    }
  }

  private void scoreHistory(Query query, float[] scores) {
    ScoreScratch s = scratch.get();
    int h = s.history(query.historySize());
    int kept = 0;
    double norm2 = 0;
    for (int k = 0; k < h; k++) {
      int item = query.item(k);
      float w = query.weight(k);
      if (item < fill.length && w != 0) {
        s.items[kept] = item;
        s.values[kept] = w;
        norm2 += (double) w * w;
        kept++;
      }
    }
    float alpha = (float) config.alpha();
    for (int k = 0; k < kept; k++) {
      scores[s.items[k]] += alpha * s.values[k];
    }
    if (config.collaborative() && kept > 0) {
      int found = index.nearest(-1, s.items, s.values, 0, kept, norm2, config.neighbors(), s.search, s.found);
      if (found > 0) {
        float w = (1 - alpha) / found;
        for (int q = 0; q < found; q++) {
          addRow(s.found[q], w, scores);
        }
      }
    }
  }

  @Override
  public String toString() {
    return "RepeatModel[users=" + reps.users() + ", items=" + fill.length + ", baskets=" + baskets.sessionCount()
        + ", " + config + "]";
  }

  /** Per-thread buffers of history scoring. */
  private static final class ScoreScratch {
    final NeighborIndex.Scratch search;
    final int[] found;
    int[] items = new int[16];
    float[] values = new float[16];

    ScoreScratch(int users, int neighbors) {
      search = new NeighborIndex.Scratch(users, neighbors);
      found = new int[neighbors];
    }

    int history(int size) {
      if (size > items.length) {
        items = new int[size];
        values = new float[size];
      }
      return size;
    }
  }
}
