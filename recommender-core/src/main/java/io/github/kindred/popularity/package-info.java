/** Popularity recommenders: the baseline every other model must beat, and the answer for cold requests. */
package io.github.kindred.popularity;
