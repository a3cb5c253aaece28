package io.github.kindred.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.DuplicatePolicy;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.eval.metric.RankingEvaluator;
import io.github.kindred.eval.metric.RankingMetric;
import io.github.kindred.eval.metric.RankingResult;
import io.github.kindred.knn.ItemKnnConfig;
import io.github.kindred.knn.ItemKnnModel;
import io.github.kindred.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SparkBatchTest {
  /** u0 {a}, u1 {a, b}, u2 {c}: popularity a 2, b 1, c 1. */
  private static SparkInteractions train() {
    return SparkInteractions.read(LocalSpark.events(new Object[] {"u0", "a"}, new Object[] {"u1", "a"},
        new Object[] {"u1", "b"}, new Object[] {"u2", "c"}), ColumnMapping.defaults(), true);
  }

  @Test
  void recommendsTheTopUnseenItemsOfEveryUser() {
    SparkInteractions train = train();
    Model model = SparkPopularity.fit(train);
    List<String> rows = new ArrayList<>();
    for (Row r : SparkBatch.recommendAll(model, train, 2, true).orderBy("user", "rank").collectAsList()) {
      rows.add(r.getString(0) + " " + r.getInt(1) + " " + r.getString(2) + " " + r.getFloat(3));
    }
    // u0 has seen a: b and c tie at 1, the smaller index first; u1 has seen a and b; u2 has seen c.
    assertThat(rows).containsExactly("u0 1 b 1.0", "u0 2 c 1.0", "u1 1 c 1.0", "u2 1 a 2.0", "u2 2 b 1.0");
    assertThatThrownBy(() -> SparkBatch.recommendAll(model, train, 0, true)).hasMessageContaining("n must be");
    train.release();
  }

  @Test
  void evaluatesAsTheReferenceProtocolDefinesTheMetrics() {
    SparkInteractions train = train();
    Model model = SparkPopularity.fit(train);
    // u0 {c}: list [b, c]; u1 {c, z}: z is unknown and dropped, list [c]; u2 {b}: list [a, b]; u9 is unknown to
    // training and ranked from the empty query, nothing excluded: [a, b], relevant {a}.
    org.apache.spark.sql.Dataset<Row> test = LocalSpark.events(new Object[] {"u0", "c"}, new Object[] {"u1", "c"},
        new Object[] {"u1", "z"}, new Object[] {"u2", "b"}, new Object[] {"u9", "a"});
    SparkBatch.Evaluation e = SparkBatch.evaluate(model, train, test, ColumnMapping.defaults(), 2, 1);
    assertThat(e.users()).isEqualTo(4);
    Map<String, Double> m = e.metrics();
    // At 1, u1 and u9 hit; at 2 every user hits, u0 and u2 at rank 2 (DCG 1 / log2(3)).
    assertThat(m.get("recall@1")).isCloseTo(0.5, within(1e-12));
    assertThat(m.get("ndcg@1")).isCloseTo(0.5, within(1e-12));
    assertThat(m.get("recall@2")).isCloseTo(1.0, within(1e-12));
    assertThat(m.get("ndcg@2")).isCloseTo((2 / (Math.log(3) / Math.log(2)) + 2) / 4, within(1e-12));
    assertThat(m.get("precision@2")).isCloseTo(0.5, within(1e-12));
    assertThat(m.get("mrr@2")).isCloseTo((0.5 + 1 + 0.5 + 1) / 4, within(1e-12));
    assertThat(m.keySet()).startsWith("precision@1");
    train.release();
  }

  @Test
  void agreesWithTheInProcessEvaluatorOnEveryMetric() {
    SplittableRandom random = new SplittableRandom(11);
    List<Object[]> trainRows = new ArrayList<>();
    List<Object[]> testRows = new ArrayList<>();
    for (int e = 0; e < 600; e++) {
      Object[] row = {"u" + random.nextInt(50), "i" + (int) Math.floor(40 * Math.pow(random.nextDouble(), 1.5))};
      (random.nextInt(5) == 0 ? testRows : trainRows).add(row);
    }
    SparkInteractions train = SparkInteractions.read(LocalSpark.events(trainRows.toArray(new Object[0][])),
        ColumnMapping.defaults(), true);
    io.github.kindred.data.Dataset local = train.toDataset();
    ItemKnnModel model = SparkItemKnn.fit(train, ItemKnnConfig.defaults().withNeighbors(10).withThreads(1));
    InteractionLog.Builder log = InteractionLog.builder().knownUsers(train.users()).knownItems(train.items());
    for (Object[] r : testRows) {
      if (train.users().contains((String) r[0]) && train.items().contains((String) r[1])) {
        log.add((String) r[0], (String) r[1], 1f);
      }
    }
    InteractionMatrix test = InteractionMatrix.of(log.build(), DuplicatePolicy.SUM);
    RankingResult reference = RankingEvaluator.builder().cutoffs(5, 10).threads(1).build()
        .evaluate(model, local.matrix(), test);
    SparkBatch.Evaluation e = SparkBatch.evaluate(model, train,
        LocalSpark.events(testRows.toArray(new Object[0][])), ColumnMapping.defaults(), 5, 10);
    assertThat(e.users()).isEqualTo(reference.userCount());
    for (RankingMetric metric : RankingMetric.values()) {
      for (int k : new int[] {5, 10}) {
        assertThat(e.metrics().get(metric.at(k))).as(metric.at(k))
            .isCloseTo(reference.mean(metric, k), within(1e-12));
      }
    }
    train.release();
  }
}
