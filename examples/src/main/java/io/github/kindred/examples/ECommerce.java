package io.github.kindred.examples;

import io.github.kindred.data.Context;
import io.github.kindred.data.Dataset;
import io.github.kindred.data.DuplicatePolicy;
import io.github.kindred.data.EventTypes;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.eval.metric.RankingEvaluator;
import io.github.kindred.eval.metric.RankingMetric;
import io.github.kindred.eval.metric.RankingResult;
import io.github.kindred.eval.split.Split;
import io.github.kindred.eval.split.TemporalSplit;
import io.github.kindred.factorization.ImplicitAlsConfig;
import io.github.kindred.factorization.ImplicitAlsTrainer;
import io.github.kindred.model.Model;
import io.github.kindred.popularity.PopularityTrainer;
import io.github.kindred.serve.Recommendations;
import io.github.kindred.serve.Recommender;
import io.github.kindred.serve.Request;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * E-commerce with weighted event types: a small shop is generated from a seed (products in categories, shoppers with
 * favourite categories and a style, sessions of views, some leading to a cart and a purchase), logged with the
 * default {@link EventTypes} weights (view 1, cart 4, purchase 8). Implicit ALS on the weighted matrix is compared
 * with ALS on the binary matrix on the purchases of the last fifth of the period; then every shopper gets a
 * personalised coupon: the top recommended product of their favourite category that they have not bought, among
 * products with enough margin to pay for the discount.
 *
 * <p>Run with {@code java -cp examples/target/kindred-demo.jar io.github.kindred.examples.ECommerce}.
 */
public final class ECommerce {
  /** The product categories. */
  static final List<String> CATEGORIES =
      List.of("books", "kitchen", "garden", "toys", "sports", "beauty", "electronics", "pets");
  /** The coupon's margin rule: a 10% coupon is offered only on products with at least this margin. */
  static final double MIN_MARGIN = 0.25;
  private static final int PER_CATEGORY = 25;
  private static final int STYLES = 4;
  private static final long START = 1_700_000_000L;
  private static final long DAY = 86_400L;

  private ECommerce() {}

  /** Runs the example with 3,000 shoppers, printing to standard output. */
  public static void main(String[] args) {
    run(System.out, 3_000, 7L);
  }

  /**
   * The generated shop.
   *
   * @param log the events, with types view, cart and purchase
   * @param products the product features: {@code category}, {@code style}, numeric {@code price} and
   *     {@code margin}
   * @param margin the margin of each product, by product number
   * @param favourite the favourite category of each shopper, by shopper number
   */
  record Shop(InteractionLog log, FeatureTable products, double[] margin, int[] favourite) {}

  /**
   * What a run found, for tests.
   *
   * @param shop the shop
   * @param ndcg nDCG@10 on the held-out purchases by model name
   * @param coupons the coupon product of each shopper who got one
   * @param bought the products each shopper bought
   */
  record Result(Shop shop, Map<String, Double> ndcg, Map<String, String> coupons, Map<String, Set<String>> bought) {}

  /** Product id of product number {@code p}. */
  static String product(int p) {
    return String.format(Locale.ROOT, "p%03d", p);
  }

  /** Shopper id of shopper number {@code u}. */
  static String shopper(int u) {
    return String.format(Locale.ROOT, "c%05d", u);
  }

