/**
 * The side-by-side comparison of Kindred with established JVM recommender libraries (Apache Mahout Taste 0.13 and
 * RankSys 0.4.3) on one train/test split and one protocol: {@link io.github.kindred.bench.compare.Compare}.
 */
package io.github.kindred.bench.compare;
