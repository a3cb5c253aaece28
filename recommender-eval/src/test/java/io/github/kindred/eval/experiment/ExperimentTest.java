package io.github.kindred.eval.experiment;

import io.github.kindred.eval.metric.RankingMetric;
import io.github.kindred.eval.metric.RankingResult;
import io.github.kindred.eval.report.Reports;
import io.github.kindred.eval.split.Split;
import io.github.kindred.eval.stats.Statistics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionLog;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentTest {
  /** 50 users and 20 items with a popularity skew: item i is taken by user u when (u + 3i) % (i + 2) < 2. */
  private static InteractionLog log() {
    InteractionLog.Builder b = InteractionLog.builder();
    for (int u = 0; u < 50; u++) {
      for (int i = 0; i < 20; i++) {
        if ((u + 3 * i) % (i + 2) < 2) {
          b.add("u" + u, "i" + i, 1f, 1000L * u + i);
        }
      }
    }
    return b.build();
  }

  private static Experiment.Builder base() {
    return Experiment.builder().algorithm("popularity").algorithm("itemknn:neighbors=5,threads=1")
        .data("toy", log()).split("user-ratio:ratio=0.25").threads(1).cutoffs(5);
  }

  @Test
  void runsEveryAlgorithmOnEverySeedWithPairedUsers() {
    List<String> progress = new ArrayList<>();
    ExperimentResult r = base().seeds(1, 2, 3).listener((done, total, label) -> progress.add(done + "/" + total))
        .build().run();
    assertThat(r.runs()).hasSize(6);
    assertThat(progress).containsExactly("1/6", "2/6", "3/6", "4/6", "5/6", "6/6");
    assertThat(r.algorithms()).containsExactly("popularity", "itemknn:neighbors=5,threads=1");
    Statistics.Spread s = r.spread("toy", "popularity", "ndcg@5");
    double[] perSeed = r.runs("toy", "popularity").stream().mapToDouble(x -> x.result().mean("ndcg@5")).toArray();
    assertThat(s.n()).isEqualTo(3);
    assertThat(s.mean()).isCloseTo(Statistics.mean(perSeed), within(1e-12));
    int users = r.runs("toy", "popularity").stream().mapToInt(x -> x.result().userCount()).sum();
    assertThat(r.pooled("toy", "popularity", "ndcg@5")).hasSize(users);
    ExperimentResult.Comparison c = r.compare("toy", "itemknn:neighbors=5,threads=1", "popularity", "ndcg@5", 0.9,
        200, 1);
    assertThat(c.meanA() - c.meanB()).isCloseTo(c.difference().estimate(), within(1e-12));
    assertThat(c.tTest().n()).isEqualTo(users);
    assertThat(r.fingerprint("toy")).isEqualTo(Fingerprint.of(log()));
    assertThat(r.configuration("split")).isEqualTo("user-ratio:ratio=0.25");
    // The same seed gives the same numbers.
    ExperimentResult again = base().seeds(1, 2, 3).build().run();
    assertThat(again.pooled("toy", "popularity", "ndcg@5")).containsExactly(r.pooled("toy", "popularity", "ndcg@5"));
  }

  @Test
  void coldItemCandidatesRankOnlyItemsWithoutTrainingEvents() {
    ExperimentResult r = Experiment.builder().algorithm("popularity").data("toy", log()).split("cold-items:ratio=0.2")
        .candidates("cold").cutoffs(2).threads(1).build().run();
    RankingResult result = r.runs().get(0).result();
    assertThat(result.protocol()).isEqualTo("candidates: 4 items");
    assertThat(result.userCount()).isPositive();
  }

  @Test
  void sampledRunsAreLabelledInEveryReport() throws Exception {
    ExperimentResult r = base().candidates("sampled:5").build().run();
    List<String> metrics = Reports.contractMetrics(5);
    assertThat(Reports.table(r, metrics)).contains("popularity [sampled]", "protocol: sampled");
    assertThat(Reports.markdown(r, metrics)).contains("popularity [sampled]");
    assertThat(Reports.csv(r, metrics)).contains("sampled: relevant items among 5 sampled negatives");
    assertThat(Reports.html(r, metrics)).contains("Sampled-negative protocol", "[sampled]")
        .doesNotContain("against cut-off");
    JsonNode json = new ObjectMapper().readTree(Reports.json(r, metrics));
    assertThat(json.get("results").get(0).get("sampled").asBoolean()).isTrue();
  }

  @Test
  void jsonFollowsTheContractAndRecordsProvenance() throws Exception {
    ExperimentResult r = base().build().run();
    JsonNode json = new ObjectMapper().readTree(Reports.json(r, Reports.contractMetrics(5)));
    JsonNode first = json.get("results").get(0);
    assertThat(first.get("algorithm").asText()).isEqualTo("popularity");
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = first.get("metrics").fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    assertThat(keys).startsWith("ndcg@5", "recall@5", "precision@5", "map@5", "mrr@5", "hit@5", "coverage@5")
        .doesNotContain("ndcg@10", "ndcg@1");
    assertThat(first.get("fitSeconds").isNumber()).isTrue();
    assertThat(first.get("recommendSeconds").isNumber()).isTrue();
    assertThat(first.get("metrics").get("ndcg@5").asDouble()).isEqualTo(r.runs().get(0).result().mean("ndcg@5"));
    JsonNode provenance = json.get("provenance");
    assertThat(provenance.get("version").asText()).isNotBlank();
    assertThat(provenance.get("fingerprints").get("toy").asText()).startsWith("sha256:");
    assertThat(provenance.get("configuration").get("algorithms").asText())
        .isEqualTo("popularity; itemknn:alpha=auto,neighbors=5,shrinkage=0,similarity=auto,threads=1");
    String csv = Reports.csv(r, List.of("ndcg@5"));
    assertThat(csv.lines().findFirst().orElseThrow())
        .isEqualTo("dataset,algorithm,configuration,seed,protocol,users,ndcg@5,fitSeconds,recommendSeconds,version,"
            + "fingerprint");
    // The itemknn configuration holds commas, so it is quoted; each run records the values the fit used.
    String used = r.runs().get(1).configuration();
    assertThat(used).doesNotContain("auto").matches("itemknn:alpha=[0-9.]+,neighbors=5,shrinkage=0,"
        + "similarity=(cosine|asymmetric),threads=1");
    assertThat(csv).contains(",\"" + used + "\",");
  }

  @Test
  void htmlIsSelfContainedWithThreeChartsPerDataset() {
    ExperimentResult r = base().curves(true).build().run();
    assertThat(r.allCutoffs()).containsExactly(1, 2, 5, 10, 20, 50);
    String html = Reports.html(r, Reports.contractMetrics(5));
    assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script").doesNotContain("src=")
        .doesNotContain("href=");
    assertThat(html.split("<svg", -1)).hasSize(4);
    assertThat(html).contains("ndcg@5 with 95% bootstrap interval", "ndcg against cut-off k", "arp@5");
  }

  @Test
  void invalidConfigurationFailsWhenBuilt() {
    assertThatThrownBy(() -> Experiment.builder().algorithm("easy")).hasMessageContaining("unknown algorithm 'easy'");
    assertThatThrownBy(() -> Experiment.builder().split("fold")).hasMessageContaining("unknown split 'fold'");
    assertThatThrownBy(() -> Experiment.builder().algorithm("popularity").data("toy", log()).build())
        .hasMessageContaining("give a split specification");
    assertThatThrownBy(() -> Experiment.builder().candidates("sampled:0"))
        .hasMessageContaining("count >= 1");
    assertThatThrownBy(() -> Experiment.builder().seeds(1, 1)).hasMessageContaining("each once");
    assertThatThrownBy(() -> Experiment.builder().build()).hasMessage("an experiment needs at least one algorithm");
  }

  @Test
  void itemFeaturesReachTheTrainingDatasetForColdItems() {
    // i2 (Action) and i4 (Comedy) have no training events; u1 liked the Action item i1 and u2 the Comedy item i3.
    // Content ranks each user's own genre first among the cold items (hit@1 = 1 for both); popularity scores
    // both cold items 0 and breaks the tie by index, i2 first (u1 hit, u2 miss).
    InteractionLog train = InteractionLog.builder().knownItems(IdIndex.of("i1", "i2", "i3", "i4"))
        .add("u1", "i1", 1f).add("u2", "i3", 1f).build();
    InteractionLog test = InteractionLog.builder().knownUsers(train.users()).knownItems(train.items())
        .add("u1", "i2", 1f).add("u2", "i4", 1f).build();
    FeatureTable genres = FeatureTable.builder().tags("i1", "genre", "Action").tags("i2", "genre", "Action")
        .tags("i3", "genre", "Comedy").tags("i4", "genre", "Comedy").build();
    ExperimentResult r = Experiment.builder().algorithm("content").algorithm("popularity")
        .data("genres", new Split(train, test), genres, FeatureTable.empty()).candidates("cold").cutoffs(1)
        .threads(1).build().run();
    assertThat(r.runs().get(0).result().perUser(RankingMetric.HIT, 1)).containsExactly(1.0, 1.0);
    assertThat(r.runs().get(1).result().perUser(RankingMetric.HIT, 1)).containsExactly(1.0, 0.0);
    assertThat(r.runs().get(0).result().protocol()).isEqualTo("candidates: 2 items");
  }
}
