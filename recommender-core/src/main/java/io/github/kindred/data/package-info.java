/** Ids, interaction logs, sparse matrices, features and datasets. */
package io.github.kindred.data;
