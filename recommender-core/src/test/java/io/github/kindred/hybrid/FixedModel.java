package io.github.kindred.hybrid;

import io.github.kindred.data.IdIndex;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;

/** A test model that answers every query with the same scores. */
final class FixedModel implements Model {
  private final IdIndex items;
  private final float[] scores;

  FixedModel(IdIndex items, float... scores) {
    this.items = items;
    this.scores = scores;
  }

  @Override
  public IdIndex items() {
    return items;
  }

  @Override
  public IdIndex users() {
    return IdIndex.of("u");
  }

  @Override
  public void score(Query query, float[] out) {
    System.arraycopy(scores, 0, out, 0, scores.length);
  }
}
