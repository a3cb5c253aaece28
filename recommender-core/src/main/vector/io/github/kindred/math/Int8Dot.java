package io.github.kindred.math;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The int8 code dot product on the incubating Vector API: codes widened to int lanes of the platform's preferred
 * width (8 with AVX2, 16 with AVX-512; the codes' longs reinterpreted as bytes, one {@code vpmovsxbd}), multiplied by the query's int codes and summed
 * in two vector accumulators, so that consecutive adds do not wait on each other. Exact: every product is at most
 * {@code 127^2} and a row of up to 133,000 of them stays inside an int. Loaded only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (see {@link Int8ItemFactors}). Stateless and thread-safe.
 */
final class Int8Dot {
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
  /** As many packed codes (8 to a long) as {@link #INTS} has lanes. */
  private static final VectorSpecies<Long> WORDS =
      VectorSpecies.of(long.class, VectorShape.forBitSize(INTS.vectorBitSize() / 4));

  private Int8Dot() {}

  /** Whether the vector width is worth it (at least 8 int lanes). */
  static boolean useful() {
    return INTS.length() >= 8;
  }

  /**
   * The code dot product of the row starting at word {@code word} of {@code codes} (signed codes, eight to a long,
   * little-endian) with the first {@code n} query codes; {@code n} is a multiple of 8.
   */
  static int dot(long[] codes, int word, int[] query, int n) {
    int lanes = INTS.length();
    IntVector acc0 = IntVector.zero(INTS);
    IntVector acc1 = IntVector.zero(INTS);
    int d = 0;
    for (; d + 2 * lanes <= n; d += 2 * lanes) {
      acc0 = acc0.add(widen(codes, word + (d >>> 3)).mul(IntVector.fromArray(INTS, query, d)));
      acc1 = acc1.add(widen(codes, word + ((d + lanes) >>> 3)).mul(IntVector.fromArray(INTS, query, d + lanes)));
    }
    for (; d + lanes <= n; d += lanes) {
      acc0 = acc0.add(widen(codes, word + (d >>> 3)).mul(IntVector.fromArray(INTS, query, d)));
    }
    int sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    for (; d < n; d++) {
      sum += (byte) (codes[word + (d >>> 3)] >>> (8 * (d & 7))) * query[d];
    }
    return sum;
  }

  /** The codes of {@code lanes / 8} words from {@code word}, as ints (the byte order of a long is little-endian). */
  private static IntVector widen(long[] codes, int word) {
    return (IntVector) LongVector.fromArray(WORDS, codes, word).reinterpretAsBytes()
        .convertShape(VectorOperators.B2I, INTS, 0);
  }
}
