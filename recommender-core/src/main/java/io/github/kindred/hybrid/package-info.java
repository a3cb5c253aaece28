/**
 * Hybrid recommenders: models composed of other models ({@link io.github.kindred.hybrid.BlendModel}, a weighted
 * blend of per-request normalised scores; {@link io.github.kindred.hybrid.SwitchingModel}, a choice by history
 * length for cold start) and {@link io.github.kindred.hybrid.FeatureMfModel}, a factorisation model in which users
 * and items are represented through their features as well as their ids, so that new users and new items get
 * useful scores.
 *
 * <p>Composed models share one item index space: every part's item index must be a prefix of the longest one
 * (the usual case: the same dataset, some parts extended with feature-only items).
 */
package io.github.kindred.hybrid;
