package io.github.kindred.math;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.Objects;

/**
 * A row-major item factor matrix quantised to 8 bits per value with one scale per item: a quarter of the memory of
 * the float matrix, scanned in integer arithmetic without widening the codes to floats, and optionally re-ranked
 * exactly on the float factors.
 *
 * <p>Quantisation: item {@code i} gets the scale {@code s_i = max_d |x_id| / 127} and the codes
 * {@code c_id = round(x_id / s_i)} in {@code [-127, 127]}, so {@code |x_id - s_i c_id| <= s_i / 2}. A query is
 * quantised the same way per request ({@code s_u}, {@code q_d}); the quantised score is
 * {@code s_i s_u sum_d q_d c_id}, the integer sum computed exactly. Its error against the exact dot product is at
 * most {@code (s_i/2)(|u|_1 + D s_u/2) + (s_u/2)(|x_i|_1 + D s_i/2) + D s_u s_i/4} for {@code D} dimensions (expand
 * {@code (s_u q + f)(s_i c + e)} with {@code |f| <= s_u/2}, {@code |e| <= s_i/2}), which {@link #errorBound} returns.
 *
 * <p>Two kernels compute the same exact integer sum {@code sum_d q_d c_id}, so scores do not depend on which one
 * runs (tested). With the incubating Vector API ({@code --add-modules jdk.incubator.vector}, chosen automatically as
 * for {@link FactorScoring}), {@code Int8Dot} widens 16 codes at a time to int lanes ({@code vpmovsxbd}), multiplies
 * by the int query codes and keeps two vector accumulators: measured 0.26x the time of the scalar float scan and
 * 0.84x the vector float scan at 100,000 x 64 (L3-resident; the widening costs what the float FMA costs, so the
 * gain over SIMD floats is the quarter of the memory traffic, and grows when the matrix leaves the cache).
 *
 * <p>The scalar kernel, and why: C2 on Java 17 does not vectorise a loop that widens bytes to ints or floats (the
 * conversion between element sizes arrived in the superword pass of JDK 20); a plain byte loop (load, widen,
 * multiply, add per code) measured 1.4-1.7x slower than the float scan. So each row is stored eight codes to a
 * {@code long}, the sign bit of each byte is flipped to bias the
 * codes to {@code c + 128} (one unsigned byte), and each 64-bit multiply computes two products at once (SIMD within
 * a register): masking bytes {@code k} and {@code k+4} of a word gives {@code t = u_k + u_{k+4} 2^32}; multiplied by
 * the per-query constant {@code p = q_{k+4} + q_k 2^32} its upper half collects {@code u_k q_k + u_{k+4} q_{k+4}}
 * and its lower half a cross term. Summed over the row, the 64-bit total is exactly {@code L + H 2^32} (both halves
 * stay below {@code 2^31} in magnitude: at most {@code 64 x 255 x 127} for 64 dimensions), so
 * {@code H = (total - (int) total) >> 32} is the exact biased dot product and {@code H - 128 sum_d q_d} the code dot
 * product. Four multiplies per 8 codes and no conversion: the kernel is bound by the one 64-bit multiplier port
 * (0.5 cycle per code, against about 0.75 for the scalar float multiply-add with its two loads), measured 0.76x the
 * scalar float scan at 100,000 x 64; packing three products per multiply does not fit (the third lane's sum needs
 * 22 bits and a cross term lands on bit 63). Rows are padded to a multiple of 8 codes with zeros.
 *
 * <p>Immutable and thread-safe. The scoring methods allocate the quantised query per call (a {@code long[D / 2]}
 * and an {@code int[D]}, rounded up to whole words: 512 bytes at 64 dimensions) besides the caller's {@link TopN}.
 */
public final class Int8ItemFactors {
  /** Flips the sign bit of every byte: signed code {@code c} becomes the unsigned {@code c + 128}. */
  private static final long SIGN_BITS = 0x8080808080808080L;
  /**
   * The Vector API kernel {@code Int8Dot.dot(long[] codes, int word, int[] query, int n)}, or null for the scalar
   * kernel: used under the same conditions as {@link FactorScoring}'s (the module is in the boot layer, the
   * platform has at least 8 int lanes, {@code kindred.vector} is not {@code false}).
   */
  private static final MethodHandle VECTOR_DOT = FactorScoring.vectorKernel("io.github.kindred.math.Int8Dot",
      MethodType.methodType(int.class, long[].class, int.class, int[].class, int.class));

