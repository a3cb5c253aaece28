package io.github.kindred.examples;

import io.github.kindred.content.ContentConfig;
import io.github.kindred.content.ContentModel;
import io.github.kindred.content.ContentTrainer;
import io.github.kindred.context.ContextualPostFilter;
import io.github.kindred.context.PostFilterConfig;
import io.github.kindred.data.Context;
import io.github.kindred.data.Dataset;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.data.TimeFeatures;
import io.github.kindred.data.synthetic.Marketplace;
import io.github.kindred.data.synthetic.MarketplaceConfig;
import io.github.kindred.knn.ItemKnnConfig;
import io.github.kindred.knn.ItemKnnModel;
import io.github.kindred.knn.ItemKnnTrainer;
import io.github.kindred.serve.HotListKind;
import io.github.kindred.serve.Recommendations;
import io.github.kindred.serve.Recommender;
import io.github.kindred.serve.Request;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The home-services marketplace story, served from one model over the whole log: the same customer gets different
 * services for a planned job on a weekday morning and for an emergency at night (contextual post-filtering of
 * item-kNN, with the context affinities that moved each service); hot services per district for visitors without
 * an account; services that have not launched yet, matched by their features to similar services and to the
 * customers who would see them; and explanations in the customer's words.
 *
 * <p>Run with {@code java -cp examples/target/kindred-demo.jar io.github.kindred.examples.HomeServicesMarketplace}.
 */
public final class HomeServicesMarketplace {
  /** The situations the customer is served in, by name. */
  static final List<String> SITUATIONS = List.of("weekday morning, planned", "night, emergency", "winter, repair");
  /** The districts whose hot lists are shown. */
  static final List<String> DISTRICTS = List.of("north", "harbour", "hills", "riverside");

  private HomeServicesMarketplace() {}

  /** Runs the story on the default marketplace, printing to standard output. */
  public static void main(String[] args) {
    run(System.out, MarketplaceConfig.defaults());
  }

  /**
   * What a run found, for tests.
   *
   * @param customer the customer served in every situation
   * @param bySituation the customer's list per situation of {@link #SITUATIONS}
   * @param hotByDistrict the popular services of each district of {@link #DISTRICTS}
   * @param coldSimilar the launched services most similar to each unlaunched service shown
   * @param explained the customer's context-free item-kNN list, whose explanations cite the history
   */
  record Result(String customer, Map<String, Recommendations> bySituation, Map<String, List<String>> hotByDistrict,
      Map<String, List<String>> coldSimilar, Recommendations explained) {}

