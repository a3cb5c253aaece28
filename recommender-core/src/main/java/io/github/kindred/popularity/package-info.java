/**
 * Popularity recommenders: the baseline every other model must beat, the answer for cold requests, and trending
 * popularity with exponential time decay.
 */
package io.github.kindred.popularity;
