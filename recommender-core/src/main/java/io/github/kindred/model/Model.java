package io.github.kindred.model;

import io.github.kindred.data.IdIndex;

/**
 * A trained model: it scores every item for a query. Higher scores are better; the scale is model-specific.
 *
 * <p>Models are immutable and safe for concurrent use by any number of threads; an update produces a new model.
 */
public interface Model {
  /** {@return the items this model scores, indexed as in the dataset it was fitted on} */
  IdIndex items();

  /** {@return the users known at training time, indexed as in the dataset it was fitted on} */
  IdIndex users();

  /** {@return number of items, the length of the score vector this model fills} */
  default int itemCount() {
    return items().size();
  }

  /**
   * Writes a score for every item into {@code scores[0..itemCount())}, overwriting what was there.
   *
   * <p>Implementations allocate nothing per call beyond constant-size scratch, so that callers can reuse one
   * buffer per thread.
   *
   * <p>A user index the model does not know (one added after training) is scored like {@link Query#ANONYMOUS},
   * from the query's history; history items the model does not know (ingested after training) are ignored. Both
   * are deliberate: a server keeps answering while new users and items arrive between retrainings.
   *
   * @param query who to score for: a known user, a history of items, or both
   * @param scores the output, of length at least {@link #itemCount()}
   * @throws IllegalArgumentException if {@code scores} is too short
   */
  void score(Query query, float[] scores);

  /**
   * Checks the output of {@link #score}: the one place every model states its length requirement.
   *
   * @param scores the caller's score buffer
   * @param items the model's item count
   * @throws IllegalArgumentException if {@code scores} is shorter than {@code items}
   */
  static void requireScoreLength(float[] scores, int items) {
    if (scores.length < items) {
      throw new IllegalArgumentException("scores has length " + scores.length + ", needs at least " + items);
    }
  }
}
