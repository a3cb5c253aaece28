package io.github.kindred.session;

import io.github.kindred.data.IdIndex;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import java.util.Arrays;
import java.util.Objects;

/**
 * A fitted first-order Markov chain over items: {@code P(next = j | current = i)}, the share of the transitions out
 * of {@code i} in the training sessions that went to {@code j}. The current session is the query's events
 * ({@link Query#withEvents}) if it carries any, else its history in the given order; the last {@code lookback} events vote, the one {@code d} places before the last with
 * {@code decay^d}: {@code score(j) = sum_d decay^d P(j | event_d)}. Items no vote reaches get
 * {@code -1 + share of transitions into the item}, below every positive score. The user index of a query is
 * ignored. Cost per request {@code O(lookback x successors + items)}, no allocation. Immutable and thread-safe.
 */
public final class MarkovModel implements Model {
  private final MarkovConfig config;
  private final IdIndex users;
  private final IdIndex items;
  private final int[] rowStart;
  private final int[] next;
  private final float[] probability;
  private final float[] fill;

  MarkovModel(MarkovConfig config, IdIndex users, IdIndex items, int[] rowStart, int[] next, float[] probability) {
    this.config = config;
    this.users = users;
    this.items = items;
    this.rowStart = rowStart;
    this.next = next;
    this.probability = probability;
    int n = items.size();
    double[] into = new double[n];
    for (int p = 0; p < next.length; p++) {
      into[next[p]] += probability[p];
    }
    double most = 0;
    for (double v : into) {
      most = Math.max(most, v);
    }
    fill = new float[n];
    for (int i = 0; i < n; i++) {
      fill[i] = (float) (-1 + into[i] / (most + 1));
    }
  }

  /**
   * The configuration it was trained with.
   *
   * @return the configuration
   */
  public MarkovConfig config() {
    return config;
  }

  /**
   * The estimated probability that {@code to} follows {@code from} in a session.
   *
   * @param from the current item index
   * @param to the next item index
   * @return the share of transitions out of {@code from} that went to {@code to}, 0 if none did
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public float transition(int from, int to) {
    Objects.checkIndex(from, fill.length);
    Objects.checkIndex(to, fill.length);
    int p = Arrays.binarySearch(next, rowStart[from], rowStart[from + 1], to);
    return p < 0 ? 0f : probability[p];
  }

  int[] rowStarts() {
    return rowStart;
  }

  int[] nextArray() {
    return next;
  }

  float[] probabilityArray() {
    return probability;
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
    boolean events = query.eventCount() > 0;
    int h = events ? query.eventCount() : query.historySize();
    double weight = 1;
    for (int d = 0; d < config.lookback() && d < h; d++) {
      int item = events ? query.eventItem(h - 1 - d) : query.item(h - 1 - d);
      if (item < n) {
        float w = (float) weight;
        for (int p = rowStart[item]; p < rowStart[item + 1]; p++) {
          scores[next[p]] += w * probability[p];
        }
      }
      weight *= config.decay();
    }
    for (int i = 0; i < n; i++) {
      if (scores[i] == 0f) {
        scores[i] = fill[i];
      }
    }
  }

  @Override
  public String toString() {
    return "MarkovModel[items=" + fill.length + ", transitions=" + next.length + ", " + config + "]";
  }
}
