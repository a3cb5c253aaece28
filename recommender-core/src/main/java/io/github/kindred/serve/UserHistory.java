package io.github.kindred.serve;

import io.github.kindred.model.Query;

/**
 * The effective history of one user whose history changed since the model's dataset (events ingested, or the user
 * deleted), in the index space of one model generation. Immutable; a new event produces a new instance.
 */
final class UserHistory {
  /** Item indexes, ascending. Items the model knows come first, since their indexes are the smallest. */
  final int[] items;
  /** The summed value of each item, aligned with {@link #items}. */
  final float[] weights;
  /** How many leading entries of {@link #items} the model knows. */
  final int modelCount;
  /** Whether the user was deleted: the rows of the dataset never count for them again. */
  final boolean deleted;
  /** The query the model scores for this history, or null if the model knows none of its items. */
  final Query query;
  /** The folded-in user vector (models with fold-in and dot-product scoring), or null. */
  final float[] vector;

  UserHistory(int[] items, float[] weights, int modelCount, boolean deleted, Query query, float[] vector) {
    this.items = items;
    this.weights = weights;
    this.modelCount = modelCount;
    this.deleted = deleted;
    this.query = query;
    this.vector = vector;
  }
}
