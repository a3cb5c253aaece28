package io.github.kindred.ann;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kindred.math.TopN;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class GraphSearcherTest {
  @Test
  void codesRoundEachFactorToItsItemsScaleAndTheDotProductIsTheExactIntegerSum() {
    // Rows are stored in the given order: row 0 is item 1, row 1 item 0.
    // Item 1: largest |x| = 2, so the step is 2/127 and x = 1 is 63.5 steps (rounded half up to 64), -2 is -127,
    // 0.5 is 31.75 (32). Item 0 is zero: scale 0, codes 0.
    ItemCodes codes = ItemCodes.of(new float[] {0f, 0f, 0f, 1f, -2f, 0.5f}, 2, 3, new int[] {1, 0});
    assertThat(codes.scale(0)).isEqualTo(2f / 127);
    assertThat(codes.scale(1)).isZero();
    // The query's largest value maps to 32767: (3, 0, -3) -> (32767, 0, -32767).
    int[] q = new int[3];
    codes.quantizeQuery(new float[] {3f, 0f, -3f}, q);
    assertThat(q).containsExactly(32767, 0, -32767);
    assertThat(codes.dot(q, 0)).isEqualTo(32767 * 64 - 32767 * 32);
    assertThat(codes.dot(q, 1)).isZero();
    assertThat(codes.bytes()).isEqualTo(6 + 8);
  }

  @Test
  void theApproximateDotProductIsWithinTheRoundingBound() {
    // Each item factor is off by at most half a step (scale / 2) and each query value by half of its step, so
    // |approx - exact| <= sum_f (|u_f| s / 2 + |x_f| t / 2 + s t / 4) with s, t the item and query steps.
    int dims = 64;
    float[] items = HnswItemIndexTest.items(200, dims, 21);
    ItemCodes codes = ItemCodes.of(items, 200, dims, identity(200));
    float[] user = HnswItemIndexTest.items(1, dims, 22);
    int[] q = new int[dims];
    codes.quantizeQuery(user, q);
    float max = 0;
    for (float v : user) {
      max = Math.max(max, Math.abs(v));
    }
    double t = max / 32767.0;
    for (int i = 0; i < 200; i++) {
      double exact = 0;
      double bound = 0;
      double s = codes.scale(i);
      for (int f = 0; f < dims; f++) {
        exact += (double) user[f] * items[i * dims + f];
        bound += Math.abs(user[f]) * s / 2 + Math.abs(items[i * dims + f]) * t / 2 + s * t / 4;
      }
      double approximate = codes.dot(q, i) * s * t;
      assertThat(Math.abs(approximate - exact)).isLessThanOrEqualTo(bound * 1.0001 + 1e-6);
    }
  }

  @Test
  void theVisitedSetAdmitsEachNodeOnceAcrossGrowthAndIsEmptyAfterBegin() {
    GraphSearcher.Scratch s = new GraphSearcher.Scratch(4, 350_000);
    s.begin(10);
    // 50,000 nodes forces several doublings of the 4,096-entry list of nodes to clear.
    for (int v = 0; v < 50_000; v++) {
      assertThat(s.visit(v * 7)).isTrue();
    }
    for (int v = 0; v < 50_000; v++) {
      assertThat(s.visit(v * 7)).isFalse();
    }
    assertThat(s.visit(3)).isTrue();
    s.begin(10);
    assertThat(s.visit(7)).isTrue();
    assertThat(s.visit(0)).isTrue();
    assertThat(s.visit(7)).isFalse();
    assertThat(s.visitedCount()).isEqualTo(2);
    // Bits 64 apart share no word state: 0 and 64, 63 and 127.
    assertThat(s.visit(64)).isTrue();
    assertThat(s.visit(63)).isTrue();
    assertThat(s.visit(127)).isTrue();
    assertThat(s.visit(64)).isFalse();
  }

  @Test
  void theBeamKeepsTheBestWidthSortedAndExpandsEachOnceBestFirst() {
    SplittableRandom random = new SplittableRandom(4);
    GraphSearcher.Scratch s = new GraphSearcher.Scratch(4, 1);
    s.begin(25);
    float[] scores = new float[1_000];
    for (int v = 0; v < scores.length; v++) {
      // Negative and positive scores: the order-preserving bits must order both.
      scores[v] = (float) (random.nextDouble() * 200 - 100);
      s.offerPool(v, scores[v]);
      s.offerResult(v, scores[v]);
    }
    float[] sorted = scores.clone();
    Arrays.sort(sorted);
    assertThat(s.poolSize).isEqualTo(25);
    for (int k = 0; k < 25; k++) {
      assertThat(GraphSearcher.Scratch.score(s.pool[k])).isEqualTo(sorted[sorted.length - 1 - k]);
      assertThat(scores[GraphSearcher.Scratch.node(s.pool[k])]).isEqualTo(sorted[sorted.length - 1 - k]);
    }
    // Expansion goes best first; a better node arriving after some expansions is expanded next.
    int first = s.nextUnexpanded();
    int second = s.nextUnexpanded();
    assertThat(scores[first]).isEqualTo(sorted[sorted.length - 1]);
    assertThat(scores[second]).isEqualTo(sorted[sorted.length - 2]);
    s.offerPool(5_000, 1_000f);
    s.offerPool(5_001, sorted[sorted.length - 3] - 1e-3f);
    assertThat(s.nextUnexpanded()).isEqualTo(5_000);
    assertThat(scores[s.nextUnexpanded()]).isEqualTo(sorted[sorted.length - 3]);
    assertThat(s.nextUnexpanded()).isEqualTo(5_001);
    int expansions = 5;
    while (s.nextUnexpanded() >= 0) {
      expansions++;
    }
    assertThat(expansions).isEqualTo(25);
    // The filtered results: the best 25 of all offered, best first after finish.
    s.finish(false, identity(6_000));
    assertThat(s.resultCount).isEqualTo(25);
    for (int k = 0; k < 25; k++) {
      assertThat(GraphSearcher.Scratch.score(s.results[k])).isEqualTo(sorted[sorted.length - 1 - k]);
    }
  }

  @Test
  void searchesReusingOneThreadsScratchAnswerAsTheFirstSearchDid() {
    // The scratch carries the visited set and heaps from one search to the next: a narrow search after a wide one,
    // or after a search of another index, must answer exactly as it did the first time.
    int dims = 16;
    float[] factors = HnswItemIndexTest.items(6_000, dims, 23);
    HnswItemIndex index = HnswItemIndex.build(factors, 6_000, dims, AnnConfig.defaults().withExactBelow(0));
    float[] other = HnswItemIndexTest.items(3_000, dims, 24);
    HnswItemIndex small = HnswItemIndex.build(other, 3_000, dims, AnnConfig.defaults().withExactBelow(0));
    float[] users = HnswItemIndexTest.items(20, dims, 25);
    int[][] first = new int[20][];
    for (int u = 0; u < 20; u++) {
      first[u] = search(index, Arrays.copyOfRange(users, u * dims, (u + 1) * dims), 12);
    }
    for (int u = 19; u >= 0; u--) {
      float[] user = Arrays.copyOfRange(users, u * dims, (u + 1) * dims);
      search(index, user, 3_000);
      search(small, user, 500);
      assertThat(search(index, user, 12)).containsExactly(first[u]);
    }
  }

  @Test
  void concurrentSearchesAnswerAsSequentialOnes() throws Exception {
    int dims = 16;
    float[] factors = HnswItemIndexTest.items(8_000, dims, 26);
    HnswItemIndex index = HnswItemIndex.build(factors, 8_000, dims, AnnConfig.defaults().withExactBelow(0));
    float[] users = HnswItemIndexTest.items(200, dims, 27);
    int[][] sequential = new int[200][];
    for (int u = 0; u < 200; u++) {
      sequential[u] = search(index, Arrays.copyOfRange(users, u * dims, (u + 1) * dims), 40);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<int[]>> futures = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (int u = 0; u < 200; u++) {
          float[] user = Arrays.copyOfRange(users, u * dims, (u + 1) * dims);
          Callable<int[]> task = () -> search(index, user, 40);
          futures.add(pool.submit(task));
        }
      }
      for (int k = 0; k < futures.size(); k++) {
        assertThat(futures.get(k).get()).containsExactly(sequential[k % 200]);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void withACoveringWidthFilteredSearchesEqualTheFilteredScanScoresIncluded() {
    // A width above the item count never fills the result heap, so the walk expands every reachable node (all of
    // them: Lucene's graph is connected) and the answer must be the filtered scan's, computed here by brute force.
    int items = 2_500;
    int dims = 8;
    float[] factors = HnswItemIndexTest.items(items, dims, 28);
    HnswItemIndex index = HnswItemIndex.build(factors, items, dims, AnnConfig.defaults().withExactBelow(0));
    float[] user = Arrays.copyOf(HnswItemIndexTest.items(1, dims, 29), dims);
    int[] excluded = {3, 17, 400, 401, 2_499};
    java.util.function.IntPredicate accept = item -> item % 3 != 1;
    TopN expected = new TopN(10);
    for (int i = 0; i < items; i++) {
      if (Arrays.binarySearch(excluded, i) < 0 && accept.test(i)) {
        double dot = 0;
        for (int f = 0; f < dims; f++) {
          dot += (double) user[f] * factors[i * dims + f];
        }
        expected.offer(i, (float) dot);
      }
    }
    int[] expectedIds = new int[10];
    float[] expectedScores = new float[10];
    expected.drainTo(expectedIds, expectedScores);
    TopN got = new TopN(10);
    index.search(user, 10, items + 1, excluded, accept, got);
    int[] ids = new int[10];
    float[] scores = new float[10];
    got.drainTo(ids, scores);
    assertThat(ids).containsExactly(expectedIds);
    for (int k = 0; k < 10; k++) {
      assertThat(scores[k]).isCloseTo(expectedScores[k], org.assertj.core.data.Offset.offset(1e-4f));
    }
  }

  @Test
  void breadthFirstOrderAndRelabellingKeepEveryEdgeUnderTheNewNames() {
    // Level 0: 0-1, 0-3, 1-2, 3-4 (both ways), node 5 isolated; level 1: nodes {1, 3} linked; entry 3.
    int[][] adjacency = {{1, 3}, {0, 2}, {1}, {0, 4}, {3}, {}};
    int[] off = new int[7];
    int[] flat = new int[8];
    for (int v = 0, e = 0; v < 6; v++) {
      for (int w : adjacency[v]) {
        flat[e++] = w;
      }
      off[v + 1] = off[v] + adjacency[v].length;
    }
    CompactGraph graph = new CompactGraph(6, 3, new int[][] {null, {1, 3}}, new int[][] {off, {0, 1, 2}},
        new int[][] {flat, {3, 1}});
    // From 3: its neighbours 0, 4; then 0's unseen neighbour 1; then 1's 2; the unreachable 5 last.
    int[] order = graph.breadthFirstOrder();
    assertThat(order).containsExactly(3, 0, 4, 1, 2, 5);
    CompactGraph renamed = graph.relabel(order);
    int[] rank = new int[6];
    for (int k = 0; k < 6; k++) {
      rank[order[k]] = k;
    }
    assertThat(renamed.entryNode).isEqualTo(0);
    for (int v = 0; v < 6; v++) {
      int k = rank[v];
      int[] got = Arrays.copyOfRange(renamed.neighbors[0], renamed.offsets[0][k], renamed.offsets[0][k + 1]);
      assertThat(got).containsExactly(Arrays.stream(adjacency[v]).map(w -> rank[w]).toArray());
    }
    // Level 1: old nodes 1 and 3 are now 3 and 0, listed ascending (0, 3); 0 (old 3) links to 3 (old 1).
    assertThat(renamed.nodes[1]).containsExactly(0, 3);
    assertThat(Arrays.copyOfRange(renamed.neighbors[1], renamed.offsets[1][0], renamed.offsets[1][1]))
        .containsExactly(3);
    assertThat(Arrays.copyOfRange(renamed.neighbors[1], renamed.offsets[1][1], renamed.offsets[1][2]))
        .containsExactly(0);
  }

  @Test
  void theSearcherGivesBackTheGraphUnderItsItemNames() {
    // What save() writes: the renaming must be undone exactly, every level, every neighbour list in order.
    int dims = 8;
    float[] factors = HnswItemIndexTest.items(3_000, dims, 30);
    HnswItemIndex index = HnswItemIndex.build(factors, 3_000, dims, AnnConfig.defaults().withExactBelow(0));
    CompactGraph once = index.graph();
    GraphSearcher again = new GraphSearcher(once, factors, dims);
    CompactGraph twice = again.itemGraph();
    assertThat(twice.entryNode).isEqualTo(once.entryNode);
    assertThat(twice.levels()).isEqualTo(once.levels()).isGreaterThan(1);
    for (int level = 0; level < once.levels(); level++) {
      assertThat(twice.offsets[level]).containsExactly(once.offsets[level]);
      assertThat(twice.neighbors[level]).containsExactly(once.neighbors[level]);
      if (level > 0) {
        assertThat(twice.nodes[level]).containsExactly(once.nodes[level]);
      }
    }
  }

  private static int[] identity(int n) {
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    return order;
  }

  private static int[] search(HnswItemIndex index, float[] user, int width) {
    TopN top = new TopN(10);
    index.search(user, 10, width, new int[0], null, top);
    return top.drain();
  }
}
