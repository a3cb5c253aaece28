package io.github.kindred.bench;

import io.github.kindred.bench.data.TrainingData;
import io.github.kindred.data.Dataset;
import io.github.kindred.factorization.AlsSolver;
import io.github.kindred.factorization.BprConfig;
import io.github.kindred.factorization.BprTrainer;
import io.github.kindred.factorization.ImplicitAlsConfig;
import io.github.kindred.factorization.ImplicitAlsTrainer;
import io.github.kindred.model.Model;
import io.github.kindred.model.Trainer;
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
 * The question: how long does one training epoch of the factor models take, and how does it scale from one thread
 * to two?
 *
 * <p>Data: {@link TrainingData#generate} with {@code users} users by 5,000 items, 50 items per user (250,000
 * interactions at the default 5,000 users). One epoch is one iteration of implicit ALS with 64 factors (every item,
 * then every user solved; conjugate gradient with 3 steps, or exact Cholesky), or one BPR epoch (as many sampled
 * triples as interactions) with 64 factors. The baseline {@link #buildDataset} builds the same dataset from scratch.
 *
 * <p>Run: {@code java -jar recommender-bench/target/benchmarks.jar FactorTrainingBenchmark -f 3 -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class FactorTrainingBenchmark {
  /** Number of generated users. */
  @Param({"5000"})
  public int users;

  /** Training threads. */
  @Param({"1", "2"})
  public int threads;

  /** The trainer: implicit ALS with either solver, or BPR. */
  @Param({"ials-cg", "ials-cholesky", "bpr"})
  public String algorithm;

  private Dataset data;
  private Trainer<?> trainer;

  /** Generates the data and configures one epoch of the trainer. */
  @Setup(Level.Trial)
  public void setUp() {
    data = TrainingData.generate(users, 5_000, 50, 41);
    trainer = switch (algorithm) {
      case "ials-cg" -> new ImplicitAlsTrainer(ImplicitAlsConfig.defaults().withFactors(64).withIterations(1)
          .withThreads(threads).withSolver(AlsSolver.CG));
      case "ials-cholesky" -> new ImplicitAlsTrainer(ImplicitAlsConfig.defaults().withFactors(64).withIterations(1)
          .withThreads(threads).withSolver(AlsSolver.CHOLESKY));
      case "bpr" -> new BprTrainer(BprConfig.defaults().withFactors(64).withIterations(1).withThreads(threads));
      default -> throw new IllegalArgumentException("unknown algorithm " + algorithm);
    };
  }

  /** One epoch. */
  @Benchmark
  public Model epoch() {
    return trainer.fit(data);
  }

  /** Baseline: generating and indexing the same data. */
  @Benchmark
  public Dataset buildDataset() {
    return TrainingData.generate(users, 5_000, 50, 41);
  }
}
