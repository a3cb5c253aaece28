package io.github.kindred.graph;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.math.TopN;
import io.github.kindred.model.Trainer;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Fits RP3beta (Paudel, Christoffel, Newell and Bernstein 2017, "Updatable, Accurate, Diverse, and Scalable
 * Recommendations for Interactive Applications"): the three-step random walk item -> user -> item on the binary
 * interaction graph, with each transition probability raised to {@code alpha} and the arrival at item {@code j}
 * divided by {@code degree(j)^beta}:
 *
 * <pre>{@code W[i][j] = degree(j)^-beta * sum over users u of both (1 / degree(i))^alpha * (1 / degree(u))^alpha}</pre>
 *
 * <p>Each row keeps its {@code neighbors} largest weights ({@code W[i][i]} excluded), ties by smaller item index.
 * The walk from item {@code i} visits {@code sum over its users of their degrees} cells, so the fit costs
 * {@code O(sum over users of degree^2)} (62.5 million on Gowalla) spread over the threads, plus one
 * {@code 8 * items}-byte accumulator per thread; no {@code items x items} matrix is formed. Training reads only
 * which cells are stored (every interaction counts 1).
 *
 * <p>Deterministic: each row is computed by one thread from the data alone, so the model does not depend on the
 * thread count. Thread-safe: a trainer holds only its configuration.
 */
public final class Rp3BetaTrainer implements Trainer<Rp3BetaModel> {
  /** Items per block of the parallel fit. */
  private static final int BLOCK = 256;

  private final Rp3BetaConfig config;

  /**
   * Creates a trainer.
   *
   * @param config the configuration
   */
  public Rp3BetaTrainer(Rp3BetaConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * A trainer that picks its configuration from the data it is given ({@link Rp3BetaConfig#forData}), then applies
   * {@code overrides}. The fitted model's {@link Rp3BetaModel#config()} records the configuration used.
   *
   * @param threads worker threads, at least 1
   * @param overrides adjusts the data-derived configuration
   * @return the adaptive trainer
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public static Trainer<Rp3BetaModel> fromData(int threads,
      UnaryOperator<Rp3BetaConfig> overrides) {
    Rp3BetaConfig.defaults().withThreads(threads);
    Objects.requireNonNull(overrides, "overrides");
    return data -> {
      InteractionMatrix m = data.matrix();
      Rp3BetaConfig c = Rp3BetaConfig.forData(Math.max(1, m.rows()), Math.max(1, m.columns()), m.nnz(), threads);
      return new Rp3BetaTrainer(overrides.apply(c)).fit(data);
    };
  }

  /**
   * The configuration.
   *
   * @return the configuration
   */
  public Rp3BetaConfig config() {
    return config;
  }

  @Override
  public Rp3BetaModel fit(Dataset data) {
    InteractionMatrix m = data.matrix();
    int n = m.columns();
    int users = m.rows();
    int[] rp = m.rowPointers();
    int[] cols = m.columnIndexes();
    int[] cp = m.columnPointers();
    int[] rowsOf = m.rowIndexes();
    double alpha = config.alpha();
    double[] userStep = new double[users];
    for (int u = 0; u < users; u++) {
      int d = rp[u + 1] - rp[u];
      userStep[u] = d == 0 ? 0 : Math.pow(1.0 / d, alpha);
    }
    double[] itemStep = new double[n];
    double[] penalty = new double[n];
    for (int i = 0; i < n; i++) {
      int d = cp[i + 1] - cp[i];
      itemStep[i] = d == 0 ? 0 : Math.pow(1.0 / d, alpha);
      penalty[i] = d == 0 ? 0 : Math.pow(d, -config.beta());
    }
    int k = Math.min(config.neighbors(), Math.max(0, n - 1));
    int[] ids = new int[n * k];
    float[] weights = new float[n * k];
    int[] counts = new int[n];
    ThreadLocal<double[]> acc = ThreadLocal.withInitial(() -> new double[n]);
    ThreadLocal<int[]> touched = ThreadLocal.withInitial(() -> new int[n]);
    ThreadLocal<TopN> tops = ThreadLocal.withInitial(() -> new TopN(Math.max(1, k)));
    ThreadLocal<int[]> rowIds = ThreadLocal.withInitial(() -> new int[k]);
    ThreadLocal<float[]> rowWeights = ThreadLocal.withInitial(() -> new float[k]);
    try (Blocks blocks = new Blocks(config.threads(), "rp3beta")) {
      blocks.forEach(n, BLOCK, (from, to) -> {
        double[] a = acc.get();
        int[] t = touched.get();
        TopN top = tops.get();
        int[] ri = rowIds.get();
        float[] rw = rowWeights.get();
        for (int i = from; i < to; i++) {
          int count = 0;
          for (int p = cp[i]; p < cp[i + 1]; p++) {
            int u = rowsOf[p];
            double c = itemStep[i] * userStep[u];
            for (int q = rp[u]; q < rp[u + 1]; q++) {
              int j = cols[q];
              if (a[j] == 0) {
                t[count++] = j;
              }
              a[j] += c;
            }
          }
          top.reset(Math.max(1, k));
          for (int s = 0; s < count; s++) {
            int j = t[s];
            if (j != i && k > 0) {
              top.offer(j, (float) (a[j] * penalty[j]));
            }
            a[j] = 0;
          }
          int kept = k == 0 ? 0 : top.drainTo(ri, rw);
          System.arraycopy(ri, 0, ids, i * k, kept);
          System.arraycopy(rw, 0, weights, i * k, kept);
          counts[i] = kept;
        }
      });
    }
    int[] pointers = new int[n + 1];
    for (int i = 0; i < n; i++) {
      pointers[i + 1] = pointers[i] + counts[i];
    }
    int[] outIds = new int[pointers[n]];
    float[] outWeights = new float[pointers[n]];
    for (int i = 0; i < n; i++) {
      System.arraycopy(ids, i * k, outIds, pointers[i], counts[i]);
      System.arraycopy(weights, i * k, outWeights, pointers[i], counts[i]);
    }
    return new Rp3BetaModel(config, data.users(), data.items(), pointers, outIds, outWeights);
  }
}
