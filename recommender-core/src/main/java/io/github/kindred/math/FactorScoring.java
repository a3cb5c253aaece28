package io.github.kindred.math;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The scoring kernel of factor models: the dot product of one user vector with every row of a row-major item
 * factor matrix ({@code items x factors} in one {@code float[]}), optionally fused with top-N selection so that the
 * score array is never written and reread.
 *
 * <p>Stateless and thread-safe; nothing is allocated per call except the documented scratch of the batch method.
 *
 * <p>Measured alternatives that did not win on Java 17 (recommender-bench's {@code ScoringLayoutBenchmark} and a
 * minimum-thread-CPU harness, 100,000 and 1,000,000 x 64 items, shared 2-core AMD EPYC with AVX2): a blocked item
 * layout (256 items factor-major, so that C2 vectorises the multiply-adds across items) showed no consistent gain,
 * between 16% faster and 15% slower from run to run; int8 factors with a per-row scale were 1.4x to 1.7x slower,
 * because C2 does not vectorise the byte-to-float conversion and the loop is compute-bound at these sizes; the
 * incubating Vector API was 13-20% faster but needs {@code --add-modules jdk.incubator.vector} at compile and run
 * time, which a library on plain Java 17 cannot ask of its users.
 */
public final class FactorScoring {
  /** Floats per tile of the batch kernel: 64 KB, well inside a 512 KB L2 cache. */
  private static final int TILE_FLOATS = 16 * 1024;

  /**
   * The SIMD dot product of {@code VectorDot}, or null when {@link #dot} runs the scalar kernel: the Vector API is
   * used only when the JVM was started with {@code --add-modules jdk.incubator.vector}, the platform has at least 4
   * float lanes, and the system property {@code kindred.vector} is not {@code false}. A library cannot impose the
   * flag, so the scalar kernel is the default; services that add the flag get the SIMD kernel (measured 13-20%
   * faster at 100,000 x 64). Reached through a constant method handle, which the JIT inlines, so that nothing here
   * refers to the incubating module at compile time.
   */
  private static final MethodHandle VECTOR_DOT = vectorDot();

  /** Whether {@link #dot} runs on the Vector API. */
  static final boolean VECTOR = VECTOR_DOT != null;

  private static MethodHandle vectorDot() {
    return vectorKernel("io.github.kindred.math.VectorDot", MethodType.methodType(float.class, float[].class,
        int.class, float[].class, int.class, int.class));
  }

  /** {@link #vectorKernel(String, String, MethodType)} of the method {@code dot}. */
  static MethodHandle vectorKernel(String className, MethodType type) {
    return vectorKernel(className, "dot", type);
  }

  /**
   * The static method {@code method} of the Vector API kernel class {@code className} (compiled from
   * {@code src/main/vector}), or null when the module is absent, {@code kindred.vector} is {@code false}, the
   * class's {@code useful()} says the platform's vectors do not fit, or linking fails.
   */
  static MethodHandle vectorKernel(String className, String method, MethodType type) {
    if ("false".equalsIgnoreCase(System.getProperty("kindred.vector"))
        || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return null;
    }
    try {
      Class<?> kernel = Class.forName(className);
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      if (!(boolean) lookup.findStatic(kernel, "useful", MethodType.methodType(boolean.class)).invokeExact()) {
        return null;
      }
      return lookup.findStatic(kernel, method, type);
    } catch (Throwable e) {
      // LinkageError or reflection failure: the module is there but unusable; the scalar kernel is always right.
      return null;
    }
  }

  private FactorScoring() {}

