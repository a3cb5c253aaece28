package io.github.kindred.math;

/**
 * The scoring kernel of factor models: the dot product of one user vector with every row of a row-major item
 * factor matrix ({@code items x factors} in one {@code float[]}), optionally fused with top-N selection so that the
 * score array is never written and reread.
 *
 * <p>Stateless and thread-safe; nothing is allocated per call.
 */
public final class FactorScoring {
  private FactorScoring() {}

  /** Returns the dot product of {@code a[aOff..aOff+n)} and {@code b[bOff..bOff+n)}. */
  public static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
    float s = 0f;
    for (int f = 0; f < n; f++) {
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
   */
  public static void scoreTopN(float[] itemFactors, int items, int factors, float[] user, int[] excludedSorted,
      TopN top) {
    scoreTopN(itemFactors, items, factors, user, excludedSorted, 0, excludedSorted.length, top);
  }

  /**
   * As {@link #scoreTopN(float[], int, int, float[], int[], TopN)}, with the excluded items in
   * {@code excludedSorted[from..to)} (ascending), so that a caller can pass a row of a CSR matrix without copying it.
   */
  public static void scoreTopN(float[] itemFactors, int items, int factors, float[] user, int[] excludedSorted,
      int from, int to, TopN top) {
    int e = from;
    for (int i = 0, off = 0; i < items; i++, off += factors) {
      // Exclusions beyond the item range (items the model does not know) are never reached, so they are harmless.
      if (e < to && excludedSorted[e] == i) {
        e++;
        continue;
      }
      float s = dot(user, 0, itemFactors, off, factors);
      if (s >= top.threshold()) {
        top.offer(i, s);
      }
    }
  }
}
