package io.github.kindred.data.synthetic;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.InteractionLog;
import java.util.List;
import java.util.Objects;

/**
 * A synthetic home-services marketplace: users in districts request services (plumbing, locksmiths, cleaning ...)
 * offered by technicians, in a context, and rate the job afterwards. The data are generated from a documented,
 * seeded process in which context, user taste, popularity and locality all have a known effect, so that
 * context-aware and context-free recommenders can be compared on data where the truth is known.
 *
 * <h2>What is generated</h2>
 * <ul>
 *   <li>{@link #log()}: one event per request, in time order, user {@code u00042}, item {@code s0007}, value the
 *       rating given after the job (1 to 5, event type {@code rating}), a timestamp in seconds, and a context with
 *       the features {@code timeOfDay}, {@code dayOfWeek}, {@code weekend}, {@code season} (exactly as
 *       {@link io.github.kindred.data.TimeFeatures} derives them from the timestamp in the configured zone),
 *       {@code district} (where the job is), {@code task} ({@code emergency}, {@code repair} or {@code planned}) and
 *       {@code channel} ({@code app}, {@code web} or {@code phone}). Every user and every service is registered in
 *       the log's indexes, in id order, even those without a request (new services).
 *   <li>{@link #itemFeatures()}: per service the categorical fields {@code category}, {@code priceBand}
 *       ({@code budget}, {@code standard}, {@code premium}), {@code emergency} ({@code yes} if it offers a 24/7
 *       call-out), {@code district} (the technician's), {@code technician}, the numeric {@code durationHours}, and
 *       the text {@code name} (for example "North quick plumbing leak repair 24/7").
 *   <li>{@link #userFeatures()}: per user {@code district}, {@code ageGroup} ({@code 18-29}, {@code 30-44},
 *       {@code 45-64}, {@code 65+}) and {@code household} ({@code single}, {@code couple}, {@code family},
 *       {@code shared}).
 * </ul>
 *
 * <h2>The generative process and its effects</h2>
 * For each request: the user is drawn by activity (log-normal, so some users request much more than others); the
 * day uniformly over the period; the task type with P(emergency) = 0.22 (0.29 in winter), P(repair) = 0.38,
 * otherwise planned; the hour from a profile of the task: emergencies at any hour (about 30% at night), repairs and
 * planned jobs in working hours (almost never at night). The category is then drawn with probability proportional
 * to
 * <pre>  affinity(user, category)^tasteStrength * (task(c) * timeOfDay(c) * dayOfWeek(c) * season(c))^contextStrength</pre>
 * where the user's affinity is a sparse Gamma(0.4) draw per category shaped by age group and household (families
 * clean and garden, 18-29 year olds move and lock themselves out, 65+ need handymen and gardeners). The context
 * multipliers, with contextStrength 1, include:
 * <ul>
 *   <li>task: emergencies are plumbing (x4), locksmith (x6), electrical and heating (x2.5), hardly ever cleaning,
 *       moving, gardening or painting (x0.02); planned jobs are cleaning (x2.6), moving, gardening, painting (x2.2);
 *   <li>time of day: at night locksmiths x3, plumbing x1.8, other trades x0.1 to x0.5;
 *   <li>day of week: cleaning before the weekend (Thursday x1.8, Friday x2.5), moving on Saturday (x3), gardening
 *       and painting at weekends;
 *   <li>season: heating x3.5 in winter and x0.15 in summer, air conditioning x4 in summer and x0.1 in winter,
 *       gardening x3 in spring and x0.1 in winter, pest control x2.5 in summer, spring cleaning x1.6.
 * </ul>
 * The service is then, with probability {@code repeatRate}, the one the user booked last in that category (if
 * any); otherwise it is drawn among the category's launched services with weight
 * {@code zipf(rank) * style(user)^tasteStrength * price(user) * local * emergency}: a Zipf-like popularity within
 * the category, the user's preference for the service's style (five latent styles with a sparse Gamma(0.3) preference per
 * user, hinted at by a word of the name in 70% of names), a price-band match, {@code localBoost} if the technician works in the job's district (the
 * user's own in 90% of requests), and for emergencies x1 for services with a 24/7 call-out against x0.05 without
 * (planned jobs x0.7 for 24/7 services). New services get no requests before their launch day. The rating is
 * {@code round(3.2 + 0.6 * style match + 0.4 * local + quality(service) + N(0, 0.8))} clamped to 1..5. The channel
 * depends on age and task (phone for emergencies and the elderly) but not on the service: a context feature that
 * carries no information beyond the others.
 *
 * <p>Generation is single-threaded, runs on primitive arrays, and takes about a second per million requests plus
 * the cost of {@link InteractionLog.Builder}. Immutable and thread-safe once generated.
 */
