package io.github.kindred.graph;

import java.util.SplittableRandom;
import java.util.TreeSet;

/** Random binary histories for the graph tests, with items introduced in index order. */
final class GraphFilterTestData {
  private GraphFilterTestData() {}

  /** {@code users} histories of {@code perUser} distinct items each, over {@code items} items, seeded. */
  static int[][] histories(int users, int items, int perUser, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[][] h = new int[users][];
    // The first users take the items in order, so that indexes follow first appearance.
    int next = 0;
    for (int u = 0; u < users; u++) {
      TreeSet<Integer> set = new TreeSet<>();
      while (next < items && set.size() < perUser) {
        set.add(next++);
      }
      while (set.size() < perUser) {
        set.add(random.nextInt(Math.min(items, next)));
      }
      h[u] = set.stream().mapToInt(Integer::intValue).toArray();
    }
    return h;
  }

}
