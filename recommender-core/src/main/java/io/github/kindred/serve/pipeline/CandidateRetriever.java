package io.github.kindred.serve.pipeline;

import io.github.kindred.model.Model;
import io.github.kindred.model.Query;

/**
 * Approximate candidate generation: proposes the items likely to score highest for a query (for example from an
 * HNSW index over a factor model's item vectors), so that the model scores only those exactly instead of the whole
 * catalogue. Score stages, business rules and re-ranking then run over the candidates as they would over the full
 * scan. Without a retriever (the default) every item is scored: the exact reference.
 *
 * <p>The recommender asks for more candidates than it returns: the selection pool (the result count, times the
 * diversity pool factor when re-ranking) times the over-fetch factor given to
 * {@link io.github.kindred.serve.Recommender.Builder#candidateRetriever}, plus the number of seen items the request
 * excludes. When that reaches the catalogue size, or fewer results than asked for survive the business rules, the
 * request is answered by the exact full scan instead, so a narrow filter never empties an answer the full scan
 * would fill.
 *
 * <p>Implementations are immutable and thread-safe: one instance serves one model generation from every request
 * thread and allocates nothing per call beyond constant-size scratch.
 */
@FunctionalInterface
public interface CandidateRetriever {
  /**
   * Writes the indexes of up to {@code wanted} distinct model items ({@code 0 <= item < model.itemCount()}) into
   * {@code out[0..n)} and returns {@code n}; the order does not matter.
   *
   * @param query the model query of the request: user index, history, session events and context
   * @param wanted how many candidates to propose, >= 1
   * @param out the output, of length at least {@code wanted}
   * @return the number of candidates written, {@code 0 <= n <= wanted}
   */
  int retrieve(Query query, int wanted, int[] out);

  /**
   * Builds the retriever of one model generation: called when the recommender is built and at every
   * {@link io.github.kindred.serve.Recommender#swap}, before the new model serves and outside the writer lock, so
   * that an index build does not stall ingestion.
   */
  @FunctionalInterface
  interface Factory {
    /**
     * Builds a retriever over {@code model}.
     *
     * @param model the model about to serve
     * @return its retriever, or null to serve this model by the exact full scan
     */
    CandidateRetriever build(Model model);
  }
}
