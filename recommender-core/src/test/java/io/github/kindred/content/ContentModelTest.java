package io.github.kindred.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.model.Query;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentModelTest {
  private static final double LN15 = Math.log(1.5);
  private static final double LN3 = Math.log(3);

  /** Three documents: A = {x, y} "red red blue", B = {x} "blue", C = {z} "green". */
  private static FeatureTable corpus() {
    return FeatureTable.builder()
        .tags("A", "genre", "x", "y").text("A", "title", "Red red, blue!")
        .tags("B", "genre", "x").text("B", "title", "blue")
        .tags("C", "genre", "z").text("C", "title", "green")
        .build();
  }

  private static Dataset dataset(FeatureTable items, String... userItemPairs) {
    InteractionLog.Builder log = InteractionLog.builder();
    for (int k = 0; k < userItemPairs.length; k += 2) {
      log.add(userItemPairs[k], userItemPairs[k + 1], 1f);
    }
    return Dataset.builder(log.build()).itemFeatures(items).build();
  }

  private static float weight(ContentModel m, int item, String feature) {
    int f = m.encoder().features().indexOf(feature);
    int[] fs = m.profileFeatures(item);
    float[] ws = m.profileWeights(item);
    for (int k = 0; k < fs.length; k++) {
      if (fs[k] == f) {
        return ws[k];
      }
    }
    return 0f;
  }

  @Test
  void tfIdfWeightsOfAHandWorkedCorpus() {
    ContentModel m = new ContentTrainer(ContentConfig.defaults())
        .fit(dataset(corpus(), "u", "A", "u", "B", "v", "C"));
    int a = m.items().indexOf("A");
    int b = m.items().indexOf("B");
    int c = m.items().indexOf("C");
    // N = 3; df(x) = df(blue) = 2, every other feature df = 1; red occurs twice in A.
    assertThat(m.encoder().idf(m.encoder().features().indexOf("genre=x"))).isCloseTo((float) LN15, within(1e-6f));
    double normA = Math.sqrt(LN15 * LN15 + LN3 * LN3 + (2 * LN3) * (2 * LN3) + LN15 * LN15);
    assertThat(weight(m, a, "genre=x")).isCloseTo((float) (LN15 / normA), within(1e-6f));
    assertThat(weight(m, a, "genre=y")).isCloseTo((float) (LN3 / normA), within(1e-6f));
    assertThat(weight(m, a, "title~red")).isCloseTo((float) (2 * LN3 / normA), within(1e-6f));
    assertThat(weight(m, a, "title~blue")).isCloseTo((float) (LN15 / normA), within(1e-6f));
    // B = (ln 1.5, ln 1.5) over {x, blue}: both 1/sqrt(2) after normalisation.
    assertThat(weight(m, b, "genre=x")).isCloseTo((float) (1 / Math.sqrt(2)), within(1e-6f));
    assertThat(weight(m, c, "genre=z")).isCloseTo((float) (1 / Math.sqrt(2)), within(1e-6f));
    // cos(A, B) = (ln1.5 * ln1.5 + ln1.5 * ln1.5) / (normA * normB) with normB = sqrt(2) ln 1.5
    float[] sims = new float[3];
    m.similarTo(a, sims);
    assertThat(sims[b]).isCloseTo((float) (2 * LN15 * LN15 / (normA * Math.sqrt(2) * LN15)), within(1e-6f));
    assertThat(sims[c]).isZero();
    assertThat(sims[a]).isCloseTo(1f, within(1e-6f));
  }

  @Test
  void featureInEveryDocumentGetsNoWeight() {
    FeatureTable t = FeatureTable.builder().tags("A", "g", "all", "a").tags("B", "g", "all", "b").build();
    ContentModel m = new ContentTrainer(ContentConfig.defaults()).fit(dataset(t, "u", "A", "u", "B"));
    assertThat(m.profileFeatures(0)).containsExactly(m.encoder().features().indexOf("g=a"));
    assertThat(m.profileWeights(0)).containsExactly(1f);
  }

  @Test
  void numericFeaturesAreZScoredOrMinMaxScaled() {
    FeatureTable t = FeatureTable.builder()
        .numeric("A", "year", 1990).numeric("B", "year", 2000).numeric("C", "year", 1995).tags("D", "g", "d")
        .build();
    FeatureWeighting plain = FeatureWeighting.tfIdf().withNormalize(false);
    FeatureEncoder z = FeatureEncoder.fit(t, t.entities(), plain);
    int[] f = new int[2];
    float[] v = new float[2];
    // mean 1995, population sd sqrt(50/3)
    assertThat(z.encode(t.rowOf("A"), f, v)).isEqualTo(1);
    assertThat(v[0]).isCloseTo((float) (-5 / Math.sqrt(50.0 / 3)), within(1e-5f));
    assertThat(z.encode(t.rowOf("C"), f, v)).isZero(); // exactly the mean: weight 0 is not stored
    FeatureEncoder mm = FeatureEncoder.fit(t, t.entities(), plain.withScaling(NumericScaling.MIN_MAX));
    assertThat(mm.encode(t.rowOf("C"), f, v)).isEqualTo(1);
    assertThat(v[0]).isCloseTo(0.5f, within(1e-6f));
    FeatureEncoder weighted = FeatureEncoder.fit(t, t.entities(),
        plain.withScaling(NumericScaling.MIN_MAX).withFieldWeights(Map.of("year", 3f)));
    weighted.encode(t.rowOf("B"), f, v);
    assertThat(v[0]).isCloseTo(3f, within(1e-6f));
  }

  @Test
  void userProfileIsTheWeightedSumOfItemProfilesThenNormalised() {
    FeatureTable t = FeatureTable.builder()
        .tags("A", "g", "x").tags("B", "g", "y").tags("C", "g", "x", "y").tags("D", "g", "z").entity("E").build();
    ContentConfig cfg = ContentConfig.defaults().withWeighting(FeatureWeighting.tfIdf().withIdf(false));
    ContentModel m = new ContentTrainer(cfg).fit(dataset(t, "u", "A", "u", "B", "v", "C", "v", "D", "w", "E"));
    IdIndex items = m.items();
    float[] scores = new float[items.size()];
    m.score(Query.of(Query.ANONYMOUS, new int[] {items.indexOf("A"), items.indexOf("B")}, new float[] {2f, 1f}),
        scores);
    // A = (1,0,0), B = (0,1,0), C = (1,1,0)/sqrt2, D = (0,0,1); user = (2,1,0)/sqrt5
    assertThat(scores[items.indexOf("A")]).isCloseTo((float) (2 / Math.sqrt(5)), within(1e-6f));
    assertThat(scores[items.indexOf("B")]).isCloseTo((float) (1 / Math.sqrt(5)), within(1e-6f));
    assertThat(scores[items.indexOf("C")]).isCloseTo((float) (3 / Math.sqrt(10)), within(1e-6f));
    assertThat(scores[items.indexOf("D")]).isZero();
    assertThat(scores[items.indexOf("E")]).isZero(); // no features: empty profile
    // the scratch buffer is clean for the next request: an empty history scores 0 everywhere
    m.score(Query.empty(), scores);
    assertThat(scores).containsOnly(0f);
    m.score(Query.ofItems(items.indexOf("D")), scores);
    assertThat(scores[items.indexOf("D")]).isCloseTo(1f, within(1e-6f));
    assertThat(scores[items.indexOf("A")]).isZero();
  }

  @Test
  void featureOnlyItemsAreAppendedAndScored() {
    FeatureTable t = FeatureTable.builder()
        .tags("A", "g", "x").tags("B", "g", "y").tags("New", "g", "x", "w").build();
    Dataset data = dataset(t, "u", "A", "v", "B");
    ContentModel with = new ContentTrainer(ContentConfig.defaults()).fit(data);
    assertThat(with.items().ids()).containsExactly("A", "B", "New");
    float[] scores = new float[3];
    with.score(Query.ofItems(0), scores);
    assertThat(scores[2]).isGreaterThan(0f);
    assertThat(scores[1]).isZero();
    ContentModel without = new ContentTrainer(ContentConfig.defaults().withFeatureOnlyItems(false)).fit(data);
    assertThat(without.items()).isEqualTo(data.items());
  }

  @Test
  void itemVectorIsTheDenseProfile() {
    ContentModel m = new ContentTrainer(ContentConfig.defaults()).fit(dataset(corpus(), "u", "A", "v", "C"));
    float[] v = new float[m.dimensions()];
    m.itemVector(1, v);
    double sq = 0;
    for (float x : v) {
      sq += x * x;
    }
    assertThat(sq).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void invalidConfigurationIsRejected() {
    assertThatThrownBy(() -> new ContentConfig(FeatureWeighting.tfIdf().withNormalize(false), true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("normalize");
    assertThatThrownBy(() -> FeatureWeighting.tfIdf().withFieldWeights(Map.of("genre", -1f)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("genre");
    assertThatThrownBy(() -> FeatureWeighting.tfIdf().withFieldWeights(Map.of("genre", Float.NaN)))
        .isInstanceOf(IllegalArgumentException.class);
    ContentModel m = new ContentTrainer(ContentConfig.defaults()).fit(dataset(corpus(), "u", "A"));
    assertThatThrownBy(() -> m.score(Query.empty(), new float[1]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
  }
}
