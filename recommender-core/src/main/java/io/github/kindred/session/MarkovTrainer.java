package io.github.kindred.session;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.Sessions;
import io.github.kindred.model.Trainer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Fits a first-order Markov chain (see {@link MarkovModel}) from consecutive events inside the sessions of the
 * timestamped log; an event followed by the same item is not a transition. {@code O(events log events)};
 * thread-safe.
 */
public final class MarkovTrainer implements Trainer<MarkovModel> {
  private final MarkovConfig config;

  /**
   * Creates a trainer.
   *
   * @param config the validated configuration
   */
  public MarkovTrainer(MarkovConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * Counts the transitions of {@code data}.
   *
   * @param data the dataset, with timestamped events
   * @return the fitted model
   * @throws IllegalArgumentException if an event has no timestamp (the message names the first one)
   */
  @Override
  public MarkovModel fit(Dataset data) {
    Sessions sessions = Sessions.of(data.log(), config.sessionGapSeconds());
    int items = data.itemCount();
    long[] pairs = new long[Math.max(0, sessions.size())];
    int n = 0;
    for (int s = 0; s < sessions.sessionCount(); s++) {
      for (int p = sessions.sessionStart(s) + 1; p < sessions.sessionStart(s + 1); p++) {
        int from = sessions.item(p - 1);
        int to = sessions.item(p);
        if (from != to) {
          pairs[n++] = (long) from * items + to;
        }
      }
    }
    Arrays.sort(pairs, 0, n);
    int[] rowStart = new int[items + 1];
    int[] next = new int[n];
    float[] probability = new float[n];
    int distinct = 0;
    for (int k = 0; k < n;) {
      int run = k;
      while (run < n && pairs[run] == pairs[k]) {
        run++;
      }
      int from = (int) (pairs[k] / items);
      next[distinct] = (int) (pairs[k] % items);
      probability[distinct] = run - k;
      rowStart[from + 1]++;
      distinct++;
      k = run;
    }
    for (int i = 0; i < items; i++) {
      rowStart[i + 1] += rowStart[i];
    }
    next = Arrays.copyOf(next, distinct);
    probability = Arrays.copyOf(probability, distinct);
    for (int i = 0; i < items; i++) {
      double total = 0;
      for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
        total += probability[p];
      }
      for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
        probability[p] = (float) (probability[p] / total);
      }
    }
    return new MarkovModel(config, data.users(), data.items(), rowStart, next, probability);
  }
}
