package io.github.kindred.repeat;

import io.github.kindred.math.TopN;
import it.unimi.dsi.fastutil.ints.IntArrays;

/**
 * Finds the nearest customers of a representation through an item-to-customer inverted index of the
 * representations: only customers sharing an item need a dot product, in {@code O(sum over the query's items of
 * their buyers)}. For {@link NeighborMeasure#EUCLIDEAN} the customers without a shared item are at distance
 * {@code sqrt(|a|^2 + |b|^2)}, so the nearest of them are the first in order of increasing norm, kept in a list.
 * Immutable; the per-call state lives in a {@link Scratch}.
 */
final class NeighborIndex {
  private final Representations reps;
  private final NeighborMeasure measure;
  private final int[] colStart;
  private final int[] colUser;
  private final float[] colValue;
  /** Customers with a non-empty representation, by increasing squared norm (ties by index). */
  private final int[] byNorm;

  NeighborIndex(Representations reps, int items, NeighborMeasure measure) {
    this.reps = reps;
    this.measure = measure;
    int users = reps.users();
    colStart = new int[items + 1];
    for (int p = 0; p < reps.item.length; p++) {
      colStart[reps.item[p] + 1]++;
    }
    for (int i = 0; i < items; i++) {
      colStart[i + 1] += colStart[i];
    }
    colUser = new int[reps.item.length];
    colValue = new float[reps.item.length];
    int[] fill = colStart.clone();
    for (int u = 0; u < users; u++) {
      for (int p = reps.start[u]; p < reps.start[u + 1]; p++) {
        int at = fill[reps.item[p]]++;
        colUser[at] = u;
        colValue[at] = reps.value[p];
      }
    }
    int nonEmpty = 0;
    for (int u = 0; u < users; u++) {
      if (reps.start[u + 1] > reps.start[u]) {
        nonEmpty++;
      }
    }
    byNorm = new int[nonEmpty];
    int k = 0;
    for (int u = 0; u < users; u++) {
      if (reps.start[u + 1] > reps.start[u]) {
        byNorm[k++] = u;
      }
    }
    double[] n2 = reps.norm2;
    IntArrays.mergeSort(byNorm, (a, b) -> n2[a] != n2[b] ? Double.compare(n2[a], n2[b]) : Integer.compare(a, b));
  }

  /** Number of customers who bought {@code item} (the popularity the model falls back on). */
  int buyers(int item) {
    return colStart[item + 1] - colStart[item];
  }

  /** Per-thread state of {@link #nearest}. */
  static final class Scratch {
    final float[] dot;
    final boolean[] seen;
    final int[] touched;
    final TopN top;

    Scratch(int users, int neighbors) {
      dot = new float[users];
      seen = new boolean[users];
      touched = new int[users];
      top = new TopN(neighbors);
    }
  }

  /**
   * Writes the nearest {@code k} customers of the representation {@code (items, values)} into {@code out}, nearest
   * first (ties by smaller index), and returns how many were found.
   *
   * @param self a customer to leave out (the query's own), or -1
   * @param norm2 the squared norm of the query representation
   */
  int nearest(int self, int[] items, float[] values, int from, int to, double norm2, int k, Scratch s, int[] out) {
    if (k == 0 || !(norm2 > 0)) {
      return 0;
    }
    int touchedCount = 0;
    for (int p = from; p < to; p++) {
      int i = items[p];
      float a = values[p];
      for (int c = colStart[i]; c < colStart[i + 1]; c++) {
        int v = colUser[c];
        if (v == self) {
          continue;
        }
        if (!s.seen[v]) {
          s.seen[v] = true;
          s.touched[touchedCount++] = v;
        }
        s.dot[v] += a * colValue[c];
      }
    }
    TopN top = s.top;
    top.reset(k);
    double[] n2 = reps.norm2;
    double qn = Math.sqrt(norm2);
    for (int t = 0; t < touchedCount; t++) {
      int v = s.touched[t];
      double d = s.dot[v];
      float score = measure == NeighborMeasure.COSINE
          ? (float) (d / (qn * Math.sqrt(n2[v])))
          : (float) -(norm2 + n2[v] - 2 * d);
      if (score >= top.threshold()) {
        top.offer(v, score);
      }
    }
    if (measure == NeighborMeasure.EUCLIDEAN) {
      for (int r = 0; r < byNorm.length; r++) {
        int v = byNorm[r];
        if (v == self || s.seen[v]) {
          continue;
        }
        float score = (float) -(norm2 + n2[v]);
        // Increasing norms give decreasing scores: once one cannot enter, none of the rest can.
        if (top.size() == k && score < top.threshold()) {
          break;
        }
        top.offer(v, score);
      }
    }
    for (int t = 0; t < touchedCount; t++) {
      int v = s.touched[t];
      s.seen[v] = false;
      s.dot[v] = 0;
    }
    return top.drainTo(out, null);
  }
}
