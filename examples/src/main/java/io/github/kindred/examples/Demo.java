package io.github.kindred.examples;

import io.github.kindred.context.ContextualPostFilter;
import io.github.kindred.context.FactorizationMachine;
import io.github.kindred.context.FactorizationMachineConfig;
import io.github.kindred.content.ContentConfig;
import io.github.kindred.content.ContentModel;
import io.github.kindred.content.ContentTrainer;
import io.github.kindred.context.PostFilterConfig;
import io.github.kindred.data.Context;
import io.github.kindred.data.Dataset;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.data.TimeFeatures;
import io.github.kindred.data.synthetic.Marketplace;
import io.github.kindred.data.synthetic.MarketplaceConfig;
import io.github.kindred.eval.experiment.ExperimentResult;
import io.github.kindred.eval.experiment.Fingerprint;
import io.github.kindred.eval.metric.RankingEvaluator;
import io.github.kindred.eval.metric.RankingMetric;
import io.github.kindred.eval.metric.RankingResult;
import io.github.kindred.eval.report.Reports;
import io.github.kindred.eval.split.Split;
import io.github.kindred.eval.stats.Statistics;
import io.github.kindred.eval.split.TemporalSplit;
import io.github.kindred.eval.experiment.Version;
import io.github.kindred.eval.cli.VectorRelaunch;
import io.github.kindred.factorization.ImplicitAlsConfig;
import io.github.kindred.factorization.ImplicitAlsTrainer;
import io.github.kindred.knn.ItemKnnConfig;
import io.github.kindred.knn.ItemKnnTrainer;
import io.github.kindred.linear.EaseConfig;
import io.github.kindred.linear.EaseTrainer;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import io.github.kindred.model.Trainer;
import io.github.kindred.popularity.PopularityTrainer;
import io.github.kindred.serve.Recommendations;
import io.github.kindred.serve.Recommender;
import io.github.kindred.serve.Request;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The main demo: a home-services marketplace (generated, embedded, about 50,000 requests) is split in time; several
 * models, context-free and context-aware, are trained on the past and evaluated on each user's next new booking
 * (with that booking's context as the request context); the winner is marked and an HTML report is written. Then a
 * context-aware model serves one customer on a weekday morning and at night with an emergency, an anonymous visitor
 * with two bookings in their session, and the content model finds the customers for a service that has not
 * launched yet.
 *
 * <p>Run with {@code mvn -B -q package -DskipTests && java -jar examples/target/kindred-demo.jar}.
 */
public final class Demo {
  /** Item fields shown next to a service id. */
  static final String[] SERVICE_FIELDS = {"category", "district", "emergency"};
  /** Name of the context-aware factorisation machine in the table. */
  static final String FM = "factorisation machine + context";
  /** Name of item-kNN in the table. */
  static final String KNN = "item-kNN (cosine, 100)";
  /** Name of the popularity baseline in the table. */
  static final String POPULARITY = "popularity";

  private Demo() {}

  /**
   * Runs the demo on the default marketplace, printing to standard output; started without the Vector API module,
   * it runs itself again with it ({@link VectorRelaunch}).
   */
  public static void main(String[] args) {
    OptionalInt child = VectorRelaunch.ifNeeded(Demo.class, args);
    if (child.isPresent()) {
      System.exit(child.getAsInt());
    }
    run(System.out, MarketplaceConfig.defaults(), 20);
  }

  /**
   * What a run found, for tests.
   *
   * @param ndcg nDCG@10 by model name, in table order
   * @param winner the model with the best nDCG@10
   * @param morning the customer's list on a weekday morning (planned job)
   * @param night the same customer's list at night (emergency)
   * @param coldService the unlaunched service whose audience was computed
   * @param audience the users whose top 10 the cold service would enter
   * @param similar the launched services most similar to the cold service
   * @param report the HTML report written
   */
  record Result(Map<String, Double> ndcg, String winner, List<String> morning, List<String> night,
      String coldService, List<String> audience, List<String> similar, Path report) {}

  /**
   * Runs the demo.
   *
   * @param out where to print
   * @param config the marketplace to generate
   * @param fmEpochs passes of the factorisation machine (fewer for a quick run)
   */
  static Result run(PrintStream out, MarketplaceConfig config, int fmEpochs) {
    Marketplace market = Marketplace.generate(config);
    InteractionLog log = market.log();
    FeatureTable services = market.itemFeatures();
    out.printf(Locale.ROOT, "Home-services marketplace: %,d requests by %,d customers for %,d services%n",
        log.size(), log.users().size(), log.items().size());

    // Train on the first 80% of the time line, test on what came after: the honest protocol for a live service.
    Split split = TemporalSplit.ratio(0.2).split(log);
    NextBooking protocol = NextBooking.of(split, services, market.userFeatures());
    Dataset train = protocol.train;
    out.printf(Locale.ROOT, "Trained on the first 80%% of the period (%,d requests); evaluated on the next new "
        + "booking of %,d customers,%nin its own context (one target each, so recall@10 = hit@10)%n%n",
        split.train().size(), protocol.users());

    Map<String, Supplier<Model>> models = new LinkedHashMap<>();
    models.put(POPULARITY, () -> new PopularityTrainer().fit(train));
    models.put(KNN,
        () -> new ItemKnnTrainer(ItemKnnConfig.defaults().withNeighbors(100)).fit(train));
    models.put("implicit ALS (64 factors)", () -> new ImplicitAlsTrainer(ImplicitAlsConfig.defaults()).fit(train));
    Trainer<?> ease = new EaseTrainer(EaseConfig.defaults().withLambda(200f));
    models.put("EASE (lambda 200)", () -> ease.fit(train));
    models.put("EASE + context post-filter", () -> ContextualPostFilter.wrap(ease.fit(train), train.log(),
        PostFilterConfig.defaults().withFeatures(Marketplace.TASK, TimeFeatures.TIME_OF_DAY, TimeFeatures.SEASON)));
    models.put(FM, () -> new FactorizationMachine(FactorizationMachineConfig.defaults().withEpochs(fmEpochs))
        .fit(train));
    models.put("content (service features)",
        () -> new ContentTrainer(ContentConfig.defaults().withFeatureOnlyItems(false)).fit(train));

    RankingEvaluator evaluator = RankingEvaluator.builder().cutoffs(5, 10, 20).threads(2).build();
    Map<String, Double> ndcg = new LinkedHashMap<>();
    Map<String, Model> fitted = new LinkedHashMap<>();
    Map<String, RankingResult> results = new LinkedHashMap<>();
    List<ExperimentResult.Run> runs = new ArrayList<>();
    List<String> rows = new ArrayList<>();
    for (Map.Entry<String, Supplier<Model>> e : models.entrySet()) {
      long start = System.nanoTime();
      Model model = e.getValue().get();
      double fitSeconds = (System.nanoTime() - start) / 1e9;
      RankingResult r = evaluator.evaluate(protocol.inContext(model), train.matrix(), protocol.test);
      fitted.put(e.getKey(), model);
      results.put(e.getKey(), r);
      ndcg.put(e.getKey(), r.mean(RankingMetric.NDCG, 10));
      runs.add(new ExperimentResult.Run(e.getKey(), e.getKey(), "marketplace", 0L, false, r, fitSeconds));
      rows.add(String.format(Locale.ROOT, "%-34s %8.4f %9.4f %7.4f %7.2f", e.getKey(), r.mean(RankingMetric.NDCG, 10),
          r.mean(RankingMetric.RECALL, 10), r.mean(RankingMetric.HIT, 10), fitSeconds));
    }
    List<String> ranked = new ArrayList<>(ndcg.keySet());
    ranked.sort((a, b) -> Double.compare(ndcg.get(b), ndcg.get(a)));
    String winner = ranked.get(0);
    out.printf(Locale.ROOT, "  %-34s %8s %9s %7s %7s%n", "model", "nDCG@10", "recall@10", "hit@10", "fit s");
    int k = 0;
    for (String name : ndcg.keySet()) {
      out.printf(Locale.ROOT, "%s %s%n", name.equals(winner) ? "*" : " ", rows.get(k++));
    }
    Statistics.PairedTest t = Statistics.pairedTTest(results.get(winner).perUser(RankingMetric.NDCG, 10),
        results.get(ranked.get(1)).perUser(RankingMetric.NDCG, 10));
    out.printf(Locale.ROOT, "* winner: %s, %+.0f%% nDCG@10 over popularity;%n  vs the runner-up (%s) paired "
        + "t-test p = %.3g%n", winner, 100 * (ndcg.get(winner) / ndcg.get(POPULARITY) - 1), ranked.get(1), t.pValue());

    ExperimentResult experiment = new ExperimentResult(runs,
        Map.of("split", "temporal 80/20, next new booking per user, its context in the request"), Version.get(),
        Map.of("marketplace", Fingerprint.of(split.train())), new int[] {10}, new int[] {5, 10, 20}, new long[] {0});
    Path report = writeReport(Reports.html(experiment, List.of("ndcg@10", "recall@10", "hit@10", "mrr@10")));
    out.printf("HTML report: %s%n", report);

    // Serving: the context-aware model answers the same customer in two situations.
    Recommender contextual = Recommender.builder(fitted.get(FM), train).build();
    String customer = customerWith(train, 4, 8);
    String district = Show.field(market.userFeatures(), customer, "district");
    ZoneId zone = config.zone();
    Context morning = TimeFeatures.of(at(2025, 10, 9, 10, zone), zone)
        .with(Marketplace.DISTRICT, district).with(Marketplace.TASK, "planned").with(Marketplace.CHANNEL, "app");
    Context night = TimeFeatures.of(at(2025, 10, 11, 2, zone), zone)
        .with(Marketplace.DISTRICT, district).with(Marketplace.TASK, "emergency").with(Marketplace.CHANNEL, "phone");
    out.printf("%nCustomer %s in %s booked before:", customer, district);
    for (String s : contextual.history(customer)) {
      out.printf(" %s", Show.label(services, s, "category"));
    }
    out.printf("%n%nThursday 10:00, a planned job (%s):%n", morning);
    Recommendations morningRecs = contextual.recommend(Request.forUser(customer).context(morning).count(5).build());
    Show.list(out, morningRecs, services, "booked", SERVICE_FIELDS);
    out.printf("%nSaturday 02:00, an emergency (%s):%n", night);
    Recommendations nightRecs = contextual.recommend(Request.forUser(customer).context(night).count(5).build());
    Show.list(out, nightRecs, services, "booked", SERVICE_FIELDS);

    // A visitor without an account who booked two services in this session; item-kNN explains by contributions.
    Recommender knn = Recommender.builder(fitted.get(KNN), train).build();
    String[] session = nightRecs.itemIds().subList(0, Math.min(2, nightRecs.size())).toArray(String[]::new);
    out.printf("%nA new visitor who just booked %s (item-kNN):%n", String.join(" and ", session));
    Show.list(out, knn.recommend(Request.forSession(session).count(5).build()), services, "booked", SERVICE_FIELDS);

    // A service that has not launched: only its features are known. The content model, fitted on the whole
    // catalogue, finds similar services and the customers whose top 10 it would enter.
    Dataset everything = Dataset.builder(withEveryService(train.log(), services)).binary(true)
        .itemFeatures(services).userFeatures(market.userFeatures()).build();
    ContentModel content = new ContentTrainer(ContentConfig.defaults()).fit(everything);
    String cold = market.unlaunchedServices().get(0);
    out.printf("%nNew service %s, not launched yet, no bookings:%n", Show.label(services, cold, SERVICE_FIELDS));
    Recommender byContent = Recommender.builder(content, everything).build();
    Recommendations similar = byContent.recommend(Request.similarTo(cold).count(3).build());
    Show.list(out, similar, services, "booked", SERVICE_FIELDS);
    List<String> audience = audience(content, everything.matrix(), content.items().indexOf(cold), 10);
    out.printf(Locale.ROOT, "It would enter the top 10 of %,d customers, e.g. %s%n", audience.size(),
        audience.subList(0, Math.min(5, audience.size())));
    return new Result(ndcg, winner, morningRecs.itemIds(), nightRecs.itemIds(), cold, audience, similar.itemIds(),
        report);
  }

  /**
   * The first customer with {@code min} to {@code max} bookings: enough history for context to have a choice, short
   * enough to read.
   */
  static String customerWith(Dataset data, int min, int max) {
    InteractionMatrix m = data.matrix();
    for (int u = 0; u < m.rows(); u++) {
      if (m.rowSize(u) >= min && m.rowSize(u) <= max) {
        return data.users().idOf(u);
      }
    }
    return data.users().idOf(0);
  }

  /** Seconds since the epoch of a full hour of a day in {@code zone}. */
  static long at(int year, int month, int day, int hour, ZoneId zone) {
    return LocalDateTime.of(year, month, day, hour, 0).atZone(zone).toEpochSecond();
  }

  /**
   * The training log with every described service registered after the booked ones, so that a content model fitted
   * on it scores the services without bookings and a {@link Recommender} can serve them.
   */
  private static InteractionLog withEveryService(InteractionLog log, FeatureTable services) {
    InteractionLog.Builder b = InteractionLog.builder().knownUsers(log.users())
        .knownItems(ContentTrainer.withFeatureOnly(log.items(), services));
    for (int e = 0; e < log.size(); e++) {
      b.add(log.users().idOf(log.user(e)), log.items().idOf(log.item(e)), log.value(e), log.timestamp(e));
    }
    return b.build();
  }

  /** The users (with a history) whose top {@code n} unseen items would include {@code item}. */
  static List<String> audience(Model model, InteractionMatrix history, int item, int n) {
    List<String> users = new ArrayList<>();
    float[] scores = new float[model.itemCount()];
    for (int u = 0; u < history.rows(); u++) {
      if (history.rowSize(u) == 0) {
        continue;
      }
      model.score(Query.forUser(u, history), scores);
      float own = scores[item];
      int better = 0;
      for (int i = 0; i < scores.length && better < n; i++) {
        if (i != item && scores[i] > own && !history.contains(u, i)) {
          better++;
        }
      }
      if (better < n) {
        users.add(model.users().idOf(u));
      }
    }
    return users;
  }

  /** Writes the report under target/ when run from the project, else into the temporary directory. */
  static Path writeReport(String html) {
    try {
      Path dir = Files.isDirectory(Path.of("examples", "target")) ? Path.of("examples", "target")
          : Files.isDirectory(Path.of("target")) ? Path.of("target") : Path.of(System.getProperty("java.io.tmpdir"));
      Path file = dir.resolve("kindred-demo-report.html").toAbsolutePath();
      Files.writeString(file, html, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the HTML report", e);
    }
  }
}
