package io.github.kindred.bench;

import io.github.kindred.bench.data.TrainingData;
import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.linear.EaseConfig;
import io.github.kindred.linear.EaseModel;
import io.github.kindred.linear.EaseTrainer;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_MT_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
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
 * <p>Data: {@link TrainingData#generate} with {@code users} users by {@code items} items, {@code perUser} items
 * per user; lambda 500; {@code threads} solve threads. The baseline {@link #buildDataset} builds the same dataset
 * from scratch. References for the solve alone, on the same {@code X^T X + 500 I}: EJML's Cholesky inverse
 * ({@link #ejmlInverse}, single-threaded) and EJML's multi-threaded one ({@link #ejmlInverseMt}, its own thread
 * pool); when {@code fit} (Gram matrix, solve and weights) takes less than either, Kindred's solve is the faster.
 *
 * <p>Run: {@code java -jar recommender-bench/target/benchmarks.jar EaseTrainingBenchmark -f 3 -prof gc}; the
 * MovieLens 1M shape (issue 14: at most 3 s on 2 cores): {@code ... EaseTrainingBenchmark -p users=6000
 * -p items=3600 -p perUser=165 -p threads=1,2 -f 2 -wi 1 -i 3}.
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

  /** History length of every user. */
  @Param({"50"})
  public int perUser;

  /** Solve threads. */
  @Param({"1", "2"})
  public int threads;

  private Dataset data;
  private EaseTrainer trainer;
  private DMatrixRMaj gram;

  /** Generates the data and, for the EJML references, {@code X^T X + 500 I}. */
  @Setup(Level.Trial)
  public void setUp() {
    data = TrainingData.generate(users, items, perUser, 51);
    trainer = new EaseTrainer(EaseConfig.defaults().withLambda(500f).withThreads(threads));
    InteractionMatrix m = data.matrix();
    int n = m.columns();
    gram = new DMatrixRMaj(n, n);
    int[] ptr = m.rowPointers();
    int[] cols = m.columnIndexes();
    for (int u = 0; u < m.rows(); u++) {
      for (int p = ptr[u]; p < ptr[u + 1]; p++) {
        for (int q = ptr[u]; q < ptr[u + 1]; q++) {
          gram.data[cols[p] * n + cols[q]] += 1;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      gram.data[i * n + i] += 500;
    }
  }

  /** One full fit (Gram matrix and solve). */
  @Benchmark
  public EaseModel fit() {
    return trainer.fit(data);
  }

  /**
   * Reference: EJML's single-threaded Cholesky inverse of the same regularised Gram matrix.
   *
   * @return the inverse
   */
  @Benchmark
  public DMatrixRMaj ejmlInverse() {
    return invert(LinearSolverFactory_DDRM.symmPosDef(gram.numRows));
  }

  /**
   * Reference: EJML's multi-threaded Cholesky inverse (its own pool, every core) of the same matrix.
   *
   * @return the inverse
   */
  @Benchmark
  public DMatrixRMaj ejmlInverseMt() {
    return invert(LinearSolverFactory_MT_DDRM.symmPosDef(gram.numRows));
  }

  private DMatrixRMaj invert(LinearSolverDense<DMatrixRMaj> solver) {
    // setA may overwrite its argument; the copy is n^2, small beside the n^3 solve.
    if (!solver.setA(gram.copy())) {
      throw new IllegalStateException("X^T X + 500 I is not positive definite");
    }
    DMatrixRMaj inverse = new DMatrixRMaj(gram.numRows, gram.numCols);
    solver.invert(inverse);
    return inverse;
  }

  /** Baseline: generating and indexing the same data. */
  @Benchmark
  public Dataset buildDataset() {
    return TrainingData.generate(users, items, perUser, 51);
  }
}
