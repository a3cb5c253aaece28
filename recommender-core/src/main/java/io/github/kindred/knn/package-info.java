/** Neighbourhood recommenders: item-kNN and its similarity measures. */
package io.github.kindred.knn;