  /**
   * Returns the dot product of {@code a[aOff..aOff+n)} and {@code b[bOff..bOff+n)}.
   *
   * <p>Eight independent partial sums instead of one: a single float accumulator makes every addition wait for the
   * previous one (4 cycles of latency each), and C2 may not reorder float additions to hide that. With eight chains
   * the additions overlap. Measured (minimum thread CPU time, 100,000 x 64 items, shared 2-core AMD EPYC), this took
   * the row-major scoring loop from 3.7 ms to 2.5 ms per user, below the 2.7 ms of an arraycopy of the same matrix.
   * The result differs from the one-accumulator sum by float rounding only (the terms are summed in another order).
   *
   * @param a the first array
   * @param aOff where the first vector starts in {@code a}
   * @param b the second array
   * @param bOff where the second vector starts in {@code b}
   * @param n the vector length, &gt;= 0
   * @return the dot product, 0 for {@code n == 0}
   * @throws ArrayIndexOutOfBoundsException if a range exceeds its array
   */
  public static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
    if (VECTOR_DOT != null) {
      try {
        return (float) VECTOR_DOT.invokeExact(a, aOff, b, bOff, n);
      } catch (Throwable e) {
        throw new IllegalStateException("the Vector API dot product failed", e);
      }
    }
    return scalarDot(a, aOff, b, bOff, n);
  }

  /** The scalar kernel with eight partial sums; what {@link #dot} runs without the Vector API. */
  static float scalarDot(float[] a, int aOff, float[] b, int bOff, int n) {
    float s0 = 0f;
    float s1 = 0f;
    float s2 = 0f;
    float s3 = 0f;
    float s4 = 0f;
    float s5 = 0f;
    float s6 = 0f;
    float s7 = 0f;
    int f = 0;
    for (; f + 8 <= n; f += 8) {
      int i = aOff + f;
      int j = bOff + f;
      s0 += a[i] * b[j];
      s1 += a[i + 1] * b[j + 1];
      s2 += a[i + 2] * b[j + 2];
      s3 += a[i + 3] * b[j + 3];
      s4 += a[i + 4] * b[j + 4];
      s5 += a[i + 5] * b[j + 5];
      s6 += a[i + 6] * b[j + 6];
      s7 += a[i + 7] * b[j + 7];
    }
    float s = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    for (; f < n; f++) {
      s += a[aOff + f] * b[bOff + f];
    }
    return s;
  }

  /**
   * Writes {@code scores[i] = dot(user, itemFactors row i)} for every item {@code i < items}.
   *
   * @param itemFactors row-major, at least {@code items * factors} long
   * @param items number of items
   * @param factors vector length
   * @param user the user vector, at least {@code factors} long
   * @param scores output, at least {@code items} long
   */
  public static void scoreAll(float[] itemFactors, int items, int factors, float[] user, float[] scores) {
    for (int i = 0, off = 0; i < items; i++, off += factors) {
      scores[i] = dot(user, 0, itemFactors, off, factors);
    }
  }

  /**
   * Offers every item's score to {@code top}, skipping the items in {@code excludedSorted} (ascending item
   * indexes, may be empty), without materialising the score array.
   *
   * @param itemFactors row-major, at least {@code items * factors} long
   * @param items number of items
   * @param factors vector length
   * @param user the user vector, at least {@code factors} long
   * @param excludedSorted ascending item indexes to skip, possibly empty
   * @param top receives every non-excluded item with its score; not reset first, so it may already hold candidates
   */
  public static void scoreTopN(float[] itemFactors, int items, int factors, float[] user, int[] excludedSorted,
      TopN top) {
    scoreRange(itemFactors, 0, items, factors, user, 0, excludedSorted, 0, excludedSorted.length, top);
  }

  /**
   * As {@link #scoreTopN(float[], int, int, float[], int[], TopN)}, with the excluded items in
   * {@code excludedSorted[from..to)} (ascending), so that a caller can pass a row of a CSR matrix without copying it.
   * Exclusions beyond the item range (items the model does not know) are never reached, so they are harmless.
   *
   * @param itemFactors row-major, at least {@code items * factors} long
   * @param items number of items
   * @param factors vector length
   * @param user the user vector, at least {@code factors} long
   * @param excludedSorted holds the ascending item indexes to skip in {@code [from, to)}
   * @param from the first position of the exclusions in {@code excludedSorted}
   * @param to the end (exclusive) of the exclusions in {@code excludedSorted}
   * @param top receives every non-excluded item with its score; not reset first
   */
  public static void scoreTopN(float[] itemFactors, int items, int factors, float[] user, int[] excludedSorted,
      int from, int to, TopN top) {
    scoreRange(itemFactors, 0, items, factors, user, 0, excludedSorted, from, to, top);
  }

  /**
   * Scores a batch of users against the same row-major item matrix, reading the matrix once per batch instead of
   * once per user: the items are processed in tiles of about 64 KB, and each tile is scored for every user of the
   * batch while it is in the L2 cache. For a matrix larger than the last-level cache (1,000,000 x 64 floats are
   * 256 MB) memory traffic per user falls by the batch size; results are exactly those of {@link #scoreTopN} for
   * each user alone.
   *
   * <p>Allocates one {@code int[userCount]} of scratch per call.
   *
   * @param itemFactors row-major, at least {@code items * factors} long
   * @param items number of items
   * @param factors vector length, >= 1
   * @param users row-major user vectors, user {@code u} at {@code [u * factors, (u + 1) * factors)}
   * @param userCount number of users in the batch, >= 0
   * @param excludedSorted per user, ascending item indexes to skip (possibly empty), at least {@code userCount}
   * @param tops per user, the selector receiving its candidates (not reset first), at least {@code userCount}
   * @throws IllegalArgumentException if an array is too short or a count is negative
   */
  public static void scoreTopNBatch(float[] itemFactors, int items, int factors, float[] users, int userCount,
      int[][] excludedSorted, TopN[] tops) {
    if (factors < 1 || items < 0 || userCount < 0) {
      throw new IllegalArgumentException("need factors >= 1, items >= 0, userCount >= 0; got " + factors + ", "
          + items + ", " + userCount);
    }
    if (excludedSorted.length < userCount || tops.length < userCount) {
      throw new IllegalArgumentException("userCount " + userCount + " with " + excludedSorted.length
          + " exclusion lists and " + tops.length + " selectors");
    }
    if ((long) userCount * factors > users.length || (long) items * factors > itemFactors.length) {
      throw new IllegalArgumentException("users has " + users.length + " floats for " + userCount + " x " + factors
          + ", itemFactors " + itemFactors.length + " for " + items + " x " + factors);
    }
    int tile = Math.max(16, TILE_FLOATS / factors);
    int[] cursors = new int[userCount];
    for (int from = 0; from < items; from += tile) {
      int to = Math.min(items, from + tile);
      for (int u = 0; u < userCount; u++) {
        cursors[u] = scoreRange(itemFactors, from, to, factors, users, u * factors, excludedSorted[u], cursors[u],
            excludedSorted[u].length, tops[u]);
      }
    }
  }

  /**
   * Offers items {@code [from, to)} to {@code top}; {@code e} is the first exclusion not yet passed and
   * {@code exclusionEnd} the end of the exclusions. Returns the advanced cursor.
   */
  private static int scoreRange(float[] itemFactors, int from, int to, int factors, float[] user, int userOffset,
      int[] excludedSorted, int e, int exclusionEnd, TopN top) {
    float threshold = top.threshold();
    for (int i = from, off = from * factors; i < to; i++, off += factors) {
      while (e < exclusionEnd && excludedSorted[e] < i) {
        e++;
      }
      if (e < exclusionEnd && excludedSorted[e] == i) {
        continue;
      }
      float s = dot(user, userOffset, itemFactors, off, factors);
      if (s >= threshold) {
        top.offer(i, s);
        threshold = top.threshold();
      }
    }
    return e;
  }
}
