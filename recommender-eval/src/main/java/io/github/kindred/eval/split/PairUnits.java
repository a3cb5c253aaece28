package io.github.kindred.eval.split;

import io.github.kindred.data.InteractionLog;
import java.util.Arrays;

/**
 * The events of a log grouped into units of one (user, item) pair, users in index order and, within a user, items
 * ascending. Splitters move whole units, so that no pair is ever both in training and in test (a repeated event
 * of a training pair in the test set would be a leak, and cannot be recommended when seen items are excluded).
 */
final class PairUnits {
  /** Units of user {@code u} are {@code [userStart[u], userStart[u + 1])}. */
  final int[] userStart;
  /** Rows of unit {@code p} are {@code rows[unitStart[p] .. unitStart[p + 1])}, in log order. */
  final int[] unitStart;
  final int[] rows;
  final int[] unitUser;
  final int[] unitItem;
  /** Latest timestamp of a unit's events ({@link InteractionLog#NO_TIME} if none has one). */
  final long[] unitLatest;

  private PairUnits(int[] userStart, int[] unitStart, int[] rows, int[] unitUser, int[] unitItem, long[] latest) {
    this.userStart = userStart;
    this.unitStart = unitStart;
    this.rows = rows;
    this.unitUser = unitUser;
    this.unitItem = unitItem;
    this.unitLatest = latest;
  }

  int units() {
    return unitUser.length;
  }

  int users() {
    return userStart.length - 1;
  }

  static PairUnits of(InteractionLog log) {
    int n = log.size();
    int users = log.users().size();
    int[] start = new int[users + 1];
    for (int i = 0; i < n; i++) {
      start[log.user(i) + 1]++;
    }
    for (int u = 0; u < users; u++) {
      start[u + 1] += start[u];
    }
    // (item << 32 | row) sorts by item, then by log position; both fit in 31 bits.
    long[] keys = new long[n];
    int[] next = Arrays.copyOf(start, users);
    for (int i = 0; i < n; i++) {
      keys[next[log.user(i)]++] = ((long) log.item(i) << 32) | i;
    }
    int[] userStart = new int[users + 1];
    int[] unitStart = new int[n + 1];
    int[] rows = new int[n];
    int[] unitUser = new int[n];
    int[] unitItem = new int[n];
    long[] latest = new long[n];
    int units = 0;
    for (int u = 0; u < users; u++) {
      Arrays.sort(keys, start[u], start[u + 1]);
      userStart[u] = units;
      int previous = -1;
      for (int k = start[u]; k < start[u + 1]; k++) {
        int item = (int) (keys[k] >>> 32);
        int row = (int) keys[k];
        if (item != previous) {
          unitStart[units] = k;
          unitUser[units] = u;
          unitItem[units] = item;
          latest[units] = InteractionLog.NO_TIME;
          units++;
          previous = item;
        }
        rows[k] = row;
        latest[units - 1] = Math.max(latest[units - 1], log.timestamp(row));
      }
    }
    userStart[users] = units;
    unitStart[units] = n;
    return new PairUnits(userStart, Arrays.copyOf(unitStart, units + 1), rows, Arrays.copyOf(unitUser, units),
        Arrays.copyOf(unitItem, units), Arrays.copyOf(latest, units));
  }

  /** Sets {@code part[row]} to {@code value} for every row of unit {@code p}. */
  void assign(int p, byte[] part, byte value) {
    for (int k = unitStart[p]; k < unitStart[p + 1]; k++) {
      part[rows[k]] = value;
    }
  }
}
