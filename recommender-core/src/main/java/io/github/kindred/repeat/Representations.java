package io.github.kindred.repeat;

import io.github.kindred.data.Sessions;
import java.util.Arrays;

/**
 * The TIFU-KNN representation of every customer (see {@link RepeatConfig}) as compressed sparse rows sorted by
 * item, with the purchase statistics explanations need aligned to the same positions. Built in
 * {@code O(events + nnz log nnz_u)}; immutable once built.
 */
final class Representations {
  final int[] start;
  final int[] item;
  final float[] value;
  /** Baskets of the customer that contain the item. */
  final int[] count;
  /** Baskets between the newest basket containing the item and the customer's newest basket (0: the newest). */
  final int[] basketsAgo;
  /** Time of the newest basket containing the item. */
  final long[] lastTime;
  /** Squared Euclidean norm of every customer's representation. */
  final double[] norm2;

  private Representations(int[] start, int[] item, float[] value, int[] count, int[] basketsAgo, long[] lastTime,
      double[] norm2) {
    this.start = start;
    this.item = item;
    this.value = value;
    this.count = count;
    this.basketsAgo = basketsAgo;
    this.lastTime = lastTime;
    this.norm2 = norm2;
  }

  int users() {
    return start.length - 1;
  }

  static Representations build(Sessions sessions, int items, RepeatConfig config) {
    int users = sessions.users();
    int m = config.groupSize();
    double[] acc = new double[items];
    int[] seenIn = new int[items];
    Arrays.fill(seenIn, -1);
    int[] cnt = new int[items];
    int[] ago = new int[items];
    long[] last = new long[items];
    int[] touched = new int[items];
    int[] start = new int[users + 1];
    // Grown as needed: the number of distinct (customer, item) pairs is not known before the pass.
    int cap = Math.max(16, sessions.size());
    int[] outItem = new int[cap];
    float[] outValue = new float[cap];
    int[] outCount = new int[cap];
    int[] outAgo = new int[cap];
    long[] outLast = new long[cap];
    double[] norm2 = new double[users];
    int nnz = 0;
    for (int u = 0; u < users; u++) {
      int first = sessions.userStart(u);
      int n = sessions.userStart(u + 1) - first;
      int groups = (n + m - 1) / m;
      int touchedCount = 0;
      for (int b = 0; b < n; b++) {
        int s = first + b;
        int k = n - 1 - b;
        int g = k / m;
        int groupLength = g == groups - 1 ? n - (groups - 1) * m : m;
        double w = Math.pow(config.withinDecay(), k % m) * Math.pow(config.groupDecay(), g)
            / ((double) groupLength * groups);
        for (int p = sessions.sessionStart(s); p < sessions.sessionStart(s + 1); p++) {
          int i = sessions.item(p);
          if (seenIn[i] == s) {
            continue;
          }
          if (cnt[i] == 0) {
            touched[touchedCount++] = i;
          }
          seenIn[i] = s;
          acc[i] += w;
          cnt[i]++;
          ago[i] = k;
          last[i] = sessions.time(s);
        }
      }
      Arrays.sort(touched, 0, touchedCount);
      if (nnz + touchedCount > outItem.length) {
        int grown = Math.max(outItem.length * 2, nnz + touchedCount);
        outItem = Arrays.copyOf(outItem, grown);
        outValue = Arrays.copyOf(outValue, grown);
        outCount = Arrays.copyOf(outCount, grown);
        outAgo = Arrays.copyOf(outAgo, grown);
        outLast = Arrays.copyOf(outLast, grown);
      }
      double sq = 0;
      for (int t = 0; t < touchedCount; t++) {
        int i = touched[t];
        float v = (float) acc[i];
        outItem[nnz] = i;
        outValue[nnz] = v;
        outCount[nnz] = cnt[i];
        outAgo[nnz] = ago[i];
        outLast[nnz] = last[i];
        sq += (double) v * v;
        nnz++;
        acc[i] = 0;
        cnt[i] = 0;
      }
      norm2[u] = sq;
      start[u + 1] = nnz;
    }
    return new Representations(start, Arrays.copyOf(outItem, nnz), Arrays.copyOf(outValue, nnz),
        Arrays.copyOf(outCount, nnz), Arrays.copyOf(outAgo, nnz), Arrays.copyOf(outLast, nnz), norm2);
  }

  /** The position of {@code item} in {@code user}'s row, or a negative number if the user never bought it. */
  int find(int user, int item) {
    return Arrays.binarySearch(this.item, start[user], start[user + 1], item);
  }
}
