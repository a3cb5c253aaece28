package io.github.kindred.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.knn.ItemKnnConfig;
import io.github.kindred.knn.ItemKnnModel;
import io.github.kindred.knn.ItemKnnTrainer;
import io.github.kindred.knn.Similarity;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommenderTest {
  /**
   * Users u0..u3 over items i0..i4. Distinct users per item: i0 2, i1 1, i2 3, i3 2, i4 2, so the popularity order
   * (ties by index) is i2, i0, i3, i4, i1.
   */
  static final Dataset DATA = Fixtures.data(5,
      "u0 i0 1", "u0 i2 1",
      "u1 i1 1", "u1 i2 1", "u1 i3 1",
      "u2 i2 1", "u2 i3 1", "u2 i4 1",
      "u3 i4 1", "u3 i0 1");

  /** Model order i0 > i1 > i2 > i3 > i4 for everyone. */
  static Recommender constant() {
    return Recommender.builder(Fixtures.TableModel.constant(DATA, 5, 4, 3, 2, 1), DATA)
        .executor(Runnable::run).build();
  }

  @Test
  void excludesSeenItemsByDefault() {
    Recommender rec = constant();
    assertThat(rec.recommend(Request.forUser("u0").count(3).build()).itemIds()).containsExactly("i1", "i3", "i4");
    assertThat(rec.recommend(Request.forUser("u0").count(3).excludeSeen(false).build()).itemIds())
        .containsExactly("i0", "i1", "i2");
  }

  @Test
  void allowAndDenyLists() {
    Recommender rec = constant();
    Recommendations r = rec.recommend(Request.forUser("u0").allow("i1", "i3", "i4", "nope").deny("i4").build());
    assertThat(r.itemIds()).containsExactly("i1", "i3");
  }

  @Test
  void indexPredicateAndAvailability() {
    Recommender rec = constant();
    assertThat(rec.recommend(Request.forUser("u0").where(i -> i != 1).build()).itemIds())
        .containsExactly("i3", "i4");
    rec.setAvailable("i3", false);
    assertThat(rec.recommend(Request.forUser("u0").build()).itemIds()).containsExactly("i1", "i4");
    rec.setAvailable("i3", true);
    assertThat(rec.recommend(Request.forUser("u0").build()).itemIds()).containsExactly("i1", "i3", "i4");
  }

  @Test
  void featurePredicates() {
    FeatureTable cats = FeatureTable.builder()
        .categorical("i1", "category", "plumbing")
        .categorical("i3", "category", "electric")
        .categorical("i4", "category", "plumbing")
        .build();
    Recommender rec = constant();
    assertThat(rec.recommend(Request.forUser("u0").requireFeature(cats, "category=plumbing").build()).itemIds())
        .containsExactly("i1", "i4");
    assertThat(rec.recommend(Request.forUser("u0").excludeFeature(cats, "category=plumbing").build()).itemIds())
        .containsExactly("i3");
  }

  @Test
  void boostsMultiplyThenAdd() {
    Recommender rec = constant();
    // Unseen for u0: i1 4, i3 2, i4 1. i4 x10 = 10; i3 + 2.5 = 4.5 > i1's 4.
    Recommendations r = rec.recommend(Request.forUser("u0").boost("i4", 10f).boostAdd("i3", 2.5f).build());
    assertThat(r.itemIds()).containsExactly("i4", "i3", "i1");
    assertThat(r.score(0)).isEqualTo(10f);
    assertThat(r.score(1)).isEqualTo(4.5f);
    assertThat(r.score(2)).isEqualTo(4f);
  }

  @Test
  void personalizationZeroIsPopularityOrderAndOneIsModelOrder() {
    Recommender rec = constant();
    Request.Builder all = Request.forUser("u0").count(5).excludeSeen(false);
    assertThat(rec.recommend(all.personalization(1f).build()).itemIds())
        .containsExactly("i0", "i1", "i2", "i3", "i4");
    assertThat(rec.recommend(all.personalization(0f).build()).itemIds())
        .containsExactly("i2", "i0", "i3", "i4", "i1");
    // Halfway: 0.5 * (minmax model) + 0.5 * (popularity / 3): i0 0.5+0.333, i1 0.375+0.167, i2 0.25+0.5,
    // i3 0.125+0.333, i4 0+0.333.
    Recommendations half = rec.recommend(all.personalization(0.5f).build());
    assertThat(half.itemIds()).containsExactly("i0", "i2", "i1", "i3", "i4");
    assertThat(half.score(0)).isCloseTo(0.5f + 1f / 3f, within(1e-6f));
  }

  @Test
  void diversityPicksTheDissimilarItemOnAPlantedExample() {
    // i0 and i1 point the same way; i2 is orthogonal to both and scores lowest.
    Dataset data = Fixtures.data(3, "u0 i0 1", "u1 i1 1", "u2 i2 1");
    float[] scores = {0.9f, 0.89f, 0.5f};
    float[][] vectors = {{1f, 0f}, {0.99f, 0.1f}, {0f, 1f}};
    Fixtures.TableModel model = new Fixtures.TableModel(data, new float[][] {scores, scores, scores}, scores, vectors);
    Recommender rec = Recommender.builder(model, data).build();
    assertThat(rec.recommend(Request.forSession("i9").count(2).build()).source())
        .isEqualTo(Recommendations.Source.POPULAR);
    Request.Builder req = Request.forUser("u2").count(2).excludeSeen(false);
    assertThat(rec.recommend(req.build()).itemIds()).containsExactly("i0", "i1");
    // MMR with lambda 0.5: after i0, i1 is worth 0.5 * 0.975 - 0.5 * cos(i0, i1) = 0.4875 - 0.4975 < 0, i2 is
    // worth 0.5 * 0 - 0.5 * 0 = 0.
    Recommendations diverse = rec.recommend(req.diversity(0.5f).build());
    assertThat(diverse.itemIds()).containsExactly("i0", "i2");
    assertThat(diverse.score(1)).isEqualTo(0.5f);
  }

  @Test
  void diversityFallsBackToItemFeatures() {
    FeatureTable features = FeatureTable.builder()
        .tags("i0", "genre", "a").tags("i1", "genre", "a").tags("i2", "genre", "b").build();
    Dataset data = Fixtures.data(3, "u0 i0 1", "u1 i1 1", "u2 i2 1").withItemFeatures(features);
    float[] scores = {0.9f, 0.89f, 0.5f};
    Fixtures.TableModel table =
        new Fixtures.TableModel(data, new float[][] {scores, scores, scores}, scores, new float[][] {{0f}, {0f}, {0f}});
    Recommender rec = Recommender.builder(Fixtures.withoutVectors(table), data).build();
    Recommendations r = rec.recommend(Request.forSession("i2").excludeSeen(false).count(2).diversity(0.5f).build());
    assertThat(r.itemIds()).containsExactly("i0", "i2");
  }

  @Test
  void coldAndAnonymousRequestsComeFromHotLists() {
    Recommender rec = constant();
    Recommendations r = rec.recommend(Request.forUser("stranger").count(3).build());
    assertThat(r.source()).isEqualTo(Recommendations.Source.POPULAR);
    assertThat(r.itemIds()).containsExactly("i2", "i0", "i3");
    assertThat(r.explanation(0)).isEqualTo(new Explanation(Explanation.Reason.POPULARITY, List.of(), 3));
    Recommendations session = rec.recommend(Request.forSession("unknown").count(2).build());
    assertThat(session.itemIds()).containsExactly("i2", "i0");
  }

  @Test
  void coldRequestsNeverTouchTheModel() {
    io.github.kindred.model.Model refusing = new io.github.kindred.model.Model() {
      @Override
      public io.github.kindred.data.IdIndex items() {
        return DATA.items();
      }

      @Override
      public io.github.kindred.data.IdIndex users() {
        return DATA.users();
      }

      @Override
      public void score(io.github.kindred.model.Query query, float[] scores) {
        throw new AssertionError("the model was asked to score a cold request");
      }
    };
    Recommender rec = Recommender.builder(refusing, DATA).build();
    assertThat(rec.recommend(Request.forUser("stranger").count(2).build()).itemIds()).containsExactly("i2", "i0");
    assertThat(rec.recommend(Request.forSession("unknown").count(1).build()).itemIds()).containsExactly("i2");
    assertThat(rec.recommend(Request.forNewUser("x", FeatureTable.empty()).count(1).build()).itemIds())
        .containsExactly("i2");
  }

  @Test
  void sessionsScoreTheirItemsAndExcludeThem() {
    Recommender rec = constant();
    Recommendations r = rec.recommend(Request.forSession("i0", "i1", "zzz").count(2).build());
    assertThat(r.source()).isEqualTo(Recommendations.Source.MODEL);
    assertThat(r.itemIds()).containsExactly("i2", "i3");
  }

  @Test
  void itemKnnExplanationsSumToTheScore() {
    ItemKnnModel knn = new ItemKnnTrainer(new ItemKnnConfig(10, Similarity.COSINE, 0f, 1)).fit(DATA);
    Recommender rec = Recommender.builder(knn, DATA).build();
    Recommendations r = rec.recommend(Request.forUser("u1").count(2).build());
    assertThat(r.size()).isEqualTo(2);
    for (int k = 0; k < r.size(); k++) {
      Explanation e = r.explanation(k);
      assertThat(e.reason()).isEqualTo(Explanation.Reason.HISTORY_CONTRIBUTIONS);
      double sum = e.evidence().stream().mapToDouble(Explanation.Evidence::weight).sum();
      assertThat(sum).isCloseTo(r.score(k), within(1e-5));
      assertThat(e.evidence()).allSatisfy(ev -> assertThat(List.of("i1", "i2", "i3")).contains(ev.itemId()));
    }
    // u1 saw i1, i2, i3; i4 is co-consumed with i2 and i3 by u2, i0 with i2 by u0: cosine(i2, i0) = 1/sqrt(3*2),
    // cosine(i3, i4) = 1/sqrt(2*2), cosine(i2, i4) = 1/sqrt(3*2): i4 scores 0.5 + 0.408 = 0.908, i0 0.408.
    assertThat(r.itemIds()).containsExactly("i4", "i0");
    assertThat(r.score(0)).isCloseTo((float) (0.5 + 1 / Math.sqrt(6)), within(1e-5f));
  }

  @Test
  void similarItemsUseTheModelOrItemVectors() {
    ItemKnnModel knn = new ItemKnnTrainer(new ItemKnnConfig(10, Similarity.COSINE, 0f, 1)).fit(DATA);
    Recommendations r = Recommender.builder(knn, DATA).build().recommend(Request.similarTo("i3").count(2).build());
    // cos(i3, i2) = 2/sqrt(2*3) = 0.816, cos(i3, i4) = 1/2, cos(i3, i1) = 1/sqrt(2).
    assertThat(r.itemIds()).containsExactly("i2", "i1");
    assertThat(r.explanation(0).evidence()).containsExactly(new Explanation.Evidence("i3", r.score(0)));

    Dataset data = Fixtures.data(3, "u0 i0 1", "u1 i1 1", "u2 i2 1");
    float[][] vectors = {{1f, 0f}, {0.6f, 0.8f}, {0f, 1f}};
    Fixtures.TableModel model = new Fixtures.TableModel(data, null, new float[3], vectors);
    Recommendations v = Recommender.builder(model, data).build().recommend(Request.similarTo("i2").build());
    assertThat(v.itemIds()).containsExactly("i1", "i0");
    assertThat(v.score(0)).isCloseTo(0.8f, within(1e-6f));
  }

  @Test
  void foldInMakesAPlantedPreferenceShowWithoutRetraining() {
    for (boolean fused : new boolean[] {false, true}) {
      Dataset data = Fixtures.data(4, "u0 i2 1", "u1 i0 1", "u1 i1 1", "u1 i3 1");
      float[][] users = {{0f, 1f}, {1f, 0f}};
      float[][] items = {{1f, 0f}, {0.9f, 0.1f}, {0f, 1f}, {0.1f, 0.9f}};
      Fixtures.VectorModel model = fused
          ? new Fixtures.DotVectorModel(data, users, items) : new Fixtures.VectorModel(data, users, items);
      Recommender rec = Recommender.builder(model, data).build();
      // Trained vector (0, 1): i3 0.9 first, i1 0.1.
      assertThat(rec.recommend(Request.forUser("u0").count(1).build()).itemIds()).containsExactly("i3");
      rec.ingest("u0", "i0", 5f, 100);
      // Folded in: 1 * (0, 1) + 5 * (1, 0) = (5, 1): i1 4.6, i3 1.4; i0 and i2 are seen.
      Recommendations r = rec.recommend(Request.forUser("u0").count(2).build());
      assertThat(r.itemIds()).containsExactly("i1", "i3");
      assertThat(r.score(0)).isCloseTo(4.6f, within(1e-5f));
      assertThat(r.explanation(0).reason()).isEqualTo(Explanation.Reason.NEAREST_HISTORY);
      assertThat(r.explanation(0).evidence().get(0).itemId()).isEqualTo("i0");
    }
  }

  @Test
  void requestsValidateTheirArguments() {
    assertThatThrownBy(() -> Request.forUser("u").count(0)).hasMessageContaining("count");
    assertThatThrownBy(() -> Request.forUser("u").diversity(1.5f)).hasMessageContaining("diversity");
    assertThatThrownBy(() -> Request.forUser("u").personalization(-0.1f)).hasMessageContaining("personalization");
    assertThatThrownBy(() -> Request.forUser(" ")).hasMessageContaining("userId");
    assertThatThrownBy(() -> Event.of("u", "i", Float.NaN, 0)).hasMessageContaining("value");
    Dataset other = Fixtures.data(2, "x i0 1", "x i1 1");
    assertThatThrownBy(() -> Recommender.builder(Fixtures.TableModel.constant(other, 1, 2), DATA).build())
        .hasMessageContaining("items");
  }
}
