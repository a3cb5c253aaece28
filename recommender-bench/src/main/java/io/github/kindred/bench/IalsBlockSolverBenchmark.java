package io.github.kindred.bench;

import io.github.kindred.bench.data.TrainingData;
import io.github.kindred.data.Dataset;
import io.github.kindred.factorization.AlsSolver;
import io.github.kindred.factorization.ImplicitAlsConfig;
import io.github.kindred.factorization.ImplicitAlsTrainer;
import io.github.kindred.model.Model;
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
 * The question: how much faster is one implicit-ALS epoch at high rank with the iALS++ block (subspace) solver than
 * with the exact per-row Cholesky solve?
 *
 * <p>Data: {@link TrainingData#generate} with {@code users} users by 5,000 items, 50 items per user (250,000
 * interactions at the default 5,000 users). One epoch is one iteration (every item, then every user) with
 * {@code factors} factors on 2 threads. {@code solver=exact} is the baseline ({@code blockSize} 0, the full
 * {@code factors x factors} Cholesky per row); {@code block8} and {@code block4} use blocks of {@code factors / 8}
 * and {@code factors / 4} (32 and 64 at 256 factors). Compare the epoch scores of the same run; quality per epoch
 * differs (one block sweep is not the exact solve), so read this beside the Gowalla figures.
 *
 * <p>Run: {@code java -jar recommender-bench/target/benchmarks.jar IalsBlockSolverBenchmark -f 1 -wi 1 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class IalsBlockSolverBenchmark {
  /** Number of generated users. */
  @Param({"5000"})
  public int users;

  /** Length of every vector. */
  @Param({"256"})
  public int rank;

  /** The per-row solver: exact (the baseline), or blocks of rank / 8 or rank / 4. */
  @Param({"exact", "block8", "block4"})
  public String solver;

  private Dataset data;
  private ImplicitAlsTrainer trainer;

  /** Generates the data and configures one epoch. */
  @Setup(Level.Trial)
  public void setUp() {
    data = TrainingData.generate(users, 5_000, 50, 43);
    int blockSize = switch (solver) {
      case "exact" -> 0;
      case "block8" -> Math.max(1, rank / 8);
      case "block4" -> Math.max(1, rank / 4);
      default -> throw new IllegalArgumentException("unknown solver " + solver);
    };
    trainer = new ImplicitAlsTrainer(ImplicitAlsConfig.defaults().withFactors(rank).withIterations(1)
        .withThreads(2).withSolver(AlsSolver.CHOLESKY).withBlockSize(blockSize));
  }

  /** One epoch. */
  @Benchmark
  public Model epoch() {
    return trainer.fit(data);
  }
}
