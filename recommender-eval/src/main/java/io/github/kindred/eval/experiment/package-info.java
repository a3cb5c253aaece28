/**
 * Running experiments by name: the {@link io.github.kindred.eval.experiment.AlgorithmRegistry} that knows every
 * algorithm of the library by a specification string, {@link io.github.kindred.eval.experiment.Splitters} (the same
 * syntax for split protocols), {@link io.github.kindred.eval.experiment.Experiment} (algorithms x sources x seeds),
 * its {@link io.github.kindred.eval.experiment.ExperimentResult} with provenance (library
 * {@link io.github.kindred.eval.experiment.Version}, configuration, seeds, data
 * {@link io.github.kindred.eval.experiment.Fingerprint}), and hyper-parameter search.
 *
 * <p>Contract: depends on {@link io.github.kindred.eval.split}, {@link io.github.kindred.eval.metric},
 * {@link io.github.kindred.eval.stats} and {@code recommender-core}; nothing here prints or writes files (that is
 * {@link io.github.kindred.eval.report} and the CLI). Algorithm parameters are named as in their configuration
 * records and default to the records' defaults; composite algorithms (hybrid blends and switching, contextual pre-
 * and post-filtering) take nested specifications in square brackets. An experiment passes item and user features
 * into the training datasets, the features of cold users into their queries, and the context of held-out events
 * into the queries of context-aware evaluation, one ranking per (user, context) group. The same specifications and
 * seeds give the same results.
 */
package io.github.kindred.eval.experiment;
