package io.github.kindred.graph;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.Trainer;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Fits the graph filter of GF-CF (Shen et al. 2021, "How Powerful is Graph Convolution for Recommendation?") with
 * BSPM's optional sharpening (Choi et al. 2023, "Blurring-Sharpening Process Models for Collaborative
 * Filtering"); see {@link GraphFilterModel} for the scoring formula.
 *
 * <p>Training reads only which cells are stored (every interaction counts 1, whatever its value, as in both
 * papers): it builds the normalised matrix {@code R~ = Du^-1/2 R Di^-1/2} and, when {@code rank > 0}, its leading
 * right singular vectors by a randomised SVD ({@code powerIterations + 1} pairs of sparse products with
 * {@code l = rank + oversampling} columns and {@code powerIterations + 1} CholeskyQR2 orthonormalisations of an
 * {@code items x l} matrix, all on {@link GraphFilterConfig#threads()} threads). No {@code items x items} matrix
 * is formed. The memory the fit needs ({@link GraphFilterConfig#maxMemoryMb()}) is checked before anything large
 * is allocated.
 *
 * <p>Deterministic: the same configuration (seed included) and data give the same model for any thread count.
 * Thread-safe: a trainer holds only its configuration.
 */
public final class GraphFilterTrainer implements Trainer<GraphFilterModel> {
  private final GraphFilterConfig config;

  /**
   * Creates a trainer.
   *
   * @param config the configuration
   */
  public GraphFilterTrainer(GraphFilterConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * A trainer that picks its configuration from the data it is given ({@link GraphFilterConfig#forData}), then
   * applies {@code overrides} (for the settings a caller did give). The fitted model's
   * {@link GraphFilterModel#config()} records the configuration used.
   *
   * @param threads worker threads, at least 1
   * @param overrides adjusts the data-derived configuration, for example {@code c -> c.withAlpha(0.2f)}
   * @return the adaptive trainer
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public static Trainer<GraphFilterModel> fromData(int threads, UnaryOperator<GraphFilterConfig> overrides) {
    GraphFilterConfig.defaults().withThreads(threads);
    Objects.requireNonNull(overrides, "overrides");
    return data -> {
      InteractionMatrix m = data.matrix();
      GraphFilterConfig c = GraphFilterConfig.forData(Math.max(1, m.rows()), Math.max(1, m.columns()), m.nnz(),
          threads);
      return new GraphFilterTrainer(overrides.apply(c)).fit(data);
    };
  }

  /**
   * The configuration.
   *
   * @return the configuration
   */
  public GraphFilterConfig config() {
    return config;
  }

  /**
   * Fits {@code data}.
   *
   * @throws IllegalArgumentException if the fit would need more than {@link GraphFilterConfig#maxMemoryMb()}
   */
  @Override
  public GraphFilterModel fit(Dataset data) {
    InteractionMatrix m = data.matrix();
    long bytes = config.fitBytes(m.rows(), m.columns(), m.nnz());
    if (bytes > ((long) config.maxMemoryMb() << 20)) {
      throw new IllegalArgumentException("the graph filter with rank " + config.rank() + " on " + m.rows()
          + " users x " + m.columns() + " items needs about " + (bytes >> 20) + " MiB, more than maxMemoryMb "
          + config.maxMemoryMb() + " (lower rank or oversampling, or raise maxMemoryMb)");
    }
    NormalizedGraph graph = new NormalizedGraph(m.rows(), m.columns(), m.rowPointers(), m.columnIndexes());
    int rank = Math.min(config.rank(), Math.min(m.rows(), m.columns()));
    RandomizedSvd.Result svd;
    try (Blocks blocks = new Blocks(config.threads(), "graph-filter")) {
      svd = RandomizedSvd.compute(graph, rank, config.oversampling(), config.powerIterations(), config.seed(),
          blocks);
    }
    return new GraphFilterModel(config, data.users(), data.items(), graph, svd.rank(), svd.vectors(),
        svd.singularValues());
  }
}
