package io.github.kindred.spark;

import io.github.kindred.factorization.AlsSolver;
import io.github.kindred.factorization.ImplicitAlsConfig;
import io.github.kindred.factorization.ImplicitAlsModel;
import java.util.List;
import java.util.Objects;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Row;

/**
 * Implicit ALS trained by Spark MLlib, its factors exported into a Kindred {@link ImplicitAlsModel}.
 *
 * <p>The exported configuration states the objective MLlib solved in Kindred's terms, so that fold-in of an
 * anonymous history (which needs the user-side penalty) solves the same system MLlib solved for every training
 * user: MLlib penalises a user with {@code n} cells by {@code regParam * n}; Kindred by
 * {@code regularization * (n / m)^exponent} with {@code m} the mean cells per user, so the model records
 * {@code exponent = 1} and {@code regularization = regParam * m}. The item side of MLlib's objective has the same
 * {@code regParam * n} form, which Kindred's in-process trainer expresses only with the item mean; the item side is
 * not needed after training.
 */
public final class SparkAls {
  private SparkAls() {}

  /**
   * Trains MLlib's implicit ALS on the cells and exports the factors.
   *
   * @param data the interactions (their cell values are MLlib's ratings)
   * @param config rank, iterations, penalty, confidence, seed and blocks
   * @return the model, scoring every known user exactly as MLlib's {@code userFactors . itemFactors}
   */
  public static ImplicitAlsModel fit(SparkInteractions data, MllibAlsConfig config) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(config, "config");
    ALS als = new ALS().setImplicitPrefs(true).setRank(config.factors()).setMaxIter(config.iterations())
        .setRegParam(config.regParam()).setAlpha(config.alpha()).setSeed(config.seed())
        .setNumUserBlocks(config.blocks()).setNumItemBlocks(config.blocks())
        .setUserCol(SparkInteractions.U).setItemCol(SparkInteractions.I).setRatingCol(SparkInteractions.V);
    ALSModel fitted = als.fit(data.cells());
    int f = config.factors();
    float[] userFactors = collect(fitted.userFactors(), data.users().size(), f);
    float[] itemFactors = collect(fitted.itemFactors(), data.items().size(), f);
    double mean = Math.max(1.0, (double) data.cellCount() / Math.max(1, data.users().size()));
    ImplicitAlsConfig exported = new ImplicitAlsConfig(f, config.iterations(), (float) (config.regParam() * mean),
        (float) config.alpha(), config.seed(), 1, AlsSolver.CHOLESKY, 1, 1f);
    return ImplicitAlsModel.of(exported, data.users(), data.items(), userFactors, itemFactors, data.cellCount());
  }

  /** MLlib's factor frame ({@code id}, {@code features}) as a row-major array; rows it lacks stay zero. */
  private static float[] collect(org.apache.spark.sql.Dataset<Row> factors, int rows, int f) {
    float[] out = new float[rows * f];
    for (Row r : factors.collectAsList()) {
      int id = r.getInt(0);
      List<Float> v = r.getList(1);
      for (int k = 0; k < f; k++) {
        out[id * f + k] = v.get(k);
      }
    }
    return out;
  }
}
