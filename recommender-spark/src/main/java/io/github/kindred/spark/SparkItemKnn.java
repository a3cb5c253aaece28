package io.github.kindred.spark;

import io.github.kindred.knn.ItemKnnConfig;
import io.github.kindred.knn.ItemKnnModel;
import io.github.kindred.knn.Similarity;
import io.github.kindred.math.TopN;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;
import scala.Tuple3;

/**
 * Item-kNN trained on Spark, with the similarity and pruning of {@code ItemKnnTrainer}: the sparse item-item
 * co-occurrence counts and dot products are accumulated by one shuffle over every ordered pair of items in a
 * user's history ({@code sum over users of |history| (|history| - 1)} pairs), each pair's similarity is computed in
 * float exactly as the core trainer computes it, and every item keeps its {@code neighbors} most similar items
 * through the core's {@link TopN} (score descending, ties to the smaller index). With integral values (binary data,
 * counts) every sum is exact in any order, so the lists equal the core trainer's bit for bit; with fractional
 * values the dot products may differ in the last bit because Spark adds in another order.
 *
 * <p>Shape: items are dealt to {@code B} blocks ({@code item % B}, B the histories' partition count). Each map task
 * sums its users' pairs, both orders, into one primitive {@link PairTable} per block (flushed every
 * {@value #FLUSH_PAIRS} distinct pairs to bound its memory), ships each table as one {@link PairTable.Chunk}, and
 * each reduce task merges its block's chunks and ranks the complete rows of its items: one shuffle of primitive
 * arrays instead of one boxed tuple per pair and a second sort-shuffle of the candidates. Reduce memory is about
 * 40 bytes per distinct pair of the block. The driver collects the final lists (at most {@code items x
 * neighbors} entries) and the item norms.
 */
public final class SparkItemKnn {
  /** Distinct pairs a map task holds before shipping its tables: about 64 MB at 16 bytes a slot, half full. */
  static final int FLUSH_PAIRS = 1 << 21;

  private SparkItemKnn() {}

  /**
   * Trains item-kNN.
   *
   * @param data the interactions
   * @param config neighbours, similarity, shrinkage and alpha ({@code threads} is recorded but Spark's parallelism
   *     applies)
   * @return the model, as {@link ItemKnnModel#of} builds it
   */
  public static ItemKnnModel fit(SparkInteractions data, ItemKnnConfig config) {
    return fit(data, config, 0, FLUSH_PAIRS);
  }

