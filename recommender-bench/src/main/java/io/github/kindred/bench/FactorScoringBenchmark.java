package io.github.kindred.bench;

import io.github.kindred.bench.data.BenchData;
import io.github.kindred.math.FactorScoring;
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
 * The question: how long does one factor-model request take, scoring every item against one user and keeping the
 * top 10, and how does Kindred's fused kernel compare with the plain reference and with the memory bandwidth?
 *
 * <ul>
 *   <li>{@link #reference}: the textbook code, a scalar dot-product loop writing a score array, then a separate
 *       top-N pass over it;
 *   <li>{@link #kernel}: {@link FactorScoring#scoreTopN}, the kernel every factor model serves with;
 *   <li>{@link #copy}: {@code System.arraycopy} of the same item matrix, the physical limit: scoring must read every
 *       byte of the matrix once, a copy reads it once and writes it once, so a ratio below 1 means the kernel runs
 *       at memory speed.
 * </ul>
 *
 * <p>Sizes: 10,000 and 100,000 items by 64 factors (2.56 and 25.6 MB) fit in a 32 MiB L3 cache, 1,000,000 (256 MB)
 * does not, so the largest size measures main-memory bandwidth. Factors are uniform in [-0.5, 0.5) from a fixed
 * seed; 20 random items are excluded, like a user's history.
 *
 * <p>Run: {@code java -jar recommender-bench/target/benchmarks.jar FactorScoringBenchmark -f 3 -prof gc}; on a
 * machine shared with other work add {@code -prof io.github.kindred.bench.CpuTimeProfiler} for CPU time per
 * operation. The kernel uses the incubating Vector API when the forks run with the module: add
 * {@code -jvmArgsAppend "--add-modules jdk.incubator.vector"} to measure that path (without it, the scalar kernel
 * with eight partial sums runs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class FactorScoringBenchmark {
  /** Number of items. */
  @Param({"10000", "100000", "1000000"})
  public int size;

  /** Length of every vector. */
  @Param({"64"})
  public int factors;

  private float[] itemFactors;
  private float[] copyTarget;
  private float[] user;
  private float[] scores;
  private int[] excluded;
  private TopN top;
  private int[] result;

  /** Generates the item matrix and the user. */
  @Setup(Level.Trial)
  public void setUp() {
    itemFactors = BenchData.uniform(size * factors, 0.5f, 1);
    copyTarget = new float[itemFactors.length];
    user = BenchData.uniform(factors, 1f, 2);
    scores = new float[size];
    excluded = BenchData.distinctSorted(20, size, 3);
    top = new TopN(10);
    result = new int[10];
  }

  /** Plain reference: scalar dot loop into a score array, exclusions set to minus infinity, then top-10. */
  @Benchmark
  public int[] reference() {
    float[] f = itemFactors;
    float[] u = user;
    int k = factors;
    for (int i = 0, off = 0; i < size; i++, off += k) {
      float s = 0f;
      for (int j = 0; j < k; j++) {
        s += u[j] * f[off + j];
      }
      scores[i] = s;
    }
    for (int e : excluded) {
      scores[e] = Float.NEGATIVE_INFINITY;
    }
    return TopN.select(scores, 10);
  }

  /** Kindred's fused kernel: scoring and top-10 in one pass, no score array. */
  @Benchmark
  public int[] kernel() {
    top.reset(10);
    FactorScoring.scoreTopN(itemFactors, size, factors, user, excluded, top);
    top.drainTo(result, null);
    return result;
  }

  /** The physical limit: copy the item matrix once. */
  @Benchmark
  public float[] copy() {
    System.arraycopy(itemFactors, 0, copyTarget, 0, itemFactors.length);
    return copyTarget;
  }
}
