package io.github.kindred.context;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.model.Trainer;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A factorisation machine (Rendle 2010) in which the user, the item, their features and the context values are
 * one-hot or sparse inputs, trained for ranking with the pairwise BPR loss (Rendle et al. 2009).
 *
 * <p><b>Inputs.</b> One vector {@code x} per (user, item, context) with, in this order: the user id (1), the user's
 * features, the item id (1), the item's features, and one entry of 1 per context feature present (its value). Feature
 * values are normalised per field so that no field dominates by its size: a numeric field is divided by its largest
 * absolute value over the table, and the values of a tag or text field (and of a categorical field, trivially) are
 * divided by their L2 norm within the entity. The model is
 * {@code y(x) = sum_j w_j x_j + sum_{a<b} <v_a, v_b> x_a x_b} with one weight and one factor vector per input.
 *
 * <p><b>Training.</b> Every training event is a positive sample (a repeated event counts each time). For each, an
 * item other than the positive one is drawn uniformly, and the negative sample is the same vector with the item
 * side swapped: same user, <em>same context</em>, so the model learns which items fit that context rather than which
 * contexts are frequent. Items the user chose in other events are not excluded from the negatives: an item that fits
 * the user in one context (a gardener in spring) need not fit them in another (at night), and excluding it would
 * hide exactly the contrast the context inputs are there to learn. SGD ascends {@code ln sigmoid(y(pos) - y(neg))}
 * with L2 penalties on the touched parameters and AdaGrad step sizes per parameter (Duchi et al. 2011, as libFFM
 * does), because the inputs differ widely in frequency: a context value is in a large share of the samples, most
 * item ids in few. The user and context weights cancel in the difference and stay 0. Events are visited in a fresh
 * seeded permutation each epoch. Training is single-threaded, so the same configuration and data give the same
 * model bit for bit; a pass costs {@code O(events * nnz(x) * factors)}.
 *
 * <p>Thread-safe: a trainer holds only its configuration.
 */
public final class FactorizationMachine implements Trainer<FactorizationMachineModel> {
  private final FactorizationMachineConfig config;

