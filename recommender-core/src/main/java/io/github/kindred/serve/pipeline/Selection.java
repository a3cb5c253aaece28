package io.github.kindred.serve.pipeline;

import io.github.kindred.math.TopN;

/**
 * The selection stage (internal): the best candidates by score into a {@link TopN} of the request's pool size (the
 * result count, or {@link Diversifier#POOL_FACTOR} times it when the request asks for diversity). Excluded items
 * ({@link Float#NEGATIVE_INFINITY}) are never selected, so fewer results come back when fewer pass the rules.
 */
public final class Selection {
  private Selection() {}

  /**
   * How many candidates selection keeps for a request.
   *
   * @param count the result count
   * @param diversity the request's diversity in [0, 1]
   * @return the count, or the diversity pool
   */
  public static int poolSize(int count, float diversity) {
    return diversity > 0f ? count * Diversifier.POOL_FACTOR : count;
  }

  /**
   * Offers every candidate to {@code top} (which the caller has reset to the pool size; it drops the excluded).
   *
   * @param c the candidates
   * @param scores their scores, by item index
   * @param top the selection, best first
   */
  public static void select(Candidates c, float[] scores, TopN top) {
    int n = c.size();
    if (c.isAll()) {
      for (int i = 0; i < n; i++) {
        float v = scores[i];
        if (v >= top.threshold()) {
          top.offer(i, v);
        }
      }
      return;
    }
    for (int k = 0; k < n; k++) {
      int i = c.item(k);
      float v = scores[i];
      if (v >= top.threshold()) {
        top.offer(i, v);
      }
    }
  }
}