  /**
   * Generates the shop: products get a category, a style, a price and a margin, and a Zipf-like popularity within
   * their category; each shopper has two favourite categories, a style, and sessions spread over 180 days. A
   * session views two to six products of one category, drawn by popularity times four if the style matches; with
   * probability 0.4 the best-liked viewed product goes to the cart, and a cart is bought with probability 0.6.
   */
  static Shop generate(int shoppers, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int products = CATEGORIES.size() * PER_CATEGORY;
    int[] style = new int[products];
    double[] popularity = new double[products];
    double[] margin = new double[products];
    FeatureTable.Builder features = FeatureTable.builder();
    for (int p = 0; p < products; p++) {
      style[p] = random.nextInt(STYLES);
      popularity[p] = 1.0 / Math.pow(1 + p % PER_CATEGORY, 0.8);
      margin[p] = 0.05 + 0.45 * random.nextDouble();
      features.categorical(product(p), "category", CATEGORIES.get(p / PER_CATEGORY))
          .categorical(product(p), "style", "style-" + style[p])
          .numeric(product(p), "price", Math.round(500 + 19_500 * Math.pow(random.nextDouble(), 2)) / 100.0)
          .numeric(product(p), "margin", margin[p]);
    }
    InteractionLog.Builder log = InteractionLog.builder(EventTypes.defaults());
    int[] favourite = new int[shoppers];
    double[] weight = new double[PER_CATEGORY];
    for (int u = 0; u < shoppers; u++) {
      favourite[u] = random.nextInt(CATEGORIES.size());
      int second = random.nextInt(CATEGORIES.size());
      int taste = random.nextInt(STYLES);
      int sessions = 1 + (int) (-Math.log(1 - random.nextDouble()) * 4);
      for (int s = 0; s < sessions; s++) {
        double r = random.nextDouble();
        int c = r < 0.6 ? favourite[u] : r < 0.9 ? second : random.nextInt(CATEGORIES.size());
        double total = 0;
        for (int k = 0; k < PER_CATEGORY; k++) {
          int p = c * PER_CATEGORY + k;
          weight[k] = popularity[p] * (style[p] == taste ? 4 : 1);
          total += weight[k];
        }
        long t = START + random.nextLong(180 * DAY);
        int views = 2 + random.nextInt(5);
        int best = -1;
        for (int v = 0; v < views; v++) {
          int k = draw(weight, total, random);
          int p = c * PER_CATEGORY + k;
          log.add(shopper(u), product(p), 1f, t, "view", Context.EMPTY);
          t += 60;
          if (best < 0 || weight[k] * random.nextDouble() > weight[best - c * PER_CATEGORY] * random.nextDouble()) {
            best = p;
          }
        }
        if (random.nextDouble() < 0.4) {
          log.add(shopper(u), product(best), 1f, t, "cart", Context.EMPTY);
          if (random.nextDouble() < 0.6) {
            log.add(shopper(u), product(best), 1f, t + 120, "purchase", Context.EMPTY);
          }
        }
      }
    }
    return new Shop(log.build(), features.build(), margin, favourite);
  }

  private static int draw(double[] weight, double total, SplittableRandom random) {
    double x = random.nextDouble() * total;
    for (int k = 0; k < weight.length; k++) {
      x -= weight[k];
      if (x < 0) {
        return k;
      }
    }
    return weight.length - 1;
  }

