package io.github.kindred.graph;

import io.github.kindred.data.IdIndex;
import io.github.kindred.math.FactorScoring;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import io.github.kindred.model.SimilarItems;
import java.util.Arrays;
import java.util.Objects;

/**
 * A fitted graph filter. For a history {@code r} (a row vector over items, the query's weights) the score is
 *
 * <pre>{@code x0 = r R~'R~ + alpha * r Di^-1/2 V V' Di^1/2}</pre>
 *
 * <p>(GF-CF: the linear filter of the normalised item graph plus the ideal low-pass filter of the top {@code rank}
 * right singular vectors {@code V} of {@code R~}), then, if the sharpening time {@code T} is positive, {@code steps}
 * steps of {@code dx/dt = -x R~'R~} (BSPM's sharpening), each explicit Euler {@code x <- x - h x R~'R~} or RK4,
 * with {@code h = T / steps}. With {@link GraphFilterConfig.Merge#LATE} the low-pass part is added after the
 * sharpening instead of before. The item graph {@code R~'R~}
 * is never formed: it is applied as two passes over the training matrix's structure, through the users, which costs
 * {@code O(sum of the history items' degrees + the touched users' degrees)} for {@code r} and {@code O(nnz)} for
 * each dense sharpening step. The low-pass part costs {@code O(items * rank)}.
 *
 * <p>The user index of a query is not used: known and anonymous users are scored alike from their history. History
 * items newer than the model are ignored.
 *
 * <p>Immutable and thread-safe. Scoring uses per-thread scratch of {@code 9 * users + 12 * items} bytes, allocated
 * on a thread's first call and reused after; nothing else is allocated per call.
 */
public final class GraphFilterModel implements Model, SimilarItems {
  private final GraphFilterConfig config;
  private final IdIndex users;
  private final IdIndex items;
  private final NormalizedGraph graph;
  private final int rank;
  private final float[] vectors;
  private final double[] singularValues;
  private final ThreadLocal<Scratch> scratch;

