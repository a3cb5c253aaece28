package io.github.kindred.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InteractionMatrixTest {
  /*
   * The hand-made example, 3 users by 4 items:
   *   row 0: [0 2 0 1]
   *   row 1: [5 0 0 0]
   *   row 2: [0 3 4 6]
   * given as triplets in a shuffled order.
   */
  private static InteractionMatrix example() {
    int[] rows = {2, 0, 1, 2, 0, 2};
    int[] columns = {3, 1, 0, 1, 3, 2};
    float[] values = {6, 2, 5, 3, 1, 4};
    return InteractionMatrix.of(3, 4, rows, columns, values, null, DuplicatePolicy.SUM);
  }

  @Test
  void csrHoldsRowsWithAscendingColumns() {
    InteractionMatrix m = example();
    assertThat(m.rows()).isEqualTo(3);
    assertThat(m.columns()).isEqualTo(4);
    assertThat(m.nnz()).isEqualTo(6);
    assertThat(m.rowPointers()).containsExactly(0, 2, 3, 6);
    assertThat(m.columnIndexes()).containsExactly(1, 3, 0, 1, 2, 3);
    assertThat(m.values()).containsExactly(2, 1, 5, 3, 4, 6);
  }

  @Test
  void cscHoldsColumnsWithAscendingRowsAlignedWithColumnValues() {
    InteractionMatrix m = example();
    assertThat(m.columnPointers()).containsExactly(0, 1, 3, 4, 6);
    assertThat(m.rowIndexes()).containsExactly(1, 0, 2, 2, 0, 2);
    assertThat(m.columnValues()).containsExactly(5, 2, 3, 4, 1, 6);
  }

  @Test
  void csrAndCscDescribeTheSameCells() {
    InteractionMatrix m = example();
    float[] columnValues = m.columnValues();
    int seen = 0;
    for (int c = 0; c < m.columns(); c++) {
      for (int k = m.columnPointers()[c]; k < m.columnPointers()[c + 1]; k++) {
        assertThat(m.get(m.rowIndexes()[k], c)).isEqualTo(columnValues[k]);
        seen++;
      }
    }
    assertThat(seen).isEqualTo(m.nnz());
  }

  @Test
  void getContainsAndRowAccessors() {
    InteractionMatrix m = example();
    float[][] dense = {{0, 2, 0, 1}, {5, 0, 0, 0}, {0, 3, 4, 6}};
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        assertThat(m.get(r, c)).isEqualTo(dense[r][c]);
        assertThat(m.contains(r, c)).isEqualTo(dense[r][c] != 0);
      }
    }
    assertThat(m.row(2)).containsExactly(1, 2, 3);
    assertThat(m.rowValues(2)).containsExactly(3, 4, 6);
    assertThat(m.column(3)).containsExactly(0, 2);
    assertThat(m.rowSize(1)).isEqualTo(1);
    assertThat(m.columnSize(1)).isEqualTo(2);
    assertThat(m.columnSize(0)).isEqualTo(1);
    assertThatThrownBy(() -> m.get(3, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> m.get(0, 4)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void transposeSwapsRowsAndColumns() {
    InteractionMatrix t = example().transpose();
    assertThat(t.rows()).isEqualTo(4);
    assertThat(t.columns()).isEqualTo(3);
    assertThat(t.rowPointers()).containsExactly(0, 1, 3, 4, 6);
    assertThat(t.columnIndexes()).containsExactly(1, 0, 2, 2, 0, 2);
    assertThat(t.values()).containsExactly(5, 2, 3, 4, 1, 6);
    assertThat(t.columnPointers()).containsExactly(0, 2, 3, 6);
    assertThat(t.rowIndexes()).containsExactly(1, 3, 0, 1, 2, 3);
    InteractionMatrix back = t.transpose();
    assertThat(back.values()).containsExactly(example().values());
    assertThat(back.columnIndexes()).containsExactly(example().columnIndexes());
  }

  @Test
  void emptyRowsAndColumnsHaveEqualPointers() {
    InteractionMatrix m = InteractionMatrix.of(3, 3, new int[] {2}, new int[] {0}, new float[] {1}, null,
        DuplicatePolicy.SUM);
    assertThat(m.rowPointers()).containsExactly(0, 0, 0, 1);
    assertThat(m.columnPointers()).containsExactly(0, 1, 1, 1);
    assertThat(m.row(0)).isEmpty();
    assertThat(m.column(2)).isEmpty();
  }

  @Test
  void cellsCostExactlyTwelveBytesOnAGeneratedMatrix() {
    SplittableRandom random = new SplittableRandom(7);
    int users = 300;
    int items = 500;
    int n = 20_000;
    int[] u = new int[n];
    int[] i = new int[n];
    float[] v = new float[n];
    for (int k = 0; k < n; k++) {
      u[k] = random.nextInt(users);
      i[k] = random.nextInt(items);
      v[k] = 1 + random.nextInt(5);
    }
    InteractionMatrix m = InteractionMatrix.of(users, items, u, i, v, null, DuplicatePolicy.SUM);
    int nnz = m.nnz();
    assertThat(nnz).isLessThan(n).isGreaterThan(n / 2);
    long cellBytes = 4L * m.columnIndexes().length + 4L * m.values().length + 4L * m.rowIndexes().length;
    assertThat(cellBytes).isEqualTo(12L * nnz);
    long pointerBytes = 4L * m.rowPointers().length + 4L * m.columnPointers().length;
    assertThat(pointerBytes).isEqualTo(4L * (users + 1) + 4L * (items + 1));
    assertThat(m.memoryBytes()).isEqualTo(cellBytes + pointerBytes);
  }

  @Test
  void binarizedKeepsTheCellsWithValueOne() {
    InteractionMatrix b = example().binarized();
    assertThat(b.values()).containsOnly(1f).hasSize(6);
    assertThat(b.columnIndexes()).containsExactly(example().columnIndexes());
  }

  @Test
  void invalidTripletsFailNamingTheEntry() {
    int[] one = {0};
    float[] value = {1};
    assertThatThrownBy(() -> InteractionMatrix.of(1, 1, new int[] {1}, one, value, null, DuplicatePolicy.SUM))
        .hasMessage("row index 1 of entry 0 not in [0, 1)");
    assertThatThrownBy(() -> InteractionMatrix.of(1, 1, new int[] {0}, new int[] {-1}, value, null,
        DuplicatePolicy.SUM)).hasMessage("column index -1 of entry 0 not in [0, 1)");
    assertThatThrownBy(() -> InteractionMatrix.of(1, 1, one, new int[] {0}, new float[] {Float.NaN}, null,
        DuplicatePolicy.SUM)).hasMessage("value of entry 0 is not finite: NaN");
    assertThatThrownBy(() -> InteractionMatrix.of(1, 1, one, new int[] {0, 0}, value, null, DuplicatePolicy.SUM))
        .hasMessage("triplet arrays must have the same length");
  }

  @Test
  void aSumBeyondTheFloatRangeIsRejectedNamingTheCell() {
    // 3e38 + 3e38 = 6e38 > Float.MAX_VALUE (3.4e38): the sum is +Infinity, which every trainer would spread into NaN.
    float[] big = {1, 3e38f, 3e38f};
    int[] rows = {0, 1, 1};
    int[] columns = {0, 2, 2};
    assertThatThrownBy(() -> InteractionMatrix.of(2, 3, rows, columns, big, null, DuplicatePolicy.SUM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cell (row 1, column 2) combines to Infinity with policy SUM; scale the values down");
    // MAX keeps the larger, finite value.
    assertThat(InteractionMatrix.of(2, 3, rows, columns, big, null, DuplicatePolicy.MAX).get(1, 2)).isEqualTo(3e38f);
  }
}
