package io.github.kindred.math;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.Objects;

/**
 * An item factor matrix quantised to 8 bits per value with one scale per item: a quarter of the memory of the float
 * matrix, scanned in integer arithmetic without widening the codes to floats, and optionally re-ranked exactly on
 * the float factors.
 *
 * <p>Quantisation: item {@code i} gets the scale {@code s_i = max_d |x_id| / 127} and the codes
 * {@code c_id = round(x_id / s_i)} in {@code [-127, 127]}, so {@code |x_id - s_i c_id| <= s_i / 2}. A query is
 * quantised the same way per request ({@code s_u}, {@code q_d}); the quantised score is
 * {@code s_i s_u sum_d q_d c_id}, the integer sum computed exactly (and formed as the float expression
 * {@code (s_i * s_u) * (float) sum}). Its error against the exact dot product is at most
 * {@code (s_i/2)(|u|_1 + D s_u/2) + (s_u/2)(|x_i|_1 + D s_i/2) + D s_u s_i/4} for {@code D} dimensions (expand
 * {@code (s_u q + f)(s_i c + e)} with {@code |f| <= s_u/2}, {@code |e| <= s_i/2}), which {@link #errorBound} returns.
 *
 * <p>Layout: items in blocks of 16, dimension-major within a block: the 16 codes of dimension {@code d} of block
 * {@code b} are the two longs at word {@code 2 (b D + d)}, item {@code 16 b + k} in byte {@code k mod 8}
 * (little-endian) of word {@code k / 8}. The last block is padded with zero codes and zero scales. A block's 16
 * scores accumulate side by side, so no kernel reduces a vector to one item's sum, and the top-N threshold is
 * checked once per block: a block none of whose scores reaches it is skipped without touching the selector.
 *
 * <p>Two kernels compute the same exact integer sums, so scores do not depend on which one runs (tested). With the
 * incubating Vector API ({@code --add-modules jdk.incubator.vector}, chosen automatically as for
 * {@link FactorScoring}), {@code Int8Dot} loads a dimension's 16 codes, sign-extends them to int lanes, multiplies
 * by the broadcast query code and adds, then applies the 16 scales in one vector multiply and compares the 16
 * scores with the threshold in one vector compare: the top-10 scan measured 0.22x the time of the Vector API float
 * scan at 100,000 x 64 and 0.27x at 1,000,000 x 64 (JMH, 2 forks, {@code QuantizedScanBenchmark}), against 0.77x
 * and 0.66x with the row layout, whose kernel reduced a vector to one sum per item.
 *
 * <p>The scalar kernel, and why: C2 on Java 17 does not vectorise a loop that widens bytes to ints or floats (the
 * conversion between element sizes arrived in the superword pass of JDK 20), nor a loop over several
 * {@code long[]} accumulators (it cannot tell them apart from the codes); a plain byte loop measured 1.4-1.7x
 * slower than the float scan. So it works in registers (SIMD within a register): the sign bit of each byte of a
 * word is flipped to bias the codes to {@code u = c + 128} (one unsigned byte), and masking bytes {@code k} and
 * {@code k + 4} gives {@code t = u_k + u_{k+4} 2^32}, two items of the block in 32-bit lanes; one 64-bit multiply by
 * the dimension's query code {@code q} adds {@code u_k q} and {@code u_{k+4} q} to the two lanes of an accumulator.
 * Summed over the dimensions, the 64-bit total is exactly {@code L + H 2^32} with both halves below {@code 2^31} in
 * magnitude ({@code D 255 127} at most, hence the limit of 65,536 dimensions), so {@code L = (int) total} and
 * {@code H = (total - L) >> 32} are the biased dot products of the two items, and {@code L - 128 sum_d q_d} their
 * code dot products. Four accumulators cover the eight items of a word; each half of the block is one pass over
 * the dimensions. Measured 0.73x the scalar float scan at 100,000 x 64 and 0.87x at 1,000,000 (0.92x and 1.02x with
 * the row layout). Tried and not kept: one pass over both halves with eight accumulators (1.15x and 0.93x in
 * JMH); in a standalone harness (minimum thread CPU time, 1,000,000 x 64), 16-bit products split into 32-bit lanes
 * after the multiply (two multiplies per word instead of four; 21.0 against 20.0 ms: the masks and shifts cost
 * what the multiplies saved) and long-array accumulators over 256-item blocks for C2 to vectorise (it did not:
 * 28 ms).
 *
 * <p>Immutable and thread-safe. The scoring methods allocate the quantised query per call (an {@code int[D]}) and
 * 128 bytes of block scratch, besides the caller's {@link TopN}.
 */
