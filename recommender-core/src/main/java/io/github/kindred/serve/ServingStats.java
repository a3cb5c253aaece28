package io.github.kindred.serve;

import com.github.benmanes.caffeine.cache.stats.CacheStats;

/**
 * Cache statistics of a {@link Recommender} at one moment (hit rate, evictions, load times: see
 * {@link CacheStats}).
 *
 * @param userResults the per-user result cache ({@link CacheStats#empty()} when disabled)
 * @param hotLists the hot-list cache
 * @param modelVersion how many models have been swapped in since construction (0 for the first)
 * @param pendingEvents events ingested since the current model's dataset, kept to be replayed on the next swap
 */
public record ServingStats(CacheStats userResults, CacheStats hotLists, long modelVersion, int pendingEvents) {}
