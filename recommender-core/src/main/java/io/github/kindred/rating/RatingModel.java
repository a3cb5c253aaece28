package io.github.kindred.rating;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import io.github.kindred.model.RatingPredictor;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;
import java.util.Objects;

/**
 * What every rating model shares: the global mean, a bias per user and per item, and the range of the training
 * ratings, to which every prediction is clipped (a prediction outside the scale can only be further from the truth).
 * Subclasses add the user-item interaction term and the way an anonymous history is folded in.
 */
abstract class RatingModel implements Model, RatingPredictor {
  final IdIndex users;
  final IdIndex items;
  final float mean;
  final float min;
  final float max;
  final float[] userBias;
  final float[] itemBias;

  RatingModel(IdIndex users, IdIndex items, float mean, float min, float max, float[] userBias, float[] itemBias) {
    this.users = users;
    this.items = items;
    this.mean = mean;
    this.min = min;
    this.max = max;
    this.userBias = userBias;
    this.itemBias = itemBias;
  }

  @Override
  public final IdIndex items() {
    return items;
  }

  @Override
  public final IdIndex users() {
    return users;
  }

  /** {@return the global mean of the training ratings} */
  public final float globalMean() {
    return mean;
  }

  /** {@return the smallest training rating; predictions are never below it} */
  public final float minRating() {
    return min;
  }

  /** {@return the largest training rating; predictions are never above it} */
  public final float maxRating() {
    return max;
  }

  /**
   * The bias of training user {@code user}.
   *
   * @param user the user index, 0 to {@code users().size() - 1}
   * @return the bias
   * @throws IndexOutOfBoundsException if {@code user} is out of range
   */
  public final float userBias(int user) {
    return userBias[Objects.checkIndex(user, userBias.length)];
  }

  /**
   * The bias of item {@code item}.
   *
   * @param item the item index, 0 to {@code items().size() - 1}
   * @return the bias
   * @throws IndexOutOfBoundsException if {@code item} is out of range
   */
  public final float itemBias(int item) {
    return itemBias[Objects.checkIndex(item, itemBias.length)];
  }

  @Override
  public final float predict(int user, int item) {
    boolean knownUser = user >= 0 && user < userBias.length;
    boolean knownItem = item >= 0 && item < itemBias.length;
    float p = mean;
    if (knownUser) {
      p += userBias[user];
    }
    if (knownItem) {
      p += itemBias[item];
    }
    if (knownUser && knownItem) {
      p += interaction(user, item);
    }
    return clip(p);
  }

  final float clip(float p) {
    return Math.max(min, Math.min(max, p));
  }

  /** The user-item term added to the biases of a known user and item; 0 for the baseline. */
  abstract float interaction(int user, int item);

  /**
   * Scores a known user: the predicted rating of every item.
   */
  void scoreUser(int user, float[] scores) {
    for (int i = 0; i < itemBias.length; i++) {
      scores[i] = predict(user, i);
    }
  }

  /** Scores an anonymous history (weights are its ratings); an empty history gets {@code mu + b_i}. */
  abstract void scoreHistory(Query query, float[] scores);

  @Override
  public final void score(Query query, float[] scores) {
    int n = itemBias.length;
    Model.requireScoreLength(scores, n);
    int u = query.user();
    if (u >= 0 && u < userBias.length) {
      scoreUser(u, scores);
    } else {
      scoreHistory(query, scores);
    }
  }

  /** The statistics of a rating matrix every rating trainer starts from: mean and range. */
  static final class Ratings {
    final InteractionMatrix matrix;
    final float mean;
    final float min;
    final float max;

    private Ratings(InteractionMatrix matrix, float mean, float min, float max) {
      this.matrix = matrix;
      this.mean = mean;
      this.min = min;
      this.max = max;
    }

    /**
     * Reads the ratings of {@code data}.
     *
     * @throws IllegalArgumentException if the matrix is empty
     */
    static Ratings of(Dataset data) {
      InteractionMatrix m = data.matrix();
      float[] v = m.values();
      if (v.length == 0) {
        throw new IllegalArgumentException("the dataset has no ratings");
      }
      double sum = 0;
      float min = Float.POSITIVE_INFINITY;
      float max = Float.NEGATIVE_INFINITY;
      for (float x : v) {
        sum += x;
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
      return new Ratings(m, (float) (sum / v.length), min, max);
    }
  }

  /** The persisted state every rating model shares (mean, range, biases) and, for factor models, the vectors. */
  record RatingState(float mean, float min, float max, float[] userBias, float[] itemBias, int factors,
      float[] userFactors, float[] itemFactors) {

    static void write(RatingModel m, ModelOutput out) {
      out.writeFloat(m.mean);
      out.writeFloat(m.min);
      out.writeFloat(m.max);
      out.writeFloats(m.userBias);
      out.writeFloats(m.itemBias);
      if (m instanceof FactorRatingModel f) {
        out.writeInt(f.factors);
        out.writeFloats(f.userFactors);
        out.writeFloats(f.itemFactors);
      }
    }

    /** Reads the state; {@code factors} is the expected vector length, 0 for a model without vectors. */
    static RatingState read(ModelInput in, int factors) throws ModelFormatException {
      float mean = in.readFloat();
      float min = in.readFloat();
      float max = in.readFloat();
      in.check(min <= max && Float.isFinite(min) && Float.isFinite(max), "invalid rating range " + min + ".." + max);
      int users = in.users().size();
      int items = in.items().size();
      float[] userBias = in.readFloats(users, "user biases");
      float[] itemBias = in.readFloats(items, "item biases");
      if (factors == 0) {
        return new RatingState(mean, min, max, userBias, itemBias, 0, null, null);
      }
      int stored = in.readInt();
      in.check(stored == factors, "vectors have " + stored + " factors but the configuration says " + factors);
      float[] userFactors = in.readFloats(Math.multiplyExact(users, factors), "user factors");
      float[] itemFactors = in.readFloats(Math.multiplyExact(items, factors), "item factors");
      return new RatingState(mean, min, max, userBias, itemBias, factors, userFactors, itemFactors);
    }
  }
}