  /** Whether the Vector API kernel runs. */
  static final boolean VECTOR = VECTOR_DOT != null;

  /** Bytes 0 and 4 of a word, each widened to a 32-bit lane. */
  private static final long LANES = 0x000000FF000000FFL;
  private static final int BIAS = 128;

  private final int items;
  private final int dimensions;
  /** Longs per item row: {@code ceil(dimensions / 8)}. */
  private final int words;
  /**
   * Signed codes, eight to a word, little-endian within each word (byte {@code k} of word {@code w} is dimension
   * {@code 8w + k}), {@code words} per row, zero-padded. A {@code long[]} rather than a {@code byte[]} read through
   * a long view: the view's VarHandle made the register kernel 1.28x the float scan instead of 0.8x (JMH,
   * 100,000 x 64).
   */
  private final long[] codes;
  private final float[] scales;

  private Int8ItemFactors(int items, int dimensions, long[] codes, float[] scales) {
    this.items = items;
    this.dimensions = dimensions;
    this.words = (dimensions + 7) >>> 3;
    this.codes = codes;
    this.scales = scales;
  }

  /**
   * Quantises {@code items} row-major float vectors of length {@code dimensions}.
   *
   * @param itemFactors row-major, at least {@code items * dimensions} floats
   * @param items number of items, at least 0
   * @param dimensions vector length, at least 1
   * @return the quantised matrix
   * @throws IllegalArgumentException if a count is out of range, the array is too short or a value is NaN or
   *     infinite (naming the item and dimension)
   * @throws NullPointerException if {@code itemFactors} is null
   */
  public static Int8ItemFactors quantize(float[] itemFactors, int items, int dimensions) {
    Objects.requireNonNull(itemFactors, "itemFactors");
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be >= 1, got " + dimensions);
    }
    if (items < 0) {
      throw new IllegalArgumentException("items must be >= 0, got " + items);
    }
    if ((long) items * dimensions > itemFactors.length) {
      throw new IllegalArgumentException("itemFactors has " + itemFactors.length + " floats, fewer than " + items
          + " items x " + dimensions + " dimensions");
    }
    int words = (dimensions + 7) >>> 3;
    if ((long) items * words > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(items + " items x " + dimensions + " dimensions exceed one long array");
    }
    long[] codes = new long[items * words];
    float[] scales = new float[items];
    for (int i = 0; i < items; i++) {
      int off = i * dimensions;
      float max = 0f;
      for (int d = 0; d < dimensions; d++) {
        float x = itemFactors[off + d];
        if (!Float.isFinite(x)) {
          throw new IllegalArgumentException("item " + i + " dimension " + d + " is " + x);
        }
        max = Math.max(max, Math.abs(x));
      }
      float scale = max / 127f;
      scales[i] = scale;
      if (scale > 0f) {
        for (int d = 0; d < dimensions; d++) {
          long code = clampCode(Math.round(itemFactors[off + d] / scale)) & 0xFFL;
          codes[i * words + (d >>> 3)] |= code << (8 * (d & 7));
        }
      }
    }
    return new Int8ItemFactors(items, dimensions, codes, scales);
  }

  private static int clampCode(int c) {
    // round(x / (max / 127)) can reach 128 by float rounding when x is the maximum; 127 is the intended code.
    return Math.max(-127, Math.min(127, c));
  }

  /** {@return the number of items} */
  public int items() {
    return items;
  }

  /** {@return the length of every item vector} */
  public int dimensions() {
    return dimensions;
  }

  /**
   * Bytes of the codes and scales (array headers not counted): {@code 8 ceil(D / 8) + 4} per item, against
   * {@code 4 D} for floats.
   *
   * @return the memory held, in bytes
   */
  public long bytes() {
    return 8L * codes.length + 4L * scales.length;
  }

  /** The scale of {@code item}: its largest absolute value over 127 (0 for a zero vector). */
  float scale(int item) {
    return scales[item];
  }

  /** The signed code of {@code item} in dimension {@code d}. */
  int code(int item, int d) {
    return (byte) (codes[item * words + (d >>> 3)] >>> (8 * (d & 7)));
  }

  /**
   * Returns the worst-case difference between the quantised score of {@code item} for {@code user} and the exact
   * dot product of the float vectors (see the class comment for the derivation), before float rounding of the
   * final products.
   *
   * @param user the query vector, at least {@link #dimensions()} long
   * @param item the item index
   * @param itemFactors the float factors that were quantised (row-major)
   * @return the bound, at least 0
   */
  public float errorBound(float[] user, int item, float[] itemFactors) {
    float su = queryScale(user);
    float si = scales[item];
    double userL1 = 0;
    double itemL1 = 0;
    for (int d = 0; d < dimensions; d++) {
      userL1 += Math.abs(user[d]);
      itemL1 += Math.abs(itemFactors[item * dimensions + d]);
    }
    return (float) (si / 2 * (userL1 + dimensions * su / 2.0) + su / 2 * (itemL1 + dimensions * si / 2.0)
        + dimensions * (double) su * si / 4);
  }

  /**
   * Writes the quantised score of every item for {@code user} into {@code scores}.
   *
   * @param user the query vector, at least {@link #dimensions()} long, finite
   * @param scores output, at least {@link #items()} long
   * @throws IllegalArgumentException if an array is too short or the query holds a NaN or infinite value
   */
  public void scoreAll(float[] user, float[] scores) {
    checkUser(user);
    if (scores.length < items) {
      throw new IllegalArgumentException("scores has " + scores.length + " slots for " + items + " items");
    }
    long[] packed = new long[4 * words];
    int[] query = new int[8 * words];
    float userScale = pack(user, packed, query);
    int bias = queryBias(query);
    for (int i = 0; i < items; i++) {
      scores[i] = scales[i] * userScale * (float) codeDot(i, packed, query, bias);
    }
  }

  /**
   * Offers every item's quantised score to {@code top}, skipping {@code excludedSorted}, without materialising the
   * scores: the int8 counterpart of {@link FactorScoring#scoreTopN(float[], int, int, float[], int[], TopN)}.
   *
   * @param user the query vector, at least {@link #dimensions()} long, finite
   * @param excludedSorted ascending item indexes to skip, may be empty
   * @param top receives the candidates (not reset first)
   * @throws IllegalArgumentException if the query is too short or holds a NaN or infinite value
   */
  public void scoreTopN(float[] user, int[] excludedSorted, TopN top) {
    checkUser(user);
    long[] packed = new long[4 * words];
    int[] query = new int[8 * words];
    float userScale = pack(user, packed, query);
    int bias = queryBias(query);
    float threshold = top.threshold();
    int e = 0;
    for (int i = 0; i < items; i++) {
      while (e < excludedSorted.length && excludedSorted[e] < i) {
        e++;
      }
      if (e < excludedSorted.length && excludedSorted[e] == i) {
        continue;
      }
      float s = scales[i] * userScale * (float) codeDot(i, packed, query, bias);
      if (s >= threshold) {
        top.offer(i, s);
        threshold = top.threshold();
      }
    }
  }

  /**
   * Selects {@code candidates.capacity} items by quantised score (into {@code candidates}, which is reset to
   * {@code candidateCount} and left empty), then re-scores those candidates exactly with the float factors and
   * offers them to {@code top}: the returned scores are exact dot products, and the top items are exact whenever
   * the true top items are among the candidates (see {@link #errorBound} for how many guarantee it).
   *
   * @param user the query vector, at least {@link #dimensions()} long, finite
   * @param excludedSorted ascending item indexes to skip, may be empty
   * @param itemFactors the float factors that were quantised (row-major), used for the re-scoring
   * @param candidateCount how many quantised candidates to re-score, at least 1; a few times the wanted count
   * @param candidates scratch selector, reset here (reuse one per thread)
   * @param top receives the re-scored candidates (not reset first)
   * @throws IllegalArgumentException if {@code candidateCount < 1}, an array is too short or the query holds a NaN
   *     or infinite value
   */
  public void scoreTopNReranked(float[] user, int[] excludedSorted, float[] itemFactors, int candidateCount,
      TopN candidates, TopN top) {
    if (candidateCount < 1) {
      throw new IllegalArgumentException("candidateCount must be >= 1, got " + candidateCount);
    }
    if ((long) items * dimensions > itemFactors.length) {
      throw new IllegalArgumentException("itemFactors has " + itemFactors.length + " floats, fewer than " + items
          + " items x " + dimensions + " dimensions");
    }
    candidates.reset(candidateCount);
    scoreTopN(user, excludedSorted, candidates);
    while (candidates.size() > 0) {
      int item = candidates.pollWorst();
      float s = FactorScoring.dot(user, 0, itemFactors, item * dimensions, dimensions);
      if (s >= top.threshold()) {
        top.offer(item, s);
      }
    }
  }

  /**
   * The code dot product {@code sum_d q_d c_id} of {@code item}, exact, on the Vector API kernel when it runs and
   * on the register kernel otherwise; {@code bias} is {@link #queryBias}.
   */
  private int codeDot(int item, long[] packed, int[] query, int bias) {
    if (VECTOR_DOT != null) {
      try {
        return (int) VECTOR_DOT.invokeExact(codes, item * words, query, 8 * words);
      } catch (Throwable e) {
        throw new IllegalStateException("the Vector API int8 dot product failed", e);
      }
    }
    return (int) (biasedDot(codes, item * words, packed, words) - bias);
  }

  /** The register kernel's code dot product of {@code item} with the query codes {@code q} (padded), for tests. */
  int registerDot(int item, int[] q) {
    long[] packed = new long[4 * words];
    packMultipliers(q, packed, words);
    return (int) (biasedDot(codes, item * words, packed, words) - queryBias(q));
  }

  /** The Vector API kernel's code dot product of {@code item} with {@code q} (padded), for tests; needs VECTOR. */
  int vectorDot(int item, int[] q) throws Throwable {
    return (int) VECTOR_DOT.invokeExact(codes, item * words, q, 8 * words);
  }

  /**
   * The biased code dot product {@code sum_d q_d (c_d + 128)} of the row of {@code words} words from word
   * {@code base}, exact: the register kernel of the class comment.
   */
  static long biasedDot(long[] codes, int base, long[] packed, int words) {
    long a0 = 0L;
    long a1 = 0L;
    long a2 = 0L;
    long a3 = 0L;
    for (int w = 0, k = 0; w < words; w++, k += 4) {
      long word = codes[base + w] ^ SIGN_BITS;
      a0 += (word & LANES) * packed[k];
      a1 += ((word >>> 8) & LANES) * packed[k + 1];
      a2 += ((word >>> 16) & LANES) * packed[k + 2];
      a3 += ((word >>> 24) & LANES) * packed[k + 3];
    }
    long total = a0 + a1 + a2 + a3;
    return (total - (int) total) >> 32;
  }

  private void checkUser(float[] user) {
    Objects.requireNonNull(user, "user");
    if (user.length < dimensions) {
      throw new IllegalArgumentException("user vector has " + user.length + " values, the factors " + dimensions);
    }
    for (int d = 0; d < dimensions; d++) {
      if (!Float.isFinite(user[d])) {
        throw new IllegalArgumentException("user vector value " + d + " is " + user[d]);
      }
    }
  }

  private float queryScale(float[] user) {
    float max = 0f;
    for (int d = 0; d < dimensions; d++) {
      max = Math.max(max, Math.abs(user[d]));
    }
    return max / 127f;
  }

  /**
   * Quantises the query into its codes ({@code query}, zero-padded) and the multipliers of the register kernel
   * ({@code packed}); returns its scale.
   */
  private float pack(float[] user, long[] packed, int[] query) {
    float scale = queryScale(user);
    for (int d = 0; d < dimensions && scale > 0f; d++) {
      query[d] = clampCode(Math.round(user[d] / scale));
    }
    packMultipliers(query, packed, words);
    return scale;
  }

  /** The register kernel's multipliers {@code p = q_{k+4} + q_k 2^32} for bytes {@code k, k+4} of each word. */
  private static void packMultipliers(int[] query, long[] packed, int words) {
    for (int w = 0; w < words; w++) {
      for (int k = 0; k < 4; k++) {
        packed[4 * w + k] = ((long) query[8 * w + k] << 32) + query[8 * w + k + 4];
      }
    }
  }

  /** {@code 128 sum_d q_d}: what the biased register kernel adds to the code dot product. */
  private static int queryBias(int[] query) {
    int sum = 0;
    for (int q : query) {
      sum += q;
    }
    return BIAS * sum;
  }
}
