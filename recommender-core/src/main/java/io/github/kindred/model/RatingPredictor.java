package io.github.kindred.model;

/**
 * An optional ability: a model that predicts the rating a user would give an item, on the scale of the ratings it
 * was fitted on (rating-prediction models such as the baseline predictor, biased MF and explicit ALS).
 */
public interface RatingPredictor {
  /**
   * Returns the predicted rating of {@code item} by {@code user}. A user or item index the model does not know
   * (negative, or at least the number it was fitted on) gets the prediction of the parts it does know: the global
   * mean plus the known bias.
   *
   * @param user the user index, or any index the model does not know
   * @param item the item index, or any index the model does not know
   * @return the predicted rating on the training data's scale (for example 1 to 5 stars); implementations may clip
   *     it to the range of the training ratings
   */
  float predict(int user, int item);
}
