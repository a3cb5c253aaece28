package io.github.kindred.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.trim;

import io.github.kindred.data.IdIndex;
import io.github.kindred.eval.metric.RankingMetric;
import io.github.kindred.model.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Batch work on the cluster with any Kindred model: top-N lists for every training user, and the ranking
 * evaluation of recommender-eval computed per user on the executors and averaged on the driver.
 *
 * <p>The model travels as its model file (see {@link ShippedModel}); each user is scored as the in-process
 * {@code RankingEvaluator} scores them: the query is the user's training row (items ascending, with their cell
 * values), training items are excluded when asked, and the list is selected by {@code TopN} over every item.
 */
public final class SparkBatch {
  private SparkBatch() {}

  /** The schema of {@link #recommendAll}'s frame. */
  public static final StructType RECOMMENDATIONS = new StructType().add("user", DataTypes.StringType, false)
      .add("rank", DataTypes.IntegerType, false).add("item", DataTypes.StringType, false)
      .add("score", DataTypes.FloatType, false);

  /**
   * The top {@code n} items of every user with training cells.
   *
   * @param model the model (any model with a codec), trained on {@code train}'s indexes
   * @param train the interactions whose users are served and whose items form each query
   * @param n list length, at least 1 (capped at the item count)
   * @param excludeSeen whether a user's training items are left out of their list
   * @return rows {@code user, rank (1-based), item, score}, see {@link #RECOMMENDATIONS}
   * @throws IllegalArgumentException if {@code n < 1} or the model's id maps differ from {@code train}'s
   */
  public static org.apache.spark.sql.Dataset<Row> recommendAll(Model model, SparkInteractions train, int n,
      boolean excludeSeen) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(train, "train");
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    requireSameIndexes(model, train);
    SparkSession spark = train.cells().sparkSession();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    ShippedModel shipped = ShippedModel.of(jsc, model);
    int depth = Math.min(n, model.itemCount());
    JavaRDD<Row> rows = histories(train).mapPartitions(it -> {
      Model m = shipped.get();
      Ranker ranker = new Ranker(m, depth);
      IdIndex users = m.users();
      IdIndex items = m.items();
      int[] ids = new int[depth];
      float[] scores = new float[depth];
      List<Row> out = new ArrayList<>();
      while (it.hasNext()) {
        Tuple2<Integer, Tuple2<int[], float[]>> t = it.next();
        int len = ranker.rank(t._1(), t._2()._1(), t._2()._2(), depth, excludeSeen, ids, scores);
        String user = users.idOf(t._1());
        for (int r = 0; r < len; r++) {
          out.add(RowFactory.create(user, r + 1, items.idOf(ids[r]), scores[r]));
        }
      }
      return out.iterator();
    });
    return spark.createDataFrame(rows, RECOMMENDATIONS);
  }

  /**
   * Evaluates {@code model} on held-out events as recommender-eval's {@code RankingEvaluator} does with its
   * defaults: every user with at least one test item known to training is evaluated (test items unknown to
   * training are dropped; a test user unknown to training is scored from the empty query), training items are
   * excluded, and every {@link RankingMetric} is averaged over the evaluated users at each cut-off.
   *
   * @param model the model, trained on {@code train}'s indexes
   * @param train the training interactions
   * @param test the held-out events
   * @param columns the user and item columns of {@code test} (value and timestamp are not read)
   * @param cutoffs the cut-offs, each at least 1
   * @return the evaluated user count and the mean of every metric, keyed as reports print them
   *     ({@code "ndcg@10"})
   * @throws IllegalArgumentException if a cut-off is below 1, a column is missing, or the model's id maps differ
   *     from {@code train}'s
   */
  public static Evaluation evaluate(Model model, SparkInteractions train, org.apache.spark.sql.Dataset<Row> test,
      ColumnMapping columns, int... cutoffs) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(columns, "columns");
    int[] ks = cutoffs.clone();
    Arrays.sort(ks);
    if (ks.length == 0 || ks[0] < 1) {
      throw new IllegalArgumentException("cut-offs must be given and each >= 1, got " + Arrays.toString(cutoffs));
    }
    requireSameIndexes(model, train);
    for (String c : new String[] {columns.user(), columns.item()}) {
      if (!Arrays.asList(test.columns()).contains(c)) {
        throw new IllegalArgumentException("column '" + c + "' is not in the test frame; it has "
            + Arrays.toString(test.columns()));
      }
    }
    SparkSession spark = test.sparkSession();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    ShippedModel shipped = ShippedModel.of(jsc, model);
    // (user id, item index) for every test event whose item is known; the user index is looked up with it.
    JavaPairRDD<String, Integer> known = test
        .select(trim(col(columns.user()).cast(DataTypes.StringType)),
            trim(col(columns.item()).cast(DataTypes.StringType)))
        .toJavaRDD().flatMapToPair(r -> {
          int item = r.isNullAt(1) ? -1 : shipped.get().items().indexOf(r.getString(1));
          return item < 0 || r.isNullAt(0) ? List.<Tuple2<String, Integer>>of().iterator()
              : List.of(new Tuple2<>(r.getString(0), item)).iterator();
        });
    JavaPairRDD<Integer, int[]> relevant = known.groupByKey().mapToPair(t -> {
      int[] items = distinctSorted(t._2());
      return new Tuple2<>(shipped.get().users().indexOf(t._1()), items);
    });
    RankingMetric[] metrics = RankingMetric.values();
    int depth = Math.min(ks[ks.length - 1], model.itemCount());
    JavaRDD<double[]> perUser = relevant.leftOuterJoin(histories(train)).mapPartitions(it -> {
      Ranker ranker = new Ranker(shipped.get(), depth);
      int[] ranked = new int[Math.max(depth, 1)];
      float[] scores = new float[Math.max(depth, 1)];
      List<double[]> out = new ArrayList<>();
      while (it.hasNext()) {
        Tuple2<Integer, Tuple2<int[], Optional<Tuple2<int[], float[]>>>> t = it.next();
        int user = t._1();
        Optional<Tuple2<int[], float[]>> h = t._2()._2();
        int len = user >= 0 && h.isPresent()
            ? ranker.rank(user, h.get()._1(), h.get()._2(), depth, true, ranked, scores)
            : ranker.rank(-1, null, null, depth, true, ranked, scores);
        double[] v = new double[metrics.length * ks.length + 1];
        for (int m = 0; m < metrics.length; m++) {
          for (int c = 0; c < ks.length; c++) {
            v[m * ks.length + c] = metrics[m].compute(ranked, len, t._2()._1(), ks[c]);
          }
        }
        v[v.length - 1] = 1;
        out.add(v);
      }
      return out.iterator();
    });
    double[] sums = perUser.treeReduce(SparkBatch::add);
    shipped.destroy();
    long users = Math.round(sums[sums.length - 1]);
    Map<String, Double> means = new LinkedHashMap<>();
    for (int c = 0; c < ks.length; c++) {
      for (int m = 0; m < metrics.length; m++) {
        means.put(metrics[m].at(ks[c]), users == 0 ? 0.0 : sums[m * ks.length + c] / users);
      }
    }
    return new Evaluation(users, means);
  }

  /**
   * The outcome of {@link #evaluate}.
   *
   * @param users the number of evaluated users
   * @param metrics the mean of each metric, keyed as {@code "ndcg@10"}, cut-offs ascending
   */
  public record Evaluation(long users, Map<String, Double> metrics) {
    /** Copies the map. */
    public Evaluation {
      metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
  }

  private static double[] add(double[] a, double[] b) {
    double[] s = a.clone();
    for (int k = 0; k < s.length; k++) {
      s[k] += b[k];
    }
    return s;
  }

  private static int[] distinctSorted(Iterable<Integer> items) {
    List<Integer> list = new ArrayList<>();
    items.forEach(list::add);
    return list.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
  }

  /** Every training user's row: item indexes ascending and their cell values, as {@code Query.forUser} reads. */
  static JavaPairRDD<Integer, Tuple2<int[], float[]>> histories(SparkInteractions train) {
    return train.cells().toJavaRDD()
        .mapToPair(r -> new Tuple2<>(r.getInt(0), new Tuple2<>(r.getInt(1), r.getFloat(2))))
        .groupByKey().mapValues(SparkBatch::sortedRow);
  }

  private static Tuple2<int[], float[]> sortedRow(Iterable<Tuple2<Integer, Float>> cells) {
    List<Tuple2<Integer, Float>> list = new ArrayList<>();
    cells.forEach(list::add);
    list.sort((x, y) -> Integer.compare(x._1(), y._1()));
    int[] items = new int[list.size()];
    float[] values = new float[list.size()];
    for (int k = 0; k < items.length; k++) {
      items[k] = list.get(k)._1();
      values[k] = list.get(k)._2();
    }
    return new Tuple2<>(items, values);
  }

  private static void requireSameIndexes(Model model, SparkInteractions train) {
    if (!model.users().equals(train.users()) || !model.items().equals(train.items())) {
      throw new IllegalArgumentException("the model's user and item ids (" + model.users().size() + " users, "
          + model.items().size() + " items) are not those of the training interactions ("
          + train.users().size() + " users, " + train.items().size() + " items)");
    }
  }
}
