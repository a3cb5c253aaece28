package io.github.kindred.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kindred.data.synthetic.Marketplace;
import io.github.kindred.data.synthetic.MarketplaceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoTest {
  @Test
  void winnerBeatsPopularityContextChangesTheListAndTheNewServiceFindsCustomers() throws IOException {
    MarketplaceConfig config = MarketplaceConfig.defaults().withSize(15_000);
    Output out = new Output();

    Demo.Result r = Demo.run(out.stream, config, 5);

    assertThat(r.ndcg()).hasSize(7).containsKeys(Demo.POPULARITY, Demo.FM, Demo.KNN);
    assertThat(r.ndcg().get(r.winner())).isEqualTo(r.ndcg().values().stream().mapToDouble(d -> d).max().getAsDouble())
        .isGreaterThan(r.ndcg().get(Demo.POPULARITY));
    assertThat(out.text()).contains("* winner: " + r.winner());

    // The same customer at night with an emergency gets another list, with more 24/7 services, than for a planned
    // job on a weekday morning.
    assertThat(r.night()).hasSize(5).isNotEqualTo(r.morning());
    Marketplace market = Marketplace.generate(config);
    assertThat(count24h(market, r.night())).isGreaterThan(count24h(market, r.morning()));

    // The unlaunched service has no bookings, yet it has similar services and an audience.
    assertThat(market.unlaunchedServices()).contains(r.coldService());
    assertThat(r.similar()).isNotEmpty().doesNotContain(r.coldService());
    assertThat(r.audience()).isNotEmpty();

    assertThat(Files.readString(r.report())).contains("<html").contains(r.winner());
  }

  private static long count24h(Marketplace market, List<String> services) {
    return services.stream().filter(s -> "yes".equals(Show.field(market.itemFeatures(), s, "emergency"))).count();
  }
}
