package io.github.kindred.graph;

import java.util.Arrays;

/**
 * The degree-normalised user-item matrix {@code R~ = Du^-1/2 R Di^-1/2} of a binary interaction matrix {@code R},
 * held as its structure only: entry {@code (u, i)} of {@code R~} is {@code userScale[u] * itemScale[i]} with
 * {@code userScale = du^-1/2} and {@code itemScale = di^-1/2} (0 for an empty row or column), so no value array
 * is stored. Both orientations are kept: CSR for passes over users, CSC for passes over items.
 *
 * <p>Immutable after construction (callers must not modify the arrays) and safe to share between threads; the
 * products write only into caller-supplied outputs.
 */
final class NormalizedGraph {
  final int users;
  final int items;
  final int[] rowPointers;
  final int[] columns;
  final int[] columnPointers;
  final int[] rows;
  /** {@code du^-1/2} per user, 0 for a user with no items. */
  final double[] userScale;
  /** {@code di^-1/2} per item, 0 for an item with no users. */
  final double[] itemScale;

  /**
   * Builds the graph of the CSR structure {@code rowPointers}/{@code columns} (users x items, each cell once),
   * computing the column orientation. The arrays are referenced, not copied.
   */
  NormalizedGraph(int users, int items, int[] rowPointers, int[] columns) {
    this.users = users;
    this.items = items;
    this.rowPointers = rowPointers;
    this.columns = columns;
    int nnz = columns.length;
    columnPointers = new int[items + 1];
    for (int c : columns) {
      columnPointers[c + 1]++;
    }
    for (int c = 0; c < items; c++) {
      columnPointers[c + 1] += columnPointers[c];
    }
    rows = new int[nnz];
    int[] next = Arrays.copyOf(columnPointers, items);
    for (int u = 0; u < users; u++) {
      for (int p = rowPointers[u]; p < rowPointers[u + 1]; p++) {
        rows[next[columns[p]]++] = u;
      }
    }
    userScale = new double[users];
    for (int u = 0; u < users; u++) {
      int d = rowPointers[u + 1] - rowPointers[u];
      userScale[u] = d == 0 ? 0 : 1 / Math.sqrt(d);
    }
    itemScale = new double[items];
    for (int i = 0; i < items; i++) {
      int d = columnPointers[i + 1] - columnPointers[i];
      itemScale[i] = d == 0 ? 0 : 1 / Math.sqrt(d);
    }
  }

  /** Number of stored cells. */
  int nnz() {
    return columns.length;
  }

  /**
   * Rows {@code [from, to)} of {@code out = R~ q}: {@code q} is {@code items x width} and {@code out}
   * {@code users x width}, both row-major.
   */
  void multiply(double[] q, int width, double[] out, int from, int to) {
    for (int u = from; u < to; u++) {
      int o = u * width;
      Arrays.fill(out, o, o + width, 0);
      for (int p = rowPointers[u]; p < rowPointers[u + 1]; p++) {
        int i = columns[p];
        double s = itemScale[i];
        for (int c = 0, off = i * width; c < width; c++) {
          out[o + c] += s * q[off + c];
        }
      }
      double s = userScale[u];
      for (int c = 0; c < width; c++) {
        out[o + c] *= s;
      }
    }
  }

  /**
   * Rows {@code [from, to)} of {@code out = R~' z}: {@code z} is {@code users x width} and {@code out}
   * {@code items x width}, both row-major.
   */
  void multiplyTransposed(double[] z, int width, double[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      int o = i * width;
      Arrays.fill(out, o, o + width, 0);
      for (int p = columnPointers[i]; p < columnPointers[i + 1]; p++) {
        int u = rows[p];
        double s = userScale[u];
        for (int c = 0, off = u * width; c < width; c++) {
          out[o + c] += s * z[off + c];
        }
      }
      double s = itemScale[i];
      for (int c = 0; c < width; c++) {
        out[o + c] *= s;
      }
    }
  }
}
