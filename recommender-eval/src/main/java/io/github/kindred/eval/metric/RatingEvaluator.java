package io.github.kindred.eval.metric;

import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Rating-prediction accuracy: the model's score for a (user, item) pair is read as its predicted rating and
 * compared with the held-out value. Meaningful only for models whose scores are on the rating scale (baseline
 * predictors, biased MF, explicit ALS), trained on the raw ratings rather than on binary data. Test pairs whose item
 * is unknown to training are skipped; users unknown to training are scored from an empty query. Stateless and
 * thread-safe.
 */
public final class RatingEvaluator {
  private RatingEvaluator() {}

  /**
   * The outcome: RMSE and MAE over all scored pairs, and each evaluated user's mean squared and mean absolute
   * error (for paired statistics).
   *
   * @param users the evaluated user indexes, ascending
   * @param userMse each user's mean squared error, aligned with {@code users}
   * @param userMae each user's mean absolute error, aligned with {@code users}
   * @param rmse the root of the mean squared error over all scored pairs
   * @param mae the mean absolute error over all scored pairs
   * @param pairs the number of scored pairs
   * @param skipped the number of test pairs skipped because their item is unknown to training
   */
  public record Result(int[] users, double[] userMse, double[] userMae, double rmse, double mae, int pairs,
      int skipped) {

    /**
     * Presents this outcome as a {@link RankingResult}, so that reports and statistics treat rating runs like
     * ranking runs: per-user values {@code user-mse} and {@code user-mae}, aggregates {@code rmse} and {@code mae}.
     *
     * @param cutoffs the cutoffs of the experiment (reported, not used by rating metrics)
     * @param itemCount the number of items in training
     * @param seconds the time spent predicting
     * @return the result
     */
    public RankingResult asRankingResult(int[] cutoffs, int itemCount, double seconds) {
      Map<String, double[]> perUser = new LinkedHashMap<>();
      perUser.put("user-mse", userMse);
      perUser.put("user-mae", userMae);
      Map<String, Double> aggregates = new LinkedHashMap<>();
      aggregates.put("rmse", rmse);
      aggregates.put("mae", mae);
      return new RankingResult(users, cutoffs, perUser, aggregates, itemCount, seconds,
          "rating prediction: " + pairs + " test ratings" + (skipped > 0 ? ", " + skipped
              + " of unknown items skipped" : ""), false);
    }
  }

  /**
   * Evaluates {@code model} on the values of {@code test} (build it with
   * {@link io.github.kindred.data.DuplicatePolicy#LATEST} so that a re-rated item counts once with its last value).
   *
   * @throws IllegalArgumentException if the model's item count differs from the training matrix's
   */
  public static Result evaluate(Model model, InteractionMatrix train, InteractionMatrix test) {
    Objects.requireNonNull(model, "model");
    int items = train.columns();
    if (model.itemCount() != items) {
      throw new IllegalArgumentException(
          "the model scores " + model.itemCount() + " items but the training matrix has " + items);
    }
    float[] scores = new float[items];
    int[] pointers = test.rowPointers();
    int[] columns = test.columnIndexes();
    float[] values = test.values();
    int[] users = new int[test.rows()];
    double[] mse = new double[test.rows()];
    double[] mae = new double[test.rows()];
    int evaluated = 0;
    double squared = 0;
    double absolute = 0;
    int pairs = 0;
    int skipped = 0;
    for (int u = 0; u < test.rows(); u++) {
      if (pointers[u] == pointers[u + 1]) {
        continue;
      }
      boolean scored = false;
      double userSquared = 0;
      double userAbsolute = 0;
      int userPairs = 0;
      for (int k = pointers[u]; k < pointers[u + 1]; k++) {
        int item = columns[k];
        if (item >= items) {
          skipped++;
          continue;
        }
        if (!scored) {
          model.score(u < train.rows() ? Query.forUser(u, train) : Query.empty(), scores);
          scored = true;
        }
        double error = scores[item] - values[k];
        userSquared += error * error;
        userAbsolute += Math.abs(error);
        userPairs++;
      }
      if (userPairs > 0) {
        users[evaluated] = u;
        mse[evaluated] = userSquared / userPairs;
        mae[evaluated] = userAbsolute / userPairs;
        evaluated++;
        squared += userSquared;
        absolute += userAbsolute;
        pairs += userPairs;
      }
    }
    return new Result(Arrays.copyOf(users, evaluated), Arrays.copyOf(mse, evaluated), Arrays.copyOf(mae, evaluated),
        pairs == 0 ? 0 : Math.sqrt(squared / pairs), pairs == 0 ? 0 : absolute / pairs, pairs, skipped);
  }
}
