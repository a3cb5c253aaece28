package io.github.kindred.examples;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.DuplicatePolicy;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.data.io.MovieLens;
import io.github.kindred.eval.experiment.ExperimentResult;
import io.github.kindred.eval.experiment.Fingerprint;
import io.github.kindred.eval.metric.RankingEvaluator;
import io.github.kindred.eval.metric.RankingMetric;
import io.github.kindred.eval.metric.RankingResult;
import io.github.kindred.eval.split.Split;
import io.github.kindred.eval.split.UserHoldout;
import io.github.kindred.eval.experiment.Version;
import io.github.kindred.factorization.ImplicitAlsConfig;
import io.github.kindred.factorization.ImplicitAlsTrainer;
import io.github.kindred.knn.ItemKnnConfig;
import io.github.kindred.knn.ItemKnnTrainer;
import io.github.kindred.linear.EaseConfig;
import io.github.kindred.linear.EaseTrainer;
import io.github.kindred.model.Model;
import io.github.kindred.model.Trainer;
import io.github.kindred.popularity.PopularityTrainer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates a few algorithms on a MovieLens directory (100K, 1M or latest, recognised by its ratings file) with a
 * per-user 80/20 random split, full ranking of every training item, and tests whether the best algorithm is
 * significantly better than the runner-up (paired t-test and Wilcoxon signed-rank test on per-user nDCG@10, with a
 * bootstrap interval of the difference).
 *
 * <p>Run with {@code java -cp examples/target/kindred-demo.jar io.github.kindred.examples.MovieLensEvaluation
 * path/to/ml-100k}.
 */
public final class MovieLensEvaluation {
  /** The seed of the split and of the bootstrap. */
  static final long SEED = 42L;
  private static final String DATA = "movielens";
  private static final String METRIC = "ndcg@10";

  private MovieLensEvaluation() {}

  /** Evaluates the MovieLens directory named by the only argument, printing to standard output. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: MovieLensEvaluation <MovieLens directory, e.g. ml-100k>");
      System.exit(2);
    }
    run(Path.of(args[0]), System.out);
  }

  /**
   * What a run found, for tests.
   *
   * @param ndcg nDCG@10 by algorithm, in table order
   * @param comparison the best against the runner-up by nDCG@10
   */
  record Result(Map<String, Double> ndcg, ExperimentResult.Comparison comparison) {}

  /**
   * Reads, splits, trains, evaluates and prints.
   *
   * @throws IOException if a file cannot be read (malformed lines name the file and line)
   */
  static Result run(Path dir, PrintStream out) throws IOException {
    MovieLens.Data data = MovieLens.load(dir);
    out.printf(Locale.ROOT, "%s: %,d ratings by %,d users of %,d items%n", dir, data.log().size(),
        data.log().users().size(), data.log().items().size());
    Split split = UserHoldout.ratio(0.2, UserHoldout.Order.RANDOM, SEED).split(data.log());
    // Implicit top-N protocol: a rating says the user chose the item, whatever its value.
    Dataset train = Dataset.builder(split.train()).binary(true).build();
    InteractionMatrix test = InteractionMatrix.of(split.test(), DuplicatePolicy.SUM);
    out.printf(Locale.ROOT, "per-user 80/20 split (seed %d): %,d training and %,d test ratings; full ranking%n%n",
        SEED, split.train().size(), split.test().size());

    Map<String, Trainer<?>> trainers = new LinkedHashMap<>();
    trainers.put("popularity", new PopularityTrainer());
    trainers.put("item-kNN (cosine, 200)", new ItemKnnTrainer(ItemKnnConfig.defaults().withNeighbors(200)));
    trainers.put("implicit ALS (64 factors)", new ImplicitAlsTrainer(ImplicitAlsConfig.defaults()));
    trainers.put("EASE (lambda 500)", new EaseTrainer(EaseConfig.defaults().withLambda(500f)));

    RankingEvaluator evaluator = RankingEvaluator.builder().cutoffs(10).build();
    List<ExperimentResult.Run> runs = new ArrayList<>();
    Map<String, Double> ndcg = new LinkedHashMap<>();
    out.printf(Locale.ROOT, "%-28s %8s %9s %12s %7s%n", "algorithm", "nDCG@10", "recall@10", "precision@10",
        "fit s");
    for (Map.Entry<String, Trainer<?>> e : trainers.entrySet()) {
      long start = System.nanoTime();
      Model model = e.getValue().fit(train);
      double fitSeconds = (System.nanoTime() - start) / 1e9;
      RankingResult r = evaluator.evaluate(model, train.matrix(), test);
      runs.add(new ExperimentResult.Run(e.getKey(), e.getKey(), DATA, SEED, true, r, fitSeconds));
      ndcg.put(e.getKey(), r.mean(RankingMetric.NDCG, 10));
      out.printf(Locale.ROOT, "%-28s %8.4f %9.4f %12.4f %7.2f%n", e.getKey(), r.mean(RankingMetric.NDCG, 10),
          r.mean(RankingMetric.RECALL, 10), r.mean(RankingMetric.PRECISION, 10), fitSeconds);
    }
    List<String> ranked = new ArrayList<>(ndcg.keySet());
    ranked.sort((a, b) -> Double.compare(ndcg.get(b), ndcg.get(a)));
    ExperimentResult result = new ExperimentResult(runs, Map.of("split", "user holdout 0.2 random"), Version.get(),
        Map.of(DATA, Fingerprint.of(split.train())), new int[] {10}, new int[] {10}, new long[] {SEED});
    ExperimentResult.Comparison c = result.compare(DATA, ranked.get(0), ranked.get(1), METRIC, 0.95, 1000, SEED);
    out.printf(Locale.ROOT, "%nbest %s vs runner-up %s on %s over %,d users:%n", c.a(), c.b(), METRIC,
        c.tTest().n());
    out.printf(Locale.ROOT, "  difference %+.4f, 95%% bootstrap interval [%+.4f, %+.4f]%n", c.meanA() - c.meanB(),
        c.difference().lower(), c.difference().upper());
    out.printf(Locale.ROOT, "  paired t-test p = %.3g, Wilcoxon signed-rank p = %.3g: %s%n", c.tTest().pValue(),
        c.wilcoxon().pValue(), c.wilcoxon().pValue() < 0.05 ? "significant at 5%" : "not significant at 5%");
    return new Result(ndcg, c);
  }
}
