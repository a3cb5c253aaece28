/**
 * Repeat-aware recommenders for returning customers: time-decayed personal frequency of past baskets, and
 * TIFU-KNN (Hu et al. 2020), which adds the representations of the most similar customers for exploration.
 */
package io.github.kindred.repeat;