  /** Generates the shop of {@code shoppers} shoppers from {@code seed}, evaluates, and hands out coupons. */
  static Result run(PrintStream out, int shoppers, long seed) {
    Shop shop = generate(shoppers, seed);
    InteractionLog log = shop.log();
    EventTypes types = log.eventTypes();
    int[] perType = new int[types.size()];
    for (int e = 0; e < log.size(); e++) {
      perType[log.eventType(e)]++;
    }
    out.printf(Locale.ROOT, "Shop: %,d shoppers, %,d products; %,d views, %,d carts, %,d purchases (weights view 1, "
        + "cart 4, purchase 8)%n", log.users().size(), log.items().size(), perType[types.code("view")],
        perType[types.code("cart")], perType[types.code("purchase")]);

    // Does weighting help? Train on the first 80% of the period, predict the purchases of products the shopper had
    // not touched before.
    Split split = TemporalSplit.ratio(0.2).split(log);
    Dataset weighted = Dataset.builder(split.train()).build();
    Dataset binary = Dataset.builder(split.train()).binary(true).build();
    InteractionMatrix test = newPurchases(split, weighted);
    RankingEvaluator evaluator = RankingEvaluator.builder().cutoffs(10).build();
    ImplicitAlsConfig als = ImplicitAlsConfig.defaults().withFactors(32);
    Map<String, Double> ndcg = new LinkedHashMap<>();
    Map<String, Model> models = new LinkedHashMap<>();
    models.put("popularity", new PopularityTrainer().fit(binary));
    models.put("implicit ALS, every event 1", new ImplicitAlsTrainer(als).fit(binary));
    models.put("implicit ALS, weighted events", new ImplicitAlsTrainer(als).fit(weighted));
    out.printf(Locale.ROOT, "%nNext purchases of %,d shoppers (last 20%% of the period):%n", countRows(test));
    out.printf(Locale.ROOT, "  %-32s %8s %7s%n", "model", "nDCG@10", "hit@10");
    for (Map.Entry<String, Model> e : models.entrySet()) {
      RankingResult r = evaluator.evaluate(e.getValue(), binary.matrix(), test);
      ndcg.put(e.getKey(), r.mean(RankingMetric.NDCG, 10));
      out.printf(Locale.ROOT, "  %-32s %8.4f %7.4f%n", e.getKey(), r.mean(RankingMetric.NDCG, 10),
          r.mean(RankingMetric.HIT, 10));
    }

    // Coupons, from the weighted model trained on everything.
    Dataset all = Dataset.builder(log).build();
    Recommender recommender = Recommender.builder(new ImplicitAlsTrainer(als).fit(all), all).build();
    Map<String, Set<String>> bought = purchases(log);
    double[] marginByIndex = new double[all.itemCount()];
    for (int i = 0; i < marginByIndex.length; i++) {
      marginByIndex[i] = shop.margin()[Integer.parseInt(all.items().idOf(i).substring(1))];
    }
    Map<String, String> coupons = new LinkedHashMap<>();
    IdIndex users = all.users();
    for (int u = 0; u < users.size(); u++) {
      String id = users.idOf(u);
      int number = Integer.parseInt(id.substring(1));
      Set<String> mine = bought.getOrDefault(id, Set.of());
      // Viewed or carted but not bought is exactly where a coupon helps, so only purchases are excluded.
      Recommendations recs = recommender.recommend(Request.forUser(id).count(1).excludeSeen(false)
          .deny(mine.toArray(String[]::new))
          .requireFeature(shop.products(), "category=" + CATEGORIES.get(shop.favourite()[number]))
          .where(i -> i < marginByIndex.length && marginByIndex[i] >= MIN_MARGIN)
          .build());
      if (recs.size() > 0) {
        coupons.put(id, recs.itemId(0));
      }
    }
    out.printf(Locale.ROOT, "%nCoupons (10%% off the top recommended product of the favourite category, margin >= "
        + "%.0f%%, not bought yet): %,d of %,d shoppers%n", 100 * MIN_MARGIN, coupons.size(), users.size());
    int shown = 0;
    for (Map.Entry<String, String> c : coupons.entrySet()) {
      if (shown++ == 6) {
        break;
      }
      String p = c.getValue();
      out.printf(Locale.ROOT, "  %s -> %s (margin %.0f%%; bought before: %s)%n", c.getKey(),
          Show.label(shop.products(), p, "category", "style"), 100 * shop.margin()[Integer.parseInt(p.substring(1))],
          bought.getOrDefault(c.getKey(), Set.of()));
    }
    return new Result(shop, ndcg, coupons, bought);
  }

  /** The purchases after the split of products the shopper had not touched before, on the training indexes. */
  private static InteractionMatrix newPurchases(Split split, Dataset train) {
    InteractionLog held = split.test();
    int purchase = held.eventTypes().code("purchase");
    InteractionLog.Builder b = InteractionLog.builder().knownUsers(train.users()).knownItems(train.items());
    for (int e = 0; e < held.size(); e++) {
      String user = held.users().idOf(held.user(e));
      String item = held.items().idOf(held.item(e));
      int u = train.users().indexOf(user);
      int i = train.items().indexOf(item);
      if (held.eventType(e) == purchase && u >= 0 && i >= 0 && !train.matrix().contains(u, i)) {
        b.add(user, item, 1f);
      }
    }
    return InteractionMatrix.of(b.build(), DuplicatePolicy.MAX);
  }

  private static int countRows(InteractionMatrix m) {
    int n = 0;
    for (int r = 0; r < m.rows(); r++) {
      n += m.rowSize(r) > 0 ? 1 : 0;
    }
    return n;
  }

  /** The products each shopper bought. */
  static Map<String, Set<String>> purchases(InteractionLog log) {
    int purchase = log.eventTypes().code("purchase");
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (int e = 0; e < log.size(); e++) {
      if (log.eventType(e) == purchase) {
        out.computeIfAbsent(log.users().idOf(log.user(e)), k -> new TreeSet<>()).add(log.items().idOf(log.item(e)));
      }
    }
    return out;
  }
}
