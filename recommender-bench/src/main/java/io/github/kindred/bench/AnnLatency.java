package io.github.kindred.bench;

import io.github.kindred.ann.AnnConfig;
import io.github.kindred.ann.HnswItemIndex;
import io.github.kindred.math.FactorScoring;
import io.github.kindred.math.TopN;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The question of issue 17: at 1,000,000 items x 64 factors, what are the p50 and p99 of one top-10 request
 * through {@link HnswItemIndex}, at what recall@10 against the exact top 10, for each search width? A main, not
 * JMH: every one of {@code queries} requests is timed alone (single thread, one request at a time), after a
 * warm-up pass over the same requests, so the percentiles are of requests, not of JMH batches; the exact scan of
 * the first 100 queries is timed in the same run as the reference.
 *
 * <p>Data as in {@link AnnRetrievalBenchmark}: Gaussian items whose norms spread five-fold, with dimension {@code d}
 * scaled by {@code (d + 1)^-spectrum} (0: isotropic, the hard case; 0.5: a decaying spectrum like a trained
 * model's), queries drawn the same way from another seed. The index is loaded from (or built once into)
 * {@code DIR/hnsw-SIZEx64[-spectrumS][-mM].idx} and the exact top 10 of every query is cached beside it, so repeated
 * runs spend their time on the measurement.
 *
 * <p>Run: {@code java -Xmx6g -XX:+UseTransparentHugePages --add-modules jdk.incubator.vector -cp
 * recommender-bench/target/benchmarks.jar io.github.kindred.bench.AnnLatency 1000000 0 200,260,300 2000
 * /tmp/kindred-ann [maxConnections]}. With the module the walk's int8 dot product runs on the Vector API kernel of
 * recommender-ann ({@code CodeDot}); {@code -Dkindred.vector=false} or a JVM without the module runs the scalar loop.
 *
 * <p>Measured 2026-12-08 01:31-01:41 UTC, same machine, JDK 17, THP, with the module, M 32, one session, the
 * runs of the two jars taking turns (each row one run of 2,000 requests; the exact-scan reference of the same run,
 * on core's Vector API kernel, took p50 8.9-12.1 ms in every run, and 29.6 ms with the switch off). Recall is the
 * same to the last digit: the integer dot products, and so the nodes visited, are identical.
 *
 * <pre>
 *   walk kernel                        width 200 (0.9274)   width 260 (0.9536)   width 300 (0.9645)
 *                                      p50 ms   p99 ms      p50 ms   p99 ms      p50 ms   p99 ms
 *   scalar (before), 4 runs*           1.33-1.55 1.82-2.10  1.61-2.17 2.40-2.76  1.65-2.51 2.45-3.26
 *   Vector API (after), 3 runs         0.71-0.86 0.98-1.03  0.83-1.12 1.17-1.35  1.04-1.26 1.58-1.79
 *   after, -Dkindred.vector=false      1.35      1.58       1.32      1.82       1.45      1.98
 * </pre>
 *
 * (*: a fifth scalar run, disturbed by something outside the lock on the shared cores (its max 6.8-13.3 ms), had
 * p50 1.64, 1.90 and 1.99 ms and p99 5.8, 4.9 and 5.2 ms; left out of the ranges. The switch-off row is one run,
 * with core's scan and re-scoring on their scalar kernels too.) At width 260 the Vector API kernel takes the p50
 * from 1.6-2.2 ms to 0.8-1.1 ms (about 0.55x) and the p99 from 2.4-2.8 ms to 1.2-1.35 ms (about 0.5x), so issue
 * 17's bar, p99 at most 2 ms at recall@10 at least 0.95, is met with the module, and width 300 (recall 0.965) meets
 * it too. A variant keeping the query's four int vectors in registers across a node's batch was measured in the
 * same session (p50 0.96-1.08 ms, p99 1.25-1.32 ms at width 260) and not kept: no difference beyond the noise.
 * The figures below are the earlier runs without the module.
 *
 * <p>Measured 2026-12-08, 2-core AMD EPYC VM (JDK 17, no Vector API) shared with other builds and tests that ran
 * outside the benchmark lock, so the p99 column moves by 2-3x between runs (the p50 by about 25%); each row is
 * one run of 2,000 requests, the exact scan of the same items in the same run took p50 24-31 ms:
 *
 * <pre>
 *   graph (build on 2 threads)         width  recall@10  p50 ms  p99 ms       nodes visited
 *   M 32 (1,052 s wall, 1,952 s CPU)     200    0.9274    1.35    1.99               -
 *                                        260    0.9536    1.50    2.19 (THP)      12,846
 *                                        260    0.9536    1.92    3.14            12,846
 *                                        260    0.9536    1.56    5.14 (busy)     12,846
 *                                        260    0.9536    1.68    2.47            12,846
 *                                        260    0.9536    2.60    3.20 (JDK 25)   12,846
 *   M 32, AnnRetrievalBenchmark (JMH)    200    0.929     1.38    2.01 (200 users for recall)
 *                                        260    0.9525    1.65    2.95
 *                                        280    0.9597    1.54    2.15 (THP)         -
 *   M 16 (511 s wall, 949 s CPU)         400    0.9113    1.26    2.83 (THP, busy) 10,344
 *                                        600    0.9476    2.00    5.05 (THP, busy) 14,586
 *                                        800    0.9651    2.44    5.08 (THP, busy) 18,470
 *   M 16, Lucene's HnswGraphSearcher     400    0.9155    5.78    7.54 (JMH)          -
 * </pre>
 *
 * (THP: {@code -XX:+UseTransparentHugePages}, which this kernel grants on request; busy: a Maven test run of
 * another worktree on the same cores; JDK 25: the same jar on Temurin 25, whose compiler made the int8 loop slower
 * here.) Without the module, issue 17's bar (p99 at most 2 ms with recall@10 at least 0.95) is not met: at width 260 (recall 0.954) the
 * p99 was 2.2 ms in the best run and 2.5-3.1 ms in the others; the p50 (1.5-1.9 ms) is under it in every run, and
 * width 200 meets the time (p99 2.0 ms) at recall 0.927. Memory at 1,000,000 x 64 with M 32:
 * 150 MB for the renamed graph, the order and the int8 codes beside the model's 256 MB of factors (512 MB heap in
 * use after GC, the generated data included). Factor-like data (spectrum 0.5, M 16) is not the easier case for
 * this graph: recall@10 levels off at 0.83-0.85 from width 400 to 1,600 (0.80 at width 100 in 0.20 ms p50), the
 * walk never reaching about one true top-10 item in seven, which points at the inner-product graph's
 * construction (items dominated by longer ones get few links), not at the search.
 */
public final class AnnLatency {
  private static final int DIMENSIONS = 64;
  private static final int K = 10;

  private AnnLatency() {}

  /**
   * Runs the measurement and prints it.
   *
   * @param args items, spectrum exponent, comma-separated search widths, query count, index directory, and
   *     optionally the graph's maxConnections (default 16)
   * @throws IOException if the index or truth file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    double spectrum = args.length > 1 ? Double.parseDouble(args[1]) : 0;
    int[] widths = Arrays.stream((args.length > 2 ? args[2] : "200,400,800").split(","))
        .mapToInt(Integer::parseInt).toArray();
    int queries = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
    Path dir = Path.of(args.length > 4 ? args[4] : "/tmp/kindred-ann");
    int connections = args.length > 5 ? Integer.parseInt(args[5]) : 16;
    float[] items = AnnRetrievalBenchmark.decay(AnnRetrievalBenchmark.items(size, DIMENSIONS, 11), spectrum);
    float[] users = AnnRetrievalBenchmark.decay(AnnRetrievalBenchmark.items(queries, DIMENSIONS, 12), spectrum);
    String name = "hnsw-" + size + "x" + DIMENSIONS + (spectrum == 0 ? "" : "-spectrum" + spectrum)
        + (connections == 16 ? "" : "-m" + connections);
    HnswItemIndex index = loadOrBuild(dir.resolve(name + ".idx"), items, size, connections);
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    System.out.printf("index %,d items x %d, spectrum %s: graph + codes %.1f MB, heap used after GC %.0f MB "
        + "(item floats %.0f MB)%n", size, DIMENSIONS, spectrum, index.indexBytes() / 1e6,
        (runtime.totalMemory() - runtime.freeMemory()) / 1e6, 4.0 * items.length / 1e6);
    int[][] truth = truth(dir.resolve(name + "-truth" + queries + ".bin"), index, users, queries);
    float[] user = new float[DIMENSIONS];
    TopN top = new TopN(K);
    long[] nanos = new long[queries];
    int scans = Math.min(100, queries);
    for (int pass = 0; pass < 2; pass++) {
      for (int q = 0; q < scans; q++) {
        System.arraycopy(users, q * DIMENSIONS, user, 0, DIMENSIONS);
        long start = System.nanoTime();
        top.reset(K);
        FactorScoring.scoreTopN(items, size, DIMENSIONS, user, new int[0], top);
        nanos[q] = System.nanoTime() - start;
      }
    }
    long[] scanNanos = Arrays.copyOf(nanos, scans);
    Arrays.sort(scanNanos);
    double scanP50 = scanNanos[scans / 2] / 1e6;
    System.out.printf("exact scan (reference, %d queries): p50 %.2f ms, p99 %.2f ms%n", scans, scanP50,
        scanNanos[(int) (0.99 * (scans - 1))] / 1e6);
    for (int width : widths) {
      double recall = 0;
      for (int pass = 0; pass < 2; pass++) {
        recall = 0;
        for (int q = 0; q < queries; q++) {
          System.arraycopy(users, q * DIMENSIONS, user, 0, DIMENSIONS);
          long start = System.nanoTime();
          top.reset(K);
          index.search(user, K, width, new int[0], null, top);
          nanos[q] = System.nanoTime() - start;
          recall += hits(top.drain(), truth[q]) / (double) K;
        }
      }
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      double p50 = sorted[queries / 2] / 1e6;
      double p99 = sorted[(int) (0.99 * (queries - 1))] / 1e6;
      System.out.printf("search width %4d: recall@10 %.4f, p50 %.3f ms, p99 %.3f ms, max %.2f ms "
          + "(p50 %.4f x the scan's)%n", width, recall / queries, p50, p99, sorted[queries - 1] / 1e6,
          p50 / scanP50);
    }
  }

  private static int hits(int[] got, int[] truth) {
    int hits = 0;
    for (int a : got) {
      for (int t : truth) {
        if (a == t) {
          hits++;
          break;
        }
      }
    }
    return hits;
  }

  private static HnswItemIndex loadOrBuild(Path file, float[] items, int size, int connections) throws IOException {
    long wall = System.nanoTime();
    long cpu = processCpuNanos();
    if (Files.exists(file)) {
      try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
        HnswItemIndex loaded = HnswItemIndex.read(in, items, size, DIMENSIONS);
        System.out.printf("loaded %s in %.1f s%n", file, (System.nanoTime() - wall) / 1e9);
        return loaded;
      }
    }
    HnswItemIndex built = HnswItemIndex.build(items, size, DIMENSIONS,
        AnnConfig.defaults().withExactBelow(0).withBuildThreads(2).withMaxConnections(connections));
    System.out.printf("built %s: wall %.1f s, process CPU %.1f s%n", file, (System.nanoTime() - wall) / 1e9,
        (processCpuNanos() - cpu) / 1e9);
    Files.createDirectories(file.getParent());
    built.save(file);
    return built;
  }

  /** The exact top 10 of every query, computed on every core once and cached in {@code file}. */
  private static int[][] truth(Path file, HnswItemIndex index, float[] users, int queries) throws IOException {
    if (Files.exists(file)) {
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
        int[][] truth = new int[queries][K];
        for (int[] row : truth) {
          for (int k = 0; k < K; k++) {
            row[k] = in.readInt();
          }
        }
        return truth;
      }
    }
    int[][] truth = IntStream.range(0, queries).parallel().mapToObj(q -> {
      TopN exact = new TopN(K);
      index.exactSearch(Arrays.copyOfRange(users, q * DIMENSIONS, (q + 1) * DIMENSIONS), K, new int[0], null, exact);
      return exact.drain();
    }).toArray(int[][]::new);
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      for (int[] row : truth) {
        for (int id : row) {
          out.writeInt(id);
        }
      }
    }
    return truth;
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0L;
  }
}
