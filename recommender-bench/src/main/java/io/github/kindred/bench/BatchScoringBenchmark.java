package io.github.kindred.bench;

import io.github.kindred.bench.data.BenchData;
import io.github.kindred.math.FactorScoring;
import io.github.kindred.math.TopN;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The question: how much cheaper is a user's top-10 when a batch of {@value #BATCH} users is scored in one pass over
 * the item matrix (offline precomputation, e-mail campaigns, cache warming) instead of one pass per user?
 *
 * <p>{@link #oneByOne} and {@link #batch} report time per user (each invocation serves
 * {@value #BATCH} users); {@link #copy} reports one {@code System.arraycopy} of the matrix, the cost of streaming it
 * once, so {@code batch / copy} below 1 means a user costs less than reading the matrix. The batch pays off where
 * the matrix does not fit in the last-level cache (1,000,000 x 64 floats = 256 MB).
 *
 * <p>Run: {@code java -jar recommender-bench/target/benchmarks.jar BatchScoringBenchmark -f 3 -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class BatchScoringBenchmark {
  /** Users per batch. */
  public static final int BATCH = 32;

  /** Number of items. */
  @Param({"100000", "1000000"})
  public int size;

  /** Length of every vector. */
  @Param({"64"})
  public int factors;

  private float[] itemFactors;
  private float[] copyTarget;
  private float[] users;
  private float[][] userRows;
  private int[][] excluded;
  private TopN[] tops;

  /** Generates the matrix and the users. */
  @Setup(Level.Trial)
  public void setUp() {
    itemFactors = BenchData.uniform(size * factors, 0.5f, 1);
    copyTarget = new float[itemFactors.length];
    users = BenchData.uniform(BATCH * factors, 1f, 4);
    userRows = new float[BATCH][];
    excluded = new int[BATCH][];
    tops = new TopN[BATCH];
    for (int u = 0; u < BATCH; u++) {
      userRows[u] = Arrays.copyOfRange(users, u * factors, (u + 1) * factors);
      excluded[u] = BenchData.distinctSorted(20, size, 100 + u);
      tops[u] = new TopN(10);
    }
  }

  /** Baseline: the fused kernel called once per user. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public TopN[] oneByOne() {
    for (int u = 0; u < BATCH; u++) {
      tops[u].reset(10);
      FactorScoring.scoreTopN(itemFactors, size, factors, userRows[u], excluded[u], tops[u]);
    }
    return tops;
  }

  /** {@link FactorScoring#scoreTopNBatch}: one pass over the row-major matrix in 64 KB tiles. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public TopN[] batch() {
    for (TopN t : tops) {
      t.reset(10);
    }
    FactorScoring.scoreTopNBatch(itemFactors, size, factors, users, BATCH, excluded, tops);
    return tops;
  }

  /** The physical limit of one pass: copy the item matrix once (time per copy, not per user). */
  @Benchmark
  public float[] copy() {
    System.arraycopy(itemFactors, 0, copyTarget, 0, itemFactors.length);
    return copyTarget;
  }
}
