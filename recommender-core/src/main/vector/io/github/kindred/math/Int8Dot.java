package io.github.kindred.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The int8 block kernel on the incubating Vector API. {@link Int8ItemFactors} stores its codes in blocks of 16
 * items, dimension-major within a block (the 16 codes of dimension {@code d} are the two longs at word
 * {@code 2 (block D + d)}), so that the 16 scores of a block accumulate in int lanes: per dimension, one load of the
 * block's codes, one sign extension to int lanes ({@code vpmovsxbd}), one multiply by the broadcast query code and
 * one add. No per-item horizontal reduction; the per-item scales are applied as one vector multiply at the end, and
 * one vector compare says whether any of the 16 scores can enter the top N. With AVX-512 one 16-lane vector holds
 * the block; with AVX2 two 8-lane vectors do.
 *
 * <p>Exact: every product is at most {@code 127^2} and a lane sums at most 65,536 of them (the limit
 * {@link Int8ItemFactors#quantize} enforces), inside an int. Loaded only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (see {@link Int8ItemFactors}). Stateless and thread-safe.
 */
final class Int8Dot {
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> FLOATS =
      VectorSpecies.of(float.class, VectorShape.forBitSize(INTS.vectorBitSize()));
  /** As many packed codes (8 to a long) as {@link #INTS} has lanes: 2 longs with AVX-512, 1 with AVX2. */
  private static final VectorSpecies<Long> WORDS =
      VectorSpecies.of(long.class, VectorShape.forBitSize(INTS.vectorBitSize() / 4));
  /** Items per block, as in {@link Int8ItemFactors}. */
  private static final int BLOCK = 16;

  private Int8Dot() {}

  /** Whether the vector width fits the 16-item block (8 or 16 int lanes). */
  static boolean useful() {
    return INTS.length() == 8 || INTS.length() == 16;
  }

  /**
   * Writes the scores {@code scales[i] userScale (float) sum_d q_d c_id} of the 16 items of {@code block} into
   * {@code out[0..16)} and returns whether any of them is at least {@code threshold}. The product is formed in the
   * same order as the scalar kernel's, so the scores are equal bit for bit.
   */
  static boolean scores(long[] codes, int block, int dims, int[] query, float[] scales, float userScale,
      float threshold, float[] out) {
    int lanes = INTS.length();
    boolean any = false;
    for (int g = 0; g < BLOCK; g += lanes) {
      IntVector dot = accumulate(codes, 2 * block * dims + (g >>> 3), dims, query);
      FloatVector s = FloatVector.fromArray(FLOATS, scales, block * BLOCK + g).mul(userScale)
          .mul((FloatVector) dot.convert(VectorOperators.I2F, 0));
      s.intoArray(out, g);
      any |= s.compare(VectorOperators.GE, threshold).anyTrue();
    }
    return any;
  }

  /** Writes the exact code dot products {@code sum_d q_d c_id} of the 16 items of {@code block} into {@code out}. */
  static void dots(long[] codes, int block, int dims, int[] query, int[] out) {
    for (int g = 0; g < BLOCK; g += INTS.length()) {
      accumulate(codes, 2 * block * dims + (g >>> 3), dims, query).intoArray(out, g);
    }
  }

  /**
   * The code dot products of one lane group: the {@code lanes} items whose codes of dimension {@code d} are at word
   * {@code word + 2 d}. Two accumulators (even and odd dimensions), so that consecutive adds do not wait on each
   * other.
   */
  private static IntVector accumulate(long[] codes, int word, int dims, int[] query) {
    IntVector acc0 = IntVector.zero(INTS);
    IntVector acc1 = IntVector.zero(INTS);
    int d = 0;
    for (; d + 2 <= dims; d += 2) {
      acc0 = acc0.add(widen(codes, word + 2 * d).mul(query[d]));
      acc1 = acc1.add(widen(codes, word + 2 * d + 2).mul(query[d + 1]));
    }
    if (d < dims) {
      acc0 = acc0.add(widen(codes, word + 2 * d).mul(query[d]));
    }
    return acc0.add(acc1);
  }

  /** The codes of {@code lanes / 8} words from {@code word}, as ints (the byte order of a long is little-endian). */
  private static IntVector widen(long[] codes, int word) {
    return (IntVector) LongVector.fromArray(WORDS, codes, word).reinterpretAsBytes()
        .convertShape(VectorOperators.B2I, INTS, 0);
  }
}
