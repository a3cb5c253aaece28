package io.github.kindred.serve.pipeline;

import io.github.kindred.data.Dataset;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;

/**
 * A scoring step after the model: combines another signal into the scores of the candidates, for example a
 * repeat-aware score from the user's own purchase frequency and recency, or a session model reading the request's
 * ordered events ({@link Query#eventCount()}, {@link Query#eventItem}, {@link Query#eventTime}). Stages run in the
 * order they were added, after the model scored the candidates and before the popularity blend and the business
 * rules, on every model-scored request (known users, sessions, new users; not similar-items or hot-list answers).
 * Adding a stage turns off the fused top-N path of dot-product models, which never materialises a score array.
 *
 * <p>Implementations are immutable and thread-safe: one instance serves one model generation from every request
 * thread, and allocates nothing per call beyond constant-size scratch.
 */
@FunctionalInterface
public interface ScoreStage {
  /**
   * Rewrites {@code scores[candidates.item(k)]} for every candidate {@code k}; other entries of {@code scores} are
   * undefined and must be left alone. A stage may drop a candidate by writing {@link Float#NEGATIVE_INFINITY}.
   *
   * @param query the model query of the request: user index (or {@link Query#ANONYMOUS}), history, session events
   *     and context
   * @param candidates the items being scored
   * @param scores the score of each item by index, as left by the model and the stages before this one
   */
  void score(Query query, Candidates candidates, float[] scores);

  /**
   * Builds the stage of one model generation: called when the recommender is built and at every
   * {@link io.github.kindred.serve.Recommender#swap}, with the model and the dataset it was fitted on, so that a
   * stage can precompute from the dataset (per-user purchase counts, for example) outside the request path.
   */
  @FunctionalInterface
  interface Factory {
    /**
     * Builds the stage for one generation.
     *
     * @param model the model about to serve
     * @param data the dataset it was fitted on
     * @return the stage, never null
     */
    ScoreStage build(Model model, Dataset data);
  }
}
