package io.github.kindred.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.Context;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.TimeFeatures;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MarketplaceTest {
  private static Marketplace market;
  private static String[] categoryOf;

  @BeforeAll
  static void generate() {
    market = Marketplace.generate(MarketplaceConfig.defaults().withSize(20_000).withSeed(7));
    categoryOf = categories(market);
  }

  private static String[] categories(Marketplace m) {
    FeatureTable t = m.itemFeatures();
    int[] rows = t.rowsFor(m.log().items());
    String[] out = new String[rows.length];
    for (int i = 0; i < rows.length; i++) {
      for (int f : t.featuresOf(rows[i])) {
        String name = t.features().idOf(f);
        if (name.startsWith("category=")) {
          out[i] = name.substring("category=".length());
        }
      }
    }
    return out;
  }

  /** Index of context feature {@code name} in the log. */
  private static int feature(InteractionLog log, String name) {
    return Arrays.asList(log.contextNames()).indexOf(name);
  }

  /** Share of events with context {@code feature} in {@code values} whose service is of {@code category}. */
  private static double share(Marketplace m, String[] cats, String category, String feature, String... values) {
    InteractionLog log = m.log();
    int f = feature(log, feature);
    boolean[] wanted = new boolean[log.contextValues(f).size()];
    for (String v : values) {
      wanted[log.contextValues(f).indexOf(v)] = true;
    }
    int all = 0;
    int hits = 0;
    for (int i = 0; i < log.size(); i++) {
      int code = log.contextCode(f, i);
      if (code >= 0 && wanted[code]) {
        all++;
        if (cats[log.item(i)].equals(category)) {
          hits++;
        }
      }
    }
    assertThat(all).as("events with %s in the sample", feature).isGreaterThan(500);
    return hits / (double) all;
  }

  @Test
  void sizesAndIndexesFollowTheConfiguration() {
    MarketplaceConfig c = market.config();
    assertThat(c.users()).isEqualTo(2_000);
    assertThat(market.log().size()).isEqualTo(20_000);
    assertThat(market.log().users().size()).isEqualTo(c.users());
    assertThat(market.log().items().size()).isEqualTo(c.services());
    assertThat(market.itemFeatures().entities().size()).isEqualTo(c.services());
    assertThat(market.userFeatures().entities().size()).isEqualTo(c.users());
    assertThat(market.log().contextNames()).containsExactlyInAnyOrder(TimeFeatures.TIME_OF_DAY,
        TimeFeatures.DAY_OF_WEEK, TimeFeatures.WEEKEND, TimeFeatures.SEASON, Marketplace.DISTRICT,
        Marketplace.TASK, Marketplace.CHANNEL);
    for (int i = 0; i < market.log().size(); i++) {
      assertThat(market.log().value(i)).isBetween(1f, 5f);
    }
  }

  @Test
  void sameSeedGivesTheSameDataAndAnotherSeedDoesNot() {
    MarketplaceConfig c = MarketplaceConfig.defaults().withSize(3_000).withSeed(11);
    InteractionLog a = Marketplace.generate(c).log();
    InteractionLog b = Marketplace.generate(c).log();
    InteractionLog other = Marketplace.generate(c.withSeed(12)).log();
    int differences = 0;
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.user(i)).isEqualTo(a.user(i));
      assertThat(b.item(i)).isEqualTo(a.item(i));
      assertThat(b.value(i)).isEqualTo(a.value(i));
      assertThat(b.timestamp(i)).isEqualTo(a.timestamp(i));
      assertThat(b.context(i)).isEqualTo(a.context(i));
      if (other.item(i) != a.item(i)) {
        differences++;
      }
    }
    assertThat(differences).isGreaterThan(a.size() / 2);
  }

  @Test
  void contextFeaturesAgreeWithTheTimestampsAndEventsAreInTimeOrder() {
    InteractionLog log = market.log();
    ZoneId zone = market.config().zone();
    long first = LocalDate.of(2025, 1, 1).atStartOfDay(zone).toEpochSecond();
    long end = LocalDate.of(2026, 1, 1).atStartOfDay(zone).toEpochSecond();
    for (int i = 0; i < log.size(); i += 37) {
      Context c = log.context(i);
      assertThat(c.only(TimeFeatures.TIME_OF_DAY, TimeFeatures.DAY_OF_WEEK, TimeFeatures.WEEKEND,
          TimeFeatures.SEASON)).isEqualTo(TimeFeatures.of(log.timestamp(i), zone));
      assertThat(log.timestamp(i)).isBetween(first, end - 1);
      if (i > 0) {
        assertThat(log.timestamp(i)).isGreaterThanOrEqualTo(log.timestamp(i - 1));
      }
    }
  }

  @Test
  void documentedContextEffectsArePresent() {
    String[] day = {"morning", "afternoon"};
    // Emergency plumbing and locksmiths at night.
    assertThat(share(market, categoryOf, "plumbing", TimeFeatures.TIME_OF_DAY, "night"))
        .isGreaterThan(2 * share(market, categoryOf, "plumbing", TimeFeatures.TIME_OF_DAY, day));
    assertThat(share(market, categoryOf, "locksmith", TimeFeatures.TIME_OF_DAY, "night"))
        .isGreaterThan(4 * share(market, categoryOf, "locksmith", TimeFeatures.TIME_OF_DAY, day));
    assertThat(share(market, categoryOf, "plumbing", Marketplace.TASK, "emergency"))
        .isGreaterThan(4 * share(market, categoryOf, "plumbing", Marketplace.TASK, "planned"));
    // Heating in winter, air conditioning and pest control in summer, gardening in spring.
    assertThat(share(market, categoryOf, "heating", TimeFeatures.SEASON, "winter"))
        .isGreaterThan(8 * share(market, categoryOf, "heating", TimeFeatures.SEASON, "summer"));
    assertThat(share(market, categoryOf, "air-conditioning", TimeFeatures.SEASON, "summer"))
        .isGreaterThan(8 * share(market, categoryOf, "air-conditioning", TimeFeatures.SEASON, "winter"));
    assertThat(share(market, categoryOf, "gardening", TimeFeatures.SEASON, "spring"))
        .isGreaterThan(8 * share(market, categoryOf, "gardening", TimeFeatures.SEASON, "winter"));
    // Cleaning before the weekend, moving on Saturdays.
    assertThat(share(market, categoryOf, "cleaning", TimeFeatures.DAY_OF_WEEK, "thu", "fri"))
        .isGreaterThan(1.3 * share(market, categoryOf, "cleaning", TimeFeatures.DAY_OF_WEEK, "mon", "tue", "wed"));
    assertThat(share(market, categoryOf, "moving", TimeFeatures.DAY_OF_WEEK, "sat"))
        .isGreaterThan(1.5 * share(market, categoryOf, "moving", TimeFeatures.DAY_OF_WEEK, "mon", "tue", "wed"));
  }

  @Test
  void withoutContextStrengthTheCategoryNoLongerDependsOnTheHour() {
    Marketplace flat = Marketplace.generate(
        MarketplaceConfig.defaults().withSize(20_000).withSeed(7).withContextStrength(0));
    String[] cats = categories(flat);
    double night = share(flat, cats, "plumbing", TimeFeatures.TIME_OF_DAY, "night");
    double byDay = share(flat, cats, "plumbing", TimeFeatures.TIME_OF_DAY, "morning", "afternoon");
    assertThat(night / byDay).isBetween(0.75, 1.33);
  }

  @Test
  void techniciansAreMostlyLocalAndEmergenciesGoTo24HourServices() {
    InteractionLog log = market.log();
    FeatureTable items = market.itemFeatures();
    int[] rows = items.rowsFor(log.items());
    int local = 0;
    int emergencies = 0;
    int emergencyToCallout = 0;
    int yes = items.features().indexOf("emergency=yes");
    int district = feature(log, Marketplace.DISTRICT);
    int task = feature(log, Marketplace.TASK);
    int emergency = log.contextValues(task).indexOf("emergency");
    for (int i = 0; i < log.size(); i++) {
      int row = rows[log.item(i)];
      String where = log.contextValues(district).idOf(log.contextCode(district, i));
      if (items.value(row, items.features().indexOf("district=" + where)) == 1f) {
        local++;
      }
      if (log.contextCode(task, i) == emergency) {
        emergencies++;
        if (items.value(row, yes) == 1f) {
          emergencyToCallout++;
        }
      }
    }
    // Eight districts: without locality one job in eight would be local.
    assertThat(local / (double) log.size()).isGreaterThan(2 * 0.125);
    assertThat(emergencyToCallout / (double) emergencies).isGreaterThan(0.7);
  }

  @Test
  void newServicesAreColdOrNearlyCold() {
    InteractionLog log = market.log();
    int[] counts = new int[log.items().size()];
    long[] firstSeen = new long[counts.length];
    for (int i = 0; i < log.size(); i++) {
      if (counts[log.item(i)]++ == 0) {
        firstSeen[log.item(i)] = log.timestamp(i);
      }
    }
    assertThat(market.unlaunchedServices()).isNotEmpty();
    for (String id : market.unlaunchedServices()) {
      assertThat(counts[log.items().indexOf(id)]).isZero();
      assertThat(market.itemFeatures().rowOf(id)).isNotNegative();
    }
    long lastMonth = Instant.parse("2025-12-01T00:00:00Z").getEpochSecond();
    for (String id : market.newServices()) {
      int item = log.items().indexOf(id);
      if (counts[item] > 0) {
        assertThat(firstSeen[item]).isGreaterThanOrEqualTo(lastMonth);
      }
    }
  }

  @Test
  void invalidConfigurationIsRejected() {
    MarketplaceConfig d = MarketplaceConfig.defaults();
    assertThatThrownBy(() -> d.withContextStrength(-1)).hasMessageContaining("contextStrength");
    assertThatThrownBy(() -> d.withRepeatRate(1.5)).hasMessageContaining("repeatRate");
    assertThatThrownBy(() -> d.withSize(0)).hasMessageContaining("interactions");
  }
}
