package io.github.kindred.examples;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.DuplicatePolicy;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.data.synthetic.Marketplace;
import io.github.kindred.data.synthetic.MarketplaceConfig;
import io.github.kindred.eval.metric.RankingEvaluator;
import io.github.kindred.eval.metric.RankingMetric;
import io.github.kindred.eval.metric.RankingResult;
import io.github.kindred.eval.split.Split;
import io.github.kindred.eval.stats.Statistics;
import io.github.kindred.eval.split.TemporalSplit;
import io.github.kindred.factorization.ImplicitAlsConfig;
import io.github.kindred.factorization.ImplicitAlsModel;
import io.github.kindred.factorization.ImplicitAlsTrainer;
import io.github.kindred.model.Model;
import io.github.kindred.popularity.PopularityTrainer;
import io.github.kindred.segment.AtRiskConfig;
import io.github.kindred.segment.AtRiskUser;
import io.github.kindred.segment.AtRiskUsers;
import io.github.kindred.segment.KMeansConfig;
import io.github.kindred.segment.KMeansSegmenter;
import io.github.kindred.segment.RfmConfig;
import io.github.kindred.segment.RfmScores;
import io.github.kindred.segment.RfmTier;
import io.github.kindred.segment.SegmentHotLists;
import io.github.kindred.segment.Segmentation;
import io.github.kindred.serve.Recommendations;
import io.github.kindred.serve.Recommender;
import io.github.kindred.serve.Request;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Win-back: which customers are slipping away, and what to offer them. On the marketplace as it stood at 85% of the
 * period, customers are segmented three ways: k-means clusters of their implicit-ALS taste vectors (what they book),
 * RFM tiers (how recently, how often, how much) and the at-risk rule (regular customers silent for more than twice
 * their usual gap). The at-risk group gets personalised win-back recommendations, and an offline A/B comparison on
 * what those customers actually booked afterwards tests personalised (ALS) against popular services with paired
 * significance tests.
 *
 * <p>Run with {@code java -cp examples/target/kindred-demo.jar io.github.kindred.examples.WinBack}.
 */
public final class WinBack {
  /** Name of strategy A. */
  static final String POPULAR = "A: popular services";
  /** Name of strategy B. */
  static final String PERSONAL = "B: personalised (implicit ALS)";

  private WinBack() {}

  /** Runs the example on the default marketplace, printing to standard output. */
  public static void main(String[] args) {
    run(System.out, MarketplaceConfig.defaults(), 6);
  }

  /**
   * What a run found, for tests.
   *
   * @param users customers known at the reference time
   * @param clusters the k-means segmentation of their taste vectors
   * @param tiers customers per RFM tier
   * @param atRisk the at-risk customers
   * @param winBack the win-back list of each at-risk customer shown
   * @param returned at-risk customers with bookings after the reference time (the A/B test's users)
   * @param ndcg mean nDCG@10 of each strategy on them
   * @param tTest the paired t-test of B against A
   * @param wilcoxon the Wilcoxon signed-rank test of B against A
   */
  record Result(int users, Segmentation clusters, Map<RfmTier, Integer> tiers, AtRiskUsers atRisk,
      Map<String, List<String>> winBack, int returned, Map<String, Double> ndcg, Statistics.PairedTest tTest,
      Statistics.PairedTest wilcoxon) {}

