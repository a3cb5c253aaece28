package io.github.kindred.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.github.benmanes.caffeine.cache.Ticker;
import io.github.kindred.data.Context;
import io.github.kindred.data.Dataset;
import io.github.kindred.data.EventTypes;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import io.github.kindred.model.UserFeatureScoring;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OnlineUpdatesTest {
  static final Dataset DATA = RecommenderTest.DATA;

  /** A ticker the test moves by hand. */
  static final class FakeTicker implements Ticker {
    final AtomicLong nanos = new AtomicLong();

    @Override
    public long read() {
      return nanos.get();
    }

    void advance(Duration d) {
      nanos.addAndGet(d.toNanos());
    }
  }

  @Test
  void userCacheIsInvalidatedByTheUsersEventsAndBySwaps() {
    Recommender rec = RecommenderTest.constant();
    Request req = Request.forUser("u0").build();
    Recommendations first = rec.recommend(req);
    assertThat(rec.recommend(req)).isSameAs(first);
    assertThat(rec.stats().userResults().hitCount()).isEqualTo(1);
    assertThat(rec.stats().userResults().missCount()).isEqualTo(1);

    rec.ingest("u0", "i1", 1f, 100);
    Recommendations afterEvent = rec.recommend(req);
    assertThat(afterEvent.itemIds()).containsExactly("i3", "i4");
    assertThat(rec.stats().userResults().missCount()).isEqualTo(2);
    // Another user's event leaves u0's entry alone.
    rec.ingest("u1", "i0", 1f, 101);
    assertThat(rec.recommend(req)).isSameAs(afterEvent);

    rec.swap(Fixtures.TableModel.constant(DATA, 1, 2, 3, 4, 5), DATA);
    Recommendations afterSwap = rec.recommend(req);
    assertThat(afterSwap.modelVersion()).isEqualTo(1);
    // The new model prefers i4; i1 stays excluded because its event was replayed onto the new state.
    assertThat(afterSwap.itemIds()).containsExactly("i4", "i3");
  }

  @Test
  void hotListsRefreshInTheBackgroundAfterTheRefreshInterval() {
    FakeTicker ticker = new FakeTicker();
    Recommender rec = Recommender.builder(Fixtures.TableModel.constant(DATA, 5, 4, 3, 2, 1), DATA)
        .executor(Runnable::run).ticker(ticker).hotListRefresh(Duration.ofMinutes(1)).build();
    Request cold = Request.forUser("stranger").count(1).build();
    assertThat(rec.recommend(cold).itemIds()).containsExactly("i2");
    for (int k = 0; k < 4; k++) {
      rec.ingest("x" + k, "i1", 1f, 100 + k);
    }
    assertThat(rec.popularity("i1")).isEqualTo(5);
    // Still within the refresh interval: the cached list answers.
    ticker.advance(Duration.ofSeconds(59));
    assertThat(rec.recommend(cold).itemIds()).containsExactly("i2");
    ticker.advance(Duration.ofSeconds(2));
    rec.recommend(cold); // triggers the refresh, which the direct executor runs at once
    assertThat(rec.recommend(cold).itemIds()).containsExactly("i1");
    assertThat(rec.stats().hotLists().loadCount()).isEqualTo(2);
  }

  @Test
  void contextAndSegmentSlicesWithBackoff() {
    InteractionLog.Builder b = InteractionLog.builder().knownItems(Fixtures.itemIndex(5));
    Context north = Context.of("district", "north");
    b.add("a", "i0", 1f, 1, EventTypes.DEFAULT, Context.EMPTY);
    b.add("b", "i0", 1f, 2, EventTypes.DEFAULT, Context.EMPTY);
    b.add("c", "i0", 1f, 3, EventTypes.DEFAULT, Context.EMPTY);
    b.add("a", "i3", 1f, 4, EventTypes.DEFAULT, north);
    b.add("b", "i3", 1f, 5, EventTypes.DEFAULT, north);
    b.add("c", "i4", 1f, 6, EventTypes.DEFAULT, north);
    b.add("d", "i2", 1f, 7, EventTypes.DEFAULT, Context.EMPTY);
    b.add("d", "i1", 1f, 8, EventTypes.DEFAULT, Context.EMPTY);
    Dataset data = Dataset.of(b.build());
    FakeTicker ticker = new FakeTicker();
    Recommender rec = Recommender.builder(Fixtures.TableModel.constant(data, 1, 1, 1, 1, 1), data)
        .executor(Runnable::run).ticker(ticker).minSliceEvents(3)
        .segments(u -> u.startsWith("pro") ? "pro" : null).build();
    // The north slice has 3 events: i3 (2 users), i4 (1).
    assertThat(rec.recommend(Request.forUser("new").context(north).count(2).build()).itemIds())
        .containsExactly("i3", "i4");
    // South has no events: back off to the global list, i0 (3 users) first.
    assertThat(rec.recommend(Request.forUser("new").context(Context.of("district", "south")).count(1).build())
        .itemIds()).containsExactly("i0");
    // Segment "pro" has no events until pro users act; then it has 3 and answers.
    assertThat(rec.recommend(Request.forUser("pro-9").count(1).build()).itemIds()).containsExactly("i0");
    rec.ingest("pro-1", "i2", 1f, 10);
    rec.ingest("pro-2", "i2", 1f, 11);
    rec.ingest("pro-2", "i1", 1f, 12);
    ticker.advance(Duration.ofMinutes(2));
    rec.recommend(Request.forUser("pro-9").count(2).build()); // refreshes the stale segment list
    assertThat(rec.recommend(Request.forUser("pro-9").count(2).build()).itemIds()).containsExactly("i2", "i1");
  }

  @Test
  void trendingDecaysOldEvents() {
    long day = TimeUnit.DAYS.toSeconds(1);
    Dataset data = Fixtures.data(3, "a i0 1 0", "b i0 1 0", "c i0 1 0", "d i1 1 " + 10 * day, "e i1 1 " + 10 * day,
        "f i2 1 " + 9 * day);
    Recommender rec = Recommender.builder(Fixtures.TableModel.constant(data, 0, 0, 0), data)
        .executor(Runnable::run).trendingHalfLife(Duration.ofDays(1)).build();
    assertThat(rec.recommend(Request.forSession().count(3).build()).itemIds()).containsExactly("i0", "i1", "i2");
    Recommendations trending = rec.recommend(Request.forSession().hotList(HotListKind.TRENDING).count(3).build());
    assertThat(trending.source()).isEqualTo(Recommendations.Source.TRENDING);
    // i1: 2 events of age 0 = 2; i2: 1 event one half-life old = 0.5; i0: 3 * 2^-10.
    assertThat(trending.itemIds()).containsExactly("i1", "i2", "i0");
    assertThat(trending.score(1)).isCloseTo(0.5f, within(1e-6f));
    assertThat(trending.score(2)).isCloseTo(3f / 1024f, within(1e-6f));
  }

  @Test
  void swapReplaysOnlyTheEventsTheNewDatasetLacks() {
    Recommender rec = RecommenderTest.constant();
    rec.ingest("u0", "i1", 1f, 100);
    rec.ingest("u0", "i3", 1f, 200);
    rec.ingest("u9", "i4", 2f, 300);
    assertThat(rec.stats().pendingEvents()).isEqualTo(3);
    // The retraining snapshot caught the first event only.
    Dataset next = Fixtures.data(5, "u0 i0 1", "u0 i2 1", "u1 i1 1", "u1 i2 1", "u1 i3 1", "u2 i2 1", "u2 i3 1",
        "u2 i4 1", "u3 i4 1", "u3 i0 1", "u0 i1 1 100");
    rec.swap(Fixtures.TableModel.constant(next, 5, 4, 3, 2, 1), next);
    assertThat(rec.stats().pendingEvents()).isEqualTo(2);
    assertThat(rec.historyWeight("u0", "i1")).isEqualTo(1f);
    assertThat(rec.historyWeight("u0", "i3")).isEqualTo(1f);
    assertThat(rec.historyWeight("u9", "i4")).isEqualTo(2f);
    assertThat(rec.popularity("i1")).isEqualTo(2);
    assertThat(rec.popularity("i4")).isEqualTo(3);
    assertThat(rec.recommend(Request.forUser("u0").build()).itemIds()).containsExactly("i4");
  }

  @Test
  void newItemsCountForPopularityAndAreServedOnceAModelKnowsThem() {
    Recommender rec = RecommenderTest.constant();
    for (int k = 0; k < 5; k++) {
      rec.ingest("x" + k, "fresh", 1f, 100 + k);
    }
    assertThat(rec.popularity("fresh")).isEqualTo(5);
    assertThat(rec.recommend(Request.forSession().count(1).build()).itemIds()).containsExactly("fresh");
    assertThat(rec.recommend(Request.forUser("u0").count(5).build()).itemIds()).doesNotContain("fresh");
    assertThat(rec.recommend(Request.forUser("x0").count(2).build()).itemIds()).doesNotContain("fresh");

    Dataset renamed = Dataset.of(InteractionLog.builder().knownItems(IdIndex.of("i0", "i1", "i2", "i3", "i4", "fresh"))
        .add("u0", "i0", 1f).add("u0", "i2", 1f).add("u1", "i1", 1f).add("x0", "fresh", 1f).build());
    rec.swap(Fixtures.TableModel.constant(renamed, 1, 1, 1, 1, 1, 9), renamed);
    assertThat(rec.recommend(Request.forUser("u0").count(1).build()).itemIds()).containsExactly("fresh");
    assertThat(rec.popularity("fresh")).isEqualTo(5);
  }

  @Test
  void deletingAUserRemovesTheirHistoryEventsAndPopularity() {
    Recommender rec = RecommenderTest.constant();
    rec.ingest("u0", "i1", 1f, 100);
    rec.recommend(Request.forUser("u0").build());
    assertThat(rec.deleteUser("u0")).isTrue();
    assertThat(rec.history("u0")).isEmpty();
    assertThat(rec.popularity("i0")).isEqualTo(1);
    assertThat(rec.popularity("i1")).isEqualTo(1);
    assertThat(rec.popularity("i2")).isEqualTo(2);
    assertThat(rec.stats().pendingEvents()).isZero();
    assertThat(rec.recommend(Request.forUser("u0").build()).source()).isEqualTo(Recommendations.Source.POPULAR);
    rec.swap(Fixtures.TableModel.constant(DATA, 5, 4, 3, 2, 1), DATA);
    assertThat(rec.history("u0")).isEmpty();
    assertThat(rec.popularity("i0")).isEqualTo(1);
    rec.ingest("u0", "i4", 1f, 500);
    assertThat(rec.history("u0")).containsExactly("i4");
    assertThat(rec.deleteUser("never-seen")).isFalse();
  }

  @Test
  void newUsersWithFeaturesUseFeatureAwareModelsElseHotLists() {
    FeatureTable people = FeatureTable.builder().categorical("ann", "likes", "i3").build();
    Request req = Request.forNewUser("ann", people).count(1).build();
    assertThat(RecommenderTest.constant().recommend(req).source()).isEqualTo(Recommendations.Source.POPULAR);

    Model base = Fixtures.TableModel.constant(DATA, 5, 4, 3, 2, 1);
    final class LikesModel implements Model, UserFeatureScoring {
      @Override
      public IdIndex items() {
        return base.items();
      }

      @Override
      public IdIndex users() {
        return base.users();
      }

      @Override
      public void score(Query query, float[] scores) {
        base.score(query, scores);
      }

      @Override
      public void scoreForFeatures(FeatureTable features, int row, Query query, float[] scores) {
        java.util.Arrays.fill(scores, 0, 5, 0f);
        String liked = features.features().idOf(features.featuresOf(row)[0]).substring("likes=".length());
        scores[items().indexOf(liked)] = 1f;
      }
    }
    Recommendations r = Recommender.builder(new LikesModel(), DATA).build().recommend(req);
    assertThat(r.source()).isEqualTo(Recommendations.Source.MODEL);
    assertThat(r.itemIds()).containsExactly("i3");
  }

  @Test
  void availabilityAppliesToHotListsAndToItemsNotSeenYet() {
    Recommender rec = RecommenderTest.constant();
    rec.setAvailable("i2", false);
    rec.setAvailable("soon", false);
    assertThat(rec.recommend(Request.forSession().count(2).build()).itemIds()).containsExactly("i0", "i3");
    for (int k = 0; k < 9; k++) {
      rec.ingest("x" + k, "soon", 1f, 100 + k);
    }
    rec.swap(Fixtures.TableModel.constant(DATA, 5, 4, 3, 2, 1), DATA); // drops the cached hot lists
    assertThat(rec.popularity("soon")).isEqualTo(9);
    assertThat(rec.recommend(Request.forSession().count(2).build()).itemIds()).containsExactly("i0", "i3");
    rec.setAvailable("soon", true);
    rec.setAvailable("i2", true);
    assertThat(rec.recommend(Request.forSession().count(2).build()).itemIds()).containsExactly("soon", "i2");
  }

  @Test
  void hotListsCanBeDiversifiedByItemFeatures() {
    FeatureTable kinds = FeatureTable.builder()
        .tags("i0", "kind", "a").tags("i2", "kind", "a").tags("i3", "kind", "b").build();
    Dataset data = DATA.withItemFeatures(kinds);
    Recommender rec = Recommender.builder(Fixtures.withoutVectors(Fixtures.TableModel.constant(data, 1, 1, 1, 1, 1)),
        data).build();
    // Popular order i2 (3), i0 (2), i3 (2), i4 (2), i1 (1). Relevance over the pool: (c - 1) / 2. After i2, i0 is
    // worth 0.5 * 0.5 - 0.5 * 1 < 0 and i3 0.5 * 0.5 - 0.5 * 0 = 0.25.
    Recommendations r = rec.recommend(Request.forSession().count(2).diversity(0.5f).build());
    assertThat(r.itemIds()).containsExactly("i2", "i3");
    assertThat(r.score(1)).isEqualTo(2f);
  }
}
