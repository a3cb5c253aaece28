package io.github.kindred.bench;

import io.github.kindred.bench.data.BenchData;
import io.github.kindred.math.FactorScoring;
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
 * The question: would another layout or precision of the item matrix score one user faster than Kindred's
 * row-major float kernel ({@link FactorScoring#scoreAll})? Kept as the record of why the core has only the
 * row-major kernel; the alternatives live here, not in the library.
 *
 * <ul>
 *   <li>{@link #rowMajor}: Kindred's kernel, eight partial sums per dot product;
 *   <li>{@link #blocked}: items in blocks of 256, factor-major inside a block, so that the multiply-adds run across
 *       256 contiguous items, a loop C2 can vectorise;
 *   <li>{@link #int8}: factors quantised to bytes with one float scale per item (a quarter of the bytes to stream);
 *   <li>{@link #copy}: {@code System.arraycopy} of the float matrix, the memory-bandwidth yardstick.
 * </ul>
 *
 * <p>Run: {@code java -jar recommender-bench/target/benchmarks.jar ScoringLayoutBenchmark -f 3 -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ScoringLayoutBenchmark {
  private static final int BLOCK = 256;

  /** Number of items. */
  @Param({"100000", "1000000"})
  public int size;

  /** Length of every vector. */
  @Param({"64"})
  public int factors;

  private float[] itemFactors;
  private float[] blocks;
  private byte[] quantised;
  private float[] scales;
  private float[] user;
  private float[] scores;
  private float[] acc;
  private float[] copyTarget;

  /** Generates the matrix and derives the other layouts from it. */
  @Setup(Level.Trial)
  public void setUp() {
    itemFactors = BenchData.uniform(size * factors, 0.5f, 1);
    user = BenchData.uniform(factors, 1f, 2);
    scores = new float[size];
    acc = new float[BLOCK];
    copyTarget = new float[itemFactors.length];
    blocks = new float[(size + BLOCK - 1) / BLOCK * BLOCK * factors];
    quantised = new byte[itemFactors.length];
    scales = new float[size];
    for (int i = 0; i < size; i++) {
      float max = 0f;
      for (int f = 0; f < factors; f++) {
        float x = itemFactors[i * factors + f];
        blocks[(i / BLOCK) * BLOCK * factors + f * BLOCK + i % BLOCK] = x;
        max = Math.max(max, Math.abs(x));
      }
      scales[i] = max > 0 ? max / 127f : 1f;
      for (int f = 0; f < factors; f++) {
        quantised[i * factors + f] = (byte) Math.round(itemFactors[i * factors + f] / scales[i]);
      }
    }
  }

  /** Kindred's row-major kernel. */
  @Benchmark
  public float[] rowMajor() {
    FactorScoring.scoreAll(itemFactors, size, factors, user, scores);
    return scores;
  }

  /** Blocks of 256 items, factor-major inside a block. */
  @Benchmark
  public float[] blocked() {
    for (int first = 0, base = 0; first < size; first += BLOCK, base += BLOCK * factors) {
      Arrays.fill(acc, 0f);
      for (int f = 0; f < factors; f++) {
        float uf = user[f];
        int o = base + f * BLOCK;
        for (int k = 0; k < BLOCK; k++) {
          acc[k] += uf * blocks[o + k];
        }
      }
      System.arraycopy(acc, 0, scores, first, Math.min(BLOCK, size - first));
    }
    return scores;
  }

  /** Byte factors with a per-item scale, eight partial sums like the float kernel. */
  @Benchmark
  public float[] int8() {
    int k8 = factors & ~7;
    for (int i = 0, off = 0; i < size; i++, off += factors) {
      float s0 = 0f;
      float s1 = 0f;
      float s2 = 0f;
      float s3 = 0f;
      float s4 = 0f;
      float s5 = 0f;
      float s6 = 0f;
      float s7 = 0f;
      int f = 0;
      for (; f < k8; f += 8) {
        s0 += user[f] * quantised[off + f];
        s1 += user[f + 1] * quantised[off + f + 1];
        s2 += user[f + 2] * quantised[off + f + 2];
        s3 += user[f + 3] * quantised[off + f + 3];
        s4 += user[f + 4] * quantised[off + f + 4];
        s5 += user[f + 5] * quantised[off + f + 5];
        s6 += user[f + 6] * quantised[off + f + 6];
        s7 += user[f + 7] * quantised[off + f + 7];
      }
      float s = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
      for (; f < factors; f++) {
        s += user[f] * quantised[off + f];
      }
      scores[i] = scales[i] * s;
    }
    return scores;
  }

  /** The memory-bandwidth yardstick: copy the float matrix once. */
  @Benchmark
  public float[] copy() {
    System.arraycopy(itemFactors, 0, copyTarget, 0, itemFactors.length);
    return copyTarget;
  }
}
