package io.github.kindred.rating;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.Trainer;
import io.github.kindred.rating.RatingModel.Ratings;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Biased matrix factorisation fitted by stochastic gradient descent (Funk 2006; Koren, Bell and Volinsky 2009):
 * {@code r(u, i) ~ mu + b_u + b_i + p_u . q_i}. Every pass visits the ratings in a fresh random order and, for the
 * error {@code e} of each, moves {@code b_u += lr (e - reg b_u)}, {@code b_i += lr (e - reg b_i)},
 * {@code p_u += lr (e q_i - reg p_u)} and {@code q_i += lr (e p_u - reg q_i)} (both vectors from their old values).
 * Vectors start from a normal distribution with standard deviation 0.1, biases from 0.
 *
 * <p>Single-threaded on purpose: SGD with several threads writing shared vectors (Hogwild) is not deterministic, and
 * on data this size one pass takes milliseconds. The same configuration and data give the same model bit for bit.
 * {@code O(iterations * ratings * factors)}. Thread-safe (one fit per call, no shared state).
 */
public final class BiasedMfTrainer implements Trainer<BiasedMfModel> {
  private static final double INIT_STD = 0.1;

  private final BiasedMfConfig config;

  /**
   * Creates a trainer with {@code config}.
   *
   * @param config the configuration
   * @throws NullPointerException if {@code config} is null
   */
  public BiasedMfTrainer(BiasedMfConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** {@return the configuration} */
  public BiasedMfConfig config() {
    return config;
  }

  /**
   * Fits the model. Any finite rating is accepted, negative ones included: the errors are taken against the mean, so
   * a scale such as Jester's -10 to 10 fits as well as 1 to 5 (and the matrix never holds a non-finite value).
   *
   * @param data the ratings, a dataset built with {@code binary(false)}
   * @return the model
   * @throws IllegalArgumentException if the dataset has no ratings
   */
  @Override
  public BiasedMfModel fit(Dataset data) {
    Ratings r = Ratings.of(data);
    InteractionMatrix m = r.matrix;
    int k = config.factors();
    int nnz = m.nnz();
    int[] rowPtr = m.rowPointers();
    int[] cols = m.columnIndexes();
    float[] vals = m.values();
    int[] rowOf = new int[nnz];
    for (int u = 0; u < m.rows(); u++) {
      for (int p = rowPtr[u]; p < rowPtr[u + 1]; p++) {
        rowOf[p] = u;
      }
    }
    SplittableRandom rng = new SplittableRandom(config.seed());
    float[] pu = gaussian(m.rows() * k, rng);
    float[] qi = gaussian(m.columns() * k, rng);
    float[] bu = new float[m.rows()];
    float[] bi = new float[m.columns()];
    int[] order = new int[nnz];
    for (int p = 0; p < nnz; p++) {
      order[p] = p;
    }
    float lr = config.learningRate();
    float reg = config.regularization();
    float mu = r.mean;
    for (int it = 0; it < config.iterations(); it++) {
      shuffle(order, rng);
      for (int o = 0; o < nnz; o++) {
        int p = order[o];
        int u = rowOf[p];
        int i = cols[p];
        int uo = u * k;
        int io = i * k;
        float dot = 0f;
        for (int f = 0; f < k; f++) {
          dot += pu[uo + f] * qi[io + f];
        }
        float e = vals[p] - (mu + bu[u] + bi[i] + dot);
        bu[u] += lr * (e - reg * bu[u]);
        bi[i] += lr * (e - reg * bi[i]);
        for (int f = 0; f < k; f++) {
          float pf = pu[uo + f];
          float qf = qi[io + f];
          pu[uo + f] += lr * (e * qf - reg * pf);
          qi[io + f] += lr * (e * pf - reg * qf);
        }
      }
    }
    return new BiasedMfModel(config, data.users(), data.items(), mu, r.min, r.max, bu, bi, pu, qi);
  }

  static float[] gaussian(int n, SplittableRandom rng) {
    float[] v = new float[n];
    for (int x = 0; x < n; x++) {
      v[x] = (float) (rng.nextGaussian() * INIT_STD);
    }
    return v;
  }

  private static void shuffle(int[] a, SplittableRandom rng) {
    for (int x = a.length - 1; x > 0; x--) {
      int y = rng.nextInt(x + 1);
      int t = a[x];
      a[x] = a[y];
      a[y] = t;
    }
  }
}
