package io.github.kindred.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kindred.data.synthetic.MarketplaceConfig;
import io.github.kindred.segment.AtRiskUser;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WinBackTest {
  @Test
  void segmentsAtRiskCustomersAndTestsTheTwoStrategies() {
    Output out = new Output();

    WinBack.Result r = WinBack.run(out.stream, MarketplaceConfig.defaults().withSize(15_000), 4);

    assertThat(r.clusters().segmentCount()).isEqualTo(4);
    assertThat(Arrays.stream(r.clusters().sizes()).sum()).isEqualTo(r.users());
    assertThat(r.tiers().values().stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(r.users());
    assertThat(r.atRisk().size()).isPositive();
    for (AtRiskUser u : r.atRisk().users()) {
      // The rule: at least 3 visits, silent for more than max(14 days, twice the usual gap).
      assertThat(u.visits()).isGreaterThanOrEqualTo(3);
      assertThat((double) u.silentDays()).isGreaterThan(Math.max(14, 2 * u.meanGapDays()));
    }
    assertThat(r.winBack()).isNotEmpty().allSatisfy((user, items) -> assertThat(items).isNotEmpty());
    assertThat(r.returned()).isPositive();
    assertThat(r.tTest().pValue()).isBetween(0.0, 1.0);
    assertThat(r.wilcoxon().pValue()).isBetween(0.0, 1.0);
    assertThat(r.ndcg()).containsOnlyKeys(WinBack.POPULAR, WinBack.PERSONAL);
    assertThat(out.text()).contains("Wilcoxon p = ");
  }
}
