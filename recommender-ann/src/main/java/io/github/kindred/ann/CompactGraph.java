package io.github.kindred.ann;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.hnsw.HnswGraph;

/**
 * An immutable HNSW graph in compressed-row form, one adjacency table per level: level 0 holds every node (node
 * {@code v}'s neighbours are {@code neighbors[0][offsets[0][v] .. offsets[0][v+1])}), level {@code l > 0} holds the
 * ascending node list {@code nodes[l]} and the neighbours of its {@code k}-th node at
 * {@code neighbors[l][offsets[l][k] .. offsets[l][k+1])}.
 *
 * <p>Why not search Lucene's {@code OnHeapHnswGraph} directly: its {@code seek}/{@code nextNeighbor} cursor lives in
 * the graph object, so two concurrent searches would corrupt each other; and each node there carries a float score
 * per neighbour (8 bytes per edge instead of 4 here). This class is shared by every thread; each search takes its
 * own {@link #cursor()}.
 */
final class CompactGraph {
  final int size;
  final int entryNode;
  /** Per level above 0: ascending node ids; {@code nodes[0]} is null (level 0 holds every node). */
  final int[][] nodes;
  final int[][] offsets;
  final int[][] neighbors;

  CompactGraph(int size, int entryNode, int[][] nodes, int[][] offsets, int[][] neighbors) {
    this.size = size;
    this.entryNode = entryNode;
    this.nodes = nodes;
    this.offsets = offsets;
    this.neighbors = neighbors;
  }

  /** Copies a built graph (any {@link HnswGraph}) level by level. */
  static CompactGraph copyOf(HnswGraph graph) throws IOException {
    int size = graph.size();
    int levels = graph.numLevels();
    int[][] nodes = new int[levels][];
    int[][] offsets = new int[levels][];
    int[][] neighbors = new int[levels][];
    for (int level = 0; level < levels; level++) {
      int[] levelNodes = HnswGraph.NodesIterator.getSortedNodes(graph.getNodesOnLevel(level));
      if (level == 0 && levelNodes.length != size) {
        throw new IllegalStateException("level 0 holds " + levelNodes.length + " of " + size + " nodes");
      }
      int[] off = new int[levelNodes.length + 1];
      int[] adjacency = new int[Math.max(16, levelNodes.length * 4)];
      int edges = 0;
      for (int k = 0; k < levelNodes.length; k++) {
        graph.seek(level, levelNodes[k]);
        for (int v = graph.nextNeighbor(); v != DocIdSetIterator.NO_MORE_DOCS; v = graph.nextNeighbor()) {
          if (edges == adjacency.length) {
            adjacency = Arrays.copyOf(adjacency, adjacency.length + (adjacency.length >> 1));
          }
          adjacency[edges++] = v;
        }
        off[k + 1] = edges;
      }
      nodes[level] = level == 0 ? null : levelNodes;
      offsets[level] = off;
      neighbors[level] = Arrays.copyOf(adjacency, edges);
    }
    return new CompactGraph(size, graph.entryNode(), nodes, offsets, neighbors);
  }

  /**
   * The nodes in breadth-first order from the entry node over level 0 ({@code order[k]} is the node placed
   * {@code k}-th), nodes unreachable from it after, ascending: a node's neighbours that the walk scores together
   * then mostly sit next to each other.
   */
  int[] breadthFirstOrder() {
    int[] order = new int[size];
    boolean[] seen = new boolean[size];
    int[] off = offsets[0];
    int[] adjacency = neighbors[0];
    int tail = 0;
    order[tail++] = entryNode;
    seen[entryNode] = true;
    for (int head = 0; head < tail; head++) {
      int v = order[head];
      for (int e = off[v]; e < off[v + 1]; e++) {
        int w = adjacency[e];
        if (!seen[w]) {
          seen[w] = true;
          order[tail++] = w;
        }
      }
    }
    for (int v = 0; v < size && tail < size; v++) {
      if (!seen[v]) {
        order[tail++] = v;
      }
    }
    return order;
  }

  /**
   * The same graph with node {@code order[k]} renamed {@code k} on every level ({@code order} a permutation of the
   * nodes).
   */
  CompactGraph relabel(int[] order) {
    int[] rank = new int[size];
    for (int k = 0; k < size; k++) {
      rank[order[k]] = k;
    }
    int levels = levels();
    int[][] newNodes = new int[levels][];
    int[][] newOffsets = new int[levels][];
    int[][] newNeighbors = new int[levels][];
    for (int level = 0; level < levels; level++) {
      int count = offsets[level].length - 1;
      // position[j]: the old position (in this level's node list) of the j-th node in the new numbering.
      int[] position = new int[count];
      int[] renamed = null;
      if (level == 0) {
        System.arraycopy(order, 0, position, 0, size);
      } else {
        long[] pairs = new long[count];
        for (int p = 0; p < count; p++) {
          pairs[p] = (long) rank[nodes[level][p]] << 32 | p;
        }
        Arrays.sort(pairs);
        renamed = new int[count];
        for (int j = 0; j < count; j++) {
          renamed[j] = (int) (pairs[j] >>> 32);
          position[j] = (int) pairs[j];
        }
      }
      int[] oldOffsets = offsets[level];
      int[] oldNeighbors = neighbors[level];
      int[] off = new int[count + 1];
      int[] adjacency = new int[oldNeighbors.length];
      int edges = 0;
      for (int j = 0; j < count; j++) {
        for (int e = oldOffsets[position[j]]; e < oldOffsets[position[j] + 1]; e++) {
          adjacency[edges++] = rank[oldNeighbors[e]];
        }
        off[j + 1] = edges;
      }
      newNodes[level] = renamed;
      newOffsets[level] = off;
      newNeighbors[level] = adjacency;
    }
    return new CompactGraph(size, rank[entryNode], newNodes, newOffsets, newNeighbors);
  }

  int levels() {
    return offsets.length;
  }

  /** Bytes held by the adjacency tables (array headers ignored). */
  long bytes() {
    long bytes = 0;
    for (int level = 0; level < levels(); level++) {
      bytes += 4L * offsets[level].length + 4L * neighbors[level].length
          + (nodes[level] == null ? 0 : 4L * nodes[level].length);
    }
    return bytes;
  }

  /** A fresh read cursor over this graph, for one search on one thread. */
  HnswGraph cursor() {
    return new Cursor(this);
  }

  /** Lucene's view of the graph: the seek/next state of one search. */
  private static final class Cursor extends HnswGraph {
    private final CompactGraph graph;
    private int[] current;
    private int next;
    private int end;

    Cursor(CompactGraph graph) {
      this.graph = graph;
    }

    @Override
    public void seek(int level, int target) {
      int position = level == 0 ? target : Arrays.binarySearch(graph.nodes[level], target);
      if (position < 0) {
        throw new UncheckedIOException(new IOException("node " + target + " is not on level " + level));
      }
      current = graph.neighbors[level];
      next = graph.offsets[level][position];
      end = graph.offsets[level][position + 1];
    }

    @Override
    public int size() {
      return graph.size;
    }

    @Override
    public int nextNeighbor() {
      return next < end ? current[next++] : DocIdSetIterator.NO_MORE_DOCS;
    }

    @Override
    public int numLevels() {
      return graph.levels();
    }

    @Override
    public int entryNode() {
      return graph.entryNode;
    }

    @Override
    public NodesIterator getNodesOnLevel(int level) {
      return level == 0
          ? new ArrayNodesIterator(graph.size)
          : new ArrayNodesIterator(graph.nodes[level], graph.nodes[level].length);
    }
  }
}