public final class Marketplace {
  /** The service categories, in the order of the generator's tables. */
  public static final List<String> CATEGORIES = List.of("plumbing", "electrical", "appliance-repair", "heating",
      "air-conditioning", "cleaning", "moving", "pest-control", "gardening", "painting", "locksmith", "handyman");
  /** The districts of the city. */
  public static final List<String> DISTRICTS =
      List.of("north", "south", "east", "west", "central", "harbour", "hills", "riverside");
  /** Context feature: the district of the job. */
  public static final String DISTRICT = "district";
  /** Context feature: the task type, {@code emergency}, {@code repair} or {@code planned}. */
  public static final String TASK = "task";
  /** Context feature: the channel of the request, {@code app}, {@code web} or {@code phone}. */
  public static final String CHANNEL = "channel";

  private final MarketplaceConfig config;
  private final InteractionLog log;
  private final FeatureTable itemFeatures;
  private final FeatureTable userFeatures;
  private final List<String> newServices;
  private final List<String> unlaunchedServices;

  Marketplace(MarketplaceConfig config, InteractionLog log, FeatureTable itemFeatures, FeatureTable userFeatures,
      List<String> newServices, List<String> unlaunchedServices) {
    this.config = config;
    this.log = log;
    this.itemFeatures = itemFeatures;
    this.userFeatures = userFeatures;
    this.newServices = newServices;
    this.unlaunchedServices = unlaunchedServices;
  }

  /**
   * Generates a marketplace. Deterministic: the same configuration gives equal logs and tables.
   *
   * @param config the parameters, not null
   * @return the generated log, feature tables and lists of new and unlaunched services
   * @throws NullPointerException if {@code config} is null
   */
  public static Marketplace generate(MarketplaceConfig config) {
    return new MarketplaceGenerator(Objects.requireNonNull(config, "config")).generate();
  }

  /** {@return the default marketplace of {@link MarketplaceConfig#defaults()}, about 50,000 requests} */
  public static Marketplace generate() {
    return generate(MarketplaceConfig.defaults());
  }

  /** {@return the configuration it was generated with} */
  public MarketplaceConfig config() {
    return config;
  }

  /** {@return the requests, in time order, with ratings as values and a context per event} */
  public InteractionLog log() {
    return log;
  }

  /** {@return the features of every service, including those without requests} */
  public FeatureTable itemFeatures() {
    return itemFeatures;
  }

  /** {@return the features of every user} */
  public FeatureTable userFeatures() {
    return userFeatures;
  }

  /** {@return the ids of the new services launched during the last 30 days of the period (few requests)} */
  public List<String> newServices() {
    return newServices;
  }

  /**
   * {@return the ids of the services launched after the period: no requests at all, only features (item cold
   * start)}
   */
  public List<String> unlaunchedServices() {
    return unlaunchedServices;
  }

  /**
   * The dataset of the log with both feature tables. Cells hold the sum of the ratings of repeated requests;
   * for implicit top-N models use {@code Dataset.builder(log()).binary(true)} with the tables instead.
   *
   * @return a new dataset over {@link #log()}, {@link #itemFeatures()} and {@link #userFeatures()}
   */
  public Dataset dataset() {
    return Dataset.builder(log).itemFeatures(itemFeatures).userFeatures(userFeatures).build();
  }
}
