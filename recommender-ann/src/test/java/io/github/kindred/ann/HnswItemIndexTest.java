package io.github.kindred.ann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.math.TopN;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class HnswItemIndexTest {
  /**
   * Gaussian item vectors whose norms vary five-fold (a random scale in [0.4, 2]): under the inner product the
   * long vectors dominate, so an index that searched by angle alone would miss many of the true top items (the
   * unit-sphere reduction measured 0.22 recall@10 on the data of the recall test).
   */
  static float[] items(int items, int dims, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] out = new float[items * dims];
    for (int i = 0; i < items; i++) {
      float scale = (float) (0.4 + 1.6 * random.nextDouble());
      for (int f = 0; f < dims; f++) {
        out[i * dims + f] = (float) (gaussian(random) * scale);
      }
    }
    return out;
  }

  private static double gaussian(SplittableRandom random) {
    double u = random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  private static int[] top(HnswItemIndex index, float[] user, int n, int[] excluded, IntPredicate accept,
      boolean exact) {
    TopN top = new TopN(n);
    if (exact) {
      index.exactSearch(user, n, excluded, accept, top);
    } else {
      index.search(user, n, excluded, accept, top);
    }
    return top.drain();
  }

  private static double recall(int[] approximate, int[] exact) {
    int hits = 0;
    for (int a : approximate) {
      for (int e : exact) {
        if (a == e) {
          hits++;
          break;
        }
      }
    }
    return (double) hits / exact.length;
  }

  @Test
  void aSearchWidthCoveringTheCatalogueFindsTheExactTopWithTheExactScores() {
    // With searchWidth >= items the result queue never fills, so the beam search only stops once every node
    // reachable from the entry point has been expanded; Lucene's graph is connected, so that is every node, and the
    // re-scored top-10 must equal the exact scan, scores included (both use the same dot product).
    int items = 2_000;
    int dims = 8;
    float[] factors = items(items, dims, 1);
    HnswItemIndex index = HnswItemIndex.build(factors, items, dims,
        AnnConfig.defaults().withExactBelow(0).withSearchWidth(items));
    assertThat(index.approximate()).isTrue();
    float[] users = items(20, dims, 2);
    for (int u = 0; u < 20; u++) {
      float[] user = java.util.Arrays.copyOfRange(users, u * dims, (u + 1) * dims);
      TopN approximate = new TopN(10);
      TopN exact = new TopN(10);
      index.search(user, 10, new int[0], null, approximate);
      index.exactSearch(user, 10, new int[0], null, exact);
      int[] ids = new int[10];
      float[] scores = new float[10];
      int[] exactIds = new int[10];
      float[] exactScores = new float[10];
      approximate.drainTo(ids, scores);
      exact.drainTo(exactIds, exactScores);
      assertThat(ids).containsExactly(exactIds);
      assertThat(scores).containsExactly(exactScores);
    }
  }

  @Test
  void recallAtTenAgainstTheExactScanReachesTheIssueBarWithDefaultSettings() {
    // The bar is issue 17's (recall@10 >= 0.95 against the exact top 10). Data and build are seeded and the build
    // is single-threaded, so the figure is deterministic; 200 queries put one standard error of the mean (at most
    // sqrt(0.05 * 0.95 / 2000) = 0.005 for independent hits) well inside the distance to the bar of a healthy index
    // (0.99 and above here), so a broken lift or graph, not noise, is what fails this.
    int items = 20_000;
    int dims = 32;
    float[] factors = items(items, dims, 3);
    HnswItemIndex index = HnswItemIndex.build(factors, items, dims, AnnConfig.defaults().withExactBelow(0));
    float[] users = items(200, dims, 4);
    double sum = 0;
    for (int u = 0; u < 200; u++) {
      float[] user = java.util.Arrays.copyOfRange(users, u * dims, (u + 1) * dims);
      sum += recall(top(index, user, 10, new int[0], null, false), top(index, user, 10, new int[0], null, true));
    }
    assertThat(sum / 200).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void exclusionsAndTheAcceptPredicateAreHonouredAndASelectiveFilterFallsBackToTheExactScan() {
    int items = 3_000;
    int dims = 8;
    float[] factors = items(items, dims, 5);
    HnswItemIndex index = HnswItemIndex.build(factors, items, dims,
        AnnConfig.defaults().withExactBelow(0).withSearchWidth(20));
    float[] user = java.util.Arrays.copyOf(items(1, dims, 6), dims);
    int[] unfiltered = top(index, user, 10, new int[0], null, true);
    int[] excluded = java.util.Arrays.copyOf(unfiltered, 5);
    java.util.Arrays.sort(excluded);
    IntPredicate even = item -> item % 2 == 0;
    int[] got = top(index, user, 10, excluded, even, false);
    assertThat(got).hasSize(10).doesNotContain(excluded);
    assertThat(java.util.Arrays.stream(got).allMatch(even)).isTrue();
    // Only 7 items pass: fewer than n acceptable candidates, so the search must return exactly the 7 (the scan).
    IntPredicate rare = item -> item % 431 == 0;
    int[] few = top(index, user, 10, new int[0], rare, false);
    assertThat(few).containsExactly(top(index, user, 10, new int[0], rare, true));
    assertThat(few).hasSize(7);
  }

  @Test
  void oneBuildThreadBuildsTheSameGraphForTheSameSeed() {
    int items = 1_500;
    int dims = 6;
    float[] factors = items(items, dims, 7);
    AnnConfig config = AnnConfig.defaults().withExactBelow(0).withSearchWidth(12);
    HnswItemIndex a = HnswItemIndex.build(factors, items, dims, config);
    HnswItemIndex b = HnswItemIndex.build(factors, items, dims, config);
    float[] users = items(30, dims, 8);
    for (int u = 0; u < 30; u++) {
      float[] user = java.util.Arrays.copyOfRange(users, u * dims, (u + 1) * dims);
      assertThat(top(a, user, 10, new int[0], null, false)).containsExactly(top(b, user, 10, new int[0], null, false));
    }
    assertThat(a.indexBytes()).isEqualTo(b.indexBytes()).isPositive();
  }

  @Test
  void twoBuildThreadsBuildAGraphOfTheSameRecall() {
    // A concurrent build inserts in another order, so only the quality is comparable: the covering search width
    // again makes the result exact, whatever the graph's shape, once it is connected.
    int items = 2_000;
    int dims = 8;
    float[] factors = items(items, dims, 9);
    HnswItemIndex index = HnswItemIndex.build(factors, items, dims,
        AnnConfig.defaults().withExactBelow(0).withBuildThreads(2).withSearchWidth(items));
    float[] user = java.util.Arrays.copyOf(items(1, dims, 10), dims);
    assertThat(top(index, user, 10, new int[0], null, false)).containsExactly(top(index, user, 10, new int[0], null,
        true));
  }

  @Test
  void smallCataloguesAndZeroVectorsAreScannedExactly() {
    float[] factors = items(100, 4, 11);
    HnswItemIndex small = HnswItemIndex.build(factors, 100, 4, AnnConfig.defaults());
    assertThat(small.approximate()).isFalse();
    assertThat(small.indexBytes()).isZero();
    HnswItemIndex zeros = HnswItemIndex.build(new float[400], 100, 4, AnnConfig.defaults().withExactBelow(0));
    assertThat(zeros.approximate()).isFalse();
    // Every score is 0: ties go to the smaller index.
    assertThat(top(zeros, new float[] {1, 2, 3, 4}, 3, new int[0], null, false)).containsExactly(0, 1, 2);
    HnswItemIndex indexed = HnswItemIndex.build(factors, 100, 4, AnnConfig.defaults().withExactBelow(0));
    assertThat(top(indexed, new float[4], 3, new int[0], null, false)).containsExactly(0, 1, 2);
  }

  @Test
  void badInputIsRejectedNamingTheProblem() {
    AnnConfig config = AnnConfig.defaults();
    assertThatThrownBy(() -> HnswItemIndex.build(new float[10], 3, 4, config))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 floats").hasMessageContaining("3 items");
    assertThatThrownBy(() -> HnswItemIndex.build(new float[10], 2, 0, config))
        .hasMessageContaining("dimensions must be >= 1, got 0");
    assertThatThrownBy(() -> HnswItemIndex.build(new float[10], -1, 2, config))
        .hasMessageContaining("items must be >= 0, got -1");
    float[] nan = new float[8];
    nan[5] = Float.NaN;
    assertThatThrownBy(() -> HnswItemIndex.build(nan, 4, 2, config)).hasMessageContaining("item 2");
    HnswItemIndex index = HnswItemIndex.build(new float[8], 4, 2, config);
    TopN out = new TopN(2);
    assertThatThrownBy(() -> index.search(new float[1], 2, new int[0], null, out))
        .hasMessageContaining("user vector has 1 values, the index 2");
    assertThatThrownBy(() -> index.search(new float[] {0, Float.POSITIVE_INFINITY}, 2, new int[0], null, out))
        .hasMessageContaining("user vector value 1 is Infinity");
    assertThatThrownBy(() -> index.search(new float[2], -1, new int[0], null, out))
        .hasMessageContaining("n must be >= 0, got -1");
  }

  @Test
  void configurationRejectsEveryOutOfRangeValueNamingIt() {
    AnnConfig d = AnnConfig.defaults();
    assertThatThrownBy(() -> d.withMaxConnections(1)).hasMessageContaining("maxConnections").hasMessageContaining("1");
    assertThatThrownBy(() -> d.withMaxConnections(513)).hasMessageContaining("maxConnections");
    assertThatThrownBy(() -> d.withBeamWidth(0)).hasMessageContaining("beamWidth").hasMessageContaining("0");
    assertThatThrownBy(() -> d.withBeamWidth(3201)).hasMessageContaining("beamWidth");
    assertThatThrownBy(() -> d.withSearchWidth(0)).hasMessageContaining("searchWidth must be >= 1, got 0");
    assertThatThrownBy(() -> d.withExactBelow(-1)).hasMessageContaining("exactBelow must be >= 0, got -1");
    assertThatThrownBy(() -> d.withBuildThreads(0)).hasMessageContaining("buildThreads must be >= 1, got 0");
    assertThat(d.withSeed(7).seed()).isEqualTo(7);
    assertThat(d.withMaxConnections(32).maxConnections()).isEqualTo(32);
  }
}
