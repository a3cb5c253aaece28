package io.github.kindred.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sparse user-by-item matrix held in both compressed sparse row (CSR) and compressed sparse column (CSC) form.
 *
 * <p>Storage is four primitive arrays plus two pointer arrays: for the rows, {@code rowPointers} (users + 1),
 * {@code columnIndexes} and {@code values} (one entry per interaction, items ascending within a row); for the
 * columns, {@code columnPointers} (items + 1) and {@code rowIndexes} (users ascending within a column). That is
 * 12 bytes per stored interaction for both orientations together; values in column order are not stored but
 * computed on request by {@link #columnValues()}.
 *
 * <p>The accessor methods for the arrays return the matrix's own storage, without copying, for the hot loops of
 * trainers; callers must never modify them. Apart from that contract the matrix is immutable and safe to share
 * between threads. Every stored value is finite: the factories reject non-finite input and cells whose values
 * combine to a non-finite one.
 */
public final class InteractionMatrix {
  private final int rows;
  private final int columns;
  private final int[] rowPointers;
  private final int[] columnIndexes;
  private final float[] values;
  private final int[] columnPointers;
  private final int[] rowIndexes;

  private InteractionMatrix(int rows, int columns, int[] rowPointers, int[] columnIndexes, float[] values) {
    this.rows = rows;
    this.columns = columns;
    this.rowPointers = rowPointers;
    this.columnIndexes = columnIndexes;
    this.values = values;
    int nnz = columnIndexes.length;
    columnPointers = new int[columns + 1];
    for (int k = 0; k < nnz; k++) {
      columnPointers[columnIndexes[k] + 1]++;
    }
    for (int c = 0; c < columns; c++) {
      columnPointers[c + 1] += columnPointers[c];
    }
    rowIndexes = new int[nnz];
    int[] next = Arrays.copyOf(columnPointers, columns);
    for (int r = 0; r < rows; r++) {
      for (int k = rowPointers[r]; k < rowPointers[r + 1]; k++) {
        rowIndexes[next[columnIndexes[k]]++] = r;
      }
    }
  }

  /**
   * Builds a matrix from (row, column, value) triplets, combining repeated cells with {@code policy}.
   *
   * @param rows number of rows (users), at least every row index + 1
   * @param columns number of columns (items), at least every column index + 1
   * @param rowOf row index of each triplet
   * @param columnOf column index of each triplet
   * @param valueOf value of each triplet, finite
   * @param timeOf timestamp of each triplet (used by {@link DuplicatePolicy#LATEST}), or null for log order
   * @param policy how repeated cells are combined
   * @return the matrix; the triplet arrays are read, not kept
   * @throws IllegalArgumentException if the arrays differ in length, an index is out of range, a value is not
   *     finite or the values of a cell combine to a non-finite one
   * @throws NullPointerException if {@code policy} or a triplet array other than {@code timeOf} is null
   */
  public static InteractionMatrix of(
      int rows, int columns, int[] rowOf, int[] columnOf, float[] valueOf, long[] timeOf, DuplicatePolicy policy) {
    Objects.requireNonNull(policy, "policy");
    int n = rowOf.length;
    if (columnOf.length != n || valueOf.length != n || (timeOf != null && timeOf.length != n)) {
      throw new IllegalArgumentException("triplet arrays must have the same length");
    }
    if (rows < 0 || columns < 0) {
      throw new IllegalArgumentException("rows and columns must be >= 0, got " + rows + " x " + columns);
    }
    for (int i = 0; i < n; i++) {
      if (rowOf[i] < 0 || rowOf[i] >= rows) {
        throw new IllegalArgumentException("row index " + rowOf[i] + " of entry " + i + " not in [0, " + rows + ")");
      }
      if (columnOf[i] < 0 || columnOf[i] >= columns) {
        throw new IllegalArgumentException(
            "column index " + columnOf[i] + " of entry " + i + " not in [0, " + columns + ")");
      }
      if (!Float.isFinite(valueOf[i])) {
        throw new IllegalArgumentException("value of entry " + i + " is not finite: " + valueOf[i]);
      }
    }
    // Two stable counting sorts, by column and then by row, order the events by (row, column) with equal cells in
    // log order: O(n + rows + columns) with no comparator. (A comparator merge sort per row cost a copy of the
    // whole order array per row in fastutil, gigabytes for a quarter of a million events.)
    int[] byColumn = countingSort(identity(n), columnOf, columns);
    int[] order = countingSort(byColumn, rowOf, rows);
    int[] start = new int[rows + 1];
    for (int i = 0; i < n; i++) {
      start[rowOf[i] + 1]++;
    }
    for (int r = 0; r < rows; r++) {
      start[r + 1] += start[r];
    }
    int[] outPointers = new int[rows + 1];
    int[] outColumns = new int[n];
    float[] outValues = new float[n];
    int nnz = 0;
    for (int r = 0; r < rows; r++) {
      int from = start[r];
      int to = start[r + 1];
      int k = from;
      while (k < to) {
        int e = order[k];
        int column = columnOf[e];
        float v = valueOf[e];
        long cellTime = timeOf == null ? k : timeOf[e];
        k++;
        while (k < to && columnOf[order[k]] == column) {
          int e2 = order[k];
          long t2 = timeOf == null ? k : timeOf[e2];
          v = policy.combine(v, cellTime, valueOf[e2], t2);
          cellTime = Math.max(cellTime, t2);
          k++;
        }
        // Only SUM can leave the finite range (two values above Float.MAX_VALUE / 2); no trainer can use infinity.
        if (!Float.isFinite(v)) {
          throw new IllegalArgumentException("cell (row " + r + ", column " + column + ") combines to " + v
              + " with policy " + policy + "; scale the values down");
        }
        outColumns[nnz] = column;
        outValues[nnz] = v;
        nnz++;
      }
      outPointers[r + 1] = nnz;
    }
    return new InteractionMatrix(
        rows, columns, outPointers, Arrays.copyOf(outColumns, nnz), Arrays.copyOf(outValues, nnz));
  }

  private static int[] identity(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  /** Returns {@code events} stably reordered by {@code keyOf[event]}, keys in {@code [0, keys)}. */
  private static int[] countingSort(int[] events, int[] keyOf, int keys) {
    int[] next = new int[keys + 1];
    for (int e : events) {
      next[keyOf[e] + 1]++;
    }
    for (int k = 0; k < keys; k++) {
      next[k + 1] += next[k];
    }
    int[] out = new int[events.length];
    for (int e : events) {
      out[next[keyOf[e]]++] = e;
    }
    return out;
  }

  /**
   * Builds the matrix of a log: users by items, each cell the events' weighted values combined by {@code policy}.
   *
   * @param log the events; timestamps decide {@link DuplicatePolicy#LATEST}
   * @param policy how repeated cells are combined
   * @return a {@code log.users().size()} by {@code log.items().size()} matrix
   * @throws NullPointerException if an argument is null
   */
  public static InteractionMatrix of(InteractionLog log, DuplicatePolicy policy) {
    int n = log.size();
    int[] u = new int[n];
    int[] i = new int[n];
    float[] v = new float[n];
    long[] t = new long[n];
    for (int k = 0; k < n; k++) {
      u[k] = log.user(k);
      i[k] = log.item(k);
      v[k] = log.weightedValue(k);
      t[k] = log.timestamp(k);
    }
    return of(log.users().size(), log.items().size(), u, i, v, t, policy);
  }

  /** {@return a copy of this matrix with every stored value set to 1 (implicit, binary feedback)} */
  public InteractionMatrix binarized() {
    float[] ones = new float[values.length];
    Arrays.fill(ones, 1f);
    return new InteractionMatrix(rows, columns, rowPointers, columnIndexes, ones);
  }

  /** {@return number of rows (users)} */
  public int rows() {
    return rows;
  }

  /** {@return number of columns (items)} */
  public int columns() {
    return columns;
  }

  /** {@return number of stored cells (distinct user-item pairs)} */
  public int nnz() {
    return columnIndexes.length;
  }

  /**
   * {@return the number of stored cells in row {@code r} (the user's distinct items)}
   *
   * @param r the row, in [0, {@link #rows()})
   */
  public int rowSize(int r) {
    return rowPointers[r + 1] - rowPointers[r];
  }

  /**
   * {@return the number of stored cells in column {@code c} (the item's distinct users)}
   *
   * @param c the column, in [0, {@link #columns()})
   */
  public int columnSize(int c) {
    return columnPointers[c + 1] - columnPointers[c];
  }

  /**
   * Row pointers: row {@code r} occupies positions {@code [p[r], p[r+1])} of {@link #columnIndexes()} and
   * {@link #values()}.
   *
   * @return the internal array of {@code rows() + 1} entries, not a copy: do not modify
   */
  public int[] rowPointers() {
    return rowPointers;
  }

  /**
   * Column index of every stored cell in row order, ascending within a row.
   *
   * @return the internal array of {@link #nnz()} entries, not a copy: do not modify
   */
  public int[] columnIndexes() {
    return columnIndexes;
  }

  /**
   * Value of every stored cell in row order, aligned with {@link #columnIndexes()}.
   *
   * @return the internal array of {@link #nnz()} entries, not a copy: do not modify
   */
  public float[] values() {
    return values;
  }

  /**
   * Column pointers: column {@code c} occupies positions {@code [p[c], p[c+1])} of {@link #rowIndexes()} and
   * {@link #columnValues()}.
   *
   * @return the internal array of {@code columns() + 1} entries, not a copy: do not modify
   */
  public int[] columnPointers() {
    return columnPointers;
  }

  /**
   * Row index of every stored cell in column order, ascending within a column.
   *
   * @return the internal array of {@link #nnz()} entries, not a copy: do not modify
   */
  public int[] rowIndexes() {
    return rowIndexes;
  }

  /**
   * Returns a new array with the value of every stored cell in column order (aligned with {@link #rowIndexes()}).
   * Costs one pass over the matrix and {@code 4 * nnz()} bytes; trainers that need it call it once.
   *
   * @return a new array of {@link #nnz()} values, owned by the caller
   */
  public float[] columnValues() {
    float[] out = new float[values.length];
    int[] next = Arrays.copyOf(columnPointers, columns);
    for (int r = 0; r < rows; r++) {
      for (int k = rowPointers[r]; k < rowPointers[r + 1]; k++) {
        out[next[columnIndexes[k]]++] = values[k];
      }
    }
    return out;
  }

  /**
   * Returns the value at ({@code r}, {@code c}). O(log row size).
   *
   * @param r the row, in [0, {@link #rows()})
   * @param c the column, in [0, {@link #columns()})
   * @return the stored value, or 0 if the cell is not stored
   * @throws IndexOutOfBoundsException if {@code r} or {@code c} is out of range
   */
  public float get(int r, int c) {
    Objects.checkIndex(r, rows);
    Objects.checkIndex(c, columns);
    int k = Arrays.binarySearch(columnIndexes, rowPointers[r], rowPointers[r + 1], c);
    return k >= 0 ? values[k] : 0f;
  }

  /**
   * Returns whether cell ({@code r}, {@code c}) is stored (an interaction, even one of value 0). O(log row size).
   *
   * @param r the row, in [0, {@link #rows()})
   * @param c the column
   * @return true if the cell is stored
   */
  public boolean contains(int r, int c) {
    return Arrays.binarySearch(columnIndexes, rowPointers[r], rowPointers[r + 1], c) >= 0;
  }

  /**
   * {@return a copy of the column indexes of row {@code r}, ascending}
   *
   * @param r the row, in [0, {@link #rows()})
   */
  public int[] row(int r) {
    return Arrays.copyOfRange(columnIndexes, rowPointers[r], rowPointers[r + 1]);
  }

  /**
   * {@return a copy of the values of row {@code r}, aligned with {@link #row(int)}}
   *
   * @param r the row, in [0, {@link #rows()})
   */
  public float[] rowValues(int r) {
    return Arrays.copyOfRange(values, rowPointers[r], rowPointers[r + 1]);
  }

  /**
   * {@return a copy of the row indexes of column {@code c}, ascending}
   *
   * @param c the column, in [0, {@link #columns()})
   */
  public int[] column(int c) {
    return Arrays.copyOfRange(rowIndexes, columnPointers[c], columnPointers[c + 1]);
  }

  /** {@return the bytes held by the five stored arrays, 4 per entry (array headers excluded)} */
  public long memoryBytes() {
    return 4L * (rowPointers.length + columnIndexes.length + values.length + columnPointers.length
        + rowIndexes.length);
  }

  /** {@return the transpose (items by users) as a new matrix} */
  public InteractionMatrix transpose() {
    return new InteractionMatrix(columns, rows, columnPointers, rowIndexes, columnValues());
  }

  @Override
  public String toString() {
    return "InteractionMatrix[" + rows + " x " + columns + ", nnz=" + nnz() + "]";
  }
}
