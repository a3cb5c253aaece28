package io.github.kindred.ann;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The walk's code dot products against a sum written here, in long arithmetic. The build runs this class twice:
 * with {@code --add-modules jdk.incubator.vector} (ItemCodes on the Vector API kernel) and on a plain JVM (on its
 * scalar loop); both must give the exact sums.
 */
class CodeDotTest {
  private static final int[] DIMENSIONS = {1, 7, 15, 16, 17, 31, 33, 48, 63, 64, 65, 100, 128};

  @Test
  void theKernelIsTheVectorOneExactlyWhenTheModuleIsThere() {
    boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    boolean enabled = !"false".equalsIgnoreCase(System.getProperty("kindred.vector"));
    // this machine has AVX-512 (16 int lanes), so the kernel's own platform check passes
    assertThat(ItemCodes.VECTOR).isEqualTo(module && enabled);
  }

  @Test
  void randomRowsEqualTheLongSum() {
    SplittableRandom random = new SplittableRandom(17);
    for (int dims : DIMENSIONS) {
      int items = 40;
      byte[] codes = new byte[items * dims];
      float[] scales = new float[items];
      for (int i = 0; i < codes.length; i++) {
        codes[i] = (byte) random.nextInt(-127, 128);
      }
      for (int i = 0; i < items; i++) {
        scales[i] = (float) random.nextDouble(0.001, 2);
      }
      ItemCodes itemCodes = new ItemCodes(codes, scales, dims);
      int[] q = new int[dims];
      for (int f = 0; f < dims; f++) {
        q[f] = random.nextInt(-32767, 32768);
      }
      int[] rows = new int[items];
      for (int k = 0; k < items; k++) {
        rows[k] = random.nextInt(items);
        long expected = longDot(q, codes, rows[k] * dims, dims);
        assertThat((long) itemCodes.dot(q, rows[k])).as("dims %d row %d", dims, rows[k]).isEqualTo(expected);
        assertThat((long) itemCodes.scalarDot(q, rows[k])).isEqualTo(expected);
      }
      assertBatchScores(itemCodes, q, rows, codes, scales, dims);
    }
  }

  @Test
  void extremeCodesGiveTheHandWorkedSums() {
    for (int dims : DIMENSIONS) {
      // row 0: all +127; row 1: all -127; row 2: +127, -127, +127, ... ; the query: all +32767
      byte[] codes = new byte[3 * dims];
      for (int f = 0; f < dims; f++) {
        codes[f] = 127;
        codes[dims + f] = -127;
        codes[2 * dims + f] = (byte) (f % 2 == 0 ? 127 : -127);
      }
      int[] q = new int[dims];
      Arrays.fill(q, 32767);
      ItemCodes itemCodes = new ItemCodes(codes, new float[] {1f, 1f, 1f}, dims);
      int all = 127 * 32767 * dims;
      assertThat(itemCodes.dot(q, 0)).as("dims %d", dims).isEqualTo(all);
      assertThat(itemCodes.dot(q, 1)).as("dims %d", dims).isEqualTo(-all);
      assertThat(itemCodes.dot(q, 2)).as("dims %d", dims).isEqualTo(dims % 2 == 0 ? 0 : 127 * 32767);
      // a query of -32767 on the odd dimensions turns row 2 into the all-positive sum
      for (int f = 1; f < dims; f += 2) {
        q[f] = -32767;
      }
      assertThat(itemCodes.dot(q, 2)).as("dims %d", dims).isEqualTo(all);
      assertBatchScores(itemCodes, q, new int[] {2, 0, 1, 2}, codes, new float[] {1f, 1f, 1f}, dims);
    }
  }

  @Test
  void overflowingSumsWrapAsTheScalarLoopDoes() {
    // queries beyond ItemCodes' own 15-bit codes: int arithmetic is modulo 2^32 in any order, so both agree
    SplittableRandom random = new SplittableRandom(3);
    int dims = 64;
    byte[] codes = new byte[dims];
    int[] q = new int[dims];
    for (int f = 0; f < dims; f++) {
      codes[f] = (byte) (f % 3 == 0 ? -127 : 127);
      q[f] = random.nextInt(1 << 28, Integer.MAX_VALUE);
    }
    ItemCodes itemCodes = new ItemCodes(codes, new float[] {1f}, dims);
    assertThat(itemCodes.dot(q, 0)).isEqualTo((int) longDot(q, codes, 0, dims));
  }

  @Test
  void anEmptyBatchWritesNothing() {
    ItemCodes itemCodes = new ItemCodes(new byte[16], new float[] {1f}, 16);
    float[] out = {5f};
    itemCodes.scores(new int[16], new int[0], 0, new int[1], out);
    assertThat(out).containsExactly(5f);
  }

  private static void assertBatchScores(ItemCodes itemCodes, int[] q, int[] rows, byte[] codes, float[] scales,
      int dims) {
    int[] dots = new int[rows.length];
    float[] out = new float[rows.length];
    itemCodes.scores(q, rows, rows.length, dots, out);
    for (int k = 0; k < rows.length; k++) {
      long expected = longDot(q, codes, rows[k] * dims, dims);
      assertThat((long) dots[k]).as("dims %d batch entry %d", dims, k).isEqualTo(expected);
      assertThat(out[k]).isEqualTo((float) expected * scales[rows[k]]);
    }
  }

  /** The dot product in long arithmetic, wrapped to int only by the caller that wants it. */
  private static long longDot(int[] q, byte[] codes, int off, int dims) {
    long s = 0;
    for (int f = 0; f < dims; f++) {
      s += (long) q[f] * codes[off + f];
    }
    return s;
  }
}
