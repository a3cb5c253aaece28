package io.github.kindred.examples;

import io.github.kindred.data.Context;
import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.data.synthetic.Marketplace;
import io.github.kindred.eval.RankingEvaluator;
import io.github.kindred.eval.RankingMetric;
import io.github.kindred.eval.RankingResult;
import io.github.kindred.factorization.ImplicitAlsConfig;
import io.github.kindred.factorization.ImplicitAlsTrainer;
import io.github.kindred.knn.ItemKnnConfig;
import io.github.kindred.knn.ItemKnnTrainer;
import io.github.kindred.linear.EaseConfig;
import io.github.kindred.linear.EaseTrainer;
import io.github.kindred.model.Model;
import io.github.kindred.model.Trainer;
import io.github.kindred.popularity.PopularityTrainer;
import io.github.kindred.serve.Explanation;
import io.github.kindred.serve.Recommendations;
import io.github.kindred.serve.Recommender;
import io.github.kindred.serve.Request;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The main demo: a home-services marketplace (generated, embedded, about 50,000 requests) is split in time, several
 * models are trained on the past and evaluated on the future, and the winner serves recommendations with
 * explanations.
 *
 * <p>Run with {@code mvn -B -q package -DskipTests && java -jar examples/target/kindred-demo.jar}.
 */
public final class Demo {
  private Demo() {}

  /** Runs the demo, printing to standard output. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** The evaluation table of one run, by model name, for tests. */
  static Map<String, Double> run(PrintStream out) {
    Marketplace market = Marketplace.generate();
    InteractionLog log = market.log();
    out.printf(Locale.ROOT, "Home-services marketplace: %,d requests by %,d users for %,d services%n%n",
        log.size(), log.users().size(), log.items().size());

    // Train on the first 80% of the time line, test on the rest: the honest protocol for a live service.
    long cut = timeQuantile(log, 0.8);
    InteractionLog past = log.filter((l, i) -> l.timestamp(i) < cut);
    InteractionLog future = log.filter((l, i) -> l.timestamp(i) >= cut);
    Dataset train = Dataset.builder(past).binary(true)
        .itemFeatures(market.itemFeatures()).userFeatures(market.userFeatures()).build();
    InteractionMatrix test = Dataset.builder(future).binary(true).build().matrix();

    Map<String, Trainer<?>> trainers = new LinkedHashMap<>();
    trainers.put("popularity", new PopularityTrainer());
    trainers.put("item-kNN (cosine, 100)", new ItemKnnTrainer(ItemKnnConfig.defaults().withNeighbors(100)));
    trainers.put("implicit ALS (64 factors)", new ImplicitAlsTrainer(ImplicitAlsConfig.defaults()));
    trainers.put("EASE (lambda 200)", new EaseTrainer(EaseConfig.defaults().withLambda(200f)));

    RankingEvaluator evaluator = RankingEvaluator.builder().cutoffs(10).build();
    Map<String, Double> ndcg = new LinkedHashMap<>();
    Map<String, Model> models = new LinkedHashMap<>();
    out.printf(Locale.ROOT, "%-28s %9s %9s %9s %7s%n", "model", "nDCG@10", "recall@10", "hit@10", "fit s");
    String best = null;
    for (Map.Entry<String, Trainer<?>> e : trainers.entrySet()) {
      long start = System.nanoTime();
      Model model = e.getValue().fit(train);
      double fitSeconds = (System.nanoTime() - start) / 1e9;
      RankingResult result = evaluator.evaluate(model, train.matrix(), test);
      double n = result.mean(RankingMetric.NDCG, 10);
      out.printf(Locale.ROOT, "%-28s %9.4f %9.4f %9.4f %7.2f%n", e.getKey(), n,
          result.mean(RankingMetric.RECALL, 10), result.mean(RankingMetric.HIT, 10), fitSeconds);
      ndcg.put(e.getKey(), n);
      models.put(e.getKey(), model);
      if (best == null || n > ndcg.get(best)) {
        best = e.getKey();
      }
    }
    out.printf(Locale.ROOT, "winner: %s%n%n", best);

    Recommender recommender = Recommender.builder(models.get(best), train).build();
    String user = train.users().idOf(0);
    out.printf("Recommendations for user %s (history: %s)%n", user, Arrays.toString(recommender.history(user)));
    print(out, recommender.recommend(Request.forUser(user).count(5).build()));

    String service = train.items().idOf(0);
    out.printf("%nServices like %s%n", service);
    print(out, recommender.recommend(Request.similarTo(service).count(5).build()));

    out.printf("%nAn anonymous visitor who just booked %s, at night%n", service);
    print(out, recommender.recommend(
        Request.forSession(service).context(Context.of("timeOfDay", "night")).count(5).build()));
    return ndcg;
  }

  private static void print(PrintStream out, Recommendations recs) {
    for (int k = 0; k < recs.size(); k++) {
      Explanation why = recs.explanation(k);
      out.printf(Locale.ROOT, "  %d. %-8s %8.4f  because %s%n", k + 1, recs.itemId(k), recs.score(k), why);
    }
  }

  /** The timestamp below which a share {@code q} of the events fall. */
  private static long timeQuantile(InteractionLog log, double q) {
    long[] times = new long[log.size()];
    for (int i = 0; i < times.length; i++) {
      times[i] = log.timestamp(i);
    }
    Arrays.sort(times);
    return times[(int) Math.min(times.length - 1, Math.floor(q * times.length))];
  }
}
