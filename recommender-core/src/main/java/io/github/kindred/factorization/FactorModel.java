package io.github.kindred.factorization;

import io.github.kindred.data.IdIndex;
import io.github.kindred.math.FactorScoring;
import io.github.kindred.model.ItemVectors;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the factor models share: user and item factors row-major in one {@code float[]} each, and scoring by dot
 * product through {@link FactorScoring}. A known user is scored with their trained vector; an anonymous or unknown
 * user with a vector the subclass derives from the query's history. Immutable and thread-safe.
 */
abstract class FactorModel implements Model, ItemVectors {
  final IdIndex users;
  final IdIndex items;
  final int factors;
  final float[] userFactors;
  final float[] itemFactors;
  final int userRows;
  final int itemRows;

  FactorModel(IdIndex users, IdIndex items, int factors, float[] userFactors, float[] itemFactors) {
    this.users = users;
    this.items = items;
    this.factors = factors;
    this.userFactors = userFactors;
    this.itemFactors = itemFactors;
    this.userRows = userFactors.length / factors;
    this.itemRows = itemFactors.length / factors;
  }

  @Override
  public final IdIndex items() {
    return items;
  }

  @Override
  public final IdIndex users() {
    return users;
  }

  /** Length of every user and item vector. */
  @Override
  public final int dimensions() {
    return factors;
  }

  @Override
  public final void itemVector(int item, float[] out) {
    Objects.checkIndex(item, itemRows);
    Objects.checkFromIndexSize(0, factors, out.length);
    System.arraycopy(itemFactors, item * factors, out, 0, factors);
  }

  /**
   * Copies the trained vector of user {@code user} into {@code out[0..dimensions())}.
   *
   * @param user the training user index, in [0, {@code users().size()})
   * @param out the destination, at least {@link #dimensions()} long; entries past that are untouched
   * @throws IndexOutOfBoundsException if {@code user} is out of range or {@code out} is too short
   */
  public final void userVector(int user, float[] out) {
    Objects.checkIndex(user, userRows);
    Objects.checkFromIndexSize(0, factors, out.length);
    System.arraycopy(userFactors, user * factors, out, 0, factors);
  }

  /** {@return a copy of the user factors, {@code users x dimensions()} row-major} */
  public final float[] userFactors() {
    return Arrays.copyOf(userFactors, userFactors.length);
  }

  /**
   * The item factors, {@code items x dimensions()} row-major: the model's own storage, returned without copying so
   * that servers can fuse scoring with top-N selection. Callers must never modify it.
   *
   * @return the internal array of {@code items().size() * dimensions()} floats
   */
  public final float[] itemFactors() {
    return itemFactors;
  }

  /**
   * Scores every item by the dot product of the user's vector with its vector, plus the item's bias if the model
   * has biases. Allocates one vector of {@code dimensions()} floats (and, for unknown users, the subclass's
   * fold-in scratch).
   */
  @Override
  public final void score(Query query, float[] scores) {
    Model.requireScoreLength(scores, itemRows);
    float[] u = new float[factors];
    int user = query.user();
    if (user >= 0 && user < userRows) {
      System.arraycopy(userFactors, user * factors, u, 0, factors);
    } else {
      historyVector(query, u);
    }
    FactorScoring.scoreAll(itemFactors, itemRows, factors, u, scores);
    addBiases(scores);
  }

  /** Computes the vector of a user the model does not know from the query's history into {@code out}. */
  abstract void historyVector(Query query, float[] out);

  /** Adds per-item biases to {@code scores}; nothing by default. */
  void addBiases(float[] scores) {}
}
