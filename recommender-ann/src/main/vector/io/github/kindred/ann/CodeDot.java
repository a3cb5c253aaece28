package io.github.kindred.ann;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The graph walk's int8 code dot product on the incubating Vector API: per row, the codes are loaded a lane group
 * at a time (16 bytes with AVX-512, 8 with AVX2), sign-extended to int lanes ({@code vpmovsxbd}), multiplied by the
 * query's int codes and summed in one int vector, reduced across lanes once per row. At 64 dimensions and 16 lanes
 * a row is four loads, four multiplies and four adds; C2 on JDK 17 does not vectorise the scalar loop of
 * {@link ItemCodes}, whose byte-to-int widening and int sum it leaves at one element per step.
 *
 * <p>Exact, and equal to the scalar loop for every input: int multiplication and addition are the ring operations
 * modulo 2^32, so the order of the terms cannot change the sum. Loaded only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (see {@link ItemCodes}). Stateless and thread-safe.
 */
final class CodeDot {
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
  /** As many bytes as {@link #INTS} has lanes. */
  private static final VectorSpecies<Byte> BYTES =
      VectorSpecies.of(byte.class, VectorShape.forBitSize(INTS.vectorBitSize() / 4));

  private CodeDot() {}

  /** Whether the platform has at least 8 int lanes (AVX2 or wider); narrower vectors do not beat the scalar loop. */
  static boolean useful() {
    return INTS.length() >= 8;
  }

  /** Returns {@code sum_f q[f] codes[off + f]} over {@code f < dims}. */
  static int dot(byte[] codes, int off, int[] q, int dims) {
    int lanes = INTS.length();
    IntVector acc = IntVector.zero(INTS);
    int f = 0;
    for (; f + lanes <= dims; f += lanes) {
      acc = acc.add(widen(codes, off + f).mul(IntVector.fromArray(INTS, q, f)));
    }
    int sum = acc.reduceLanes(VectorOperators.ADD);
    for (; f < dims; f++) {
      sum += q[f] * codes[off + f];
    }
    return sum;
  }

  /**
   * Writes the dot product of {@code q} with row {@code rows[k]} (rows {@code dims} long) into {@code out[k]}, for
   * {@code k < count}: the fresh neighbours of one expanded node in one call.
   */
  static void dots(byte[] codes, int dims, int[] q, int[] rows, int count, int[] out) {
    for (int k = 0; k < count; k++) {
      out[k] = dot(codes, rows[k] * dims, q, dims);
    }
  }

  /** {@code lanes} codes from {@code off}, sign-extended to ints. */
  private static IntVector widen(byte[] codes, int off) {
    return (IntVector) ByteVector.fromArray(BYTES, codes, off).convertShape(VectorOperators.B2I, INTS, 0);
  }
}
