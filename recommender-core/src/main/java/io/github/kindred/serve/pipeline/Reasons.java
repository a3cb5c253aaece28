package io.github.kindred.serve.pipeline;

/**
 * The explanations stage (internal): picks the evidence shown for a recommended item from the weights of the
 * history items behind it (additive contributions, or cosines in the model's vector space). Only items that speak
 * for the recommendation are reasons: a non-positive weight (a history item whose contribution lowered the score,
 * or one pointing away from the item, such as a cosine of -0.02) is never shown, and neither is a NaN.
 */
public final class Reasons {
  private Reasons() {}

  /**
   * Keeps the entries of {@code weights[0..n)} that are positive, sorts them by weight descending (ties by
   * position, so the order is deterministic), and writes their positions into {@code order}.
   *
   * @param weights the weight of each history item
   * @param n how many weights there are
   * @param limit the most reasons to keep, >= 0
   * @param order the output positions, of length at least {@code n}
   * @return how many positions were written, {@code <= min(n, limit)}
   */
  public static int strongest(float[] weights, int n, int limit, int[] order) {
    int c = 0;
    for (int j = 0; j < n; j++) {
      if (weights[j] > 0f) {
        // Insertion sort: histories are short and this runs on demand, not per request.
        int at = c++;
        while (at > 0 && weights[order[at - 1]] < weights[j]) {
          order[at] = order[at - 1];
          at--;
        }
        order[at] = j;
      }
    }
    return Math.min(c, limit);
  }
}
