package io.github.kindred.knn;

import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.math.TopN;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import java.util.Arrays;
import java.util.Objects;

/**
 * A fitted user-kNN model: for each training user, its most similar training users (one CSR structure), and the
 * training matrix whose rows the neighbours contribute. The score of item {@code j} for user {@code u} is
 * {@code sum over the neighbours v of u of sim(u, v) * r(v, j)}.
 *
 * <p>A query for a known user whose history is its training row (as {@link Query#forUser} builds it), or is empty,
 * uses the neighbours found at training time. Any other history (an anonymous session, a user index beyond the
 * training users, or a known user whose history has changed since training) finds its neighbours on the fly, in
 * {@code O(sum over history items of their user counts)}; a known user is never its own neighbour.
 *
 * <p>Immutable and thread-safe. Scoring a known user allocates nothing; an on-the-fly search uses per-thread
 * scratch arrays of one entry per training user, created on a thread's first such query.
 */
public final class UserKnnModel implements Model {
  private final UserKnnConfig config;
  private final IdIndex users;
  private final IdIndex items;
  private final InteractionMatrix matrix;
  private final float[] norms;
  private final int[] pointers;
  private final int[] neighbors;
  private final float[] similarities;
  private final ThreadLocal<Searcher> searchers;

  UserKnnModel(UserKnnConfig config, IdIndex users, IdIndex items, InteractionMatrix matrix, int[] pointers,
      int[] neighbors, float[] similarities) {
    this.config = config;
    this.users = users;
    this.items = items;
    this.matrix = matrix;
    this.norms = norms(matrix, config.similarity());
    this.pointers = pointers;
    this.neighbors = neighbors;
    this.similarities = similarities;
    this.searchers = ThreadLocal.withInitial(() -> new Searcher(this.matrix, this.norms, this.config));
  }

  /** {@return the configuration it was trained with} */
  public UserKnnConfig config() {
    return config;
  }

  @Override
  public IdIndex items() {
    return items;
  }

  @Override
  public IdIndex users() {
    return users;
  }

  /**
   * The training matrix whose rows the neighbours contribute.
   *
   * @return the matrix the model keeps (not a copy); its arrays must not be modified
   */
  public InteractionMatrix matrix() {
    return matrix;
  }

  /**
   * {@return a copy of the neighbours of training user {@code user}, most similar first}
   *
   * @param user the training user index, in [0, {@code matrix().rows()})
   * @throws IndexOutOfBoundsException if {@code user} is out of range
   */
  public int[] neighborsOf(int user) {
    Objects.checkIndex(user, matrix.rows());
    return Arrays.copyOfRange(neighbors, pointers[user], pointers[user + 1]);
  }

  /**
   * {@return a copy of the similarities of {@link #neighborsOf(int)}, in the same order}
   *
   * @param user the training user index, in [0, {@code matrix().rows()})
   * @throws IndexOutOfBoundsException if {@code user} is out of range
   */
  public float[] similaritiesOf(int user) {
    Objects.checkIndex(user, matrix.rows());
    return Arrays.copyOfRange(similarities, pointers[user], pointers[user + 1]);
  }

  int[] pointers() {
    return pointers;
  }

  int[] neighborArray() {
    return neighbors;
  }

  float[] similarityArray() {
    return similarities;
  }

  @Override
  public void score(Query query, float[] scores) {
    int n = items.size();
    Model.requireScoreLength(scores, n);
    Arrays.fill(scores, 0, n, 0f);
    int u = query.user();
    boolean known = u >= 0 && u < matrix.rows();
    if (known && (query.historySize() == 0 || isTrainingHistory(u, query))) {
      accumulate(neighbors, similarities, pointers[u], pointers[u + 1], scores);
      return;
    }
    if (query.historySize() == 0) {
      return;
    }
    // A known user whose history changed since training (online updates) is searched afresh, never as its own
    // neighbour.
    Searcher s = searchers.get();
    int found = s.search(query, known ? u : -1);
    accumulate(s.ids, s.sims, 0, found, scores);
  }

  /** Whether the query's history is exactly row {@code u} of the training matrix, in the same order. */
  private boolean isTrainingHistory(int u, Query query) {
    int from = matrix.rowPointers()[u];
    int n = matrix.rowPointers()[u + 1] - from;
    if (query.historySize() != n) {
      return false;
    }
    int[] cols = matrix.columnIndexes();
    float[] vals = matrix.values();
    for (int h = 0; h < n; h++) {
      if (query.item(h) != cols[from + h] || query.weight(h) != vals[from + h]) {
        return false;
      }
    }
    return true;
  }

