package io.github.kindred.math;

import java.util.Arrays;
import java.util.Objects;

/**
 * An item factor matrix laid out for fast scoring: items in blocks of {@value #BLOCK}, and inside a block the
 * matrix is stored factor-major, so that {@code blocks[b * BLOCK * factors + f * BLOCK + k]} is factor {@code f} of
 * item {@code b * BLOCK + k}. Scoring a block is then {@code factors} element-wise multiply-adds on
 * {@value #BLOCK} contiguous floats, a loop HotSpot's C2 can compile to SIMD instructions; the row-major dot product
 * cannot be vectorised by C2 because its sum is a reduction whose float additions C2 may not reorder.
 *
 * <p>Measured with JMH on a shared 2-core AMD EPYC (AVX2), process CPU time, one user against 102,400 x 64 factors:
 * 4.1 ms against 5.6 ms for the scalar row-major loop and 4.9 ms for {@code System.arraycopy} of the same matrix
 * (see {@code FactorScoringBenchmark} in recommender-bench for the current figures).
 *
 * <p>Every score is summed in factor order {@code 0, 1, ..., factors - 1}, exactly as the plain loop
 * {@code s += user[f] * item[f]} does, so the scores are bit for bit those of {@link FactorScoring#dot} with
 * one accumulator: changing the layout changes no ranking.
 *
 * <p>Immutable after construction and safe for concurrent use; the scoring methods allocate nothing except the
 * documented per-call scratch of the batch method. Padding items of the last block are zero and never reported.
 */
public final class BlockedItemFactors {
  /**
   * Items per block. C2 vectorises the inner loop only when its trip count is long enough for its unrolled SIMD
   * main loop (blocks of 16 ran no faster than the scalar loop; 256 ran about 25% faster); 256 x 64 factors is a
   * 64 KB block, which stays in L2 while a batch of users is scored against it.
   */
  public static final int BLOCK = 256;

  private final float[] blocks;
  private final int items;
  private final int factors;

  private BlockedItemFactors(float[] blocks, int items, int factors) {
    this.blocks = blocks;
    this.items = items;
    this.factors = factors;
  }

  /**
   * Copies a row-major item matrix into the blocked layout.
   *
   * @param rowMajor {@code items x factors} floats, row {@code i} at {@code [i * factors, (i + 1) * factors)}; not
   *     kept
   * @param items number of items, >= 0
   * @param factors vector length, >= 1
   * @throws IllegalArgumentException if a size is out of range or {@code rowMajor} is too short
   */
  public static BlockedItemFactors of(float[] rowMajor, int items, int factors) {
    Objects.requireNonNull(rowMajor, "rowMajor");
    if (items < 0) {
      throw new IllegalArgumentException("items must be >= 0, got " + items);
    }
    if (factors < 1) {
      throw new IllegalArgumentException("factors must be >= 1, got " + factors);
    }
    if ((long) items * factors > rowMajor.length) {
      throw new IllegalArgumentException("rowMajor has " + rowMajor.length + " floats, needs items x factors = "
          + (long) items * factors);
    }
    int blockCount = (items + BLOCK - 1) / BLOCK;
    long length = (long) blockCount * BLOCK * factors;
    if (length > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(items + " x " + factors + " factors do not fit in one float array");
    }
    float[] blocks = new float[(int) length];
    for (int i = 0; i < items; i++) {
      int base = (i / BLOCK) * BLOCK * factors + i % BLOCK;
      for (int f = 0, src = i * factors; f < factors; f++, src++) {
        blocks[base + f * BLOCK] = rowMajor[src];
      }
    }
    return new BlockedItemFactors(blocks, items, factors);
  }

  /** Number of items. */
  public int items() {
    return items;
  }

  /** Vector length. */
  public int factors() {
    return factors;
  }

  /** Bytes held by the matrix, padding included. */
  public long memoryBytes() {
    return 4L * blocks.length;
  }

  /**
   * Copies the vector of {@code item} into {@code out[0..factors())}.
   *
   * @throws IndexOutOfBoundsException if {@code item} is out of range or {@code out} is too short
   */
  public void itemVector(int item, float[] out) {
    Objects.checkIndex(item, items);
    Objects.checkFromIndexSize(0, factors, out.length);
    int base = (item / BLOCK) * BLOCK * factors + item % BLOCK;
    for (int f = 0; f < factors; f++) {
      out[f] = blocks[base + f * BLOCK];
    }
  }

