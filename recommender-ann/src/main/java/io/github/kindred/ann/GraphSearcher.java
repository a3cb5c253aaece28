package io.github.kindred.ann;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The query-time walk of a {@link CompactGraph}: greedy descent through the upper levels, then the beam search of
 * the bottom level keeping the {@code width} best acceptable nodes (Malkov and Yashunin's SEARCH-LAYER), scored by
 * the inner product of the query with each node's int8 code ({@link ItemCodes}).
 *
 * <p>Why its own walk instead of Lucene's {@code HnswGraphSearcher}: at 1,000,000 items the walk is bound by memory,
 * not arithmetic. The codes take one 64-byte cache line per item at 64 dimensions against four for the float
 * factors, and the scratch (visited set, two heaps, the query's codes) is kept per thread and reused, so a search
 * allocates nothing once its thread has searched before; Lucene's searcher reads the float vectors through its
 * scorer interface and allocates its queues and a sparse bit set per search.
 *
 * <p>A node's order key is its approximate inner product (the codes' dot product times both scales); the caller
 * re-scores the returned nodes with the float factors, so the codes' rounding can only move an item in or out of
 * the returned pool near its boundary, never change a returned score.
 */
final class GraphSearcher {
  private final CompactGraph graph;
  private final ItemCodes codes;
  private final ThreadLocal<Scratch> scratch;

  GraphSearcher(CompactGraph graph, ItemCodes codes) {
    this.graph = graph;
    this.codes = codes;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(codes.dimensions()));
  }

  /**
   * Walks the graph for {@code user} and returns the scratch whose {@link Scratch#results} hold the
   * {@link Scratch#resultCount} best acceptable nodes found (at most {@code width}, in heap order); valid until the
   * calling thread's next search.
   *
   * @param accept null to accept every node
   */
  Scratch search(float[] user, int width, IntPredicate accept) {
    Scratch s = scratch.get();
    s.begin(width);
    codes.quantizeQuery(user, s.query);
    int entry = graph.entryNode;
    float entryScore = score(s.query, entry);
    for (int level = graph.levels() - 1; level > 0; level--) {
      int[] nodes = graph.nodes[level];
      int[] offsets = graph.offsets[level];
      int[] neighbors = graph.neighbors[level];
      boolean moved = true;
      while (moved) {
        moved = false;
        int position = Arrays.binarySearch(nodes, entry);
        for (int e = offsets[position], end = offsets[position + 1]; e < end; e++) {
          int v = neighbors[e];
          float score = score(s.query, v);
          if (score > entryScore) {
            entryScore = score;
            entry = v;
            moved = true;
          }
        }
      }
    }
    int[] offsets = graph.offsets[0];
    int[] neighbors = graph.neighbors[0];
    s.visit(entry);
    s.pushCandidate(entry, entryScore);
    if (accept == null || accept.test(entry)) {
      s.offerResult(entry, entryScore);
    }
    while (s.candidateCount > 0) {
      long best = s.popCandidate();
      float bestScore = Scratch.score(best);
      if (s.resultCount == width && bestScore < s.worstResult()) {
        break;
      }
      int node = Scratch.node(best);
      for (int e = offsets[node], end = offsets[node + 1]; e < end; e++) {
        int v = neighbors[e];
        if (!s.visit(v)) {
          continue;
        }
        float score = score(s.query, v);
        if (s.resultCount < width || score > s.worstResult()) {
          s.pushCandidate(v, score);
          if (accept == null || accept.test(v)) {
            s.offerResult(v, score);
          }
        }
      }
    }
    return s;
  }

  /** The approximate inner product over the query's own (positive, constant) scale, which orders the same. */
  private float score(int[] query, int item) {
    return codes.dot(query, item) * codes.scale(item);
  }

  /**
   * One thread's reusable search state. Heap entries are longs: the score's order-preserving int bits above, the
   * node below, so that comparing longs compares scores (ties by node) with no second array.
   */
  static final class Scratch {
    /** The query's codes. */
    final int[] query;
    long[] candidates = new long[256];
    int candidateCount;
    long[] results = new long[256];
    int resultCount;
    private int width;
    /** Open-addressing set of visited nodes (stored as node + 1; 0 is empty), and the slots used, for clearing. */
    private int[] visited = new int[1 << 14];
    private int[] used = new int[1 << 13];
    private int usedCount;

    Scratch(int dimensions) {
      query = new int[dimensions];
    }

    void begin(int width) {
      this.width = width;
      candidateCount = 0;
      resultCount = 0;
      for (int k = 0; k < usedCount; k++) {
        visited[used[k]] = 0;
      }
      usedCount = 0;
      if (results.length < width + 1) {
        results = new long[width + 1];
      }
    }

    static long key(int node, float score) {
      int bits = Float.floatToRawIntBits(score);
      return (long) (bits ^ ((bits >> 31) & 0x7fffffff)) << 32 | node;
    }

    static float score(long key) {
      int bits = (int) (key >> 32);
      return Float.intBitsToFloat(bits ^ ((bits >> 31) & 0x7fffffff));
    }

    static int node(long key) {
      return (int) key;
    }

    /** Marks {@code node} visited; false if it already was. */
    boolean visit(int node) {
      if (usedCount * 2 >= visited.length) {
        grow();
      }
      int mask = visited.length - 1;
      int slot = (node * 0x9E3779B9) >>> 7 & mask;
      while (true) {
        int v = visited[slot];
        if (v == 0) {
          visited[slot] = node + 1;
          used[usedCount++] = slot;
          return true;
        }
        if (v == node + 1) {
          return false;
        }
        slot = (slot + 1) & mask;
      }
    }

    private void grow() {
      int[] old = visited;
      int[] oldUsed = used;
      int count = usedCount;
      visited = new int[old.length * 2];
      used = new int[old.length];
      usedCount = 0;
      for (int k = 0; k < count; k++) {
        visit(old[oldUsed[k]] - 1);
      }
    }

    /** Max-heap of nodes still to expand. */
    void pushCandidate(int node, float score) {
      if (candidateCount == candidates.length) {
        candidates = Arrays.copyOf(candidates, candidates.length * 2);
      }
      long key = key(node, score);
      int k = candidateCount++;
      while (k > 0) {
        int parent = (k - 1) >>> 1;
        if (candidates[parent] >= key) {
          break;
        }
        candidates[k] = candidates[parent];
        k = parent;
      }
      candidates[k] = key;
    }

    long popCandidate() {
      long top = candidates[0];
      long last = candidates[--candidateCount];
      int k = 0;
      int half = candidateCount >>> 1;
      while (k < half) {
        int child = 2 * k + 1;
        if (child + 1 < candidateCount && candidates[child + 1] > candidates[child]) {
          child++;
        }
        if (last >= candidates[child]) {
          break;
        }
        candidates[k] = candidates[child];
        k = child;
      }
      candidates[k] = last;
      return top;
    }

    /** The smallest score among the results (meaningful once there is one). */
    float worstResult() {
      return score(results[0]);
    }

    /** Min-heap of the best {@code width} acceptable nodes: adds, then drops the worst beyond the width. */
    void offerResult(int node, float score) {
      long key = key(node, score);
      if (resultCount < width) {
        int k = resultCount++;
        while (k > 0) {
          int parent = (k - 1) >>> 1;
          if (results[parent] <= key) {
            break;
          }
          results[k] = results[parent];
          k = parent;
        }
        results[k] = key;
      } else if (key > results[0]) {
        int k = 0;
        int half = resultCount >>> 1;
        while (k < half) {
          int child = 2 * k + 1;
          if (child + 1 < resultCount && results[child + 1] < results[child]) {
            child++;
          }
          if (key <= results[child]) {
            break;
          }
          results[k] = results[child];
          k = child;
        }
        results[k] = key;
      }
    }
  }
}
