package io.github.kindred.serve.pipeline;

import io.github.kindred.math.TopN;
import java.util.Arrays;

/**
 * The diversity re-ranking stage (internal): maximal marginal relevance (Carbonell and Goldstein 1998) over a pool
 * of the best candidates. It repeatedly takes the candidate maximising {@code lambda * relevance - (1 - lambda) *
 * max similarity to those taken}, relevance being the score min-max normalised over the pool,
 * {@code lambda = 1 - diversity}; ties go to the better-scored candidate. The scores reported are the pool scores:
 * re-ranking changes the order, not the scores. One instance per thread; it owns the pool buffers.
 */
public final class Diversifier {
  /** Candidates per result that re-ranking chooses from. */
  public static final int POOL_FACTOR = 5;

  /** The similarity of two pool entries, by their positions in {@link #pool}. */
  @FunctionalInterface
  public interface Similarity {
    /**
     * The similarity of pool entries {@code a} and {@code b}.
     *
     * @param a a pool position
     * @param b another pool position
     * @return their similarity, typically a cosine in [-1, 1]
     */
    float between(int a, int b);
  }

  private int[] pool = new int[0];
  private float[] relevance = new float[0];
  private float[] maxSim = new float[0];
  private boolean[] taken = new boolean[0];
  private int size;

  /** Creates a diversifier with empty buffers (they grow to the largest pool and are reused). */
  public Diversifier() {}

  /**
   * Drains the pool from {@code top}, best first, into this diversifier.
   *
   * @param top the selected pool
   * @return the pool's item indexes, best first, in entries {@code [0, poolSize())}; valid until the next call
   */
  public int[] pool(TopN top) {
    int p = top.size();
    if (pool.length < p) {
      pool = new int[p];
      relevance = new float[p];
      maxSim = new float[p];
      taken = new boolean[p];
    }
    size = top.drainTo(pool, relevance);
    return pool;
  }

  /**
   * The size of the pool last drained.
   *
   * @return the number of pool entries
   */
  public int poolSize() {
    return size;
  }

  /**
   * Re-ranks the pool last drained by {@link #pool} and writes the chosen items and their scores.
   *
   * @param count how many to choose
   * @param diversity the weight of dissimilarity in (0, 1]
   * @param sim the similarity between pool entries
   * @param items the chosen item indexes, in order
   * @param scores their pool scores
   * @return how many were chosen, {@code min(count, poolSize())}
   */
  public int rerank(int count, float diversity, Similarity sim, int[] items, float[] scores) {
    int p = size;
    int n = Math.min(count, p);
    float lambda = 1f - diversity;
    float min = p == 0 ? 0f : relevance[p - 1];
    float range = p == 0 ? 0f : relevance[0] - min;
    Arrays.fill(taken, 0, p, false);
    Arrays.fill(maxSim, 0, p, 0f);
    for (int k = 0; k < n; k++) {
      int best = -1;
      float bestValue = Float.NEGATIVE_INFINITY;
      for (int c = 0; c < p; c++) {
        if (taken[c]) {
          continue;
        }
        float rel = range > 0f ? (relevance[c] - min) / range : 1f;
        float value = lambda * rel - (1f - lambda) * maxSim[c];
        if (value > bestValue) {
          bestValue = value;
          best = c;
        }
      }
      taken[best] = true;
      items[k] = pool[best];
      scores[k] = relevance[best];
      for (int c = 0; c < p; c++) {
        if (!taken[c]) {
          maxSim[c] = Math.max(maxSim[c], sim.between(best, c));
        }
      }
    }
    return n;
  }
}
