package io.github.kindred.bench.data;

import java.util.SplittableRandom;

/**
 * Generated inputs shared by the benchmarks: every array comes from a fixed seed, so that every fork and every run
 * measures the same data.
 */
public final class BenchData {
  /** The seed of every generated array. */
  public static final long SEED = 20_261_123L;

  private BenchData() {}

  /**
   * Returns {@code length} floats uniform in {@code [-scale, scale)}.
   *
   * @param length number of values, >= 0
   * @param scale half-width of the range, > 0
   * @param salt mixed into {@link #SEED} so that different arrays of one benchmark differ
   */
  public static float[] uniform(int length, float scale, long salt) {
    SplittableRandom random = new SplittableRandom(SEED ^ salt * 0x9E3779B97F4A7C15L);
    float[] out = new float[length];
    for (int i = 0; i < length; i++) {
      out[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
    }
    return out;
  }

  /**
   * Returns {@code count} distinct item indexes below {@code items}, ascending: the shape of a user's history and of
   * the exclusion list passed to the scoring kernels.
   *
   * @throws IllegalArgumentException if {@code count > items}
   */
  public static int[] distinctSorted(int count, int items, long salt) {
    if (count > items) {
      throw new IllegalArgumentException("count " + count + " exceeds items " + items);
    }
    SplittableRandom random = new SplittableRandom(SEED ^ salt * 0xBF58476D1CE4E5B9L);
    boolean[] taken = new boolean[items];
    int[] out = new int[count];
    int n = 0;
    while (n < count) {
      int i = random.nextInt(items);
      if (!taken[i]) {
        taken[i] = true;
        n++;
      }
    }
    for (int i = 0, k = 0; i < items && k < count; i++) {
      if (taken[i]) {
        out[k++] = i;
      }
    }
    return out;
  }
}
