package io.github.kindred.bench;

import io.github.kindred.bench.data.BenchData;
import io.github.kindred.math.Int8ItemFactors;
import io.github.kindred.math.TopN;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The question: do 10,000,000 items x 64 factors in int8 load and serve within 24 GB, and how long does a request
 * take? Not a JMH benchmark (one heavy allocation, measured once): it quantises seeded factors, reports the heap in
 * use after a full collection with the float matrix dropped (int8 only) and kept (int8 scan with float re-ranking),
 * and times requests in wall and thread-CPU time.
 *
 * <p>Run: {@code java -Xmx20g -cp recommender-bench/target/benchmarks.jar io.github.kindred.bench.LargeCatalogue
 * 10000000 64}.
 */
public final class LargeCatalogue {
  private LargeCatalogue() {}

  /**
   * Runs the measurement and prints it.
   *
   * @param args item count and dimensions (default 10,000,000 and 64)
   */
  public static void main(String[] args) {
    int items = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    int dims = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    long base = usedAfterGc();
    long start = System.nanoTime();
    float[] factors = BenchData.uniform(items * dims, 0.5f, 1);
    long withFloats = usedAfterGc() - base;
    Int8ItemFactors quantized = Int8ItemFactors.quantize(factors, items, dims);
    System.out.printf("generated and quantised %,d x %d in %.1f s; int8 codes + scales %,d bytes%n", items, dims,
        (System.nanoTime() - start) / 1e9, quantized.bytes());
    long both = usedAfterGc() - base;
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    TopN top = new TopN(10);
    TopN candidates = new TopN(100);
    for (int r = 0; r < 5; r++) {
      float[] user = BenchData.uniform(dims, 1f, 100 + r);
      long wall = System.nanoTime();
      long cpu0 = cpu.getCurrentThreadCpuTime();
      top.reset(10);
      quantized.scoreTopNReranked(user, new int[0], factors, 100, candidates, top);
      System.out.printf("request %d: int8 scan + float re-rank of 100: wall %.1f ms, CPU %.1f ms%n", r,
          (System.nanoTime() - wall) / 1e6, (cpu.getCurrentThreadCpuTime() - cpu0) / 1e6);
    }
    factors = null;
    long int8Only = usedAfterGc() - base;
    for (int r = 0; r < 3; r++) {
      float[] user = BenchData.uniform(dims, 1f, 200 + r);
      long wall = System.nanoTime();
      long cpu0 = cpu.getCurrentThreadCpuTime();
      top.reset(10);
      quantized.scoreTopN(user, new int[0], top);
      System.out.printf("request %d: int8 scan only: wall %.1f ms, CPU %.1f ms%n", r,
          (System.nanoTime() - wall) / 1e6, (cpu.getCurrentThreadCpuTime() - cpu0) / 1e6);
    }
    System.out.printf("heap after GC: floats %,d MB; floats + int8 %,d MB; int8 only %,d MB (max heap %,d MB)%n",
        withFloats >> 20, both >> 20, int8Only >> 20, Runtime.getRuntime().maxMemory() >> 20);
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