  /** Runs the example on the marketplace of {@code config} with {@code k} taste clusters. */
  static Result run(PrintStream out, MarketplaceConfig config, int k) {
    Marketplace market = Marketplace.generate(config);
    FeatureTable services = market.itemFeatures();
    // The past is what we know on the day of the campaign; the future is what the customers then did.
    Split split = TemporalSplit.ratio(0.15).split(market.log());
    InteractionLog past = split.train();
    Dataset data = Dataset.builder(past).binary(true).build();
    out.printf(Locale.ROOT, "Marketplace as of the campaign day: %,d requests by %,d customers%n", past.size(),
        data.userCount());

    // Taste clusters: k-means on the ALS user vectors, described by each cluster's most booked categories.
    ImplicitAlsModel als = new ImplicitAlsTrainer(ImplicitAlsConfig.defaults().withFactors(32)).fit(data);
    Segmentation clusters = KMeansSegmenter.cluster(als.userFactors(), als.dimensions(), KMeansConfig.of(k));
    SegmentHotLists hot = SegmentHotLists.compute(data, clusters, 5);
    AtRiskUsers atRisk = AtRiskUsers.find(past, AtRiskConfig.defaults());
    out.printf(Locale.ROOT, "%nTaste clusters (k-means, k = %d, on 32-factor ALS vectors):%n", k);
    for (int c = 0; c < clusters.segmentCount(); c++) {
      int risky = 0;
      for (int u : clusters.members(c)) {
        risky += atRisk.contains(u) ? 1 : 0;
      }
      List<String> categories = new ArrayList<>();
      for (String s : hot.topIds(clusters.name(c))) {
        String category = Show.field(services, s, "category");
        if (!categories.contains(category)) {
          categories.add(category);
        }
      }
      out.printf(Locale.ROOT, "  %-10s %,5d customers, %4.1f%% at risk; books %s%n", clusters.name(c),
          clusters.size(c), 100.0 * risky / Math.max(1, clusters.size(c)), String.join(", ", categories));
    }

    // RFM tiers, with the at-risk rule's customers across them.
    RfmScores rfm = RfmScores.compute(past, RfmConfig.defaults().withFrequency(RfmConfig.Frequency.DISTINCT_DAYS));
    Map<RfmTier, Integer> tiers = new EnumMap<>(RfmTier.class);
    Map<RfmTier, Integer> riskyTiers = new EnumMap<>(RfmTier.class);
    for (int u = 0; u < data.userCount(); u++) {
      if (rfm.isScored(u)) {
        tiers.merge(rfm.tier(u), 1, Integer::sum);
        if (atRisk.contains(u)) {
          riskyTiers.merge(rfm.tier(u), 1, Integer::sum);
        }
      }
    }
    out.printf("%nRFM tiers (customers; of them flagged by the at-risk rule):%n");
    for (Map.Entry<RfmTier, Integer> t : tiers.entrySet()) {
      out.printf(Locale.ROOT, "  %-20s %,5d  %,5d%n", t.getKey().label(), t.getValue(),
          riskyTiers.getOrDefault(t.getKey(), 0));
    }
    out.printf(Locale.ROOT, "%nAt risk: %,d regular customers silent for more than max(14 days, 2 usual gaps)%n",
        atRisk.size());

    // Win-back lists for the most overdue customers: their own taste, services they may rebook included.
    Recommender personal = Recommender.builder(als, data).build();
    List<AtRiskUser> overdue = new ArrayList<>(atRisk.users());
    overdue.sort((a, b) -> Double.compare(b.latenessDays(), a.latenessDays()));
    Map<String, List<String>> winBack = new LinkedHashMap<>();
    for (AtRiskUser r : overdue.subList(0, Math.min(2, overdue.size()))) {
      String id = data.users().idOf(r.user());
      Recommendations recs = personal.recommend(Request.forUser(id).excludeSeen(false).count(4).build());
      winBack.put(id, recs.itemIds());
      out.printf(Locale.ROOT, "%n  %s: %d visits, usually every %.0f days, silent for %d:%n", id, r.visits(),
          r.meanGapDays(), r.silentDays());
      Show.list(out, recs, services, "booked", Demo.SERVICE_FIELDS);
    }

    // Offline A/B on the at-risk customers who booked again: which strategy would have shown what they booked?
    InteractionMatrix test = futureOf(split, data, atRisk);
    RankingEvaluator evaluator = RankingEvaluator.builder().cutoffs(10).excludeSeen(false).build();
    Model popular = new PopularityTrainer().fit(data);
    RankingResult a = evaluator.evaluate(popular, data.matrix(), test);
    RankingResult b = evaluator.evaluate(als, data.matrix(), test);
    double[] na = a.perUser(RankingMetric.NDCG, 10);
    double[] nb = b.perUser(RankingMetric.NDCG, 10);
    Statistics.PairedTest t = Statistics.pairedTTest(nb, na);
    Statistics.PairedTest w = Statistics.wilcoxon(nb, na);
    Statistics.Interval diff = Statistics.bootstrapDifference(nb, na, 0.95, 1000, 7L);
    Map<String, Double> ndcg = new LinkedHashMap<>();
    ndcg.put(POPULAR, a.mean(RankingMetric.NDCG, 10));
    ndcg.put(PERSONAL, b.mean(RankingMetric.NDCG, 10));
    out.printf(Locale.ROOT, "%nOffline A/B on the %,d at-risk customers who booked again (their later bookings, "
        + "repeats included):%n", a.userCount());
    out.printf(Locale.ROOT, "  %-32s %8s %7s%n", "strategy", "nDCG@10", "hit@10");
    out.printf(Locale.ROOT, "  %-32s %8.4f %7.4f%n", POPULAR, ndcg.get(POPULAR), a.mean(RankingMetric.HIT, 10));
    out.printf(Locale.ROOT, "  %-32s %8.4f %7.4f%n", PERSONAL, ndcg.get(PERSONAL), b.mean(RankingMetric.HIT, 10));
    out.printf(Locale.ROOT, "  B - A: %+.4f nDCG@10, 95%% bootstrap interval [%+.4f, %+.4f]; paired t-test p = %.3g, "
        + "Wilcoxon p = %.3g%n", diff.estimate(), diff.lower(), diff.upper(), t.pValue(), w.pValue());
    return new Result(data.userCount(), clusters, tiers, atRisk, winBack, a.userCount(), ndcg, t, w);
  }

  /** Every later booking of the at-risk customers (repeats included), on the campaign day's indexes. */
  private static InteractionMatrix futureOf(Split split, Dataset data, AtRiskUsers atRisk) {
    InteractionLog later = split.test();
    InteractionLog.Builder b = InteractionLog.builder().knownUsers(data.users()).knownItems(data.items());
    for (int e = 0; e < later.size(); e++) {
      String user = later.users().idOf(later.user(e));
      String item = later.items().idOf(later.item(e));
      int u = data.users().indexOf(user);
      if (u >= 0 && atRisk.contains(u) && data.items().indexOf(item) >= 0) {
        b.add(user, item, 1f);
      }
    }
    return InteractionMatrix.of(b.build(), DuplicatePolicy.MAX);
  }
}
