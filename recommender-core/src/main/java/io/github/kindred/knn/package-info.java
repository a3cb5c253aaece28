/** Neighbourhood recommenders: item-kNN, user-kNN and their similarity measures. */
package io.github.kindred.knn;
