package io.github.kindred.serve.pipeline;

import io.github.kindred.model.Query;

/**
 * The candidates stage (internal): every model item (the exact full scan, the default), or the items a
 * {@link CandidateRetriever} proposes, checked, since a broken retriever must not corrupt answers silently. One
 * instance per thread; it owns the memory of the {@link Candidates} it returns.
 */
public final class CandidateStage {
  private final Candidates candidates = new Candidates();

  /** Creates a stage with empty buffers (they grow to the largest request and are reused). */
  public CandidateStage() {}

  /**
   * Every item the model scores.
   *
   * @param itemCount the model's item count
   * @return the candidates {@code 0..itemCount-1}
   */
  public Candidates all(int itemCount) {
    return candidates.all(itemCount);
  }

  /**
   * The candidates of a request: {@code wanted} items from {@code retriever}, or all items when there is no
   * retriever or {@code wanted} reaches the item count (the full scan is then exact and no dearer).
   *
   * @param retriever the generation's retriever, or null
   * @param query the request's model query
   * @param wanted how many candidates to ask for, >= 1
   * @param itemCount the model's item count
   * @return the candidates
   * @throws IllegalStateException if the retriever reports more candidates than asked for, or an item index outside
   *     the model's items
   */
  public Candidates select(CandidateRetriever retriever, Query query, long wanted, int itemCount) {
    if (retriever == null || wanted >= itemCount) {
      return candidates.all(itemCount);
    }
    int w = (int) wanted;
    int[] out = candidates.buffer(w);
    int n = retriever.retrieve(query, w, out);
    if (n < 0 || n > w) {
      throw new IllegalStateException(
          "candidate retriever " + retriever + " returned " + n + " candidates when asked for " + w);
    }
    for (int k = 0; k < n; k++) {
      if (out[k] < 0 || out[k] >= itemCount) {
        throw new IllegalStateException("candidate retriever " + retriever + " returned item index " + out[k]
            + ", outside the model's " + itemCount + " items");
      }
    }
    return candidates.retrieved(n);
  }
}
