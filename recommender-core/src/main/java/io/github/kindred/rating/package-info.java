/**
 * Rating prediction: models that predict the value a user would give an item (RMSE and MAE are their measures),
 * fitted on the ratings themselves rather than on binarised interactions. Build their datasets with
 * {@code Dataset.builder(log).binary(false)} and a duplicate policy that keeps one rating per cell
 * ({@code DuplicatePolicy.LATEST}). Every model here also ranks: its score for an item is the predicted rating.
 */
package io.github.kindred.rating;
