/**
 * Offline evaluation of recommenders: ranking metrics with per-user values, the full-ranking evaluator, rating
 * prediction (RMSE, MAE), train/test splits (including cold-start splits), statistics, hyper-parameter search,
 * reports, and the algorithm registry used by the command-line tool.
 *
 * <p>Everything here uses the public API of {@code recommender-core} the way a user of the library would: a
 * {@link io.github.kindred.model.Trainer} fits a {@link io.github.kindred.data.Dataset}, the resulting
 * {@link io.github.kindred.model.Model} scores every item, and {@link io.github.kindred.math.TopN} picks the list.
 *
 * <p>The {@link io.github.kindred.eval.AlgorithmRegistry} knows every algorithm of the library by name, with
 * parameters named as in their configuration records and defaulting to the records' defaults; composite
 * algorithms (hybrid blends and switching, contextual pre- and post-filtering) take nested specifications in
 * square brackets. {@link io.github.kindred.eval.Experiment} passes item and user features into the training
 * datasets, the features of cold users into their queries, and the context of held-out events into the queries of
 * context-aware evaluation, one ranking per (user, context) group.
 */
package io.github.kindred.eval;
