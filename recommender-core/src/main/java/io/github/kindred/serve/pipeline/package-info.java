/**
 * The stages of the serving pipeline of {@link io.github.kindred.serve.Recommender}, in request order:
 * candidates ({@link io.github.kindred.serve.pipeline.CandidateStage}: every item, or the ids a
 * {@link io.github.kindred.serve.pipeline.CandidateRetriever} proposes), scores (the model, then every
 * {@link io.github.kindred.serve.pipeline.ScoreStage} in order, then {@link
 * io.github.kindred.serve.pipeline.PopularityBlend}), business rules ({@link
 * io.github.kindred.serve.pipeline.BusinessRules}: boosts, filters, availability, seen items), selection and
 * re-ranking ({@link io.github.kindred.serve.pipeline.Selection}, {@link
 * io.github.kindred.serve.pipeline.Diversifier}) and explanations ({@link
 * io.github.kindred.serve.pipeline.Reasons}). Every stage works on primitive arrays indexed by item, and none
 * knows another.
 *
 * <p><b>API:</b> {@link io.github.kindred.serve.pipeline.CandidateRetriever}, {@link
 * io.github.kindred.serve.pipeline.ScoreStage} and {@link io.github.kindred.serve.pipeline.Candidates} are the
 * extension points, plugged in through {@link io.github.kindred.serve.Recommender.Builder}. <b>Internal:</b> the
 * other classes are public only so that the serve package can call them; they are not part of the API and may
 * change in any release.
 */
package io.github.kindred.serve.pipeline;
