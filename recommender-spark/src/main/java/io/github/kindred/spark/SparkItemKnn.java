package io.github.kindred.spark;

import io.github.kindred.knn.ItemKnnConfig;
import io.github.kindred.knn.ItemKnnModel;
import io.github.kindred.knn.Similarity;
import io.github.kindred.math.TopN;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import scala.Tuple2;
import scala.Tuple3;

/**
 * Item-kNN trained on Spark, with the similarity and pruning of {@code ItemKnnTrainer}: the sparse item-item
 * co-occurrence counts and dot products are accumulated by a shuffle over every pair of items in a user's history
 * ({@code O(sum over users of |history|^2 / 2)} pairs, combined map-side), each pair's similarity is computed in
 * float exactly as the core trainer computes it, and every item keeps its {@code neighbors} most similar items
 * through the core's {@link TopN} (score descending, ties to the smaller index). With integral values (binary data,
 * counts) every sum is exact in any order, so the lists equal the core trainer's bit for bit; with fractional
 * values the dot products may differ in the last bit because Spark adds in another order.
 *
 * <p>The driver collects the final lists (at most {@code items x neighbors} entries) and the item norms.
 */
public final class SparkItemKnn {
  private SparkItemKnn() {}

  /**
   * Trains item-kNN.
   *
   * @param data the interactions
   * @param config neighbours, similarity and shrinkage ({@code threads} is recorded but Spark's parallelism
   *     applies)
   * @return the model, as {@link ItemKnnModel#of} builds it
   */
  public static ItemKnnModel fit(SparkInteractions data, ItemKnnConfig config) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(config, "config");
    int items = data.items().size();
    int k = Math.min(config.neighbors(), Math.max(items - 1, 1));
    boolean jaccard = config.similarity() == Similarity.JACCARD;
    float shrink = config.shrinkage();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(data.cells().sparkSession().sparkContext());
    float[] norms = norms(data, items, jaccard);
    Broadcast<float[]> normsB = jsc.broadcast(norms);
    JavaPairRDD<Integer, Tuple2<int[], float[]>> rows = SparkBatch.histories(data);
    int partitions = Math.max(jsc.defaultParallelism(), rows.getNumPartitions());
    // Key: the pair (a < b) packed as a << 32 | b; value: the float dot product's bits << 32 | co-occurrences.
    JavaPairRDD<Long, Long> pairs = rows.values().flatMapToPair(SparkItemKnn::pairsOf)
        .reduceByKey(SparkItemKnn::addPacked, partitions);
    JavaPairRDD<Integer, Tuple2<Integer, Float>> candidates = pairs.flatMapToPair(t -> {
      int a = (int) (t._1() >>> 32);
      int b = (int) (long) t._1();
      float dot = Float.intBitsToFloat((int) (t._2() >>> 32));
      int co = (int) (long) t._2();
      float[] n = normsB.value();
      // The core trainer's expressions, in the same float arithmetic (ItemKnnTrainer.Worker).
      float sim = jaccard ? co / (n[a] + n[b] - co + shrink) : dot / (n[a] * n[b] + shrink);
      List<Tuple2<Integer, Tuple2<Integer, Float>>> out = new ArrayList<>(2);
      if (sim > 0 && Float.isFinite(sim)) {
        out.add(new Tuple2<>(a, new Tuple2<>(b, sim)));
        out.add(new Tuple2<>(b, new Tuple2<>(a, sim)));
      }
      return out.iterator();
    });
    List<Tuple3<Integer, int[], float[]>> lists = candidates
        .repartitionAndSortWithinPartitions(new HashPartitioner(partitions))
        .mapPartitions(it -> topPerItem(it, k)).collect();
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

  /** Jaccard: the users per item; cosine: the float square root of the double sum of squares, as in core. */
  private static float[] norms(SparkInteractions data, int items, boolean jaccard) {
    double[] sq = new double[items];
    List<Tuple2<Integer, Double>> rows = data.cells().toJavaRDD()
        .mapToPair(r -> new Tuple2<>(r.getInt(1), jaccard ? 1.0 : (double) r.getFloat(2) * r.getFloat(2)))
        .reduceByKey(Double::sum).collect();
    for (Tuple2<Integer, Double> t : rows) {
      sq[t._1()] = t._2();
    }
    float[] norms = new float[items];
    for (int i = 0; i < items; i++) {
      norms[i] = jaccard ? (float) sq[i] : (float) Math.sqrt(sq[i]);
    }
    return norms;
  }

  /** Every pair of one user's items (ascending), the smaller index first, with their values' product and 1. */
  private static Iterator<Tuple2<Long, Long>> pairsOf(Tuple2<int[], float[]> row) {
    int[] items = row._1();
    float[] values = row._2();
    int n = items.length;
    return new Iterator<>() {
      private int x = 0;
      private int y = 1;

      @Override
      public boolean hasNext() {
        return y < n;
      }

      @Override
      public Tuple2<Long, Long> next() {
        long key = ((long) items[x] << 32) | items[y];
        Tuple2<Long, Long> t = new Tuple2<>(key, pack(values[x] * values[y], 1));
        if (++y == n) {
          x++;
          y = x + 1;
        }
        return t;
      }
    };
  }

  private static long pack(float dot, int co) {
    return ((long) Float.floatToRawIntBits(dot) << 32) | (co & 0xffffffffL);
  }

  private static long addPacked(long p, long q) {
    float dot = Float.intBitsToFloat((int) (p >>> 32)) + Float.intBitsToFloat((int) (q >>> 32));
    return pack(dot, (int) p + (int) q);
  }

  /** Streams one partition's (item, (neighbour, similarity)) candidates, sorted by item, through a TopN. */
  private static Iterator<Tuple3<Integer, int[], float[]>> topPerItem(
      Iterator<Tuple2<Integer, Tuple2<Integer, Float>>> it, int k) {
    List<Tuple3<Integer, int[], float[]>> out = new ArrayList<>();
    TopN top = new TopN(k);
    int current = -1;
    while (it.hasNext()) {
      Tuple2<Integer, Tuple2<Integer, Float>> t = it.next();
      if (t._1() != current) {
        if (current >= 0) {
          out.add(drain(current, top));
        }
        current = t._1();
        top.reset(k);
      }
      top.offer(t._2()._1(), t._2()._2());
    }
    if (current >= 0) {
      out.add(drain(current, top));
    }
    return out.iterator();
  }

  private static Tuple3<Integer, int[], float[]> drain(int item, TopN top) {
    int[] ids = new int[top.size()];
    float[] sims = new float[top.size()];
    top.drainTo(ids, sims);
    return new Tuple3<>(item, ids, sims);
  }
}
