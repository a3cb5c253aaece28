package io.github.kindred.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.model.Query;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class FeatureMfTest {
  /**
   * A planted structure: 10 red and 10 blue items; users of segment A interact only with red items, users of
   * segment B only with blue ones (6 of the 10 each, varying by user). Two feature-only items, one of each colour.
   */
  private static Dataset planted() {
    InteractionLog.Builder log = InteractionLog.builder();
    FeatureTable.Builder users = FeatureTable.builder();
    for (int u = 0; u < 20; u++) {
      boolean red = u % 2 == 0;
      users.categorical("u" + u, "segment", red ? "A" : "B");
      for (int k = 0; k < 6; k++) {
        int item = (u / 2 + k * 3) % 10;
        log.add("u" + u, (red ? "red" : "blue") + item, 1f);
      }
    }
    FeatureTable.Builder items = FeatureTable.builder();
    for (int i = 0; i < 10; i++) {
      items.categorical("red" + i, "colour", "red");
      items.categorical("blue" + i, "colour", "blue");
    }
    items.categorical("newRed", "colour", "red").categorical("newBlue", "colour", "blue");
    return Dataset.builder(log.build()).binary(true).itemFeatures(items.build()).userFeatures(users.build()).build();
  }

  private static FeatureMfConfig small(RankingLoss loss) {
    return FeatureMfConfig.defaults().withFactors(8).withIterations(60).withLoss(loss).withMaxSampled(10);
  }

  private static double meanOf(float[] scores, FeatureMfModel m, String prefix) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < m.itemCount(); i++) {
      if (m.items().idOf(i).startsWith(prefix)) {
        sum += scores[i];
        n++;
      }
    }
    return sum / n;
  }

  @ParameterizedTest
  @EnumSource(RankingLoss.class)
  void aBrandNewItemIsRankedByItsFeatures(RankingLoss loss) {
    Dataset data = planted();
    FeatureMfModel m = new FeatureMfTrainer(small(loss)).fit(data);
    int newRed = m.items().indexOf("newRed");
    int newBlue = m.items().indexOf("newBlue");
    assertThat(newRed).isGreaterThanOrEqualTo(data.itemCount());
    float[] scores = new float[m.itemCount()];
    for (int u = 0; u < 20; u++) {
      m.score(Query.forUser(data.users().indexOf("u" + u), data.matrix()), scores);
      if (u % 2 == 0) {
        assertThat(scores[newRed]).as("red user u%d", u).isGreaterThan(scores[newBlue]);
      } else {
        assertThat(scores[newBlue]).as("blue user u%d", u).isGreaterThan(scores[newRed]);
      }
    }
  }

  @Test
  void anItemAddedAfterTrainingIsBuiltFromItsFeatures() {
    Dataset data = planted();
    FeatureMfModel m = new FeatureMfTrainer(small(RankingLoss.BPR)).fit(data);
    FeatureTable later = FeatureTable.builder().categorical("lateRed", "colour", "red").build();
    float[] known = new float[8];
    float[] fresh = new float[8];
    int newRed = m.items().indexOf("newRed");
    m.itemVector(newRed, known);
    // a feature-only item of the training index and one described later by the same features coincide
    assertThat(m.newItemVector(later, "lateRed", fresh)).isEqualTo(m.itemBias(newRed));
    assertThat(fresh).containsExactly(known);
    assertThatThrownBy(() -> m.newItemVector(later, "nope", fresh)).hasMessageContaining("nope");
  }

  @ParameterizedTest
  @EnumSource(RankingLoss.class)
  void aNewUserWithFeaturesOnlyGetsWhatSimilarUsersLiked(RankingLoss loss) {
    FeatureMfModel m = new FeatureMfTrainer(small(loss)).fit(planted());
    // another table than the training one: features are matched by name
    FeatureTable newUsers = FeatureTable.builder()
        .categorical("alice", "segment", "A").categorical("bob", "segment", "B").build();
    float[] alice = new float[m.itemCount()];
    float[] bob = new float[m.itemCount()];
    m.score(Query.empty().withUserFeatures(newUsers, "alice"), alice);
    m.score(Query.empty().withUserFeatures(newUsers, "bob"), bob);
    assertThat(meanOf(alice, m, "red")).isGreaterThan(meanOf(alice, m, "blue"));
    assertThat(meanOf(bob, m, "blue")).isGreaterThan(meanOf(bob, m, "red"));
    // every one of the ten red items outranks every blue one for alice
    float minRed = Float.POSITIVE_INFINITY;
    float maxBlue = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < m.itemCount(); i++) {
      String id = m.items().idOf(i);
      if (id.matches("red\\d")) {
        minRed = Math.min(minRed, alice[i]);
      } else if (id.matches("blue\\d")) {
        maxBlue = Math.max(maxBlue, alice[i]);
      }
    }
    assertThat(minRed).isGreaterThan(maxBlue);
  }

  @Test
  void theServingFacadeAnswersANewUserWithFeaturesOnlyFromTheModel() {
    Dataset data = planted();
    FeatureMfModel m = new FeatureMfTrainer(small(RankingLoss.BPR)).fit(data);
    FeatureTable newUsers = FeatureTable.builder().categorical("alice", "segment", "A").build();
    float[] direct = new float[m.itemCount()];
    m.scoreForFeatures(newUsers, 0, Query.empty(), direct);
    float[] viaQuery = new float[m.itemCount()];
    m.score(Query.empty().withUserFeatures(newUsers, "alice"), viaQuery);
    assertThat(direct).containsExactly(viaQuery);
    io.github.kindred.serve.Recommendations recs = io.github.kindred.serve.Recommender.builder(m, data).build()
        .recommend(io.github.kindred.serve.Request.forNewUser("alice", newUsers).count(5).build());
    assertThat(recs.source()).isEqualTo(io.github.kindred.serve.Recommendations.Source.MODEL);
    assertThat(recs.itemIds()).hasSize(5).allMatch(id -> id.startsWith("red") || id.equals("newRed"));
  }

  @Test
  void reportsEveryEpochWithoutChangingTheModel() {
    Dataset data = planted();
    java.util.List<String> calls = new java.util.ArrayList<>();
    FeatureMfConfig config = small(RankingLoss.BPR);
    FeatureMfModel reported = new FeatureMfTrainer(config)
        .withListener((done, total) -> calls.add(done + "/" + total)).fit(data);
    assertThat(calls).hasSize(config.iterations()).startsWith("1/" + config.iterations())
        .endsWith(config.iterations() + "/" + config.iterations());
    float[] a = new float[reported.itemCount()];
    float[] b = new float[reported.itemCount()];
    reported.score(Query.ofItems(0), a);
    new FeatureMfTrainer(config).fit(data).score(Query.ofItems(0), b);
    assertThat(a).containsExactly(b);
  }

  @Test
  void aSessionOfRedItemsIsFoldedInTowardsRed() {
    Dataset data = planted();
    FeatureMfModel m = new FeatureMfTrainer(small(RankingLoss.WARP)).fit(data);
    float[] scores = new float[m.itemCount()];
    Query session = Query.ofItems(m.items().indexOf("red1"), m.items().indexOf("red4"));
    m.score(session, scores);
    assertThat(meanOf(scores, m, "red")).isGreaterThan(meanOf(scores, m, "blue"));
    float[] again = new float[m.itemCount()];
    m.score(session, again);
    assertThat(again).containsExactly(scores);
  }

  @Test
  void trainingIsDeterministicAndIndependentOfTheThreadCount() {
    Dataset data = planted();
    FeatureMfModel a = new FeatureMfTrainer(small(RankingLoss.WARP)).fit(data);
    FeatureMfModel b = new FeatureMfTrainer(small(RankingLoss.WARP).withThreads(3)).fit(data);
    FeatureMfModel c = new FeatureMfTrainer(small(RankingLoss.WARP).withSeed(7)).fit(data);
    float[] va = new float[8];
    float[] vb = new float[8];
    float[] vc = new float[8];
    boolean differs = false;
    for (int i = 0; i < a.itemCount(); i++) {
      a.itemVector(i, va);
      b.itemVector(i, vb);
      c.itemVector(i, vc);
      assertThat(vb).containsExactly(va);
      assertThat(b.itemBias(i)).isEqualTo(a.itemBias(i));
      differs |= !java.util.Arrays.equals(va, vc);
    }
    assertThat(differs).as("another seed gives another model").isTrue();
  }

  @Test
  void withoutIdEmbeddingsItemsOfOneColourShareOneVector() {
    FeatureMfModel m = new FeatureMfTrainer(small(RankingLoss.BPR).withItemIds(false)).fit(planted());
    float[] a = new float[8];
    float[] b = new float[8];
    m.itemVector(m.items().indexOf("red3"), a);
    m.itemVector(m.items().indexOf("newRed"), b);
    assertThat(b).containsExactly(a);
    assertThat(m.itemBias(m.items().indexOf("red3"))).isEqualTo(m.itemBias(m.items().indexOf("newRed")));
  }

  @Test
  void configurationIsValidated() {
    FeatureMfConfig d = FeatureMfConfig.defaults();
    assertThatThrownBy(() -> d.withFactors(0)).hasMessageContaining("factors");
    assertThatThrownBy(() -> d.withIterations(0)).hasMessageContaining("iterations");
    assertThatThrownBy(() -> d.withLearningRate(0f)).hasMessageContaining("learningRate");
    assertThatThrownBy(() -> d.withLearningRate(Float.NaN)).hasMessageContaining("learningRate");
    assertThatThrownBy(() -> d.withRegularization(-1f)).hasMessageContaining("regularization");
    assertThatThrownBy(() -> d.withMaxSampled(0)).hasMessageContaining("maxSampled");
    assertThatThrownBy(() -> d.withThreads(0)).hasMessageContaining("threads");
    assertThatThrownBy(() -> d.withLoss(null)).isInstanceOf(NullPointerException.class);
    Dataset one = Dataset.of(InteractionLog.builder().add("u", "i", 1f).build());
    assertThatThrownBy(() -> new FeatureMfTrainer(d).fit(one))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 items");
  }

  @Test
  void unknownUserFeatureIdIsRejected() {
    FeatureTable t = FeatureTable.builder().categorical("alice", "segment", "A").build();
    assertThatThrownBy(() -> Query.empty().withUserFeatures(t, "carol"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carol");
    Query q = Query.ofItems(1).withUserFeatures(t, "alice").withContext(io.github.kindred.data.Context.EMPTY);
    assertThat(q.hasUserFeatures()).isTrue();
    assertThat(q.userFeatureTable()).isSameAs(t);
    assertThat(q.userFeatureRow()).isZero();
    assertThat(Query.empty().hasUserFeatures()).isFalse();
  }
}
