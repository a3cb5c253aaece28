package io.github.kindred.ann;

import io.github.kindred.persist.ModelFormatException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import java.util.zip.CRC32C;

/**
 * The file format of an {@link HnswItemIndex}, stored beside the model file so that serving loads the graph instead
 * of rebuilding it (77 s of CPU at 100,000 x 64, most of an hour at 1,000,000). Big-endian throughout:
 *
 * <pre>
 *   8 bytes  magic "KNDHNSW" and a zero byte
 *   int      format version ({@link #VERSION})
 *   int      items, int dimensions
 *   long     fingerprint of the item factors the graph was built on ({@link #fingerprint})
 *   int      float bits of the largest item norm
 *   int x 5, long   the configuration (maxConnections, beamWidth, searchWidth, exactBelow, buildThreads, seed)
 *   int      levels (0 for an exact index, which has no graph)
 *   int      entry node
 *   per level: int node count, (level > 0) the ascending node ids, the node count + 1 offsets, the neighbours
 *   int      CRC-32C of every byte before it
 * </pre>
 *
 * <p>Reading checks everything a search relies on (offsets ascending and inside the neighbour table, every neighbour
 * a node of its level, the entry node on the top level), so that a corrupt file is rejected at load with a message,
 * never met later as an exception inside a request. The fingerprint ties the graph to its factors: a graph loaded
 * beside another generation of the model would search the wrong vectors and quietly lose recall.
 */
final class IndexFile {
  /** The format version this code writes and reads. */
  static final int VERSION = 1;

  private static final byte[] MAGIC = {'K', 'N', 'D', 'H', 'N', 'S', 'W', 0};
  /** Levels above this are impossible: Lucene draws a node's level as {@code -ln(U) / ln(M)}, at most ~32. */
  private static final int MAX_LEVELS = 64;
  /** Ints per chunk of an array copy: 64 KB of bytes. */
  private static final int CHUNK = 16 * 1024;

  private IndexFile() {}

