package io.github.kindred.ann;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The item vectors as signed 8-bit codes with one scale per item ({@code x_f ~ scale * code_f}, the scale the
 * item's largest absolute value over 127), for the graph walk only: one byte per factor, so that at 64 dimensions
 * an item is one cache line. The query is rounded to integers of up to 15 bits ({@link #quantizeQuery}) and the dot
 * product is summed in an {@code int}, exactly; its error is the items' rounding (at most half a step per factor)
 * and the query's (a 1/65,534 part of its largest value).
 *
 * <p>The dot products run on {@code CodeDot} (compiled from {@code src/main/vector}) when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, the platform has at least 8 int lanes and the system property
 * {@code kindred.vector} is not {@code false}; else on the scalar loop here, which C2 on JDK 17 does not vectorise.
 * Both give the same int for every input (the kernel choice as in core's {@code FactorScoring}).
 */
final class ItemCodes {
  private static final int ITEM_LEVELS = 127;
  /**
   * {@code CodeDot.dot(byte[], int, int[], int)}, or null for the scalar loop; constant, so the JIT inlines the
   * call and nothing here refers to the incubating module at compile time.
   */
  private static final MethodHandle VECTOR_DOT =
      vectorKernel("dot", MethodType.methodType(int.class, byte[].class, int.class, int[].class, int.class));
  /** {@code CodeDot.dots(byte[], int, int[], int[], int, int[])}, or null for the scalar loop. */
  private static final MethodHandle VECTOR_DOTS = vectorKernel("dots", MethodType.methodType(void.class,
      byte[].class, int.class, int[].class, int[].class, int.class, int[].class));

  /** Whether {@link #dot} and {@link #scores} run on the Vector API kernel. */
  static final boolean VECTOR = VECTOR_DOT != null && VECTOR_DOTS != null;

  private final byte[] codes;
  private final float[] scales;
  private final int dimensions;
  /** The query's largest code: as fine as an {@code int} sum of {@code dimensions} products allows, at most 15 bits. */
  private final int queryLevels;

  /**
   * The static method {@code method} of {@code CodeDot}, or null when the module is absent, {@code kindred.vector}
   * is {@code false}, {@code CodeDot.useful()} is false, or linking fails.
   */
  private static MethodHandle vectorKernel(String method, MethodType type) {
    boolean disabled = "false".equalsIgnoreCase(System.getProperty("kindred.vector"));
    if (disabled || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return null;
    }
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      Class<?> kernel = Class.forName("io.github.kindred.ann.CodeDot");
      boolean useful = (boolean) lookup.findStatic(kernel, "useful", MethodType.methodType(boolean.class))
          .invokeExact();
      return useful ? lookup.findStatic(kernel, method, type) : null;
    } catch (Throwable e) {
      // a LinkageError or a reflection failure: the module is present but unusable, and the scalar loop is exact
      return null;
    }
  }

  /** Codes row-major, {@code dimensions} per item, and one scale per item; package-private for tests. */
  ItemCodes(byte[] codes, float[] scales, int dimensions) {
    this.codes = codes;
    this.scales = scales;
    this.dimensions = dimensions;
    this.queryLevels = (int) Math.min(Short.MAX_VALUE, Integer.MAX_VALUE / ((long) ITEM_LEVELS * dimensions));
  }

  /**
   * Quantizes {@code items} row-major vectors of length {@code dimensions} (finite, checked by the caller), row
   * {@code k} of the codes holding item {@code order[k]} (a permutation of the items).
   */
  static ItemCodes of(float[] itemFactors, int items, int dimensions, int[] order) {
    byte[] codes = new byte[items * dimensions];
    float[] scales = new float[items];
    for (int i = 0; i < items; i++) {
      int off = order[i] * dimensions;
      int to = i * dimensions;
      float max = 0f;
      for (int f = 0; f < dimensions; f++) {
        max = Math.max(max, Math.abs(itemFactors[off + f]));
      }
      if (max == 0f) {
        continue;
      }
      float scale = max / ITEM_LEVELS;
      float inverse = ITEM_LEVELS / max;
      for (int f = 0; f < dimensions; f++) {
        int code = Math.round(itemFactors[off + f] * inverse);
        codes[to + f] = (byte) Math.max(-ITEM_LEVELS, Math.min(ITEM_LEVELS, code));
      }
      scales[i] = scale;
    }
    return new ItemCodes(codes, scales, dimensions);
  }

  int dimensions() {
    return dimensions;
  }

  /** Bytes of the codes and scales. */
  long bytes() {
    return codes.length + 4L * scales.length;
  }

  float scale(int item) {
    return scales[item];
  }

  /**
   * Rounds {@code user} (finite, not all zero) to integers whose largest magnitude is {@link #queryLevels}, into
   * {@code out}; the dropped scale is positive and the same for every item, so it does not change the order.
   */
  void quantizeQuery(float[] user, int[] out) {
    float max = 0f;
    for (int f = 0; f < dimensions; f++) {
      max = Math.max(max, Math.abs(user[f]));
    }
    float inverse = max == 0f ? 0f : queryLevels / max;
    for (int f = 0; f < dimensions; f++) {
      out[f] = Math.max(-queryLevels, Math.min(queryLevels, Math.round(user[f] * inverse)));
    }
  }

  /**
   * Reads one byte in every 64-byte cache line of the codes of {@code item} (a row may straddle lines), so that a
   * later {@link #dot} finds them cached; returns their sum for the caller to keep.
   */
  int touch(int item) {
    int off = item * dimensions;
    int last = off + dimensions - 1;
    int sum = codes[last];
    for (int k = off; k < last; k += 64) {
      sum += codes[k];
    }
    return sum;
  }

  /** The exact integer dot product of query codes {@code q} with the codes of {@code item}. */
  int dot(int[] q, int item) {
    if (VECTOR_DOT != null) {
      try {
        return (int) VECTOR_DOT.invokeExact(codes, item * dimensions, q, dimensions);
      } catch (Throwable e) {
        throw new IllegalStateException("the Vector API code dot product failed", e);
      }
    }
    return scalarDot(q, item);
  }

  /** {@link #dot} on the scalar loop, whatever the JVM. */
  int scalarDot(int[] q, int item) {
    byte[] c = codes;
    int off = item * dimensions;
    int s = 0;
    for (int f = 0; f < dimensions; f++) {
      s += q[f] * c[off + f];
    }
    return s;
  }

  /**
   * Writes {@code dot(q, items[k]) * scale(items[k])} into {@code out[k]} for {@code k < count}, using
   * {@code dots[0..count)} for the integer dot products: one kernel call for all fresh neighbours of a node.
   */
  void scores(int[] q, int[] items, int count, int[] dots, float[] out) {
    if (VECTOR_DOTS != null) {
      try {
        VECTOR_DOTS.invokeExact(codes, dimensions, q, items, count, dots);
      } catch (Throwable e) {
        throw new IllegalStateException("the Vector API code dot product failed", e);
      }
    } else {
      for (int k = 0; k < count; k++) {
        dots[k] = scalarDot(q, items[k]);
      }
    }
    for (int k = 0; k < count; k++) {
      out[k] = dots[k] * scales[items[k]];
    }
  }
}