  /**
   * Writes {@code scores[i] = user . item i} for every item.
   *
   * @param user at least {@code factors()} long
   * @param scores at least {@code items()} long
   * @throws IllegalArgumentException if an array is too short
   */
  public void scoreAll(float[] user, float[] scores) {
    checkUser(user, 0);
    if (scores.length < items) {
      throw new IllegalArgumentException("scores has length " + scores.length + ", needs at least " + items);
    }
    float[] acc = new float[BLOCK];
    for (int b = 0, first = 0; first < items; b++, first += BLOCK) {
      block(b, user, 0, acc);
      System.arraycopy(acc, 0, scores, first, Math.min(BLOCK, items - first));
    }
  }

  /**
   * Offers every item's score to {@code top}, skipping the items in {@code excludedSorted}, without a score array.
   * Equivalent to {@link FactorScoring#scoreTopN} on the row-major matrix this was built from.
   *
   * @param user at least {@code factors()} long
   * @param excludedSorted ascending item indexes to skip, possibly empty
   * @param top receives the candidates; not reset first
   */
  public void scoreTopN(float[] user, int[] excludedSorted, TopN top) {
    checkUser(user, 0);
    float[] acc = new float[BLOCK];
    int e = 0;
    for (int b = 0, first = 0; first < items; b++, first += BLOCK) {
      block(b, user, 0, acc);
      e = offerBlock(acc, first, excludedSorted, e, top);
    }
  }

  /**
   * Scores a batch of users, reading the item matrix once for the whole batch instead of once per user: each block
   * of {@value #BLOCK} items is scored for every user while it is in the L2 cache. With a matrix larger
   * than the last-level cache this divides the memory traffic per user by the batch size.
   *
   * <p>Allocates one {@code int[userCount]} and one {@code float[BLOCK]} of scratch per call.
   *
   * @param users row-major user vectors, user {@code u} at {@code [u * factors(), (u + 1) * factors())}
   * @param userCount number of users in the batch, >= 0
   * @param excludedSorted per user, ascending item indexes to skip (possibly empty), at least {@code userCount}
   * @param tops per user, the selector receiving its candidates (not reset first), at least {@code userCount}
   * @throws IllegalArgumentException if an array is too short
   */
  public void scoreTopNBatch(float[] users, int userCount, int[][] excludedSorted, TopN[] tops) {
    if (userCount < 0 || excludedSorted.length < userCount || tops.length < userCount) {
      throw new IllegalArgumentException("userCount " + userCount + " with " + excludedSorted.length
          + " exclusion lists and " + tops.length + " selectors");
    }
    if (userCount > 0) {
      checkUser(users, userCount - 1);
    }
    float[] acc = new float[BLOCK];
    int[] cursors = new int[userCount];
    for (int b = 0, first = 0; first < items; b++, first += BLOCK) {
      for (int u = 0; u < userCount; u++) {
        block(b, users, u * factors, acc);
        cursors[u] = offerBlock(acc, first, excludedSorted[u], cursors[u], tops[u]);
      }
    }
  }

  /** acc[k] = user . item (b * BLOCK + k), summed in factor order. */
  private void block(int b, float[] user, int userOffset, float[] acc) {
    float[] m = blocks;
    int base = b * BLOCK * factors;
    // Starting from +0 like the plain loop (instead of from the first product) keeps even the sign of zero equal.
    Arrays.fill(acc, 0f);
    for (int f = 0; f < factors; f++) {
      float uf = user[userOffset + f];
      int o = base + f * BLOCK;
      for (int k = 0; k < BLOCK; k++) {
        acc[k] += uf * m[o + k];
      }
    }
  }

  /** Offers the real items of one block; returns the advanced exclusion cursor. */
  private int offerBlock(float[] acc, int first, int[] excludedSorted, int e, TopN top) {
    int n = Math.min(BLOCK, items - first);
    float threshold = top.threshold();
    for (int k = 0; k < n; k++) {
      float s = acc[k];
      if (s < threshold) {
        continue;
      }
      int item = first + k;
      while (e < excludedSorted.length && excludedSorted[e] < item) {
        e++;
      }
      if (e < excludedSorted.length && excludedSorted[e] == item) {
        continue;
      }
      top.offer(item, s);
      threshold = top.threshold();
    }
    return e;
  }

  private void checkUser(float[] users, int lastUser) {
    long need = (long) (lastUser + 1) * factors;
    if (users.length < need) {
      throw new IllegalArgumentException("user vectors have " + users.length + " floats, need " + need);
    }
  }
}
