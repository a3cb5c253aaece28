package io.github.kindred.factorization;

import io.github.kindred.data.IdIndex;
import io.github.kindred.model.DotProductScoring;
import io.github.kindred.model.FoldIn;
import io.github.kindred.model.Query;
import java.util.Arrays;
import java.util.Objects;

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

  /**
   * A model from factors computed elsewhere (a distributed solver such as Spark MLlib's ALS, another process). The
   * item Gram matrix that fold-in needs is computed here, so that anonymous histories fold in exactly as with a
   * model {@link ImplicitAlsTrainer} trained to the same factors. The arrays are copied.
   *
   * @param config the configuration the factors were trained with; its {@code factors} is the vector length
   * @param users the user ids
   * @param items the item ids
   * @param userFactors {@code users.size() x config.factors()} row-major, finite
   * @param itemFactors {@code items.size() x config.factors()} row-major, finite
   * @param interactions the number of stored (user, item) cells the factors were trained on, {@code >= 0}: it sets
   *     the mean history length that scales the fold-in penalty (see
   *     {@link ImplicitAlsConfig#regularizationExponent()})
   * @return the model
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a factor array has the wrong length or a non-finite entry, or
   *     {@code interactions} is negative
   */
  public static ImplicitAlsModel of(ImplicitAlsConfig config, IdIndex users, IdIndex items, float[] userFactors,
      float[] itemFactors, long interactions) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(items, "items");
    int f = config.factors();
    checkFactors(userFactors, users.size(), f, "user");
    checkFactors(itemFactors, items.size(), f, "item");
    if (interactions < 0) {
      throw new IllegalArgumentException("interactions must be >= 0, got " + interactions);
    }
    int nu = users.size();
    double mean = nu == 0 ? 1 : Math.max(1.0, (double) interactions / nu);
    float[] q = itemFactors.clone();
    return new ImplicitAlsModel(config, users, items, userFactors.clone(), q, AlsSystem.gram(q, items.size(), f),
        mean);
  }

  private static void checkFactors(float[] factors, int rows, int f, String side) {
    if (factors.length != (long) rows * f) {
      throw new IllegalArgumentException(side + " factors have " + factors.length + " entries, expected " + rows
          + " x " + f);
    }
    for (int k = 0; k < factors.length; k++) {
      if (!Float.isFinite(factors[k])) {
        throw new IllegalArgumentException(side + " factor " + (k / f) + "[" + (k % f) + "] is " + factors[k]);
      }
    }
  }

  /** The Gram matrix of the item factors, not copied: for the codec only. */
  double[] itemGram() {
    return itemGram;
  }

  /** The mean history length of the training users, which scales the fold-in penalty: for the codec only. */
  double meanUserCount() {
    return meanUserCount;
  }

  /** {@return the configuration it was trained with} */
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
