/**
 * Writing an {@link io.github.kindred.eval.experiment.ExperimentResult} as a report: JSON (the keys of the SPEC's
 * evaluation CLI contract), CSV, Markdown and one self-contained HTML file with inline SVG charts.
 *
 * <p>Contract: depends on {@link io.github.kindred.eval.experiment}, {@link io.github.kindred.eval.metric} and
 * {@link io.github.kindred.eval.stats}, never the other way. Reports are pure functions of the result: the same
 * result gives byte-identical text (numbers formatted with a fixed locale), so that reports can be diffed. The JSON
 * keys may be extended, never renamed or removed.
 */
package io.github.kindred.eval.report;
