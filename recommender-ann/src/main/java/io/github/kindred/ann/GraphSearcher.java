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
 * factors, and the scratch (a visited bit per item, the beam, the query's codes) is kept per thread and reused, so a search
 * allocates nothing once its thread has searched before; Lucene's searcher reads the float vectors through its
 * scorer interface and allocates its queues and a sparse bit set per search. The fresh neighbours of an expanded
 * node are scored in one {@link ItemCodes#scores} call, which runs on the Vector API kernel when the JVM has the
 * module.
 *
 * <p>A node's order key is its approximate inner product (the codes' dot product times both scales); the caller
 * re-scores the returned nodes with the float factors, so the codes' rounding can only move an item in or out of
 * the returned pool near its boundary, never change a returned score.
 */
final class GraphSearcher {
  /** The graph with its nodes renamed in breadth-first order; node {@code k} here is item {@code order[k]}. */
  private final CompactGraph graph;
  private final int[] order;
  /** Row {@code k} holds the codes of item {@code order[k]}. */
  private final ItemCodes codes;
  private final ThreadLocal<Scratch> scratch;

  /**
   * Renames the nodes of {@code itemGraph} (whose node ids are item ids) in breadth-first order and quantizes the
   * items in that order: the fresh neighbours of an expanded node, scored together, then mostly lie in adjacent
   * rows of the codes, a few pages instead of one page per neighbour.
   */
  GraphSearcher(CompactGraph itemGraph, float[] itemFactors, int dimensions) {
    this.order = itemGraph.breadthFirstOrder();
    this.graph = itemGraph.relabel(order);
    this.codes = ItemCodes.of(itemFactors, itemGraph.size, dimensions, order);
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(dimensions, itemGraph.size));
  }

  /** The graph under its item names again, as it was given to the constructor (for saving). */
  CompactGraph itemGraph() {
    int[] rank = new int[order.length];
    for (int k = 0; k < order.length; k++) {
      rank[order[k]] = k;
    }
    return graph.relabel(rank);
  }

  /** Bytes of the renamed graph, the order and the codes. */
  long bytes() {
    return graph.bytes() + 4L * order.length + codes.bytes();
  }

  /**
   * Walks the graph for {@code user} and returns the scratch whose {@link Scratch#results} hold the
   * {@link Scratch#resultCount} best acceptable nodes found (at most {@code width}), best first by their
   * approximate score; valid until the calling thread's next search.
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
    s.offerPool(entry, entryScore);
    if (accept != null && accept.test(order[entry])) {
      s.offerResult(entry, entryScore);
    }
    for (int node = s.nextUnexpanded(); node >= 0; node = s.nextUnexpanded()) {
      int fresh = 0;
      int[] batch = s.batch(offsets[node + 1] - offsets[node]);
      for (int e = offsets[node], end = offsets[node + 1]; e < end; e++) {
        int v = neighbors[e];
        if (s.visit(v)) {
          batch[fresh++] = v;
        }
      }
      // One load per cache line of every fresh neighbour's codes before any dot product: the loads are independent,
      // so the memory system serves them together instead of one miss after another (measured on 1,000,000 random
      // rows: 62 ns a row in batches of 16, 250 ns a row one after another).
      int touched = 0;
      for (int k = 0; k < fresh; k++) {
        touched += codes.touch(batch[k]);
      }
      s.sink += touched;
      float[] scores = s.batchScores;
      codes.scores(s.query, batch, fresh, s.batchDots, scores);
      for (int k = 0; k < fresh; k++) {
        int v = batch[k];
        float score = scores[k];
        s.offerPool(v, score);
        if (accept != null && accept.test(order[v])) {
          s.offerResult(v, score);
        }
      }
    }
    s.finish(accept == null, order);
    return s;
  }

  /** The approximate inner product over the query's own (positive, constant) scale, which orders the same. */
  private float score(int[] query, int item) {
    return codes.dot(query, item) * codes.scale(item);
  }

  /**
   * One thread's reusable search state. Beam and heap entries are longs: the score's order-preserving int bits above, the
   * node below, so that comparing longs compares scores (ties by node) with no second array.
   */
  static final class Scratch {
    /** The query's codes. */
    final int[] query;
    /** The beam: the best {@code width} nodes seen, by descending key, and whether each was expanded. */
    long[] pool = new long[256];
    private boolean[] expanded = new boolean[256];
    int poolSize;
    /** Every pool entry before this one is expanded. */
    private int cursor;
    long[] results = new long[256];
    int resultCount;
    private int width;
    /** One bit per node (16 KB per 131,072 nodes, cache-resident), and the nodes set, for clearing. */
    private final long[] visited;
    private int[] used = new int[1 << 12];
    private int usedCount;
    private int[] batch = new int[64];
    /** The integer dot products and the scores of {@link #batch}'s nodes, as long as it. */
    int[] batchDots = new int[64];
    float[] batchScores = new float[64];
    /** Sum of the prefetching loads, kept so that the compiler cannot drop them. */
    int sink;

    Scratch(int dimensions, int nodes) {
      query = new int[dimensions];
      visited = new long[(nodes + 63) >>> 6];
    }

    void begin(int width) {
      this.width = width;
      poolSize = 0;
      cursor = 0;
      resultCount = 0;
      for (int k = 0; k < usedCount; k++) {
        visited[used[k] >>> 6] = 0L;
      }
      usedCount = 0;
      if (results.length < width + 1) {
        results = new long[width + 1];
      }
      if (pool.length < width + 1) {
        pool = new long[width + 1];
        expanded = new boolean[width + 1];
      }
    }

    /** Nodes visited (scored) by the last search. */
    int visitedCount() {
      return usedCount;
    }

    /** The buffer for one node's fresh neighbours, at least {@code size} long. */
    int[] batch(int size) {
      if (batch.length < size) {
        batch = new int[size];
        batchDots = new int[size];
        batchScores = new float[size];
      }
      return batch;
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
      int word = node >>> 6;
      long bit = 1L << node;
      long bits = visited[word];
      if ((bits & bit) != 0) {
        return false;
      }
      visited[word] = bits | bit;
      if (usedCount == used.length) {
        used = Arrays.copyOf(used, used.length * 2);
      }
      used[usedCount++] = node;
      return true;
    }

    /**
     * Puts {@code node} into the beam if it is among the best {@code width} seen (the worst then drops out): the
     * sorted array of NSG and DiskANN's greedy search, equivalent to HNSW's two heaps (a candidate below the worst
     * of the best {@code width} is never expanded) without the heap of stale candidates that only grows.
     */
    void offerPool(int node, float score) {
      long key = key(node, score);
      if (poolSize == width && key <= pool[poolSize - 1]) {
        return;
      }
      int low = 0;
      int high = poolSize;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (pool[mid] > key) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      int moved = (poolSize == width ? poolSize - 1 : poolSize) - low;
      System.arraycopy(pool, low, pool, low + 1, moved);
      System.arraycopy(expanded, low, expanded, low + 1, moved);
      pool[low] = key;
      expanded[low] = false;
      if (poolSize < width) {
        poolSize++;
      }
      if (low < cursor) {
        cursor = low;
      }
    }

    /** The best node of the beam not yet expanded, marked expanded now; -1 when every one is. */
    int nextUnexpanded() {
      if (cursor >= poolSize) {
        return -1;
      }
      int node = node(pool[cursor]);
      expanded[cursor] = true;
      while (cursor < poolSize && expanded[cursor]) {
        cursor++;
      }
      return node;
    }

    /**
     * Leaves the results best first in {@link #results}, named by {@code order[node]}: the beam itself when every
     * node is acceptable, else the acceptable nodes' heap, sorted.
     */
    void finish(boolean unfiltered, int[] order) {
      if (unfiltered) {
        System.arraycopy(pool, 0, results, 0, poolSize);
        resultCount = poolSize;
      } else {
        Arrays.sort(results, 0, resultCount);
        for (int i = 0, j = resultCount - 1; i < j; i++, j--) {
          long t = results[i];
          results[i] = results[j];
          results[j] = t;
        }
      }
      for (int k = 0; k < resultCount; k++) {
        results[k] = results[k] & 0xFFFFFFFF00000000L | order[node(results[k])];
      }
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
