package io.github.kindred.spark;

import io.github.kindred.math.TopN;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;

/**
 * One executor thread's scratch for ranking: the score buffer and selector, used as the in-process evaluator uses
 * them (score all items, training items to negative infinity when excluded, offer every item to a {@link TopN}).
 */
final class Ranker {
  private final Model model;
  private final float[] scores;
  private final TopN top;

  Ranker(Model model, int depth) {
    this.model = model;
    this.scores = new float[model.itemCount()];
    this.top = new TopN(depth);
  }

  /**
   * Ranks for a known user ({@code user >= 0}, history ascending with its values) or, with {@code user < 0}, the
   * empty query, as the evaluator does for test users absent from training.
   *
   * @return the list length written to {@code ids} and {@code out}
   */
  int rank(int user, int[] history, float[] weights, int depth, boolean excludeSeen, int[] ids, float[] out) {
    Query query = user < 0 ? Query.empty() : Query.of(user, history, weights);
    model.score(query, scores);
    if (excludeSeen && user >= 0) {
      for (int i : history) {
        scores[i] = Float.NEGATIVE_INFINITY;
      }
    }
    top.reset(depth);
    for (int i = 0; i < scores.length; i++) {
      float s = scores[i];
      if (s >= top.threshold()) {
        top.offer(i, s);
      }
    }
    return top.drainTo(ids, out);
  }
}