  static void write(HnswItemIndex index, OutputStream stream) throws IOException {
    CRC32C crc = new CRC32C();
    DataOutputStream out = new DataOutputStream(new CheckedOutputStream(stream, crc));
    out.write(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(index.items());
    out.writeInt(index.dimensions());
    out.writeLong(fingerprint(index.itemFactors(), index.items(), index.dimensions()));
    out.writeInt(Float.floatToRawIntBits(index.maxNorm()));
    AnnConfig config = index.config();
    out.writeInt(config.maxConnections());
    out.writeInt(config.beamWidth());
    out.writeInt(config.searchWidth());
    out.writeInt(config.exactBelow());
    out.writeInt(config.buildThreads());
    out.writeLong(config.seed());
    CompactGraph graph = index.graph();
    out.writeInt(graph == null ? 0 : graph.levels());
    out.writeInt(graph == null ? -1 : graph.entryNode);
    byte[] chunk = new byte[4 * CHUNK];
    if (graph != null) {
      for (int level = 0; level < graph.levels(); level++) {
        int count = graph.offsets[level].length - 1;
        out.writeInt(count);
        if (level > 0) {
          writeInts(out, graph.nodes[level], chunk);
        }
        writeInts(out, graph.offsets[level], chunk);
        writeInts(out, graph.neighbors[level], chunk);
      }
    }
    out.flush();
    // The checksum itself is outside the checked bytes: write it to the raw stream.
    new DataOutputStream(stream).writeInt((int) crc.getValue());
    stream.flush();
  }

  private static void writeInts(DataOutputStream out, int[] values, byte[] chunk) throws IOException {
    IntBuffer view = ByteBuffer.wrap(chunk).asIntBuffer();
    for (int from = 0; from < values.length; from += CHUNK) {
      int n = Math.min(CHUNK, values.length - from);
      view.clear();
      view.put(values, from, n);
      out.write(chunk, 0, 4 * n);
    }
  }

  static HnswItemIndex read(InputStream stream, float[] itemFactors, int items, int dimensions) throws IOException {
    InputStream buffered = stream instanceof BufferedInputStream ? stream : new BufferedInputStream(stream, 1 << 16);
    CRC32C crc = new CRC32C();
    DataInputStream in = new DataInputStream(new CheckedInputStream(buffered, crc));
    try {
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new ModelFormatException("not a Kindred HNSW index (bad magic bytes)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new ModelFormatException("HNSW index format version " + version + " is not supported (this version "
            + "reads " + VERSION + ")");
      }
      int storedItems = in.readInt();
      int storedDimensions = in.readInt();
      if (storedItems != items || storedDimensions != dimensions) {
        throw new ModelFormatException("the index was built on " + storedItems + " items x " + storedDimensions
            + " dimensions, the model has " + items + " x " + dimensions);
      }
      long storedFingerprint = in.readLong();
      float maxNorm = Float.intBitsToFloat(in.readInt());
      AnnConfig config = readConfig(in);
      int levels = in.readInt();
      int entryNode = in.readInt();
      CompactGraph graph = levels == 0 ? null : readGraph(in, levels, entryNode, items, config, new byte[4 * CHUNK]);
      int expected = (int) crc.getValue();
      int stored = new DataInputStream(buffered).readInt();
      if (stored != expected) {
        throw new ModelFormatException("HNSW index checksum mismatch: the file is corrupted");
      }
      if (buffered.read() != -1) {
        throw new ModelFormatException("HNSW index has bytes after its checksum");
      }
      if (graph != null) {
        checkGraph(graph);
      }
      // Checked last: the checksum tells a corrupt file from a graph of another model.
      if (storedFingerprint != fingerprint(itemFactors, items, dimensions)) {
        throw new ModelFormatException("the index was built on other item factors than the model's (fingerprint "
            + Long.toHexString(storedFingerprint) + ", model " + Long.toHexString(fingerprint(itemFactors, items,
            dimensions)) + "): rebuild it for this model");
      }
      if (!(maxNorm >= 0f) || !Float.isFinite(maxNorm)) {
        throw new ModelFormatException("HNSW index stores an invalid largest norm " + maxNorm);
      }
      return HnswItemIndex.restore(itemFactors, items, dimensions, config, maxNorm, graph);
    } catch (EOFException e) {
      throw new ModelFormatException("HNSW index is truncated", e);
    }
  }

  private static AnnConfig readConfig(DataInputStream in) throws IOException {
    int maxConnections = in.readInt();
    int beamWidth = in.readInt();
    int searchWidth = in.readInt();
    int exactBelow = in.readInt();
    int buildThreads = in.readInt();
    long seed = in.readLong();
    try {
      return new AnnConfig(maxConnections, beamWidth, searchWidth, exactBelow, buildThreads, seed);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException("HNSW index holds an invalid configuration: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the graph's tables, checking only the counts that size an allocation (so that a corrupt count cannot ask
   * for gigabytes); {@link #checkGraph} checks the structure once the checksum has passed, so that a disk error is
   * reported as one.
   */
  private static CompactGraph readGraph(DataInputStream in, int levels, int entryNode, int size, AnnConfig config,
      byte[] chunk) throws IOException {
    if (levels < 1 || levels > MAX_LEVELS) {
      throw new ModelFormatException("HNSW index has " + levels + " levels, expected 1 to " + MAX_LEVELS);
    }
    int[][] nodes = new int[levels][];
    int[][] offsets = new int[levels][];
    int[][] neighbors = new int[levels][];
    for (int level = 0; level < levels; level++) {
      int count = in.readInt();
      int previousCount = level <= 1 ? size : nodes[level - 1].length;
      if (level == 0 ? count != size : count < 1 || count > previousCount) {
        throw new ModelFormatException("HNSW index level " + level + " holds " + count + " nodes"
            + (level == 0 ? ", expected " + size : ", expected 1 to " + previousCount));
      }
      if (level > 0) {
        nodes[level] = readInts(in, count, chunk);
      }
      offsets[level] = readInts(in, count + 1, chunk);
      // Lucene keeps at most 2 M neighbours per node on level 0 and M above.
      long maxEdges = (long) count * (level == 0 ? 2 : 1) * config.maxConnections();
      int edges = offsets[level][count];
      if (edges < 0 || edges > maxEdges) {
        throw new ModelFormatException("HNSW index level " + level + " has " + edges + " edges, expected 0 to "
            + maxEdges + " for its configuration");
      }
      neighbors[level] = readInts(in, edges, chunk);
    }
    return new CompactGraph(size, entryNode, nodes, offsets, neighbors);
  }

  /**
   * Checks everything a search relies on: node lists ascending in range, offsets from 0 never decreasing, every
   * neighbour a node of its level, the entry node on the top level.
   */
  private static void checkGraph(CompactGraph graph) throws ModelFormatException {
    for (int level = 0; level < graph.levels(); level++) {
      int[] nodes = graph.nodes[level];
      if (nodes != null) {
        for (int k = 0; k < nodes.length; k++) {
          if (nodes[k] < 0 || nodes[k] >= graph.size || k > 0 && nodes[k] <= nodes[k - 1]) {
            throw new ModelFormatException("HNSW index level " + level + " node list is not ascending in [0, "
                + graph.size + ") at position " + k);
          }
        }
      }
      int[] offsets = graph.offsets[level];
      if (offsets[0] != 0) {
        throw new ModelFormatException("HNSW index level " + level + " offsets start at " + offsets[0] + ", not 0");
      }
      for (int k = 1; k < offsets.length; k++) {
        if (offsets[k] < offsets[k - 1]) {
          throw new ModelFormatException("HNSW index level " + level + " offsets decrease at node position " + k);
        }
      }
      for (int v : graph.neighbors[level]) {
        if (nodes == null ? v < 0 || v >= graph.size : Arrays.binarySearch(nodes, v) < 0) {
          throw new ModelFormatException("HNSW index level " + level + " links to node " + v
              + ", which is not on that level");
        }
      }
    }
    int top = graph.levels() - 1;
    int entry = graph.entryNode;
    if (top == 0 ? entry < 0 || entry >= graph.size : Arrays.binarySearch(graph.nodes[top], entry) < 0) {
      throw new ModelFormatException("HNSW index entry node " + entry + " is not on its top level " + top);
    }
  }

  private static int[] readInts(DataInputStream in, int count, byte[] chunk) throws IOException {
    int[] values = new int[count];
    IntBuffer view = ByteBuffer.wrap(chunk).asIntBuffer();
    for (int from = 0; from < count; from += CHUNK) {
      int n = Math.min(CHUNK, count - from);
      in.readFully(chunk, 0, 4 * n);
      view.clear();
      view.get(values, from, n);
    }
    return values;
  }

  /**
   * A 64-bit fingerprint of the factor bits (a multiply-xorshift mix per value, order-sensitive): two factor arrays
   * that differ in any bit differ here with probability about {@code 1 - 2^-64}. Not cryptographic; it guards
   * against pairing an index with the wrong model generation, not against forgery. One pass, about 60 ms at
   * 1,000,000 x 64 floats.
   */
  static long fingerprint(float[] itemFactors, int items, int dimensions) {
    long h = 0x9E3779B97F4A7C15L ^ items * 31L ^ dimensions;
    int n = items * dimensions;
    for (int k = 0; k < n; k++) {
      h = (h ^ Float.floatToRawIntBits(itemFactors[k])) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 29;
    }
    return h;
  }
}
