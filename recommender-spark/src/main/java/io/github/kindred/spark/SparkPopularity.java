package io.github.kindred.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import io.github.kindred.model.Model;
import io.github.kindred.popularity.PopularityTrainer;
import io.github.kindred.popularity.TrendingConfig;
import io.github.kindred.popularity.TrendingModel;
import java.util.Objects;
import org.apache.spark.sql.Row;

/**
 * Popularity and trending popularity computed on Spark: one aggregation over the cells (or events), then the
 * per-item scores, one float per item, are collected and handed to the core factories, so the model file is the
 * one {@link PopularityTrainer} or {@code TrendingTrainer} writes for the same data.
 */
public final class SparkPopularity {
  private SparkPopularity() {}

  /**
   * The number of distinct users of every item (the cells per item).
   *
   * @param data the interactions
   * @return a model saved under the algorithm name {@code popularity}
   */
  public static Model fit(SparkInteractions data) {
    Objects.requireNonNull(data, "data");
    float[] counts = new float[data.items().size()];
    for (Row r : data.cells().groupBy(col(SparkInteractions.I)).agg(count(lit(1))).collectAsList()) {
      counts[r.getInt(0)] = r.getLong(1);
    }
    return PopularityTrainer.model(data.users(), data.items(), counts);
  }

  /**
   * Every event's value decayed by {@code 2^(-(tRef - t) / halfLife)}, summed per item in double; events after an
   * explicit reference time are ignored, as in {@code TrendingTrainer}.
   *
   * @param data the interactions, with timestamps
   * @param config the half-life and reference time
   * @return the model
   * @throws IllegalArgumentException if the events have no timestamps
   */
  public static TrendingModel fitTrending(SparkInteractions data, TrendingConfig config) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(config, "config");
    if (!data.hasTimestamps()) {
      throw new IllegalArgumentException("trending popularity needs timestamps, but the frame was read without"
          + " a timestamp column");
    }
    long ref = config.referenceTime() != TrendingConfig.LATEST ? config.referenceTime()
        : data.events().agg(max(col(SparkInteractions.T))).first().getLong(0);
    double rate = Math.log(2) / config.halfLifeSeconds();
    org.apache.spark.sql.Dataset<Row> aged = data.events()
        .withColumn("age", lit(ref).minus(col(SparkInteractions.T)))
        .filter(col("age").geq(0));
    double[] sums = new double[data.items().size()];
    for (Row r : aged.groupBy(col(SparkInteractions.I))
        .agg(sum(col(SparkInteractions.V).cast("double").multiply(exp(col("age").multiply(-rate)))))
        .collectAsList()) {
      sums[r.getInt(0)] = r.getDouble(1);
    }
    float[] trend = new float[sums.length];
    for (int i = 0; i < trend.length; i++) {
      trend[i] = (float) sums[i];
    }
    return TrendingModel.of(config, ref, data.users(), data.items(), trend);
  }
}
