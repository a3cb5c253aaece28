/**
 * Serving: the thread-safe {@link io.github.kindred.serve.Recommender} facade over a trained model, with immutable
 * {@link io.github.kindred.serve.Request} objects, business filters, boosts, popularity blending, MMR diversity,
 * explanations, hot-item lists and per-user result caches (Caffeine), online event ingestion and atomic model swaps.
 */
package io.github.kindred.serve;
