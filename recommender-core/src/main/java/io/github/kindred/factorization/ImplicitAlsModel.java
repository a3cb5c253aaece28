package io.github.kindred.factorization;

import io.github.kindred.data.IdIndex;
import io.github.kindred.model.DotProductScoring;
import io.github.kindred.model.FoldIn;
import io.github.kindred.model.Query;
import java.util.Arrays;

/**
 * A fitted implicit ALS model: user and item factors, and the Gram matrix {@code Y^T Y} of the item factors that the
 * closed-form fold-in needs. A known user is scored with their trained vector; an anonymous or unknown user with the
 * vector {@link #foldIn} computes from the query's history.
 *
 * <p>Immutable and thread-safe. Scoring a known user costs {@code O(items * factors)}; folding in a history of
 * {@code n} items adds {@code O(n * factors^2 + factors^3)} and a scratch of {@code factors^2} doubles.
 */
public final class ImplicitAlsModel extends FactorModel implements FoldIn, DotProductScoring {
  private final ImplicitAlsConfig config;
  private final double[] itemGram;
  private final double meanUserCount;

  ImplicitAlsModel(ImplicitAlsConfig config, IdIndex users, IdIndex items, float[] userFactors,
      float[] itemFactors, double[] itemGram, double meanUserCount) {
    super(users, items, config.factors(), userFactors, itemFactors);
    this.config = config;
    this.itemGram = itemGram;
    this.meanUserCount = meanUserCount;
  }

  /** The Gram matrix of the item factors, not copied: for the codec only. */
  double[] itemGram() {
    return itemGram;
  }

  /** The mean history length of the training users, which scales the fold-in penalty: for the codec only. */
  double meanUserCount() {
    return meanUserCount;
  }

  /** The configuration it was trained with. */
  public ImplicitAlsConfig config() {
    return config;
  }

  /**
   * The exact ALS user solve against the final item factors, the same computation as the last step of training
   * with {@link AlsSolver#CHOLESKY}: each history item has confidence {@code 1 + alpha * weight} and preference 1,
   * and the penalty is scaled by the history's length as for a training user (see
   * {@link ImplicitAlsConfig#regularizationExponent()}). A history without known items gives the zero vector.
   *
   * @param items item indexes of the history, each at most once; indexes the model does not know are ignored
   * @param weights the value of each history item, finite and {@code >= 0}; same length as {@code items}
   * @param out the output, at least {@link #dimensions()} long
   * @throws IllegalArgumentException if the lengths differ or a weight is negative or not finite
   */
  @Override
  public void foldIn(int[] items, float[] weights, float[] out) {
    if (items.length != weights.length) {
      throw new IllegalArgumentException(
          "history has " + items.length + " items but " + weights.length + " weights");
    }
    int known = 0;
    for (int k = 0; k < items.length; k++) {
      if (items[k] < itemRows) {
        known++;
      }
      if (items[k] < 0) {
        throw new IllegalArgumentException("item index must be >= 0, got " + items[k]);
      }
      if (!(weights[k] >= 0) || Float.isInfinite(weights[k])) {
        throw new IllegalArgumentException("history weight must be finite and >= 0, got " + weights[k]);
      }
    }
    if (out.length < factors) {
      throw new IllegalArgumentException("out has length " + out.length + ", needs at least " + factors);
    }
    if (known == 0) {
      Arrays.fill(out, 0, factors, 0f);
      return;
    }
    double reg = AlsSystem.rowRegularization(config.regularization(), known, meanUserCount,
        config.regularizationExponent());
    new AlsSystem(factors).solveExact(itemGram, itemFactors, itemRows, items, weights, 0, items.length, reg,
        config.alpha(), out, 0);
  }

  @Override
  void historyVector(Query query, float[] out) {
    foldIn(query.items(), query.weights(), out);
  }
}
