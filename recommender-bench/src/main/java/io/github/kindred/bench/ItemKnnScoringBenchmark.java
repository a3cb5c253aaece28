package io.github.kindred.bench;

import io.github.kindred.bench.data.BenchData;
import io.github.kindred.bench.data.TrainingData;
import io.github.kindred.data.Dataset;
import io.github.kindred.knn.ItemKnnConfig;
import io.github.kindred.knn.ItemKnnModel;
import io.github.kindred.knn.ItemKnnTrainer;
import io.github.kindred.knn.Similarity;
import io.github.kindred.math.TopN;
import io.github.kindred.model.Query;
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
 * The question: how does one item-kNN request ({@link ItemKnnModel#score} plus top-10 without the history) grow
 * with the user's history length?
 *
 * <p>The model: item-kNN, cosine, 200 neighbours, fitted on generated data of 20,000 users by 10,000 items with 50
 * items each (1,000,000 interactions, skewed popularity; {@link TrainingData}). The query history is {@code history}
 * distinct random items. The baseline {@link #floor} does what every dense-scoring request must do whatever the
 * model: clear the 10,000-float score array and run the top-10 pass over it, so {@code request - floor} is the cost
 * of the neighbour accumulation.
 *
 * <p>Run: {@code java -jar recommender-bench/target/benchmarks.jar ItemKnnScoringBenchmark -f 3 -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ItemKnnScoringBenchmark {
  /** Number of items in the user's history. */
  @Param({"10", "100", "1000"})
  public int history;

  private ItemKnnModel model;
  private Query query;
  private int[] historySorted;
  private float[] scores;

  /** Fits the model and draws the history. */
  @Setup(Level.Trial)
  public void setUp() {
    Dataset data = TrainingData.generate(20_000, 10_000, 50, 21);
    model = new ItemKnnTrainer(new ItemKnnConfig(200, Similarity.COSINE, 0f, 1)).fit(data);
    historySorted = BenchData.distinctSorted(history, model.itemCount(), 22);
    float[] ones = new float[history];
    Arrays.fill(ones, 1f);
    query = Query.of(Query.ANONYMOUS, historySorted, ones);
    scores = new float[model.itemCount()];
  }

  /** Scoring alone: fills the score array. */
  @Benchmark
  public float[] score() {
    model.score(query, scores);
    return scores;
  }

  /** A whole request: scoring, the history excluded, top-10. */
  @Benchmark
  public int[] request() {
    model.score(query, scores);
    for (int i : historySorted) {
      scores[i] = Float.NEGATIVE_INFINITY;
    }
    return TopN.select(scores, 10);
  }

  /** Baseline: clearing the score array and the top-10 pass, the cost of any dense-scoring request. */
  @Benchmark
  public int[] floor() {
    Arrays.fill(scores, 0f);
    return TopN.select(scores, 10);
  }
}
