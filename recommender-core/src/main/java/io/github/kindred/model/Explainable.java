package io.github.kindred.model;

/**
 * An optional ability: a model whose score for an item is a sum of contributions, one per history entry of the
 * query, so that a recommendation can be explained by the history items that produced it (item-kNN: the weight
 * of each history item times its similarity to the recommended item; a factor model may split its dot product the
 * same way).
 *
 * <p>Implementations are immutable and thread-safe, like every {@link Model}.
 */
public interface Explainable {
  /**
   * Writes into {@code out[k]} the contribution of history entry {@code k} of {@code query} to the score of
   * {@code item}, for every {@code k < query.historySize()}. The contributions sum to the score that
   * {@link Model#score(Query, float[])} gives {@code item} for the same query (up to float rounding).
   *
   * @param query the query that was scored
   * @param item the item index, {@code 0 <= item < itemCount()}
   * @param out output, of length at least {@code query.historySize()}
   * @throws IndexOutOfBoundsException if {@code item} is out of range or {@code out} is too short
   */
  void contributions(Query query, int item, float[] out);
}
