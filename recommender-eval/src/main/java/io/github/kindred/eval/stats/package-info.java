/**
 * Statistics over per-user metric values and over repeated runs: means with confidence intervals, the paired
 * t-test, the Wilcoxon signed-rank test, bootstrap intervals of a paired difference, and concentration measures
 * (Gini index).
 *
 * <p>Contract: depends on nothing but the JDK and Commons Math (distributions); it knows no metric, split or model,
 * only arrays of doubles. Every random resampling takes a seed, so that the same input and seed give the same
 * interval. Inputs are never modified.
 */
package io.github.kindred.eval.stats;
