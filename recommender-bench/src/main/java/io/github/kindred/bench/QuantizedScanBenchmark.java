package io.github.kindred.bench;

import io.github.kindred.bench.data.BenchData;
import io.github.kindred.math.FactorScoring;
import io.github.kindred.math.Int8ItemFactors;
import io.github.kindred.math.TopN;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The question: how much faster is the scan of int8-quantised item factors than the float scan, each on the kernel
 * the JVM selects (both scalar on a plain Java 17; both on the Vector API when the forks add the module)?
 *
 * <ul>
 *   <li>{@link #floatScan}: the baseline, {@link FactorScoring#scoreTopN} over the float matrix (the scalar kernel
 *       with eight partial sums, or the Vector API FMA kernel);
 *   <li>{@link #int8Scan}: {@link Int8ItemFactors#scoreTopN}, top 10 by quantised score (scalar: two products per
 *       64-bit multiply; Vector API: codes widened to int lanes), a quarter of the memory traffic;
 *   <li>{@link #int8Reranked}: the serving path, the 100 best quantised candidates re-scored exactly on the float
 *       factors ({@link Int8ItemFactors#scoreTopNReranked}), top 10 with exact scores.
 * </ul>
 *
 * <p>Sizes: 100,000 x 64 (25.6 MB of floats, in a 32 MiB L3) and 1,000,000 x 64 (256 MB of floats, 68 MB of codes:
 * main memory). Factors uniform in [-0.5, 0.5) from a fixed seed; 20 random items excluded, like a user's history.
 *
 * <p>Run, scalar kernels: {@code java -jar recommender-bench/target/benchmarks.jar QuantizedScanBenchmark -prof
 * io.github.kindred.bench.CpuTimeProfiler}; Vector API kernels: the same with
 * {@code -jvmArgsAppend "--add-modules jdk.incubator.vector"}. The ratios to read are {@code int8Scan / floatScan}
 * (the kernel) and {@code int8Reranked / floatScan} (the serving path) of the same size and run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class QuantizedScanBenchmark {
  /** Number of items. */
  @Param({"100000", "1000000"})
  public int size;

  /** Length of every vector. */
  @Param({"64"})
  public int factors;

  private float[] itemFactors;
  private Int8ItemFactors quantized;
  private float[] user;
  private int[] excluded;
  private TopN top;
  private TopN candidates;
  private int[] result;

  /** Generates and quantises the item matrix, and the user. */
  @Setup(Level.Trial)
  public void setUp() {
    itemFactors = BenchData.uniform(size * factors, 0.5f, 1);
    quantized = Int8ItemFactors.quantize(itemFactors, size, factors);
    user = BenchData.uniform(factors, 1f, 2);
    excluded = BenchData.distinctSorted(20, size, 3);
    top = new TopN(10);
    candidates = new TopN(100);
    result = new int[10];
  }

  /** Baseline: the float kernel, fused top 10. */
  @Benchmark
  public int[] floatScan() {
    top.reset(10);
    FactorScoring.scoreTopN(itemFactors, size, factors, user, excluded, top);
    top.drainTo(result, null);
    return result;
  }

  /** The int8 kernel alone, fused top 10 by quantised score. */
  @Benchmark
  public int[] int8Scan() {
    top.reset(10);
    quantized.scoreTopN(user, excluded, top);
    top.drainTo(result, null);
    return result;
  }

  /** The int8 kernel selecting 100 candidates, re-scored exactly in float: top 10 with exact scores. */
  @Benchmark
  public int[] int8Reranked() {
    top.reset(10);
    quantized.scoreTopNReranked(user, excluded, itemFactors, 100, candidates, top);
    top.drainTo(result, null);
    return result;
  }
}