public final class Int8ItemFactors {
  /** Items per block of the layout. */
  static final int BLOCK = 16;
  /** The most dimensions: the scalar kernel's 32-bit lanes hold {@code D 255 127} (and the vector kernel's ints). */
  static final int MAX_DIMENSIONS = 65_536;
  /** Flips the sign bit of every byte: signed code {@code c} becomes the unsigned {@code c + 128}. */
  private static final long SIGN_BITS = 0x8080808080808080L;
  /** Bytes 0 and 4 of a word, each widened to a 32-bit lane. */
  private static final long LANES = 0x000000FF000000FFL;
  private static final int BIAS = 128;

  /**
   * The Vector API kernel {@code Int8Dot.scores(long[] codes, int block, int dims, int[] query, float[] scales,
   * float userScale, float threshold, float[] out)}, or null for the scalar kernel: used under the same conditions
   * as {@link FactorScoring}'s (the module is in the boot layer, the platform has 8 or 16 int lanes,
   * {@code kindred.vector} is not {@code false}).
   */
  private static final MethodHandle VECTOR_SCORES = FactorScoring.vectorKernel("io.github.kindred.math.Int8Dot",
      "scores", MethodType.methodType(boolean.class, long[].class, int.class, int.class, int[].class, float[].class,
          float.class, float.class, float[].class));
  /** {@code Int8Dot.dots(long[] codes, int block, int dims, int[] query, int[] out)}, for tests. */
  private static final MethodHandle VECTOR_DOTS = FactorScoring.vectorKernel("io.github.kindred.math.Int8Dot",
      "dots", MethodType.methodType(void.class, long[].class, int.class, int.class, int[].class, int[].class));

  /** Whether the Vector API kernel runs. */
  static final boolean VECTOR = VECTOR_SCORES != null;

  private final int items;
  private final int dimensions;
  /** Number of 16-item blocks, the last one possibly partial. */
  private final int blocks;
  /**
   * Signed codes in the block layout of the class comment, {@code 2 D} words per block. A {@code long[]} rather than
   * a {@code byte[]} read through a long view: the view's VarHandle made the register kernel 1.28x the float scan
   * instead of 0.8x (JMH, 100,000 x 64, row layout).
   */
  private final long[] codes;
  /** Per-item scales, zero-padded to whole blocks. */
  private final float[] scales;

  private Int8ItemFactors(int items, int dimensions, long[] codes, float[] scales) {
    this.items = items;
    this.dimensions = dimensions;
    this.blocks = (items + BLOCK - 1) / BLOCK;
    this.codes = codes;
    this.scales = scales;
  }