  GraphFilterModel(GraphFilterConfig config, IdIndex users, IdIndex items, NormalizedGraph graph, int rank,
      float[] vectors, double[] singularValues) {
    this.config = config;
    this.users = users;
    this.items = items;
    this.graph = graph;
    this.rank = rank;
    this.vectors = vectors;
    this.singularValues = singularValues;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(graph.users, graph.items, rank));
  }

  /**
   * The configuration it was trained with.
   *
   * @return the configuration
   */
  public GraphFilterConfig config() {
    return config;
  }

  /**
   * The number of singular vectors kept: the configured rank, capped at {@code min(users, items)}.
   *
   * @return the rank of the low-pass part
   */
  public int rank() {
    return rank;
  }

  /**
   * The singular values of the normalised matrix {@code R~} for the kept vectors, descending, each in
   * {@code [0, 1]}.
   *
   * @return a copy of the singular values
   */
  public double[] singularValues() {
    return singularValues.clone();
  }

  NormalizedGraph graph() {
    return graph;
  }

  /** The singular vectors, items x rank row-major, not copied: for the codec and tests. */
  float[] vectorArray() {
    return vectors;
  }

  double[] singularValueArray() {
    return singularValues;
  }

  @Override
  public IdIndex items() {
    return items;
  }

  @Override
  public IdIndex users() {
    return users;
  }

  @Override
  public void score(Query query, float[] scores) {
    int n = graph.items;
    Model.requireScoreLength(scores, n);
    Arrays.fill(scores, 0, n, 0f);
    Scratch s = scratch.get();
    linear(query, scores, s);
    boolean lowPass = rank > 0 && config.alpha() > 0;
    boolean sharpen = config.sharpen() > 0;
    if (lowPass && !(sharpen && config.merge() == GraphFilterConfig.Merge.LATE)) {
      lowPass(query, scores, s);
      lowPass = false;
    }
    if (sharpen) {
      sharpen(scores, s);
    }
    if (lowPass) {
      lowPass(query, scores, s);
    }
  }

  /**
   * Integrates {@code dx/dt = -x P} for the sharpening time in {@code steps} equal steps. An RK4 step of this
   * linear ODE equals its degree-4 Taylor polynomial in {@code hP} (the four stages sum to it exactly), so it is
   * evaluated as that sum: four products with {@code P}, as many as its stages need, in fewer buffers.
   */
  private void sharpen(float[] x, Scratch s) {
    int n = graph.items;
    float h = config.sharpen() / config.steps();
    float[] product = s.product;
    float[] term = s.term;
    for (int step = 0; step < config.steps(); step++) {
      if (config.solver() == GraphFilterConfig.Solver.EULER) {
        applyGraph(x, product, s);
        for (int j = 0; j < n; j++) {
          x[j] -= h * product[j];
        }
        continue;
      }
      System.arraycopy(x, 0, term, 0, n);
      for (int k = 1; k <= 4; k++) {
        applyGraph(term, product, s);
        float c = -h / k;
        for (int j = 0; j < n; j++) {
          term[j] = c * product[j];
          x[j] += term[j];
        }
      }
    }
  }

  /** Adds {@code r R~'R~}: scatter to the history's users, then from each touched user to its items. */
  private void linear(Query query, float[] scores, Scratch s) {
    int n = graph.items;
    int[] cp = graph.columnPointers;
    int[] rowsOf = graph.rows;
    double[] itemScale = graph.itemScale;
    float[] y = s.users;
    boolean[] seen = s.seen;
    int[] touched = s.touched;
    int count = 0;
    for (int h = 0; h < query.historySize(); h++) {
      int i = query.item(h);
      if (i >= n) {
        continue;
      }
      float w = (float) (query.weight(h) * itemScale[i]);
      for (int p = cp[i]; p < cp[i + 1]; p++) {
        int u = rowsOf[p];
        if (!seen[u]) {
          seen[u] = true;
          touched[count++] = u;
        }
        y[u] += w;
      }
    }
    int[] rp = graph.rowPointers;
    int[] cols = graph.columns;
    double[] userScale = graph.userScale;
    for (int t = 0; t < count; t++) {
      int u = touched[t];
      double us = userScale[u];
      float c = (float) (y[u] * us * us);
      y[u] = 0f;
      seen[u] = false;
      for (int p = rp[u]; p < rp[u + 1]; p++) {
        scores[cols[p]] += c;
      }
    }
    for (int j = 0; j < n; j++) {
      scores[j] *= (float) itemScale[j];
    }
  }

  /** Adds {@code alpha * r Di^-1/2 V V' Di^1/2}. */
  private void lowPass(Query query, float[] scores, Scratch s) {
    int n = graph.items;
    double[] itemScale = graph.itemScale;
    float[] z = s.factors;
    Arrays.fill(z, 0f);
    for (int h = 0; h < query.historySize(); h++) {
      int i = query.item(h);
      if (i >= n) {
        continue;
      }
      float w = (float) (query.weight(h) * itemScale[i]);
      for (int c = 0, off = i * rank; c < rank; c++) {
        z[c] += w * vectors[off + c];
      }
    }
    float alpha = config.alpha();
    for (int j = 0; j < n; j++) {
      double scale = itemScale[j];
      if (scale > 0) {
        scores[j] += (float) (alpha / scale) * FactorScoring.dot(vectors, j * rank, z, 0, rank);
      }
    }
  }

  /** Writes {@code out = in R~'R~}: two gathers over the matrix, users then items. */
  private void applyGraph(float[] in, float[] out, Scratch s) {
    int n = graph.items;
    double[] itemScale = graph.itemScale;
    double[] userScale = graph.userScale;
    float[] t = s.items;
    for (int i = 0; i < n; i++) {
      t[i] = (float) (in[i] * itemScale[i]);
    }
    float[] y = s.users;
    int[] rp = graph.rowPointers;
    int[] cols = graph.columns;
    for (int u = 0; u < graph.users; u++) {
      float sum = 0f;
      for (int p = rp[u]; p < rp[u + 1]; p++) {
        sum += t[cols[p]];
      }
      double us = userScale[u];
      y[u] = (float) (sum * us * us);
    }
    int[] cp = graph.columnPointers;
    int[] rowsOf = graph.rows;
    for (int j = 0; j < n; j++) {
      float sum = 0f;
      for (int p = cp[j]; p < cp[j + 1]; p++) {
        sum += y[rowsOf[p]];
      }
      out[j] = (float) (itemScale[j] * sum);
    }
    Arrays.fill(y, 0f);
  }

  /** Writes the scores of a history of {@code item} alone (weight 1): the item's row of the whole filter. */
  @Override
  public void similarTo(int item, float[] scores) {
    Objects.checkIndex(item, graph.items);
    score(Query.ofItems(item), scores);
  }

  /** Per-thread buffers; the user accumulator and marks are all zero/false between calls. */
  private static final class Scratch {
    final float[] users;
    final boolean[] seen;
    final int[] touched;
    final float[] items;
    final float[] factors;
    final float[] product;
    final float[] term;

    Scratch(int users, int items, int rank) {
      this.users = new float[users];
      this.seen = new boolean[users];
      this.touched = new int[users];
      this.items = new float[items];
      this.factors = new float[rank];
      this.product = new float[items];
      this.term = new float[items];
    }
  }
}