  /**
   * Creates a trainer with {@code config}.
   *
   * @param config the validated hyperparameters and seed
   * @throws NullPointerException if {@code config} is null
   */
  public FactorizationMachine(FactorizationMachineConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** {@return the configuration} */
  public FactorizationMachineConfig config() {
    return config;
  }

  /**
   * Fits {@code data}.
   *
   * @throws IllegalArgumentException if a configured context feature does not occur in the log, or the dataset
   *     has a single item (no negative can be drawn)
   */
  @Override
  public FactorizationMachineModel fit(Dataset data) {
    InteractionLog log = data.log();
    int users = data.userCount();
    int items = data.itemCount();
    if (items < 2) {
      throw new IllegalArgumentException("the factorisation machine needs at least 2 items, got " + items);
    }
    ContextSchema schema = config.useContext()
        ? ContextSchema.of(log, config.contextFeatures()) : ContextSchema.empty();
    // Layout of the inputs: [users | user features | items | item features | context values].
    FeatureTable uf = config.userFeatures() ? data.userFeatures() : FeatureTable.empty();
    FeatureTable itf = config.itemFeatures() ? data.itemFeatures() : FeatureTable.empty();
    int userFeatureBase = users;
    int itemBase = userFeatureBase + uf.featureCount();
    int itemFeatureBase = itemBase + items;
    int contextBase = itemFeatureBase + itf.featureCount();
    int inputs = contextBase + schema.totalValues();
    SparseRows userSide = SparseRows.of(data.users(), 0, uf, userFeatureBase);
    SparseRows itemSide = SparseRows.of(data.items(), itemBase, itf, itemFeatureBase);

    int k = config.factors();
    SplittableRandom rnd = new SplittableRandom(config.seed());
    float[] w = new float[inputs];
    float[] v = new float[inputs * k];
    for (int a = 0; a < v.length; a++) {
      v[a] = (float) (config.initStd() * rnd.nextGaussian());
    }

    int n = log.size();
    int cf = schema.size();
    int[] contextInputs = new int[n * cf];
    for (int e = 0; e < n; e++) {
      for (int f = 0; f < cf; f++) {
        int code = schema.eventCode(log, f, e);
        contextInputs[e * cf + f] = code < 0 ? -1 : contextBase + schema.offset(f) + code;
      }
    }
    new Sgd(config, data.matrix(), log, userSide, itemSide, contextInputs, cf, w, v, rnd).run();
    return new FactorizationMachineModel(config, data.users(), data.items(), schema, contextBase, userSide,
        itemSide, w, v);
  }

  /** The SGD loop over shared parameter arrays, with scratch for one sample. */
  private static final class Sgd {
    private final FactorizationMachineConfig config;
    private final InteractionMatrix matrix;
    private final InteractionLog log;
    private final SparseRows userSide;
    private final SparseRows itemSide;
    private final int[] contextInputs;
    private final int cf;
    private final float[] w;
    private final float[] v;
    private final SplittableRandom rnd;
    private final int k;
    private final float[] sumQ;
    private final float[] sumP;
    private final float[] sumN;
    private final double[] terms = new double[2];
    private final float[] gw;
    private final float[] gv;

    Sgd(FactorizationMachineConfig config, InteractionMatrix matrix, InteractionLog log, SparseRows userSide,
        SparseRows itemSide, int[] contextInputs, int cf, float[] w, float[] v, SplittableRandom rnd) {
      this.config = config;
      this.matrix = matrix;
      this.log = log;
      this.userSide = userSide;
      this.itemSide = itemSide;
      this.contextInputs = contextInputs;
      this.cf = cf;
      this.w = w;
      this.v = v;
      this.rnd = rnd;
      this.k = config.factors();
      this.sumQ = new float[k];
      this.sumP = new float[k];
      this.sumN = new float[k];
      // AdaGrad accumulators start at 1, as in libFFM, so that the first steps are at most the learning rate.
      this.gw = new float[w.length];
      this.gv = new float[v.length];
      Arrays.fill(gw, 1f);
      Arrays.fill(gv, 1f);
    }

    void run() {
      int n = log.size();
      int items = matrix.columns();
      int[] order = new int[n];
      for (int e = 0; e < n; e++) {
        order[e] = e;
      }
      for (int epoch = 0; epoch < config.epochs(); epoch++) {
        for (int a = n - 1; a > 0; a--) {
          int b = rnd.nextInt(a + 1);
          int t = order[a];
          order[a] = order[b];
          order[b] = t;
        }
        for (int e : order) {
          int u = log.user(e);
          int pos = log.item(e);
          int neg = negative(pos, items);
          step(u, e, pos, neg);
        }
      }
    }

    /** A uniform item other than {@code pos}. */
    private int negative(int pos, int items) {
      int j = rnd.nextInt(items - 1);
      return j >= pos ? j + 1 : j;
    }

    private void step(int u, int e, int pos, int neg) {
      Arrays.fill(sumQ, 0f);
      for (int p = userSide.pointers[u]; p < userSide.pointers[u + 1]; p++) {
        FmMath.addScaled(v, userSide.indexes[p] * k, userSide.values[p], sumQ, k);
      }
      for (int f = 0; f < cf; f++) {
        int in = contextInputs[e * cf + f];
        if (in >= 0) {
          FmMath.addScaled(v, in * k, 1f, sumQ, k);
        }
      }
      double yPos = itemPart(pos, sumP);
      double yNeg = itemPart(neg, sumN);
      double d = yPos - yNeg;
      for (int f = 0; f < k; f++) {
        d += sumQ[f] * (sumP[f] - sumN[f]);
      }
      float g = (float) (1 / (1 + StrictMath.exp(d)));
      float lr = config.learningRate();
      float reg = config.regularization();
      float regB = config.biasRegularization();
      // Query side: d(y(pos) - y(neg)) / d v_q = x_q (sumP - sumN); its weights cancel.
      for (int p = userSide.pointers[u]; p < userSide.pointers[u + 1]; p++) {
        updateQuery(userSide.indexes[p], userSide.values[p], g, lr, reg);
      }
      for (int f = 0; f < cf; f++) {
        int in = contextInputs[e * cf + f];
        if (in >= 0) {
          updateQuery(in, 1f, g, lr, reg);
        }
      }
      updateItem(pos, sumP, g, lr, reg, regB);
      updateItem(neg, sumN, -g, lr, reg, regB);
    }

    /** Fills {@code sum} with the item side's factor sum and returns its linear term plus inner pairwise term. */
    private double itemPart(int item, float[] sum) {
      FmMath.side(itemSide, item, w, v, k, sum, terms);
      return FmMath.sideScore(sum, k, terms);
    }

    private void updateQuery(int j, float x, float g, float lr, float reg) {
      int base = j * k;
      for (int f = 0; f < k; f++) {
        float vf = v[base + f];
        v[base + f] = vf + step(gv, base + f, g * x * (sumP[f] - sumN[f]) - reg * vf, lr);
      }
    }

    /** Ascent on the item side of one sample, {@code g} signed: positive for the positive item. */
    private void updateItem(int item, float[] sum, float g, float lr, float reg, float regB) {
      for (int p = itemSide.pointers[item]; p < itemSide.pointers[item + 1]; p++) {
        int j = itemSide.indexes[p];
        float x = itemSide.values[p];
        w[j] += step(gw, j, g * x - regB * w[j], lr);
        int base = j * k;
        for (int f = 0; f < k; f++) {
          float vf = v[base + f];
          v[base + f] = vf + step(gv, base + f, g * x * (sumQ[f] + sum[f] - vf * x) - reg * vf, lr);
        }
      }
    }

    /** The AdaGrad step for one parameter: accumulates the squared gradient and scales the rate by it. */
    private static float step(float[] accumulated, int at, float gradient, float lr) {
      float acc = accumulated[at] + gradient * gradient;
      accumulated[at] = acc;
      return lr * gradient / (float) Math.sqrt(acc);
    }
  }

  /**
   * The sparse inputs of one side (users or items) in CSR form: row {@code r} holds the id input
   * {@code idBase + r} with value 1, then the entity's normalised features at {@code featureBase + feature}.
   */
  static final class SparseRows {
    final int[] pointers;
    final int[] indexes;
    final float[] values;

    SparseRows(int[] pointers, int[] indexes, float[] values) {
      this.pointers = pointers;
      this.indexes = indexes;
      this.values = values;
    }

    static SparseRows of(IdIndex ids, int idBase, FeatureTable table, int featureBase) {
      int count = ids.size();
      int[] rows = table.rowsFor(ids);
      float[] maxAbs = new float[table.featureCount()];
      int[] tp = table.pointers();
      int[] tf = table.featureIndexes();
      float[] tv = table.values();
      for (int c = 0; c < tf.length; c++) {
        maxAbs[tf[c]] = Math.max(maxAbs[tf[c]], Math.abs(tv[c]));
      }
      int[] pointers = new int[count + 1];
      for (int r = 0; r < count; r++) {
        pointers[r + 1] = pointers[r] + 1 + (rows[r] < 0 ? 0 : tp[rows[r] + 1] - tp[rows[r]]);
      }
      int[] indexes = new int[pointers[count]];
      float[] values = new float[pointers[count]];
      double[] fieldNorm = new double[table.fields().length];
      for (int r = 0; r < count; r++) {
        int p = pointers[r];
        indexes[p] = idBase + r;
        values[p] = 1f;
        p++;
        if (rows[r] < 0) {
          continue;
        }
        Arrays.fill(fieldNorm, 0);
        for (int c = tp[rows[r]]; c < tp[rows[r] + 1]; c++) {
          fieldNorm[table.fieldOf(tf[c])] += (double) tv[c] * tv[c];
        }
        for (int c = tp[rows[r]]; c < tp[rows[r] + 1]; c++) {
          int feature = tf[c];
          int field = table.fieldOf(feature);
          double x = table.kind(field) == FeatureTable.Kind.NUMERIC
              ? (maxAbs[feature] == 0 ? 0 : tv[c] / maxAbs[feature])
              : tv[c] / Math.sqrt(fieldNorm[field]);
          indexes[p] = featureBase + feature;
          values[p] = (float) x;
          p++;
        }
      }
      return new SparseRows(pointers, indexes, values);
    }
  }
}
