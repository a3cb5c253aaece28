package io.github.kindred.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.knn.ItemKnnConfig;
import io.github.kindred.knn.ItemKnnModel;
import io.github.kindred.knn.ItemKnnTrainer;
import io.github.kindred.knn.Similarity;
import io.github.kindred.persist.ModelFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SparkItemKnnTest {
  @Test
  void cosineNeighboursOfAHandWorkedCase() {
    // u0 {a, b}, u1 {a, b, c}, u2 {b, c}. Users per item: a 2, b 3, c 2, so binary cosine is co / sqrt(n_a n_b):
    // a-b 2 / sqrt(6), a-c 1 / sqrt(4) = 0.5, b-c 2 / sqrt(6). With one neighbour, b's tie between a and c goes to
    // the smaller index, a.
    SparkInteractions data = SparkInteractions.read(LocalSpark.events(new Object[] {"u0", "a"},
        new Object[] {"u0", "b"}, new Object[] {"u1", "a"}, new Object[] {"u1", "b"}, new Object[] {"u1", "c"},
        new Object[] {"u2", "b"}, new Object[] {"u2", "c"}), ColumnMapping.defaults(), true);
    ItemKnnModel one = SparkItemKnn.fit(data, ItemKnnConfig.defaults().withNeighbors(1).withThreads(1));
    assertThat(one.neighborsOf(0)).containsExactly(1);
    assertThat(one.neighborsOf(1)).containsExactly(0);
    assertThat(one.neighborsOf(2)).containsExactly(1);
    assertThat(one.similarity(0, 1)).isCloseTo((float) (2 / Math.sqrt(6)), within(1e-6f));
    ItemKnnModel two = SparkItemKnn.fit(data, ItemKnnConfig.defaults().withNeighbors(5).withThreads(1));
    assertThat(two.neighborsOf(0)).containsExactly(1, 2);
    assertThat(two.similarity(0, 2)).isCloseTo(0.5f, within(1e-6f));
    data.release();
  }

  @Test
  void asymmetricCosineAndJaccardOfAHandWorkedCase() {
    // u0 {a, b}, u1 {a, b, c}, u2 {b, c}, u3 {b}: users per item a 2, b 4, c 2; co(a, b) 2, co(a, c) 1, co(b, c) 2.
    // Asymmetric, alpha 0.75: sim(i, j) = co / (n_i^0.75 n_j^0.25), so sim(a, b) = 2 / (2^0.75 4^0.25) = 2^-0.25
    // while sim(b, a) = 2 / (4^0.75 2^0.25) = 2^-0.75; sim(a, c) = 1 / 2 and sim(c, b) = 2^-0.25 as well.
    // Jaccard, shrinkage 1: a-b 2 / (2 + 4 - 2 + 1) = 0.4, b-c 0.4, a-c 1 / (2 + 2 - 1 + 1) = 0.25.
    SparkInteractions data = SparkInteractions.read(LocalSpark.events(new Object[] {"u0", "a"},
        new Object[] {"u0", "b"}, new Object[] {"u1", "a"}, new Object[] {"u1", "b"}, new Object[] {"u1", "c"},
        new Object[] {"u2", "b"}, new Object[] {"u2", "c"}, new Object[] {"u3", "b"}), ColumnMapping.defaults(),
        true);
    ItemKnnModel asym = SparkItemKnn.fit(data, new ItemKnnConfig(5, Similarity.ASYMMETRIC, 0f, 1, 0.75f));
    assertThat(asym.neighborsOf(0)).containsExactly(1, 2);
    assertThat(asym.similarity(0, 1)).isCloseTo((float) Math.pow(2, -0.25), within(1e-6f));
    assertThat(asym.similarity(1, 0)).isCloseTo((float) Math.pow(2, -0.75), within(1e-6f));
    assertThat(asym.similarity(0, 2)).isCloseTo(0.5f, within(1e-6f));
    assertThat(asym.similarity(2, 1)).isCloseTo((float) Math.pow(2, -0.25), within(1e-6f));
    ItemKnnModel jaccard = SparkItemKnn.fit(data, new ItemKnnConfig(5, Similarity.JACCARD, 1f, 1));
    assertThat(jaccard.neighborsOf(1)).containsExactly(0, 2);
    assertThat(jaccard.similarity(1, 2)).isCloseTo(0.4f, within(1e-6f));
    assertThat(jaccard.similarity(2, 0)).isCloseTo(0.25f, within(1e-6f));
    data.release();
  }

  @Test
  void blockCountAndFlushingDoNotChangeTheModel() throws IOException {
    // Three blocks and a flush after every pair ship each pair in many chunks; the sums and lists must not move.
    SplittableRandom random = new SplittableRandom(11);
    List<Object[]> rows = new ArrayList<>();
    for (int e = 0; e < 300; e++) {
      rows.add(new Object[] {"u" + random.nextInt(30), "i" + (int) (20 * Math.pow(random.nextDouble(), 2))});
    }
    SparkInteractions data = SparkInteractions.read(LocalSpark.events(rows.toArray(new Object[0][])),
        ColumnMapping.defaults(), true);
    ItemKnnConfig config = new ItemKnnConfig(4, Similarity.COSINE, 0f, 1);
    byte[] core = bytes(new ItemKnnTrainer(config).fit(data.toDataset()));
    assertThat(bytes(SparkItemKnn.fit(data, config, 3, 1))).isEqualTo(core);
    assertThat(bytes(SparkItemKnn.fit(data, config, 1, 1 << 20))).isEqualTo(core);
    data.release();
  }

  @Test
  void equalsTheCoreTrainerBitForBitOnIntegralData() throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    List<Object[]> rows = new ArrayList<>();
    for (int e = 0; e < 400; e++) {
      // Skewed items so that some pairs tie and some lists are pruned; values 1 to 3 with repeats summed.
      int item = (int) Math.floor(30 * Math.pow(random.nextDouble(), 2));
      rows.add(new Object[] {"u" + random.nextInt(40), "i" + item, (float) (1 + random.nextInt(3))});
    }
    org.apache.spark.sql.Dataset<Row> frame = LocalSpark.events(rows.toArray(new Object[0][]));
    SparkInteractions data = SparkInteractions.read(frame, ColumnMapping.defaults(), false);
    io.github.kindred.data.Dataset local = data.toDataset();
    for (ItemKnnConfig config : new ItemKnnConfig[] {
        new ItemKnnConfig(5, Similarity.COSINE, 0f, 1), new ItemKnnConfig(7, Similarity.COSINE, 2.5f, 1),
        new ItemKnnConfig(4, Similarity.JACCARD, 1f, 1), new ItemKnnConfig(200, Similarity.JACCARD, 0f, 1),
        new ItemKnnConfig(6, Similarity.ASYMMETRIC, 0.5f, 1, 0.8f)}) {
      byte[] spark = bytes(SparkItemKnn.fit(data, config));
      byte[] core = bytes(new ItemKnnTrainer(config).fit(local));
      assertThat(spark).as(config.toString()).isEqualTo(core);
    }
    data.release();
  }

  private static byte[] bytes(ItemKnnModel model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ModelFiles.standard().save(model, out);
    return out.toByteArray();
  }
}
