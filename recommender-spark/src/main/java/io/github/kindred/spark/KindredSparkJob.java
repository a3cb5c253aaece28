package io.github.kindred.spark;

import io.github.kindred.data.DuplicatePolicy;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.eval.metric.RankingEvaluator;
import io.github.kindred.eval.metric.RankingResult;
import io.github.kindred.factorization.ImplicitAlsConfig;
import io.github.kindred.factorization.ImplicitAlsTrainer;
import io.github.kindred.knn.ItemKnnConfig;
import io.github.kindred.knn.ItemKnnTrainer;
import io.github.kindred.knn.Similarity;
import io.github.kindred.model.Model;
import io.github.kindred.persist.ModelFiles;
import io.github.kindred.popularity.PopularityTrainer;
import io.github.kindred.popularity.TrendingConfig;
import io.github.kindred.popularity.TrendingTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The spark-submit entry point: reads training (and optionally test) events, trains one algorithm on the cluster,
 * writes a Kindred model file, and optionally evaluates it on the cluster, writes everyone's top-N, and compares
 * with the same algorithm trained and evaluated in-process on the driver.
 *
 * <pre>
 * spark-submit --class io.github.kindred.spark.KindredSparkJob recommender-spark/target/kindred-spark.jar \
 *     --train train.tsv [--test test.tsv] [--format tsv|csv|parquet] [--columns user=C,item=C,value=C,timestamp=C]
 *     [--binary true] --algorithm popularity|trending|itemknn|als [--model model.kmd] [--cutoff 10]
 *     [--neighbors 200] [--similarity cosine|jaccard|asymmetric] [--shrinkage 0]
 *     [--factors 64] [--iterations 15] [--reg 0.01] [--alpha 1] [--seed 42] [--blocks 2]
 *     [--half-life-days 7] [--recommend DIR --n 10] [--compare true] [--master local[2]]
 * </pre>
 *
 * <p>{@code tsv} reads headerless {@code user item value [timestamp]} lines; {@code csv} a header row, mapped with
 * {@code --columns}; {@code parquet} column names, mapped the same way. {@code --alpha} belongs to the algorithm:
 * ALS's confidence weight, or item-kNN's asymmetric-cosine exponent (default 0.5). Prints one line per result.
 */
public final class KindredSparkJob {
  private KindredSparkJob() {}

