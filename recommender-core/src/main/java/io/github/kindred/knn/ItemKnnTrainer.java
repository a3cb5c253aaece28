package io.github.kindred.knn;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.math.TopN;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Item-based k-nearest-neighbours (Sarwar et al. 2001; Deshpande and Karypis 2004). Each item keeps its
 * {@code neighbors} most similar items; a user's score for item {@code j} is
 * {@code sum over history items i among j's neighbours of weight(i) * sim(j, i)} (see {@link ItemKnnModel}).
 *
 * <p>Training computes the co-occurrence of every item pair that shares a user, in
 * {@code O(sum over users of |history|^2)}, split over the configured threads by item ranges. The result does not
 * depend on the thread count. Thread-safe.
 */
public final class ItemKnnTrainer implements io.github.kindred.model.Trainer<ItemKnnModel> {
  private final ItemKnnConfig config;

  /**
   * Creates a trainer with {@code config}.
   *
   * @param config the validated configuration
   * @throws NullPointerException if {@code config} is null
   */
  public ItemKnnTrainer(ItemKnnConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** {@return the configuration} */
  public ItemKnnConfig config() {
    return config;
  }

  @Override
  public ItemKnnModel fit(Dataset data) {
    InteractionMatrix m = data.matrix();
    int items = m.columns();
    float[] norms = norms(m);
    int k = Math.min(config.neighbors(), Math.max(items - 1, 1));
    int[][] nbrIds = new int[items][];
    float[][] nbrSims = new float[items][];
    int threads = Math.min(config.threads(), Math.max(1, items / 64));
    if (threads <= 1) {
      new Worker(m, norms, k, 0, items, nbrIds, nbrSims).run();
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "kindred-itemknn");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<?>> parts = new ArrayList<>();
        int chunk = (items + threads * 4 - 1) / (threads * 4);
        for (int from = 0; from < items; from += chunk) {
          parts.add(pool.submit(new Worker(m, norms, k, from, Math.min(items, from + chunk), nbrIds, nbrSims)));
        }
        for (Future<?> f : parts) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("item-kNN training was interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("item-kNN training failed", e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    int[] pointers = new int[items + 1];
    for (int i = 0; i < items; i++) {
      pointers[i + 1] = pointers[i] + nbrIds[i].length;
    }
    int[] ids = new int[pointers[items]];
    float[] sims = new float[pointers[items]];
    for (int i = 0; i < items; i++) {
      System.arraycopy(nbrIds[i], 0, ids, pointers[i], nbrIds[i].length);
      System.arraycopy(nbrSims[i], 0, sims, pointers[i], nbrSims[i].length);
    }
    return new ItemKnnModel(config, data.users(), data.items(), pointers, ids, sims);
  }

  private float[] norms(InteractionMatrix m) {
    int items = m.columns();
    float[] norms = new float[items];
    if (config.similarity() != Similarity.COSINE) {
      for (int i = 0; i < items; i++) {
        norms[i] = m.columnSize(i);
      }
      return norms;
    }
    float[] values = m.values();
    int[] cols = m.columnIndexes();
    double[] sq = new double[items];
    for (int k = 0; k < cols.length; k++) {
      sq[cols[k]] += (double) values[k] * values[k];
    }
    for (int i = 0; i < items; i++) {
      norms[i] = (float) Math.sqrt(sq[i]);
    }
    return norms;
  }

  /** Computes the neighbour lists of items {@code [from, to)} with its own accumulator. */
  private final class Worker implements Runnable {
    private final InteractionMatrix m;
    private final float[] norms;
    private final int k;
    private final int from;
    private final int to;
    private final int[][] nbrIds;
    private final float[][] nbrSims;

    Worker(InteractionMatrix m, float[] norms, int k, int from, int to, int[][] nbrIds, float[][] nbrSims) {
      this.m = m;
      this.norms = norms;
      this.k = k;
      this.from = from;
      this.to = to;
      this.nbrIds = nbrIds;
      this.nbrSims = nbrSims;
    }

    @Override
    public void run() {
      int items = m.columns();
      int[] rowPtr = m.rowPointers();
      int[] cols = m.columnIndexes();
      float[] vals = m.values();
      int[] colPtr = m.columnPointers();
      int[] rowIdx = m.rowIndexes();
      float[] colVals = config.similarity() == Similarity.COSINE ? m.columnValues() : null;
      float[] acc = new float[items];
      int[] co = new int[items];
      int[] touched = new int[items];
      TopN top = new TopN(k);
      float shrink = config.shrinkage();
      boolean asymmetric = config.similarity() == Similarity.ASYMMETRIC;
      double alpha = config.alpha();
      // n_j^(1 - alpha) once per item, not once per co-occurring pair.
      double[] otherScale = new double[asymmetric ? items : 0];
      for (int j = 0; j < otherScale.length; j++) {
        otherScale[j] = Math.pow(norms[j], 1 - alpha);
      }
      for (int i = from; i < to; i++) {
        double ownScale = asymmetric ? Math.pow(norms[i], alpha) : 0;
        int nt = 0;
        for (int p = colPtr[i]; p < colPtr[i + 1]; p++) {
          int u = rowIdx[p];
          float vi = colVals == null ? 1f : colVals[p];
          for (int q = rowPtr[u]; q < rowPtr[u + 1]; q++) {
            int j = cols[q];
            if (j == i) {
              continue;
            }
            if (co[j] == 0) {
              touched[nt++] = j;
            }
            co[j]++;
            acc[j] += vi * vals[q];
          }
        }
        top.reset(k);
        for (int t = 0; t < nt; t++) {
          int j = touched[t];
          float sim;
          if (config.similarity() == Similarity.JACCARD) {
            sim = co[j] / (norms[i] + norms[j] - co[j] + shrink);
          } else if (asymmetric) {
            sim = (float) (co[j] / (ownScale * otherScale[j] + shrink));
          } else {
            sim = acc[j] / (norms[i] * norms[j] + shrink);
          }
          if (sim > 0 && Float.isFinite(sim)) {
            top.offer(j, sim);
          }
          co[j] = 0;
          acc[j] = 0f;
        }
        int n = top.size();
        int[] ids = new int[n];
        float[] sims = new float[n];
        top.drainTo(ids, sims);
        nbrIds[i] = ids;
        nbrSims[i] = sims;
      }
    }
  }
}