  /** {@link #fit} with {@code blocks} output blocks (0: the histories' partition count) and a flush threshold. */
  static ItemKnnModel fit(SparkInteractions data, ItemKnnConfig config, int blockCount, int flushAt) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(config, "config");
    int items = data.items().size();
    int k = Math.min(config.neighbors(), Math.max(items - 1, 1));
    // The record is not Serializable: the closures capture its fields.
    Similarity similarity = config.similarity();
    float shrink = config.shrinkage();
    float alpha = config.alpha();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(data.cells().sparkSession().sparkContext());
    Broadcast<float[]> normsB = jsc.broadcast(norms(data, items, similarity == Similarity.COSINE));
    JavaPairRDD<Integer, Tuple2<int[], float[]>> rows = SparkBatch.histories(data);
    int blocks = blockCount > 0 ? blockCount : Math.max(jsc.defaultParallelism(), rows.getNumPartitions());
    List<Tuple3<Integer, int[], float[]>> lists = rows.values()
        .mapPartitionsToPair(it -> new PairEmitter(it, blocks, flushAt))
        .partitionBy(new HashPartitioner(blocks))
        .mapPartitions(it -> rank(it, items, blocks, k, similarity, shrink, alpha, normsB.value()))
        .collect();
    normsB.destroy();
    int[][] ids = new int[items][];
    float[][] sims = new float[items][];
    for (Tuple3<Integer, int[], float[]> l : lists) {
      ids[l._1()] = l._2();
      sims[l._1()] = l._3();
    }
    int[] pointers = new int[items + 1];
    for (int i = 0; i < items; i++) {
      pointers[i + 1] = pointers[i] + (ids[i] == null ? 0 : ids[i].length);
    }
    int[] neighbors = new int[pointers[items]];
    float[] similarities = new float[pointers[items]];
    for (int i = 0; i < items; i++) {
      if (ids[i] != null) {
        System.arraycopy(ids[i], 0, neighbors, pointers[i], ids[i].length);
        System.arraycopy(sims[i], 0, similarities, pointers[i], sims[i].length);
      }
    }
    return ItemKnnModel.of(config, data.users(), data.items(), pointers, neighbors, similarities);
  }

  /** Cosine: the float square root of the double sum of squares; otherwise the users per item, as in core. */
  private static float[] norms(SparkInteractions data, int items, boolean cosine) {
    double[] sq = new double[items];
    List<Tuple2<Integer, Double>> rows = data.cells().toJavaRDD()
        .mapToPair(r -> new Tuple2<>(r.getInt(1), cosine ? (double) r.getFloat(2) * r.getFloat(2) : 1.0))
        .reduceByKey(Double::sum).collect();
    for (Tuple2<Integer, Double> t : rows) {
      sq[t._1()] = t._2();
    }
    float[] norms = new float[items];
    for (int i = 0; i < items; i++) {
      norms[i] = cosine ? (float) Math.sqrt(sq[i]) : (float) sq[i];
    }
    return norms;
  }

  /**
   * The map side: sums every ordered pair (a, b), a != b, of each user's items into block {@code a % blocks}'s
   * table, and yields (block, chunk) whenever the tables together hold {@code flushAt} pairs, and at the end.
   * Lazy, so a task holds at most one flush of chunks at a time.
   */
  private static final class PairEmitter implements Iterator<Tuple2<Integer, PairTable.Chunk>> {
    private final Iterator<Tuple2<int[], float[]>> rows;
    private final PairTable[] tables;
    private final int flushAt;
    private final ArrayDeque<Tuple2<Integer, PairTable.Chunk>> ready = new ArrayDeque<>();
    private int held;

    PairEmitter(Iterator<Tuple2<int[], float[]>> rows, int blocks, int flushAt) {
      this.rows = rows;
      this.tables = new PairTable[blocks];
      this.flushAt = flushAt;
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty() && rows.hasNext()) {
        add(rows.next());
      }
      if (ready.isEmpty() && held > 0) {
        flush();
      }
      return !ready.isEmpty();
    }

    @Override
    public Tuple2<Integer, PairTable.Chunk> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }

    private void add(Tuple2<int[], float[]> row) {
      int[] items = row._1();
      float[] values = row._2();
      int blocks = tables.length;
      for (int x = 0; x < items.length; x++) {
        int a = items[x];
        PairTable t = tables[a % blocks];
        if (t == null) {
          t = tables[a % blocks] = new PairTable();
        }
        for (int y = 0; y < items.length; y++) {
          // The core trainer's product for b in a's list: a's value times b's (ItemKnnTrainer.Worker).
          if (y != x && t.add(PairTable.key(a, items[y]), values[x] * values[y], 1)) {
            held++;
          }
        }
        if (held >= flushAt) {
          flush();
        }
      }
    }

    private void flush() {
      for (int b = 0; b < tables.length; b++) {
        if (tables[b] != null && tables[b].size() > 0) {
          ready.add(new Tuple2<>(b, tables[b].drain()));
        }
      }
      held = 0;
    }
  }

  /**
   * The reduce side: merges one block's chunks, groups the pairs by their first item, and ranks each item's
   * complete row with the core trainer's similarity expressions in the same float (or double) arithmetic.
   */
  private static Iterator<Tuple3<Integer, int[], float[]>> rank(Iterator<Tuple2<Integer, PairTable.Chunk>> chunks,
      int items, int blocks, int k, Similarity similarity, float shrink, double alpha, float[] norms) {
    PairTable table = new PairTable();
    int block = -1;
    while (chunks.hasNext()) {
      Tuple2<Integer, PairTable.Chunk> c = chunks.next();
      block = c._1();
      table.addAll(c._2());
    }
    List<Tuple3<Integer, int[], float[]>> out = new ArrayList<>();
    if (block < 0) {
      return out.iterator();
    }
    PairTable.Chunk pairs = table.drain();
    // Counting sort by the first item's place in the block (item = block + place * blocks).
    int places = (items - block + blocks - 1) / blocks;
    int[] start = new int[places + 1];
    for (long key : pairs.keys) {
      start[(int) (key >>> 32) / blocks + 1]++;
    }
    for (int p = 0; p < places; p++) {
      start[p + 1] += start[p];
    }
    int[] fill = Arrays.copyOf(start, places);
    int[] order = new int[pairs.keys.length];
    for (int e = 0; e < pairs.keys.length; e++) {
      order[fill[(int) (pairs.keys[e] >>> 32) / blocks]++] = e;
    }
    TopN top = new TopN(k);
    for (int p = 0; p < places; p++) {
      if (start[p] == start[p + 1]) {
        continue;
      }
      int a = block + p * blocks;
      double ownScale = similarity == Similarity.ASYMMETRIC ? Math.pow(norms[a], alpha) : 0;
      top.reset(k);
      for (int q = start[p]; q < start[p + 1]; q++) {
        int e = order[q];
        int b = (int) pairs.keys[e];
        int co = pairs.cos[e];
        float sim = switch (similarity) {
          case JACCARD -> co / (norms[a] + norms[b] - co + shrink);
          case ASYMMETRIC -> (float) (co / (ownScale * Math.pow(norms[b], 1 - alpha) + shrink));
          case COSINE -> pairs.dots[e] / (norms[a] * norms[b] + shrink);
        };
        if (sim > 0 && Float.isFinite(sim)) {
          top.offer(b, sim);
        }
      }
      int[] ids = new int[top.size()];
      float[] sims = new float[top.size()];
      top.drainTo(ids, sims);
      out.add(new Tuple3<>(a, ids, sims));
    }
    return out.iterator();
  }
}
