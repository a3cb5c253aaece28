package io.github.kindred.eval.metric;

import io.github.kindred.eval.experiment.Experiment;
import io.github.kindred.eval.experiment.ExperimentResult;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kindred.data.synthetic.Marketplace;
import io.github.kindred.data.synthetic.MarketplaceConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acceptance check of the context-aware models on the generated marketplace, whose generative process gives
 * context a known effect (emergency plumbing and locksmiths at night, heating in winter, cleaning before weekends):
 * each approach with context must beat the same approach without it by at least 10% relative nDCG@10, with a paired
 * t-test significant at 0.01, and the gain must come from where the generator put the effect (night requests gain
 * more than morning ones). Every held-out event is ranked in its own context, as the experiment runner does for data
 * with context; repeat bookings stay in the test data (they cannot be hit, since seen items are excluded).
 */
class ContextGainTest {
  private static final String DATA = "marketplace";
  private static final String METRIC = "ndcg@10";
  private static final String POST = "postfilter:base=popularity";
  private static ExperimentResult result;

  @BeforeAll
  static void run() {
    Marketplace market = Marketplace.generate(MarketplaceConfig.defaults().withSize(20_000).withSeed(42));
    result = Experiment.builder()
        .data(DATA, market.log(), market.itemFeatures(), market.userFeatures())
        .split("user-ratio:ratio=0.2")
        .seeds(1)
        .cutoffs(10)
        .threads(2)
        .algorithm("popularity")
        .algorithm(POST)
        .algorithm("fm:context=false")
        .algorithm("fm")
        .build()
        .run();
  }

  @Test
  void postFilteringBeatsTheSameModelWithoutContextSignificantly() {
    assertGain(POST, "popularity");
  }

  @Test
  void factorisationMachineWithContextBeatsItWithoutContextSignificantly() {
    assertGain("fm", "fm:context=false");
  }

  @Test
  void theGainIsLargestWhereTheGeneratorPutTheEffect() {
    for (String[] pair : new String[][] {{POST, "popularity"}, {"fm", "fm:context=false"}}) {
      RankingResult with = result.runs(DATA, pair[0]).get(0).result();
      RankingResult without = result.runs(DATA, pair[1]).get(0).result();
      assertThat(with.contextCount("timeOfDay=night")).isPositive();
      double night = with.byContext("timeOfDay=night", METRIC) - without.byContext("timeOfDay=night", METRIC);
      double morning = with.byContext("timeOfDay=morning", METRIC) - without.byContext("timeOfDay=morning", METRIC);
      assertThat(night).as(pair[0]).isGreaterThan(morning);
    }
  }

  private static void assertGain(String withContext, String withoutContext) {
    ExperimentResult.Comparison c = result.compare(DATA, withContext, withoutContext, METRIC, 0.95, 200, 7L);
    assertThat(c.meanA()).as("%s %.4f vs %s %.4f", withContext, c.meanA(), withoutContext, c.meanB())
        .isGreaterThanOrEqualTo(1.10 * c.meanB());
    assertThat(c.tTest().pValue()).isLessThan(0.01);
    assertThat(c.difference().lower()).isPositive();
  }
}
