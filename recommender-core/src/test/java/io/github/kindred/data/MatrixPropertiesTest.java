package io.github.kindred.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based checks of the sparse matrix and the id index on random inputs, against naive map-based reference
 * computations: CSR and CSC describe the same cells, duplicates are combined as each policy says, and ids round-trip.
 */
class MatrixPropertiesTest {

  /** Random (row, column, value, time) triplets over a small matrix, so that repeated cells are common. */
  record Triplets(int rows, int columns, int[] row, int[] column, float[] value, long[] time) {
    @Override
    public String toString() {
      return "Triplets[" + rows + "x" + columns + ", n=" + row.length + "]";
    }
  }

  @Provide
  Arbitrary<Triplets> triplets() {
    Arbitrary<Integer> dims = Arbitraries.integers().between(1, 12);
    return Combinators.combine(dims, dims, Arbitraries.integers().between(0, 80)).flatAs((rows, columns, n) -> {
      Arbitrary<int[]> r = Arbitraries.integers().between(0, rows - 1).array(int[].class).ofSize(n);
      Arbitrary<int[]> c = Arbitraries.integers().between(0, columns - 1).array(int[].class).ofSize(n);
      // Values in quarter steps keep sums exact, so SUM can be compared without a tolerance.
      Arbitrary<float[]> v = Arbitraries.integers().between(-20, 20).map(x -> x / 4f).array(float[].class)
          .ofSize(n);
      // Few distinct timestamps, so that LATEST has ties to break by log order.
      Arbitrary<long[]> t = Arbitraries.longs().between(0, 4).array(long[].class).ofSize(n);
      return Combinators.combine(r, c, v, t).as((ra, ca, va, ta) -> new Triplets(rows, columns, ra, ca, va, ta));
    });
  }

  @Property(tries = 200)
  void csrAndCscHoldTheSameCellsWithSortedIndexes(@ForAll("triplets") Triplets t) {
    InteractionMatrix m = InteractionMatrix.of(t.rows, t.columns, t.row, t.column, t.value, t.time,
        DuplicatePolicy.SUM);
    assertThat(m.rows()).isEqualTo(t.rows);
    assertThat(m.columns()).isEqualTo(t.columns);
    assertThat(m.rowPointers()).hasSize(t.rows + 1);
    assertThat(m.columnPointers()).hasSize(t.columns + 1);
    assertThat(m.rowIndexes()).hasSize(m.nnz());
    Map<Long, Float> csr = new HashMap<>();
    for (int r = 0; r < t.rows; r++) {
      int[] cols = m.row(r);
      float[] vals = m.rowValues(r);
      for (int k = 0; k < cols.length; k++) {
        if (k > 0) {
          assertThat(cols[k]).as("columns of row %d strictly ascending", r).isGreaterThan(cols[k - 1]);
        }
        csr.put(cell(r, cols[k]), vals[k]);
      }
    }
    Map<Long, Float> csc = new HashMap<>();
    float[] columnValues = m.columnValues();
    int[] cp = m.columnPointers();
    int[] ri = m.rowIndexes();
    for (int c = 0; c < t.columns; c++) {
      assertThat(m.columnSize(c)).isEqualTo(cp[c + 1] - cp[c]);
      for (int k = cp[c]; k < cp[c + 1]; k++) {
        if (k > cp[c]) {
          assertThat(ri[k]).as("rows of column %d strictly ascending", c).isGreaterThan(ri[k - 1]);
        }
        csc.put(cell(ri[k], c), columnValues[k]);
      }
    }
    assertThat(csr).hasSize(m.nnz()).isEqualTo(csc);
    Set<Long> distinct = new java.util.HashSet<>();
    for (int i = 0; i < t.row.length; i++) {
      distinct.add(cell(t.row[i], t.column[i]));
    }
    assertThat(csr.keySet()).isEqualTo(distinct);
    for (Map.Entry<Long, Float> e : csr.entrySet()) {
      int r = (int) (e.getKey() >>> 32);
      int c = (int) (long) e.getKey();
      assertThat(m.get(r, c)).isEqualTo(e.getValue());
      assertThat(m.contains(r, c)).isTrue();
    }
    InteractionMatrix tr = m.transpose();
    for (int c = 0; c < t.columns; c++) {
      assertThat(tr.row(c)).isEqualTo(m.column(c));
    }
  }

  @Property(tries = 200)
  void duplicatePoliciesMatchANaiveReference(@ForAll("triplets") Triplets t) {
    for (DuplicatePolicy policy : DuplicatePolicy.values()) {
      for (boolean withTime : new boolean[] {true, false}) {
        long[] time = withTime ? t.time : null;
        InteractionMatrix m = InteractionMatrix.of(t.rows, t.columns, t.row, t.column, t.value, time, policy);
        Map<Long, Float> expected = naive(t, time, policy);
        assertThat(m.nnz()).isEqualTo(expected.size());
        for (Map.Entry<Long, Float> e : expected.entrySet()) {
          int r = (int) (e.getKey() >>> 32);
          int c = (int) (long) e.getKey();
          assertThat(m.get(r, c)).as("%s cell (%d,%d), time %s", policy, r, c, withTime).isEqualTo(e.getValue());
        }
      }
    }
  }

  /** Reference: walk the triplets in log order and keep, per cell, the running combination the policy defines. */
  private static Map<Long, Float> naive(Triplets t, long[] time, DuplicatePolicy policy) {
    Map<Long, Float> value = new LinkedHashMap<>();
    Map<Long, Long> latest = new HashMap<>();
    for (int i = 0; i < t.row.length; i++) {
      long key = cell(t.row[i], t.column[i]);
      float v = t.value[i];
      long when = time == null ? i : time[i];
      Float old = value.get(key);
      if (old == null) {
        value.put(key, v);
        latest.put(key, when);
        continue;
      }
      switch (policy) {
        case SUM -> value.put(key, old + v);
        case MAX -> value.put(key, Math.max(old, v));
        case LATEST -> {
          // A later event in the log wins a tie on time.
          if (when >= latest.get(key)) {
            value.put(key, v);
            latest.put(key, when);
          }
        }
        default -> throw new AssertionError(policy);
      }
    }
    return value;
  }

  private static long cell(int r, int c) {
    return ((long) r << 32) | (c & 0xffffffffL);
  }

  @Provide
  Arbitrary<List<String>> idStreams() {
    // A small alphabet so that repeats are common; ids may contain separators and non-ASCII characters.
    return Arbitraries.strings().withChars("ab,;é\t1").ofMinLength(1).ofMaxLength(3).list().ofMaxSize(60);
  }

  @Property(tries = 200)
  void idIndexesRoundTripInOrderOfFirstAppearance(@ForAll("idStreams") List<String> stream) {
    IdIndex.Builder b = new IdIndex.Builder();
    List<String> firstSeen = new ArrayList<>();
    for (String id : stream) {
      int index = b.add(id);
      if (!firstSeen.contains(id)) {
        firstSeen.add(id);
      }
      assertThat(index).isEqualTo(firstSeen.indexOf(id));
    }
    IdIndex index = b.build();
    assertThat(index.ids()).containsExactlyElementsOf(firstSeen);
    for (int i = 0; i < index.size(); i++) {
      assertThat(index.indexOf(index.idOf(i))).isEqualTo(i);
      assertThat(index.require(index.idOf(i), "user")).isEqualTo(i);
    }
    assertThat(IdIndex.of(firstSeen.toArray(String[]::new))).isEqualTo(index);
    assertThat(index.toBuilder().build()).isEqualTo(index);
    assertThat(index.indexOf("never-added-id")).isEqualTo(-1);
  }
}
