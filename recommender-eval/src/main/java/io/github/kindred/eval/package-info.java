/**
 * Offline evaluation of recommenders: ranking metrics with per-user values, the full-ranking evaluator, train/test
 * splits, the algorithm registry used by the command-line tool, and (as they land) splitters, statistics and
 * reports.
 *
 * <p>Everything here uses the public API of {@code recommender-core} the way a user of the library would: a
 * {@link io.github.kindred.model.Trainer} fits a {@link io.github.kindred.data.Dataset}, the resulting
 * {@link io.github.kindred.model.Model} scores every item, and {@link io.github.kindred.math.TopN} picks the list.
 */
package io.github.kindred.eval;
