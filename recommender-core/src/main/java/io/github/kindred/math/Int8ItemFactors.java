package io.github.kindred.math;

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
 * <p>The kernel, and why: C2 on Java 17 does not vectorise a loop that widens bytes to ints or floats (the
 * conversion between element sizes arrived in the superword pass of JDK 20), and the incubating Vector API needs
 * {@code --add-modules jdk.incubator.vector}, which a library cannot impose; a plain byte loop measured 1.4-1.7x
 * slower than the float scan. So the codes are stored biased ({@code c + 128}, one unsigned byte) eight to a
 * {@code long}, and each 64-bit multiply computes two products at once (SIMD within a register): masking bytes
 * {@code k} and {@code k+4} of a word gives {@code t = u_k + u_{k+4} 2^32}; multiplied by the per-query constant
 * {@code p = q_{k+4} + q_k 2^32} its upper half collects {@code u_k q_k + u_{k+4} q_{k+4}} and its lower half a cross
 * term. Summed over the row, the 64-bit total is exactly {@code L + H 2^32} (both halves stay below {@code 2^31} in
 * magnitude: at most {@code 64 x 255 x 127} for 64 dimensions), so {@code H = (total - (int) total) >> 32} is the
 * exact biased dot product and {@code H - 128 sum_d q_d} the code dot product. Four multiplies per 8 codes, no
 * conversion, and a quarter of the memory traffic (measured in recommender-bench's {@code QuantizedScanBenchmark}).
 * Rows are padded to a multiple of 8 codes with zeros.
 *
 * <p>Immutable and thread-safe. The scoring methods allocate one {@code long[dimensions / 2]} (rounded up to a
 * whole word) per call for the packed query, 256 bytes at 64 dimensions, besides the caller's {@link TopN}.
 */
public final class Int8ItemFactors {
  /** Bytes 0 and 4 of a word, each widened to a 32-bit lane. */
  private static final long LANES = 0x000000FF000000FFL;
  private static final int BIAS = 128;

  private final int items;
  private final int dimensions;
  /** Longs per item row: {@code ceil(dimensions / 8)}. */
  private final int words;
  /** Biased codes, little-endian within each word: byte {@code k} of word {@code w} is dimension {@code 8w + k}. */
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
      for (int w = 0; w < words; w++) {
        long word = 0L;
        for (int k = 0; k < 8; k++) {
          int d = 8 * w + k;
          int c = d < dimensions && scale > 0f ? clampCode(Math.round(itemFactors[off + d] / scale)) : 0;
          word |= (long) (c + BIAS) << (8 * k);
        }
        codes[i * words + w] = word;
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
    long word = codes[item * words + (d >>> 3)];
    return (int) ((word >>> (8 * (d & 7))) & 0xFF) - BIAS;
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
    float userScale = pack(user, packed);
    int bias = queryBias(packed);
    for (int i = 0; i < items; i++) {
      scores[i] = scales[i] * userScale * (float) (biasedDot(i, packed) - bias);
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
    float userScale = pack(user, packed);
    int bias = queryBias(packed);
    float threshold = top.threshold();
    int e = 0;
    for (int i = 0; i < items; i++) {
      while (e < excludedSorted.length && excludedSorted[e] < i) {
        e++;
      }
      if (e < excludedSorted.length && excludedSorted[e] == i) {
        continue;
      }
      float s = scales[i] * userScale * (float) (biasedDot(i, packed) - bias);
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

  /** The biased code dot product {@code sum_d q_d (c_id + 128)} of {@code item}, exact. */
  private long biasedDot(int item, long[] packed) {
    long a0 = 0L;
    long a1 = 0L;
    long a2 = 0L;
    long a3 = 0L;
    for (int w = 0, base = item * words, k = 0; w < words; w++, k += 4) {
      long word = codes[base + w];
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

  /** Quantises the query into the multipliers of the kernel; returns its scale. */
  private float pack(float[] user, long[] packed) {
    float scale = queryScale(user);
    for (int w = 0; w < words; w++) {
      for (int k = 0; k < 4; k++) {
        long low = queryCode(user, 8 * w + k, scale);
        long high = queryCode(user, 8 * w + k + 4, scale);
        packed[4 * w + k] = (low << 32) + high;
      }
    }
    return scale;
  }

  private int queryCode(float[] user, int d, float scale) {
    return d < dimensions && scale > 0f ? clampCode(Math.round(user[d] / scale)) : 0;
  }

  /** {@code 128 sum_d q_d}, recovered from the packed multipliers. */
  private static int queryBias(long[] packed) {
    long sum = 0;
    for (long p : packed) {
      long low = (int) p;
      sum += low + ((p - low) >> 32);
    }
    return (int) (BIAS * sum);
  }
}
