/**
 * Offline evaluation of recommenders, in packages that depend one way:
 * {@link io.github.kindred.eval.split} (train/test protocols) and {@link io.github.kindred.eval.stats} (confidence
 * intervals, significance) at the bottom; {@link io.github.kindred.eval.metric} (ranking and rating metrics, the
 * evaluator) on stats; {@link io.github.kindred.eval.experiment} (algorithm registry, experiments, tuning) on all
 * three; {@link io.github.kindred.eval.report} (JSON, CSV, Markdown, HTML) on the results; and the command-line tool
 * {@link io.github.kindred.eval.cli} on top.
 *
 * <p>Everything uses the public API of {@code recommender-core} the way a user of the library would: a
 * {@link io.github.kindred.model.Trainer} fits a {@link io.github.kindred.data.Dataset}, the resulting
 * {@link io.github.kindred.model.Model} scores every item, and {@link io.github.kindred.math.TopN} picks the list.
 * This package itself holds no classes.
 */
package io.github.kindred.eval;
