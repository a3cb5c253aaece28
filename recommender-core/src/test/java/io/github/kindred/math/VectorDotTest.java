package io.github.kindred.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The SIMD dot product against the scalar kernel. The build runs tests with the Vector API module added, so
 * {@link FactorScoring#dot} takes the vector path here; {@link FactorScoring#scalarDot} is the scalar kernel.
 */
class VectorDotTest {
  @Test
  void theTestJvmUsesTheVectorKernel() {
    assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).isPresent();
    assertThat(FactorScoring.VECTOR).isTrue();
  }

  @Test
  void handWorkedDotProductOfEveryLengthUpTo40() {
    // a = (1, 2, ..., n), b = (1, 1, ..., 1): the dot product is n (n + 1) / 2, exact in float for n <= 40.
    for (int n = 0; n <= 40; n++) {
      float[] a = new float[n + 3];
      float[] b = new float[n + 5];
      for (int i = 0; i < n; i++) {
        a[i + 3] = i + 1;
        b[i + 5] = 1f;
      }
      assertThat(FactorScoring.dot(a, 3, b, 5, n)).as("n = %d", n).isEqualTo(n * (n + 1) / 2f);
      assertThat(FactorScoring.scalarDot(a, 3, b, 5, n)).as("n = %d", n).isEqualTo(n * (n + 1) / 2f);
    }
  }

  @Test
  void bothKernelsAgreeWithTheExactSumOnRandomVectors() {
    SplittableRandom random = new SplittableRandom(17);
    for (int round = 0; round < 200; round++) {
      int n = random.nextInt(1, 130);
      float[] a = new float[n];
      float[] b = new float[n];
      double exact = 0;
      double magnitude = 0;
      for (int i = 0; i < n; i++) {
        a[i] = (float) random.nextGaussian();
        b[i] = (float) random.nextGaussian();
        exact += (double) a[i] * b[i];
        magnitude += Math.abs((double) a[i] * b[i]);
      }
      // each kernel sums in its own order: both are within n float roundings of the exact sum
      double bound = 2 * n * Math.ulp(1f) * magnitude + 1e-6;
      assertThat((double) FactorScoring.dot(a, 0, b, 0, n)).isCloseTo(exact, within(bound));
      assertThat((double) FactorScoring.scalarDot(a, 0, b, 0, n)).isCloseTo(exact, within(bound));
    }
  }
}
