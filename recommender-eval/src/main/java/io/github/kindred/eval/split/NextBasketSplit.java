package io.github.kindred.eval.split;

import io.github.kindred.data.InteractionLog;
import java.util.Arrays;

/**
 * Next-basket (leave-last-out by time) split: every user's last basket is the test, everything before it trains.
 * A basket is a run of the user's events at most {@code basketGapSeconds} apart (0: the events sharing the user's
 * latest timestamp, as in basket-indexed data such as Ta-Feng). Unlike the other splitters, a (user, item) pair
 * may be in both parts: buying again what one bought before is what this protocol measures, so evaluate it with
 * seen items allowed ({@code --exclude-seen false}), where the recall splits into its repeat and explore parts.
 * Users with fewer than {@code minBaskets} baskets keep all their events in training. Needs a timestamp on every
 * event; deterministic (no seed).
 *
 * @param minBaskets baskets a user needs to be tested, at least 2 (one to train on, one to test)
 * @param basketGapSeconds events of one user at most this far apart belong to one basket, at least 0
 */
public record NextBasketSplit(int minBaskets, long basketGapSeconds) implements Splitter {
  /**
   * Validates the parameters.
   *
   * @param minBaskets see the record description
   * @param basketGapSeconds see the record description
   * @throws IllegalArgumentException naming the parameter if a value is out of range
   */
  public NextBasketSplit {
    if (minBaskets < 2) {
      throw new IllegalArgumentException("minBaskets must be >= 2, got " + minBaskets);
    }
    if (basketGapSeconds < 0) {
      throw new IllegalArgumentException("basketGapSeconds must be >= 0, got " + basketGapSeconds);
    }
  }

  @Override
  public Split split(InteractionLog log) {
    Splits.requireTimestamps(log, "a next-basket split");
    int users = log.users().size();
    int n = log.size();
    int[] start = new int[users + 1];
    for (int e = 0; e < n; e++) {
      start[log.user(e) + 1]++;
    }
    for (int u = 0; u < users; u++) {
      start[u + 1] += start[u];
    }
    long[] times = new long[n];
    int[] fill = Arrays.copyOf(start, users);
    for (int e = 0; e < n; e++) {
      times[fill[log.user(e)]++] = log.timestamp(e);
    }
    // The first time of each user's last basket, or Long.MAX_VALUE when the user is not tested.
    long[] lastBasket = new long[users];
    for (int u = 0; u < users; u++) {
      Arrays.sort(times, start[u], start[u + 1]);
      lastBasket[u] = Long.MAX_VALUE;
      if (start[u + 1] == start[u]) {
        continue;
      }
      int baskets = 1;
      long first = times[start[u + 1] - 1];
      boolean inLast = true;
      for (int p = start[u + 1] - 2; p >= start[u]; p--) {
        if (times[p + 1] - times[p] > basketGapSeconds) {
          baskets++;
          inLast = false;
        }
        if (inLast) {
          first = times[p];
        }
      }
      if (baskets >= minBaskets) {
        lastBasket[u] = first;
      }
    }
    byte[] part = new byte[n];
    for (int e = 0; e < n; e++) {
      part[e] = log.timestamp(e) >= lastBasket[log.user(e)] ? Splits.TEST : Splits.TRAIN;
    }
    return Splits.assemble(log, part, false);
  }
}