  /**
   * Runs the job.
   *
   * @param args the options above
   * @throws IOException if the model file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Map<String, String> o = parse(args);
    String algorithm = required(o, "algorithm");
    SparkSession.Builder b = SparkSession.builder().appName("kindred-" + algorithm);
    if (o.containsKey("master")) {
      b.master(o.get("master"));
    }
    SparkSession spark = b.getOrCreate();
    try {
      run(spark, o, algorithm);
    } finally {
      spark.stop();
    }
  }

  private static void run(SparkSession spark, Map<String, String> o, String algorithm) throws IOException {
    String format = o.getOrDefault("format", "tsv");
    ColumnMapping columns = o.containsKey("columns") ? ColumnMapping.parse(o.get("columns")) : null;
    boolean binary = Boolean.parseBoolean(o.getOrDefault("binary", "true"));
    int cutoff = Integer.parseInt(o.getOrDefault("cutoff", "10"));
    long t0 = System.nanoTime();
    org.apache.spark.sql.Dataset<Row> trainFrame = read(spark, required(o, "train"), format);
    ColumnMapping mapping = columns != null ? columns : positional(trainFrame);
    SparkInteractions train = SparkInteractions.read(trainFrame, mapping, binary);
    double readSeconds = seconds(t0);
    System.out.printf(Locale.ROOT, "read: %d events, %d cells, %d users, %d items in %.1f s%n",
        train.eventCount(), train.cellCount(), train.users().size(), train.items().size(), readSeconds);
    long t1 = System.nanoTime();
    Model model = fitOnSpark(train, algorithm, o);
    double fitSeconds = seconds(t1);
    System.out.printf(Locale.ROOT, "spark fit %s: %.1f s%n", algorithm, fitSeconds);
    if (o.containsKey("model")) {
      ModelFiles.standard().save(model, Path.of(o.get("model")));
      System.out.println("model: " + o.get("model"));
    }
    if (o.containsKey("recommend")) {
      long t2 = System.nanoTime();
      SparkBatch.recommendAll(model, train, Integer.parseInt(o.getOrDefault("n", "10")), true)
          .write().mode("overwrite").parquet(o.get("recommend"));
      System.out.printf(Locale.ROOT, "recommend-all: %s in %.1f s%n", o.get("recommend"), seconds(t2));
    }
    if (!o.containsKey("test")) {
      return;
    }
    org.apache.spark.sql.Dataset<Row> testFrame = read(spark, o.get("test"), format);
    ColumnMapping testMapping = columns != null ? columns : positional(testFrame);
    long t3 = System.nanoTime();
    SparkBatch.Evaluation e = SparkBatch.evaluate(model, train, testFrame, testMapping, cutoff);
    System.out.printf(Locale.ROOT, "spark eval %s: users %d ndcg@%d %.4f recall@%d %.4f precision@%d %.4f (%.1f s)%n",
        algorithm, e.users(), cutoff, e.metrics().get("ndcg@" + cutoff), cutoff, e.metrics().get("recall@" + cutoff),
        cutoff, e.metrics().get("precision@" + cutoff), seconds(t3));
    if (Boolean.parseBoolean(o.getOrDefault("compare", "false"))) {
      compare(train, testFrame, testMapping, model, algorithm, o, cutoff);
    }
    train.release();
  }

  /** Trains in-process on the collected data and evaluates both models with recommender-eval's evaluator. */
  private static void compare(SparkInteractions train, org.apache.spark.sql.Dataset<Row> testFrame,
      ColumnMapping mapping, Model sparkModel, String algorithm, Map<String, String> o, int cutoff) {
    io.github.kindred.data.Dataset local = train.toDataset();
    InteractionLog.Builder log = InteractionLog.builder().knownUsers(train.users()).knownItems(train.items());
    for (Row r : testFrame.select(mapping.user(), mapping.item()).collectAsList()) {
      String user = String.valueOf(r.get(0)).trim();
      String item = String.valueOf(r.get(1)).trim();
      if (train.items().contains(item)) {
        log.add(user, item, 1f);
      }
    }
    InteractionMatrix test = InteractionMatrix.of(log.build(), DuplicatePolicy.SUM);
    RankingEvaluator evaluator = RankingEvaluator.builder().cutoffs(cutoff).build();
    long t0 = System.nanoTime();
    Model inProcess = switch (algorithm) {
      case "popularity" -> new PopularityTrainer().fit(local);
      case "trending" -> new TrendingTrainer(trending(o)).fit(local);
      case "itemknn" -> new ItemKnnTrainer(itemKnn(o)).fit(local);
      case "als" -> new ImplicitAlsTrainer(inProcessAls(o)).fit(local);
      default -> throw new IllegalArgumentException("unknown --algorithm '" + algorithm + "'");
    };
    double fit = seconds(t0);
    RankingResult a = evaluator.evaluate(sparkModel, local.matrix(), test);
    RankingResult c = evaluator.evaluate(inProcess, local.matrix(), test);
    System.out.printf(Locale.ROOT, "in-process eval of the spark model: ndcg@%d %.4f recall@%d %.4f%n", cutoff,
        a.mean("ndcg@" + cutoff), cutoff, a.mean("recall@" + cutoff));
    System.out.printf(Locale.ROOT, "in-process %s: fit %.1f s ndcg@%d %.4f recall@%d %.4f%n", algorithm, fit,
        cutoff, c.mean("ndcg@" + cutoff), cutoff, c.mean("recall@" + cutoff));
  }

