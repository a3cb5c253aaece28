package io.github.kindred.bench;

import io.github.kindred.bench.data.TrainingData;
import io.github.kindred.data.Dataset;
import io.github.kindred.linear.EaseConfig;
import io.github.kindred.linear.EaseModel;
import io.github.kindred.linear.EaseTrainer;
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
 * The question: how long does the EASE closed-form solve take? Its cost is the Gram matrix (a pass over the
 * interactions) plus a dense {@code items^3} Cholesky inverse, so the item count decides it.
 *
 * <p>Data: {@link TrainingData#generate} with {@code users} users by {@code items} items, 50 items per user;
 * lambda 500. The baseline {@link #buildDataset} builds the same dataset from scratch.
 *
 * <p>Run: {@code java -jar recommender-bench/target/benchmarks.jar EaseTrainingBenchmark -f 3 -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class EaseTrainingBenchmark {
  /** Number of generated users. */
  @Param({"5000"})
  public int users;

  /** Number of items: the solve is cubic in it. */
  @Param({"1000", "2000"})
  public int items;

  private Dataset data;
  private EaseTrainer trainer;

  /** Generates the data. */
  @Setup(Level.Trial)
  public void setUp() {
    data = TrainingData.generate(users, items, 50, 51);
    trainer = new EaseTrainer(EaseConfig.defaults().withLambda(500f));
  }

  /** One full fit (Gram matrix and solve). */
  @Benchmark
  public EaseModel fit() {
    return trainer.fit(data);
  }

  /** Baseline: generating and indexing the same data. */
  @Benchmark
  public Dataset buildDataset() {
    return TrainingData.generate(users, items, 50, 51);
  }
}
