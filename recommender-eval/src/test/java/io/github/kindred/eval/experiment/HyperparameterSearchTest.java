package io.github.kindred.eval.experiment;

import io.github.kindred.eval.metric.RankingEvaluator;
import io.github.kindred.eval.split.RandomHoldout;
import io.github.kindred.eval.split.Split;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.popularity.PopularityTrainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperparameterSearchTest {
  private final AlgorithmRegistry registry = AlgorithmRegistry.standard();

  private static Map<String, List<String>> grid() {
    Map<String, List<String>> g = new LinkedHashMap<>();
    g.put("neighbors", List.of("5", "10", "20"));
    g.put("similarity", List.of("cosine", "jaccard"));
    return g;
  }

  @Test
  void gridEnumeratesEveryPointLastKeyFastest() {
    List<String> specs = new HyperparameterSearch("itemknn", grid(), 0, 0, "ndcg@5").specifications(registry)
        .stream().map(AlgorithmSpec::text).toList();
    assertThat(specs).containsExactly("itemknn:neighbors=5,similarity=cosine", "itemknn:neighbors=5,similarity=jaccard",
        "itemknn:neighbors=10,similarity=cosine", "itemknn:neighbors=10,similarity=jaccard",
        "itemknn:neighbors=20,similarity=cosine", "itemknn:neighbors=20,similarity=jaccard");
  }

  @Test
  void randomSearchDrawsDistinctSeededPointsOfTheGrid() {
    List<AlgorithmSpec> a = new HyperparameterSearch("itemknn", grid(), 4, 7, "ndcg@5").specifications(registry);
    List<AlgorithmSpec> b = new HyperparameterSearch("itemknn", grid(), 4, 7, "ndcg@5").specifications(registry);
    List<String> full = new HyperparameterSearch("itemknn", grid(), 0, 7, "ndcg@5").specifications(registry)
        .stream().map(AlgorithmSpec::text).toList();
    assertThat(a).hasSize(4).isEqualTo(b);
    assertThat(a.stream().map(AlgorithmSpec::text).distinct().toList()).hasSize(4).isSubsetOf(full);
    assertThat(new HyperparameterSearch("itemknn", grid(), 50, 7, "ndcg@5").specifications(registry)).hasSize(6);
  }

  @Test
  void everyTrialIsFittedOnTheGivenItemAndUserFeatures() {
    InteractionLog.Builder log = InteractionLog.builder();
    for (int u = 0; u < 10; u++) {
      for (int i = 0; i < 6; i++) {
        log.add("u" + u, "i" + ((u + i) % 8), 1f);
      }
    }
    Split validation = new RandomHoldout(0.25, 1).split(log.build());
    FeatureTable items = FeatureTable.builder().categorical("i0", "colour", "red").build();
    FeatureTable users = FeatureTable.builder().categorical("u0", "age", "young").build();
    List<FeatureTable[]> seen = new ArrayList<>();
    AlgorithmRegistry probe = AlgorithmRegistry.empty().with(new AlgorithmRegistry.Entry("probe", "records its data",
        Map.of("n", "1"), p -> data -> {
          seen.add(new FeatureTable[] {data.itemFeatures(), data.userFeatures()});
          return new PopularityTrainer().fit(data);
        }));
    Map<String, List<String>> g = new LinkedHashMap<>();
    g.put("n", List.of("1", "2"));
    new HyperparameterSearch("probe", g, 0, 0, "ndcg@5").run(probe, validation, items, users,
        RankingEvaluator.builder().cutoffs(5).threads(1).build(), (d, t, l) -> { });
    assertThat(seen).hasSize(2).allSatisfy(f -> {
      assertThat(f[0]).isSameAs(items);
      assertThat(f[1]).isSameAs(users);
    });
  }

  @Test
  void runKeepsEveryTrialAndBestTakesTheHighest() {
    InteractionLog.Builder log = InteractionLog.builder();
    for (int u = 0; u < 30; u++) {
      for (int i = 0; i < 12; i++) {
        if ((u * 3 + i * 5) % 7 < 3) {
          log.add("u" + u, "i" + i, 1f);
        }
      }
    }
    Split validation = new RandomHoldout(0.25, 1).split(log.build());
    HyperparameterSearch search = new HyperparameterSearch("itemknn", grid(), 0, 0, "ndcg@5");
    List<HyperparameterSearch.Trial> trials = search.run(registry, validation,
        RankingEvaluator.builder().cutoffs(5).threads(1).build(), (d, t, l) -> { });
    assertThat(trials).hasSize(6);
    HyperparameterSearch.Trial best = HyperparameterSearch.best(trials);
    for (HyperparameterSearch.Trial t : trials) {
      assertThat(best.value()).isGreaterThanOrEqualTo(t.value());
      assertThat(t.value()).isEqualTo(t.result().mean("ndcg@5"));
    }
  }

  /** A search over "cost" values whose fits advance {@code clock} by cost seconds. */
  private static List<String> budgeted(long budgetSeconds, long[] clock, String... costs) {
    InteractionLog.Builder log = InteractionLog.builder();
    for (int u = 0; u < 10; u++) {
      for (int i = 0; i < 6; i++) {
        log.add("u" + u, "i" + ((u + i) % 8), 1f);
      }
    }
    Split validation = new RandomHoldout(0.25, 1).split(log.build());
    AlgorithmRegistry slow = AlgorithmRegistry.empty().with(new AlgorithmRegistry.Entry("slow",
        "advances the fake clock", Map.of("cost", "1"), p -> data -> {
          clock[0] += p.longValue("cost") * 1_000_000_000L;
          return new PopularityTrainer().fit(data);
        }));
    Map<String, List<String>> g = new LinkedHashMap<>();
    g.put("cost", List.of(costs));
    List<String> heard = new ArrayList<>();
    List<HyperparameterSearch.Trial> trials = new HyperparameterSearch("slow", g, 0, 0, "ndcg@5").run(slow,
        validation, FeatureTable.empty(), FeatureTable.empty(), RankingEvaluator.builder().cutoffs(5).threads(1)
            .build(), (d, t, l) -> heard.add(d + "/" + t + " " + l),
        new HyperparameterSearch.Budget(budgetSeconds * 1_000_000_000L, () -> clock[0]));
    assertThat(heard).hasSize(trials.size());
    heard.add(0, trials.size() + " trials");
    return heard;
  }

  @Test
  void aBudgetStopsBeforeATrialThatTheLongestSoFarSaysWouldOverrunIt() {
    long[] clock = {5_000_000_000L};
    // Costs 10, 11, 12, 13 s, budget 40 s: after 10 s the longest is 10 (20 <= 40, run); after 21 s it is 11
    // (32 <= 40, run); after 33 s it is 12 (45 > 40, stop). Three trials, 33 s used.
    assertThat(budgeted(40, clock, "10", "11", "12", "13")).containsExactly("3 trials",
        "1/4 slow:cost=10", "2/4 slow:cost=11", "3/4 slow:cost=12");
    assertThat(clock[0]).isEqualTo(38_000_000_000L);
    // Exactly filling it is allowed: 10 + 10 + 10 of 30 s.
    assertThat(budgeted(30, new long[1], "10", "10", "10", "10").get(0)).isEqualTo("3 trials");
    // The first trial always runs, even over the budget.
    assertThat(budgeted(1, new long[1], "10", "1").get(0)).isEqualTo("1 trials");
    // No budget: everything runs.
    assertThat(new HyperparameterSearch.Budget(Long.MAX_VALUE, () -> 0).allows(Long.MAX_VALUE - 1, 1)).isTrue();
    assertThatThrownBy(() -> new HyperparameterSearch.Budget(0, () -> 0)).hasMessage("budget must be > 0, got 0 ns");
  }

  @Test
  void invalidGridsFail() {
    assertThatThrownBy(() -> new HyperparameterSearch("itemknn", Map.of(), 0, 0, "ndcg@5"))
        .hasMessage("the grid needs at least one key");
    assertThatThrownBy(() -> new HyperparameterSearch("itemknn", Map.of("k", List.of("1")), 0, 0, "ndcg@5")
        .specifications(registry)).hasMessageContaining("unknown key 'k' for itemknn");
    assertThatThrownBy(() -> new HyperparameterSearch("itemknn", Map.of("neighbors", List.of("0")), 0, 0, "ndcg@5")
        .specifications(registry)).hasMessage("itemknn: neighbors must be >= 1, got 0");
  }
}