  static Model fitOnSpark(SparkInteractions train, String algorithm, Map<String, String> o) {
    return switch (algorithm) {
      case "popularity" -> SparkPopularity.fit(train);
      case "trending" -> SparkPopularity.fitTrending(train, trending(o));
      case "itemknn" -> SparkItemKnn.fit(train, itemKnn(o));
      case "als" -> SparkAls.fit(train, mllibAls(o));
      default -> throw new IllegalArgumentException(
          "unknown --algorithm '" + algorithm + "'; expected popularity, trending, itemknn or als");
    };
  }

  private static TrendingConfig trending(Map<String, String> o) {
    return TrendingConfig.ofHalfLifeDays(Double.parseDouble(o.getOrDefault("half-life-days", "7")));
  }

  private static ItemKnnConfig itemKnn(Map<String, String> o) {
    return new ItemKnnConfig(Integer.parseInt(o.getOrDefault("neighbors", "200")),
        Similarity.valueOf(o.getOrDefault("similarity", "cosine").toUpperCase(Locale.ROOT)),
        Float.parseFloat(o.getOrDefault("shrinkage", "0")), Runtime.getRuntime().availableProcessors(),
        Float.parseFloat(o.getOrDefault("alpha", "0.5")));
  }

  private static MllibAlsConfig mllibAls(Map<String, String> o) {
    MllibAlsConfig d = MllibAlsConfig.defaults();
    return new MllibAlsConfig(Integer.parseInt(o.getOrDefault("factors", String.valueOf(d.factors()))),
        Integer.parseInt(o.getOrDefault("iterations", String.valueOf(d.iterations()))),
        Double.parseDouble(o.getOrDefault("reg", String.valueOf(d.regParam()))),
        Double.parseDouble(o.getOrDefault("alpha", String.valueOf(d.alpha()))),
        Long.parseLong(o.getOrDefault("seed", String.valueOf(d.seed()))),
        Integer.parseInt(o.getOrDefault("blocks", String.valueOf(d.blocks()))));
  }

  /** Kindred's own implicit ALS with its tuned defaults at the same rank and iterations, for the comparison. */
  private static ImplicitAlsConfig inProcessAls(Map<String, String> o) {
    MllibAlsConfig m = mllibAls(o);
    return ImplicitAlsConfig.defaults().withFactors(m.factors()).withIterations(m.iterations());
  }

  private static org.apache.spark.sql.Dataset<Row> read(SparkSession spark, String path, String format) {
    return switch (format) {
      case "tsv" -> spark.read().option("sep", "\t").option("inferSchema", "false").csv(path);
      case "csv" -> spark.read().option("header", "true").csv(path);
      case "parquet" -> spark.read().parquet(path);
      default -> throw new IllegalArgumentException("--format '" + format + "' is not tsv, csv or parquet");
    };
  }

  /** For headerless tsv: user, item, then value and timestamp when the lines have them. */
  private static ColumnMapping positional(org.apache.spark.sql.Dataset<Row> frame) {
    List<String> names = List.of(frame.columns());
    if (names.size() < 2) {
      throw new IllegalArgumentException("a tsv line needs at least user and item, the file has " + names.size()
          + " column(s)");
    }
    return new ColumnMapping(names.get(0), names.get(1), names.size() > 2 ? names.get(2) : null,
        names.size() > 3 ? names.get(3) : null);
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int k = 0; k < args.length; k += 2) {
      if (!args[k].startsWith("--") || k + 1 >= args.length) {
        throw new IllegalArgumentException("expected --option value pairs, got '" + args[k] + "'");
      }
      o.put(args[k].substring(2), args[k + 1]);
    }
    return o;
  }

  private static String required(Map<String, String> o, String key) {
    String v = o.get(key);
    if (v == null) {
      throw new IllegalArgumentException("--" + key + " is required");
    }
    return v;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