  private void accumulate(int[] ids, float[] sims, int from, int to, float[] scores) {
    int[] rowPtr = matrix.rowPointers();
    int[] cols = matrix.columnIndexes();
    float[] vals = matrix.values();
    for (int p = from; p < to; p++) {
      int v = ids[p];
      float sim = sims[p];
      for (int q = rowPtr[v]; q < rowPtr[v + 1]; q++) {
        scores[cols[q]] += sim * vals[q];
      }
    }
  }

  /** Per-user norms: the L2 norm of the row for cosine, the row size for Jaccard. */
  static float[] norms(InteractionMatrix m, Similarity similarity) {
    float[] norms = new float[m.rows()];
    int[] rowPtr = m.rowPointers();
    float[] vals = m.values();
    for (int u = 0; u < norms.length; u++) {
      if (similarity == Similarity.JACCARD) {
        norms[u] = rowPtr[u + 1] - rowPtr[u];
      } else {
        double sq = 0;
        for (int q = rowPtr[u]; q < rowPtr[u + 1]; q++) {
          sq += (double) vals[q] * vals[q];
        }
        norms[u] = (float) Math.sqrt(sq);
      }
    }
    return norms;
  }

  /**
   * Finds the most similar training users of a history through the item columns of the training matrix. Mutable
   * scratch for one thread; the result stays in {@link #ids} and {@link #sims} until the next search.
   */
  static final class Searcher {
    private final InteractionMatrix m;
    private final float[] norms;
    private final Similarity similarity;
    private final float shrinkage;
    private final int k;
    private final float[] colVals;
    private final float[] acc;
    private final int[] co;
    private final int[] touched;
    private final TopN top;
    private int[] hItems = new int[16];
    private float[] hWeights = new float[16];
    final int[] ids;
    final float[] sims;

    Searcher(InteractionMatrix m, float[] norms, UserKnnConfig config) {
      this.m = m;
      this.norms = norms;
      this.similarity = config.similarity();
      this.shrinkage = config.shrinkage();
      this.k = Math.min(config.neighbors(), Math.max(m.rows(), 1));
      this.colVals = m.columnValues();
      int users = m.rows();
      acc = new float[users];
      co = new int[users];
      touched = new int[users];
      top = new TopN(k);
      ids = new int[k];
      sims = new float[k];
    }

    /** Neighbours of training user {@code u} (itself excluded). Returns how many were found. */
    int searchUser(int u) {
      int[] rowPtr = m.rowPointers();
      return search(m.columnIndexes(), m.values(), rowPtr[u], rowPtr[u + 1], norms[u], u);
    }

    /** Neighbours of a query's history; items the matrix does not know are ignored. */
    int search(Query query, int exclude) {
      int n = query.historySize();
      int known = 0;
      double sq = 0;
      for (int h = 0; h < n; h++) {
        if (query.item(h) < m.columns()) {
          known++;
          sq += (double) query.weight(h) * query.weight(h);
        }
      }
      if (hItems.length < known) {
        hItems = new int[known];
        hWeights = new float[known];
      }
      for (int h = 0, t = 0; h < n; h++) {
        if (query.item(h) < m.columns()) {
          hItems[t] = query.item(h);
          hWeights[t++] = query.weight(h);
        }
      }
      float norm = similarity == Similarity.JACCARD ? known : (float) Math.sqrt(sq);
      return search(hItems, hWeights, 0, known, norm, exclude);
    }

    private int search(int[] histItems, float[] histWeights, int from, int to, float norm, int exclude) {
      int[] colPtr = m.columnPointers();
      int[] rowIdx = m.rowIndexes();
      boolean jaccard = similarity == Similarity.JACCARD;
      int nt = 0;
      for (int h = from; h < to; h++) {
        int i = histItems[h];
        float w = histWeights[h];
        for (int p = colPtr[i]; p < colPtr[i + 1]; p++) {
          int v = rowIdx[p];
          if (v == exclude) {
            continue;
          }
          if (co[v] == 0) {
            touched[nt++] = v;
          }
          co[v]++;
          acc[v] += w * colVals[p];
        }
      }
      top.reset(k);
      for (int t = 0; t < nt; t++) {
        int v = touched[t];
        float sim = jaccard
            ? co[v] / (norm + norms[v] - co[v] + shrinkage)
            : acc[v] / (norm * norms[v] + shrinkage);
        if (sim > 0 && Float.isFinite(sim)) {
          top.offer(v, sim);
        }
        co[v] = 0;
        acc[v] = 0f;
      }
      return top.drainTo(ids, sims);
    }
  }
}
