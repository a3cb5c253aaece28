package io.github.kindred.bench;

import io.github.kindred.bench.data.BenchData;
import io.github.kindred.math.TopN;
import java.util.Arrays;
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
 * The question: what does selecting the 10 best of a score array cost with {@link TopN#select} (a bounded heap
 * with a threshold test), against the obvious alternative of sorting every (score, index) pair?
 *
 * <p>The baseline {@link #fullSort} packs each score and its index into one {@code long} whose order is the
 * ranking order (score descending, then index ascending) and sorts the primitive array, so it is a fair, boxing-free
 * full sort. Scores are uniform random floats from a fixed seed.
 *
 * <p>Run: {@code java -jar recommender-bench/target/benchmarks.jar TopNBenchmark -f 3 -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class TopNBenchmark {
  /** Number of scores. */
  @Param({"100000", "1000000"})
  public int size;

  /** Number of results. */
  @Param({"10"})
  public int n;

  private float[] scores;
  private long[] keys;

  /** Generates the scores. */
  @Setup(Level.Trial)
  public void setUp() {
    scores = BenchData.uniform(size, 1f, 11);
    keys = new long[size];
  }

  /** Kindred's bounded-heap selection. */
  @Benchmark
  public int[] select() {
    return TopN.select(scores, n);
  }

  /** Baseline: sort all pairs, keep the first {@code n}. */
  @Benchmark
  public int[] fullSort() {
    for (int i = 0; i < size; i++) {
      keys[i] = rankKey(scores[i], i);
    }
    Arrays.sort(keys, 0, size);
    int[] out = new int[Math.min(n, size)];
    for (int k = 0; k < out.length; k++) {
      out[k] = (int) (keys[k] & 0xFFFF_FFFFL);
    }
    return out;
  }

  /**
   * A key that sorts ascending in ranking order: the score's bits mapped to an order-preserving unsigned int and
   * inverted (so higher scores come first) in the high half, the index in the low half.
   */
  private static long rankKey(float score, int index) {
    int bits = Float.floatToIntBits(score);
    int ordered = bits ^ ((bits >> 31) | 0x8000_0000); // ascending float order as unsigned int
    long descending = ~ordered & 0xFFFF_FFFFL;
    return descending << 32 | index;
  }
}
