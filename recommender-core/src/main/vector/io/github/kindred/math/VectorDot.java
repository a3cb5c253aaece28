package io.github.kindred.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The dot product on the incubating Vector API: one SIMD accumulator of the platform's preferred width (8 floats
 * with AVX2) and a fused multiply-add per lane group. Loaded only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (see {@link FactorScoring}); otherwise this class is never touched and
 * the scalar kernel runs. Stateless and thread-safe.
 */
final class VectorDot {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  private VectorDot() {}

  /** Whether the vector width is worth it (at least 4 lanes). */
  static boolean useful() {
    return SPECIES.length() >= 4;
  }

  static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
    int lanes = SPECIES.length();
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = FloatVector.zero(SPECIES);
    int f = 0;
    // Two accumulators, so that consecutive fused multiply-adds do not wait on each other.
    for (; f + 2 * lanes <= n; f += 2 * lanes) {
      acc0 = FloatVector.fromArray(SPECIES, a, aOff + f).fma(FloatVector.fromArray(SPECIES, b, bOff + f), acc0);
      acc1 = FloatVector.fromArray(SPECIES, a, aOff + f + lanes)
          .fma(FloatVector.fromArray(SPECIES, b, bOff + f + lanes), acc1);
    }
    for (; f + lanes <= n; f += lanes) {
      acc0 = FloatVector.fromArray(SPECIES, a, aOff + f).fma(FloatVector.fromArray(SPECIES, b, bOff + f), acc0);
    }
    float s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    for (; f < n; f++) {
      s += a[aOff + f] * b[bOff + f];
    }
    return s;
  }
}
