package io.github.kindred.bench;

import io.github.kindred.bench.data.TrainingData;
import io.github.kindred.data.Dataset;
import io.github.kindred.knn.ItemKnnConfig;
import io.github.kindred.knn.ItemKnnModel;
import io.github.kindred.knn.ItemKnnTrainer;
import io.github.kindred.knn.Similarity;
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
 * The question: how long does a full item-kNN fit take, and how does it scale from one thread to two?
 *
 * <p>Data: {@link TrainingData#generate} with {@code users} users by 5,000 items, 50 items per user (so 250,000
 * interactions at the default 5,000 users); item-kNN, cosine, 200 neighbours. The baseline {@link #buildDataset}
 * builds the dataset from scratch (ids, log, CSR and CSC), the data pass every trainer starts from.
 *
 * <p>Run: {@code java -jar recommender-bench/target/benchmarks.jar ItemKnnTrainingBenchmark -f 3 -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ItemKnnTrainingBenchmark {
  /** Number of generated users. */
  @Param({"5000"})
  public int users;

  /** Training threads. */
  @Param({"1", "2"})
  public int threads;

  private Dataset data;
  private ItemKnnTrainer trainer;

  /** Generates the data. */
  @Setup(Level.Trial)
  public void setUp() {
    data = TrainingData.generate(users, 5_000, 50, 31);
    trainer = new ItemKnnTrainer(new ItemKnnConfig(200, Similarity.COSINE, 0f, threads));
  }

  /** One full fit. */
  @Benchmark
  public ItemKnnModel fit() {
    return trainer.fit(data);
  }

  /** Baseline: generating and indexing the same data. */
  @Benchmark
  public Dataset buildDataset() {
    return TrainingData.generate(users, 5_000, 50, 31);
  }
}
