/**
 * Measuring a fitted model: the {@link io.github.kindred.eval.metric.RankingMetric} definitions, the full-ranking
 * {@link io.github.kindred.eval.metric.RankingEvaluator} (candidate protocols, exclusion of seen items, fold-in
 * users, context rows), its {@link io.github.kindred.eval.metric.RankingResult} with per-user values, and rating
 * prediction ({@link io.github.kindred.eval.metric.RatingEvaluator}: RMSE, MAE).
 *
 * <p>Contract: depends on {@code recommender-core}'s public API (a model scores every item,
 * {@link io.github.kindred.math.TopN} picks the list) and on {@link io.github.kindred.eval.stats}; it knows no
 * split protocol, algorithm name or report format. Results are immutable; per-user values are aligned with
 * {@link io.github.kindred.eval.metric.RankingResult#users()} and independent of the thread count, so that paired
 * statistics compare the same users across algorithms.
 */
package io.github.kindred.eval.metric;
