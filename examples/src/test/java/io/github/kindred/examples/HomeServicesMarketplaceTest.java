package io.github.kindred.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.synthetic.Marketplace;
import io.github.kindred.data.synthetic.MarketplaceConfig;
import io.github.kindred.serve.Explanation;
import io.github.kindred.serve.Recommendations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HomeServicesMarketplaceTest {
  @Test
  void contextDistrictsColdServicesAndExplanationsBehaveAsTheStorySays() {
    MarketplaceConfig config = MarketplaceConfig.defaults().withSize(15_000);
    Marketplace market = Marketplace.generate(config);
    Output out = new Output();

    HomeServicesMarketplace.Result r = HomeServicesMarketplace.run(out.stream, config);

    // Context: the emergency at night changes the list and favours services with a 24/7 call-out.
    Recommendations planned = r.bySituation().get(HomeServicesMarketplace.SITUATIONS.get(0));
    Recommendations night = r.bySituation().get(HomeServicesMarketplace.SITUATIONS.get(1));
    assertThat(night.itemIds()).isNotEqualTo(planned.itemIds());
    assertThat(count24h(market, night.itemIds())).isGreaterThan(count24h(market, planned.itemIds()));

    // Hot lists per district: each district's list differs and leads with local technicians more often than the
    // one-in-eight chance of a random district.
    Map<String, List<String>> hot = r.hotByDistrict();
    assertThat(new HashSet<>(hot.values())).hasSize(HomeServicesMarketplace.DISTRICTS.size());
    int local = 0;
    int shown = 0;
    for (Map.Entry<String, List<String>> e : hot.entrySet()) {
      for (String s : e.getValue()) {
        shown++;
        local += e.getKey().equals(Show.field(market.itemFeatures(), s, "district")) ? 1 : 0;
      }
    }
    assertThat(local * 8).isGreaterThan(shown);

    // Unlaunched services are matched to launched ones by their features.
    assertThat(r.coldSimilar()).isNotEmpty();
    r.coldSimilar().forEach((cold, similar) -> {
      assertThat(market.unlaunchedServices()).contains(cold);
      assertThat(similar).isNotEmpty().doesNotContain(cold);
    });

    // Item-kNN explanations cite the customer's own bookings.
    List<String> history = historyOf(market.log(), r.customer());
    for (Explanation e : r.explained().explanations()) {
      assertThat(e.reason()).isEqualTo(Explanation.Reason.HISTORY_CONTRIBUTIONS);
      assertThat(e.evidence()).isNotEmpty().allSatisfy(ev -> assertThat(history).contains(ev.itemId()));
    }
    assertThat(out.text()).contains("because you booked");
  }

  private static List<String> historyOf(InteractionLog log, String user) {
    List<String> items = new ArrayList<>();
    for (int e = 0; e < log.size(); e++) {
      if (log.users().idOf(log.user(e)).equals(user)) {
        items.add(log.items().idOf(log.item(e)));
      }
    }
    return items;
  }

  private static long count24h(Marketplace market, List<String> services) {
    return services.stream().filter(s -> "yes".equals(Show.field(market.itemFeatures(), s, "emergency"))).count();
  }
}
