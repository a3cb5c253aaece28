/**
 * Train/test splits of an interaction log: the {@link io.github.kindred.eval.split.Split} value, the
 * {@link io.github.kindred.eval.split.Splitter} protocols (random, per-user, temporal, k-fold, strong
 * generalization, cold items and cold users) and reading and writing splits as tsv files.
 *
 * <p>Contract: depends only on {@code recommender-core}'s data package. Every splitter is a validated record; the
 * same seed and input give the same split. A pair (user, item) is never both in training and in test (splitters move
 * whole units, see {@code PairUnits}); test and fold-in logs extend the training log's user and item indexes, so
 * that an index means the same entity in all three. Named construction from a specification string lives in
 * {@link io.github.kindred.eval.experiment.Splitters}, which shares its syntax with the algorithm registry.
 */
package io.github.kindred.eval.split;