  /** Runs the story on the marketplace of {@code config}. */
  static Result run(PrintStream out, MarketplaceConfig config) {
    Marketplace market = Marketplace.generate(config);
    FeatureTable services = market.itemFeatures();
    // Every service is registered in the log's item index, booked or not, so one dataset serves them all.
    Dataset data = Dataset.builder(market.log()).binary(true).itemFeatures(services)
        .userFeatures(market.userFeatures()).build();
    out.printf(Locale.ROOT, "%,d requests, %,d customers, %,d services (%d launched in the last 30 days, %d not "
        + "launched yet)%n", market.log().size(), data.userCount(), data.itemCount(), market.newServices().size(),
        market.unlaunchedServices().size());

    // 1. Context. Item-kNN knows what goes with what; the post-filter knows what fits the moment: it multiplies
    // each score by how much more often the service is booked for this task, at this time of day and season.
    ItemKnnModel knn = new ItemKnnTrainer(ItemKnnConfig.defaults().withNeighbors(100)).fit(data);
    ContextualPostFilter.PostFilterModel contextual = ContextualPostFilter.wrap(knn, data.log(),
        PostFilterConfig.defaults().withFeatures(Marketplace.TASK, TimeFeatures.TIME_OF_DAY, TimeFeatures.SEASON));
    Recommender byContext = Recommender.builder(contextual, data).build();
    String customer = Demo.customerWith(data, 5, 10);
    String home = Show.field(market.userFeatures(), customer, "district");
    out.printf("%n1. Context: customer %s (%s) booked", customer, home);
    for (String s : byContext.history(customer)) {
      out.printf(" %s", Show.label(services, s, "category"));
    }
    out.println();
    ZoneId zone = config.zone();
    Map<String, Context> situations = new LinkedHashMap<>();
    situations.put(SITUATIONS.get(0), TimeFeatures.of(Demo.at(2025, 5, 13, 9, zone), zone)
        .with(Marketplace.DISTRICT, home).with(Marketplace.TASK, "planned"));
    situations.put(SITUATIONS.get(1), TimeFeatures.of(Demo.at(2025, 5, 17, 1, zone), zone)
        .with(Marketplace.DISTRICT, home).with(Marketplace.TASK, "emergency"));
    situations.put(SITUATIONS.get(2), TimeFeatures.of(Demo.at(2025, 1, 14, 15, zone), zone)
        .with(Marketplace.DISTRICT, home).with(Marketplace.TASK, "repair"));
    Map<String, Recommendations> bySituation = new LinkedHashMap<>();
    for (Map.Entry<String, Context> s : situations.entrySet()) {
      Context c = s.getValue();
      Recommendations recs = byContext.recommend(Request.forUser(customer).context(c).count(5).build());
      bySituation.put(s.getKey(), recs);
      out.printf("%n  %s (task %s, %s, %s):%n", s.getKey(), c.get(Marketplace.TASK),
          c.get(TimeFeatures.TIME_OF_DAY), c.get(TimeFeatures.SEASON));
      for (int k = 0; k < recs.size(); k++) {
        int item = data.items().indexOf(recs.itemId(k));
        out.printf(Locale.ROOT, "    %d. %-38s context x%.2f (task x%.2f, time x%.2f, season x%.2f)%n", k + 1,
            Show.label(services, recs.itemId(k), Demo.SERVICE_FIELDS),
            contextual.affinity(Marketplace.TASK, c.get(Marketplace.TASK), item)
                * contextual.affinity(TimeFeatures.TIME_OF_DAY, c.get(TimeFeatures.TIME_OF_DAY), item)
                * contextual.affinity(TimeFeatures.SEASON, c.get(TimeFeatures.SEASON), item),
            contextual.affinity(Marketplace.TASK, c.get(Marketplace.TASK), item),
            contextual.affinity(TimeFeatures.TIME_OF_DAY, c.get(TimeFeatures.TIME_OF_DAY), item),
            contextual.affinity(TimeFeatures.SEASON, c.get(TimeFeatures.SEASON), item));
      }
    }

    // 2. Hot services per district: a visitor without an account is answered from the hot list of the request's
    // context slice (here the district), without touching the model.
    out.printf("%n2. Hot services for visitors, per district (popular; trending = recent bookings weigh more):%n");
    Map<String, List<String>> hotByDistrict = new LinkedHashMap<>();
    for (String d : DISTRICTS) {
      Context where = Context.of(Marketplace.DISTRICT, d);
      Recommendations hot = byContext.recommend(Request.forUser("visitor").context(where).count(4).build());
      Recommendations trending = byContext.recommend(
          Request.forUser("visitor").context(where).hotList(HotListKind.TRENDING).count(2).build());
      hotByDistrict.put(d, hot.itemIds());
      out.printf("  %-10s popular:", d);
      for (String s : hot.itemIds()) {
        out.printf(" %s", Show.label(services, s, "category", "district"));
      }
      out.printf("%n  %-10s trending: %s%n", "", trending.itemIds());
    }

    // 3. Services without bookings: their features place them next to similar services and in front of the
    // customers whose taste they match.
    out.printf("%n3. Services not launched yet (features only):%n");
    ContentModel content = new ContentTrainer(ContentConfig.defaults()).fit(data);
    Recommender byFeatures = Recommender.builder(content, data).build();
    Map<String, List<String>> coldSimilar = new LinkedHashMap<>();
    InteractionMatrix history = data.matrix();
    for (String cold : market.unlaunchedServices().subList(0, Math.min(3, market.unlaunchedServices().size()))) {
      Recommendations similar = byFeatures.recommend(Request.similarTo(cold).count(3).build());
      coldSimilar.put(cold, similar.itemIds());
      List<String> audience = Demo.audience(content, history, data.items().indexOf(cold), 10);
      out.printf(Locale.ROOT, "  %s: like %s; in the top 10 of %,d customers%n",
          Show.label(services, cold, Demo.SERVICE_FIELDS), similar.itemIds(), audience.size());
    }

    // 4. Explanations: item-kNN breaks every score into the contributions of the customer's bookings.
    out.printf("%n4. Why, for customer %s (item-kNN without context):%n", customer);
    Recommender explaining = Recommender.builder(knn, data).build();
    Recommendations explained = explaining.recommend(Request.forUser(customer).count(3).build());
    Show.list(out, explained, services, "booked", Demo.SERVICE_FIELDS);
    return new Result(customer, bySituation, hotByDistrict, coldSimilar, explained);
  }
}