  /**
   * Quantises {@code items} row-major float vectors of length {@code dimensions}.
   *
   * @param itemFactors row-major, at least {@code items * dimensions} floats
   * @param items number of items, at least 0
   * @param dimensions vector length, 1 to 65,536
   * @return the quantised matrix
   * @throws IllegalArgumentException if a count is out of range, the array is too short or a value is NaN or
   *     infinite (naming the item and dimension)
   * @throws NullPointerException if {@code itemFactors} is null
   */
  public static Int8ItemFactors quantize(float[] itemFactors, int items, int dimensions) {
    Objects.requireNonNull(itemFactors, "itemFactors");
    if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
      throw new IllegalArgumentException("dimensions must be in [1, " + MAX_DIMENSIONS + "], got " + dimensions);
    }
    if (items < 0) {
      throw new IllegalArgumentException("items must be >= 0, got " + items);
    }
    if ((long) items * dimensions > itemFactors.length) {
      throw new IllegalArgumentException("itemFactors has " + itemFactors.length + " floats, fewer than " + items
          + " items x " + dimensions + " dimensions");
    }
    long blocks = (items + (long) BLOCK - 1) / BLOCK;
    if (blocks * 2 * dimensions > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(items + " items x " + dimensions + " dimensions exceed one long array");
    }
    long[] codes = new long[(int) (blocks * 2 * dimensions)];
    float[] scales = new float[(int) blocks * BLOCK];
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
        int shift = 8 * (i & 7);
        for (int d = 0; d < dimensions; d++) {
          long code = clampCode(Math.round(itemFactors[off + d] / scale)) & 0xFFL;
          codes[word(i, d, dimensions)] |= code << shift;
        }
      }
    }
    return new Int8ItemFactors(items, dimensions, codes, scales);
  }

  /** The word holding the code of {@code item} in dimension {@code d} (its byte: {@code item mod 8}). */
  private static int word(int item, int d, int dimensions) {
    return 2 * ((item >>> 4) * dimensions + d) + ((item >>> 3) & 1);
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
   * Bytes of the codes and scales (array headers not counted): {@code D + 4} per item, the item count rounded up to
   * a whole block of 16, against {@code 4 D} per item for floats.
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
    return (byte) (codes[word(item, d, dimensions)] >>> (8 * (item & 7)));
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
    int[] query = new int[dimensions];
    float userScale = quantizeQuery(user, query);
    int bias = queryBias(query, dimensions);
    int[] dots = new int[BLOCK];
    float[] block = new float[BLOCK];
    for (int b = 0; b < blocks; b++) {
      scoreBlock(b, query, bias, userScale, Float.POSITIVE_INFINITY, dots, block);
      int first = b * BLOCK;
      System.arraycopy(block, 0, scores, first, Math.min(BLOCK, items - first));
    }
  }

  /**
   * Offers every item's quantised score to {@code top}, skipping {@code excludedSorted}, without materialising the
   * scores: the int8 counterpart of {@link FactorScoring#scoreTopN(float[], int, int, float[], int[], TopN)}. The
   * items offered, their order and scores are those of a loop over the items that offers each score at least
   * {@link TopN#threshold()}; a block of 16 whose scores are all below the threshold is skipped in one compare.
   *
   * @param user the query vector, at least {@link #dimensions()} long, finite
   * @param excludedSorted ascending item indexes to skip, may be empty
   * @param top receives the candidates (not reset first)
   * @throws IllegalArgumentException if the query is too short or holds a NaN or infinite value
   */
  public void scoreTopN(float[] user, int[] excludedSorted, TopN top) {
    checkUser(user);
    int[] query = new int[dimensions];
    float userScale = quantizeQuery(user, query);
    int bias = queryBias(query, dimensions);
    int[] dots = new int[BLOCK];
    float[] block = new float[BLOCK];
    float threshold = top.threshold();
    int e = 0;
    for (int b = 0; b < blocks; b++) {
      if (!scoreBlock(b, query, bias, userScale, threshold, dots, block)) {
        continue;
      }
      int first = b * BLOCK;
      int count = Math.min(BLOCK, items - first);
      for (int k = 0; k < count; k++) {
        float s = block[k];
        if (!(s >= threshold)) {
          continue;
        }
        int i = first + k;
        while (e < excludedSorted.length && excludedSorted[e] < i) {
          e++;
        }
        if (e < excludedSorted.length && excludedSorted[e] == i) {
          continue;
        }
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
   * Writes the quantised scores of the 16 items of {@code block} into {@code out} (padding slots score 0) and
   * returns whether any is at least {@code threshold}: on the Vector API kernel when it runs, otherwise on the
   * register kernel (through {@code dots}, scratch); {@code bias} is {@link #queryBias}.
   */
  private boolean scoreBlock(int block, int[] query, int bias, float userScale, float threshold, int[] dots,
      float[] out) {
    if (VECTOR_SCORES != null) {
      try {
        return (boolean) VECTOR_SCORES.invokeExact(codes, block, dimensions, query, scales, userScale, threshold,
            out);
      } catch (Throwable e) {
        throw new IllegalStateException("the Vector API int8 kernel failed", e);
      }
    }
    registerDots(codes, block, dimensions, query, bias, dots);
    boolean any = false;
    for (int k = 0, i = block * BLOCK; k < BLOCK; k++, i++) {
      float s = scales[i] * userScale * (float) dots[k];
      out[k] = s;
      any |= s >= threshold;
    }
    return any;
  }

  /** The register kernel's code dot product of {@code item} with the query codes {@code q}, for tests. */
  int registerDot(int item, int[] q) {
    int[] out = new int[BLOCK];
    registerDots(codes, item >>> 4, dimensions, q, queryBias(q, dimensions), out);
    return out[item & (BLOCK - 1)];
  }

  /** The Vector API kernel's code dot product of {@code item} with {@code q}, for tests; needs VECTOR. */
  int vectorDot(int item, int[] q) throws Throwable {
    int[] out = new int[BLOCK];
    VECTOR_DOTS.invokeExact(codes, item >>> 4, dimensions, q, out);
    return out[item & (BLOCK - 1)];
  }

  /**
   * The register kernel of the class comment: writes the exact code dot products {@code sum_d q_d c_id} of the 16
   * items of {@code block} into {@code out}; {@code bias} is {@code 128 sum_d q_d}.
   */
  static void registerDots(long[] codes, int block, int dims, int[] query, int bias, int[] out) {
    for (int half = 0; half < 2; half++) {
      long a0 = 0L;
      long a1 = 0L;
      long a2 = 0L;
      long a3 = 0L;
      for (int d = 0, w = 2 * block * dims + half; d < dims; d++, w += 2) {
        long word = codes[w] ^ SIGN_BITS;
        long q = query[d];
        a0 += (word & LANES) * q;
        a1 += ((word >>> 8) & LANES) * q;
        a2 += ((word >>> 16) & LANES) * q;
        a3 += ((word >>> 24) & LANES) * q;
      }
      int k = 8 * half;
      out[k] = (int) a0 - bias;
      out[k + 1] = (int) a1 - bias;
      out[k + 2] = (int) a2 - bias;
      out[k + 3] = (int) a3 - bias;
      out[k + 4] = high(a0) - bias;
      out[k + 5] = high(a1) - bias;
      out[k + 6] = high(a2) - bias;
      out[k + 7] = high(a3) - bias;
    }
  }

  /** The upper lane {@code H} of an accumulator {@code L + H 2^32} whose lanes are below {@code 2^31}. */
  private static int high(long total) {
    return (int) ((total - (int) total) >> 32);
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

  /** Quantises the query into its codes ({@code query}, zero for a zero query); returns its scale. */
  private float quantizeQuery(float[] user, int[] query) {
    float scale = queryScale(user);
    for (int d = 0; d < dimensions && scale > 0f; d++) {
      query[d] = clampCode(Math.round(user[d] / scale));
    }
    return scale;
  }

  /** {@code 128 sum_d q_d} over the first {@code dims} codes: what the biased register kernel adds. */
  private static int queryBias(int[] query, int dims) {
    int sum = 0;
    for (int d = 0; d < dims; d++) {
      sum += query[d];
    }
    return BIAS * sum;
  }
}
