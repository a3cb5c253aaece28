package io.github.kindred.hybrid;

import io.github.kindred.content.ContentTrainer;
import io.github.kindred.content.FeatureEncoder;
import io.github.kindred.data.Dataset;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.Trainer;
import io.github.kindred.model.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fits a feature-aware factorisation model in the spirit of LightFM (Kula 2015): a user is the sum of the
 * embedding of its id and the embeddings of its features, weighted by the feature weights; an item likewise; the
 * score is {@code p(u) . q(i) + b(i)} where the item bias {@code b(i)} is also the sum of an id bias and weighted
 * feature biases. User biases are not learnt: they cancel in a pairwise loss and do not change a user's ranking.
 * Features come from the dataset's item and user {@link io.github.kindred.data.FeatureTable}s, weighted by the
 * configured {@link io.github.kindred.content.FeatureWeighting}.
 *
 * <p>Training: every stored cell with a positive value is a positive pair; each epoch visits them once in an order
 * shuffled from the seed, draws negatives uniformly among the items that have at least one positive (never one the
 * user has), and takes a BPR or WARP ({@link RankingLoss}) step on every parameter of the user, the positive and
 * the negative, with Adagrad per-parameter step sizes ({@code learningRate / sqrt(1 + sum of squared gradients)})
 * and an L2 penalty. Id embeddings start uniform in {@code [-0.5/factors, 0.5/factors)}, except those of users and
 * items without positives, which stay zero so that such entities are represented by their features alone (the
 * cold-start case), and those switched off by {@link FeatureMfConfig#userIds()} or
 * {@link FeatureMfConfig#itemIds()}, which stay zero throughout; feature embeddings start uniform too; biases start
 * at zero.
 *
 * <p>Cost per epoch: {@code O(positives x factors x (1 + features per entity))} for BPR, up to {@code maxSampled}
 * times more for WARP early in training. The gradient steps run on one thread, so the model is bit-for-bit the same
 * for a seed; the final representations are assembled on the configured threads. Thread-safe.
 */
public final class FeatureMfTrainer implements Trainer<FeatureMfModel> {
  private final FeatureMfConfig config;
  private final TrainingListener listener;

  /**
   * Creates a trainer with {@code config} that reports no progress.
   *
   * @param config the validated hyperparameters, seed and thread count
   * @throws NullPointerException if {@code config} is null
   */
  public FeatureMfTrainer(FeatureMfConfig config) {
    this(config, TrainingListener.NONE);
  }

  private FeatureMfTrainer(FeatureMfConfig config, TrainingListener listener) {
    this.config = Objects.requireNonNull(config, "config");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Returns a trainer with the same configuration that reports each finished epoch to {@code listener}.
   *
   * @param listener called from a training thread after each epoch, never concurrently; an exception it
   *     throws aborts the fit
   * @return a new trainer; this one is unchanged
   * @throws NullPointerException if {@code listener} is null
   */
  public FeatureMfTrainer withListener(TrainingListener listener) {
    return new FeatureMfTrainer(config, listener);
  }

  /** {@return the configuration} */
  public FeatureMfConfig config() {
    return config;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if fewer than two items have a positive interaction (no negative can be drawn)
   */
  @Override
  public FeatureMfModel fit(Dataset data) {
    InteractionMatrix m = data.matrix();
    IdIndex items = config.includeFeatureOnlyItems()
        ? ContentTrainer.withFeatureOnly(data.items(), data.itemFeatures()) : data.items();
    IdIndex users = data.users();
    FeatureEncoder itemEncoder = FeatureEncoder.fit(data.itemFeatures(), items, config.weighting());
    FeatureEncoder userEncoder = FeatureEncoder.fit(data.userFeatures(), users, config.weighting());
    Sgd sgd = new Sgd(config, m, items.size(), itemEncoder.encodeAll(items), userEncoder.encodeAll(users),
        itemEncoder.featureCount(), userEncoder.featureCount());
    sgd.train(listener);
    int k = config.factors();
    float[] itemReps = new float[items.size() * k];
    float[] itemBias = new float[items.size()];
    float[] userReps = new float[users.size() * k];
    parallel(items.size(), (from, to) -> sgd.assembleItems(from, to, itemReps, itemBias));
    parallel(users.size(), (from, to) -> sgd.assembleUsers(from, to, userReps));
    return new FeatureMfModel(config, users, items, new FeatureMfModel.Side(userEncoder, sgd.userFeat, null),
        new FeatureMfModel.Side(itemEncoder, sgd.itemFeat, sgd.itemFeatBias), sgd.meanUserId(), userReps, itemReps,
        itemBias, sgd.trainable);
  }

  /** Work on the entities {@code [from, to)}. */
  private interface RangeTask {
    void run(int from, int to);
  }

  /** Runs {@code task} over {@code [0, n)} split in contiguous ranges; each entity is computed independently. */
  private void parallel(int n, RangeTask task) {
    int threads = Math.min(config.threads(), Math.max(1, n / 256));
    if (threads <= 1) {
      task.run(0, n);
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "kindred-featuremf");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> parts = new ArrayList<>();
      int chunk = (n + threads - 1) / threads;
      for (int from = 0; from < n; from += chunk) {
        int f = from;
        int to = Math.min(n, from + chunk);
        parts.add(pool.submit(() -> task.run(f, to)));
      }
      for (Future<?> part : parts) {
        part.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("feature MF assembly was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("feature MF assembly failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The parameters and the sequential stochastic gradient loop. */
  static final class Sgd {
    private final FeatureMfConfig config;
    private final InteractionMatrix m;
    private final int k;
    private final FeatureEncoder.Encoded ix;
    private final FeatureEncoder.Encoded ux;
    final float[] itemId;
    final float[] itemFeat;
    final float[] userId;
    final float[] userFeat;
    final float[] itemIdBias;
    final float[] itemFeatBias;
    private final float[] itemIdAcc;
    private final float[] itemFeatAcc;
    private final float[] userIdAcc;
    private final float[] userFeatAcc;
    private final float[] itemIdBiasAcc;
    private final float[] itemFeatBiasAcc;
    final int[] trainable;
    private final int[] posUser;
    private final int[] posItem;
    private final SplittableRandom rng;
    private final float[] p;
    private final float[] qi;
    private final float[] qj;
    private final float[] diff;

    Sgd(FeatureMfConfig config, InteractionMatrix m, int items, FeatureEncoder.Encoded ix,
        FeatureEncoder.Encoded ux, int itemFeatures, int userFeatures) {
      this.config = config;
      this.m = m;
      this.k = config.factors();
      this.ix = ix;
      this.ux = ux;
      int users = m.rows();
      int[] rowPtr = m.rowPointers();
      int[] cols = m.columnIndexes();
      float[] vals = m.values();
      int positives = 0;
      boolean[] itemHasPositive = new boolean[items];
      boolean[] userHasPositive = new boolean[users];
      for (int c = 0; c < vals.length; c++) {
        if (vals[c] > 0) {
          positives++;
          itemHasPositive[cols[c]] = true;
        }
      }
      posUser = new int[positives];
      posItem = new int[positives];
      int n = 0;
      for (int u = 0; u < users; u++) {
        for (int c = rowPtr[u]; c < rowPtr[u + 1]; c++) {
          if (vals[c] > 0) {
            posUser[n] = u;
            posItem[n++] = cols[c];
            userHasPositive[u] = true;
          }
        }
      }
      int t = 0;
      for (boolean b : itemHasPositive) {
        t += b ? 1 : 0;
      }
      if (t < 2) {
        throw new IllegalArgumentException(
            "feature MF needs at least 2 items with a positive interaction to draw negatives, got " + t);
      }
      trainable = new int[t];
      t = 0;
      for (int i = 0; i < items; i++) {
        if (itemHasPositive[i]) {
          trainable[t++] = i;
        }
      }
      rng = new SplittableRandom(config.seed());
      itemId = new float[items * k];
      userId = new float[users * k];
      itemFeat = new float[itemFeatures * k];
      userFeat = new float[userFeatures * k];
      if (config.itemIds()) {
        initRows(itemId, itemHasPositive);
      }
      if (config.userIds()) {
        initRows(userId, userHasPositive);
      }
      initRows(itemFeat, null);
      initRows(userFeat, null);
      itemIdBias = new float[items];
      itemFeatBias = new float[itemFeatures];
      itemIdAcc = ones(itemId.length);
      itemFeatAcc = ones(itemFeat.length);
      userIdAcc = ones(userId.length);
      userFeatAcc = ones(userFeat.length);
      itemIdBiasAcc = ones(items);
      itemFeatBiasAcc = ones(itemFeatures);
      p = new float[k];
      qi = new float[k];
      qj = new float[k];
      diff = new float[k];
    }

    private void initRows(float[] w, boolean[] active) {
      float scale = 1f / k;
      for (int r = 0; r < w.length / k; r++) {
        if (active == null || active[r]) {
          for (int f = 0; f < k; f++) {
            w[r * k + f] = (float) (rng.nextDouble() - 0.5) * scale;
          }
        }
      }
    }

    private static float[] ones(int n) {
      float[] a = new float[n];
      Arrays.fill(a, 1f);
      return a;
    }

    void train(TrainingListener listener) {
      int n = posUser.length;
      int[] order = new int[n];
      for (int s = 0; s < n; s++) {
        order[s] = s;
      }
      for (int epoch = 0; epoch < config.iterations(); epoch++) {
        for (int s = n - 1; s > 0; s--) {
          int r = rng.nextInt(s + 1);
          int tmp = order[s];
          order[s] = order[r];
          order[r] = tmp;
        }
        for (int s = 0; s < n; s++) {
          step(posUser[order[s]], posItem[order[s]]);
        }
        listener.iterationDone(epoch + 1, config.iterations());
      }
    }

    private void step(int u, int i) {
      userRep(u, p);
      float si = itemRep(i, qi) + dot(p, qi);
      int j;
      float g;
      if (config.loss() == RankingLoss.BPR) {
        j = drawNegative(u, 20);
        if (j < 0) {
          return;
        }
        float sj = itemRep(j, qj) + dot(p, qj);
        g = (float) (1 / (1 + Math.exp(si - sj))); // d/dx ln sigmoid(x) at x = si - sj
      } else {
        j = -1;
        g = 0f;
        int draws = 0;
        while (draws < config.maxSampled()) {
          draws++;
          int c = drawNegative(u, 1);
          if (c < 0) {
            continue;
          }
          float sc = itemRep(c, qj) + dot(p, qj);
          if (sc > si - 1f) {
            j = c;
            g = (float) Math.log(Math.floor((trainable.length - 1) / (double) draws));
            break;
          }
        }
        if (j < 0 || !(g > 0)) {
          return;
        }
      }
      for (int f = 0; f < k; f++) {
        diff[f] = qi[f] - qj[f];
      }
      float lr = config.learningRate();
      float reg = config.regularization();
      if (config.userIds()) {
        update(userId, userIdAcc, u * k, diff, g, lr, reg);
      }
      for (int q = ux.pointers()[u]; q < ux.pointers()[u + 1]; q++) {
        update(userFeat, userFeatAcc, ux.features()[q] * k, diff, g * ux.values()[q], lr, reg);
      }
      updateItem(i, g, lr, reg);
      updateItem(j, -g, lr, reg);
    }

    private void updateItem(int i, float g, float lr, float reg) {
      if (config.itemIds()) {
        update(itemId, itemIdAcc, i * k, p, g, lr, reg);
        itemIdBias[i] = scalar(itemIdBias[i], itemIdBiasAcc, i, g, lr, reg);
      }
      int[] ptr = ix.pointers();
      for (int q = ptr[i]; q < ptr[i + 1]; q++) {
        int f = ix.features()[q];
        float x = ix.values()[q];
        update(itemFeat, itemFeatAcc, f * k, p, g * x, lr, reg);
        itemFeatBias[f] = scalar(itemFeatBias[f], itemFeatBiasAcc, f, g * x, lr, reg);
      }
    }

    /** One Adagrad ascent step of {@code w[off..off+k)} along {@code scale * dir}, with L2 shrinkage. */
    private void update(float[] w, float[] acc, int off, float[] dir, float scale, float lr, float reg) {
      for (int f = 0; f < k; f++) {
        float grad = scale * dir[f] - reg * w[off + f];
        acc[off + f] += grad * grad;
        w[off + f] += lr * grad / (float) Math.sqrt(acc[off + f]);
      }
    }

    private static float scalar(float w, float[] acc, int index, float grad, float lr, float reg) {
      float gr = grad - reg * w;
      acc[index] += gr * gr;
      return w + lr * gr / (float) Math.sqrt(acc[index]);
    }

    /** Draws an item the user has no positive for, trying up to {@code tries} times; -1 if none was found. */
    private int drawNegative(int u, int tries) {
      for (int t = 0; t < tries; t++) {
        int j = trainable[rng.nextInt(trainable.length)];
        if (!(m.get(u, j) > 0)) {
          return j;
        }
      }
      return -1;
    }

    private void userRep(int u, float[] out) {
      System.arraycopy(userId, u * k, out, 0, k);
      int[] ptr = ux.pointers();
      for (int q = ptr[u]; q < ptr[u + 1]; q++) {
        axpy(ux.values()[q], userFeat, ux.features()[q] * k, out);
      }
    }

    /** Writes the item's vector into {@code out} and returns its bias. */
    private float itemRep(int i, float[] out) {
      System.arraycopy(itemId, i * k, out, 0, k);
      float b = itemIdBias[i];
      int[] ptr = ix.pointers();
      for (int q = ptr[i]; q < ptr[i + 1]; q++) {
        int f = ix.features()[q];
        float x = ix.values()[q];
        axpy(x, itemFeat, f * k, out);
        b += x * itemFeatBias[f];
      }
      return b;
    }

    private void axpy(float a, float[] x, int off, float[] y) {
      for (int f = 0; f < k; f++) {
        y[f] += a * x[off + f];
      }
    }

    private float dot(float[] a, float[] b) {
      float s = 0f;
      for (int f = 0; f < k; f++) {
        s += a[f] * b[f];
      }
      return s;
    }

    /**
     * The mean id embedding of the users with positives (zero without user ids): the part of a user vector common to
     * the training users (often much of the popularity signal), which a user met later is given in place of an id.
     */
    float[] meanUserId() {
      float[] mean = new float[k];
      double[] sum = new double[k];
      int n = 0;
      for (int u = 0; u < m.rows(); u++) {
        if (hasPositive(u)) {
          n++;
          for (int f = 0; f < k; f++) {
            sum[f] += userId[u * k + f];
          }
        }
      }
      for (int f = 0; n > 0 && f < k; f++) {
        mean[f] = (float) (sum[f] / n);
      }
      return mean;
    }

    private boolean hasPositive(int u) {
      float[] vals = m.values();
      for (int c = m.rowPointers()[u]; c < m.rowPointers()[u + 1]; c++) {
        if (vals[c] > 0) {
          return true;
        }
      }
      return false;
    }

    /** Writes the final vectors and biases of items {@code [from, to)}; reads the parameters only. */
    void assembleItems(int from, int to, float[] reps, float[] bias) {
      float[] v = new float[k];
      for (int i = from; i < to; i++) {
        bias[i] = itemRep(i, v);
        System.arraycopy(v, 0, reps, i * k, k);
      }
    }

    /** Writes the final vectors of users {@code [from, to)}; reads the parameters only. */
    void assembleUsers(int from, int to, float[] reps) {
      float[] v = new float[k];
      for (int u = from; u < to; u++) {
        userRep(u, v);
        System.arraycopy(v, 0, reps, u * k, k);
      }
    }
  }
}
