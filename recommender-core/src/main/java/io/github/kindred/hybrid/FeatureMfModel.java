package io.github.kindred.hybrid;

import io.github.kindred.content.FeatureEncoder;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.IdIndex;
import io.github.kindred.math.FactorScoring;
import io.github.kindred.model.FoldIn;
import io.github.kindred.model.ItemVectors;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import io.github.kindred.model.SimilarItems;
import io.github.kindred.model.UserFeatureScoring;
import java.util.Arrays;
import java.util.Objects;

/**
 * A fitted feature-aware factorisation model ({@link FeatureMfTrainer}): for every item a vector {@code q(i)} and a
 * bias {@code b(i)} (id part plus feature part; feature part only for items without interactions), for every known
 * user a vector {@code p(u)}, and the user-feature embeddings that build the vector of a user met later.
 *
 * <p>The score of item {@code i} is {@code p . q(i) + b(i)}, where {@code p} is, in order of preference:
 * <ol>
 *   <li>the trained vector of the query's user, when the model knows that user index (the query's history and
 *       features are then not used: training already saw them);</li>
 *   <li>otherwise the mean id embedding of the training users (the taste they share, which carries much of the
 *       popularity signal; zero without user ids) plus the weighted embeddings of the user features the query
 *       carries ({@link Query#withUserFeatures}, matched by feature name), refined by fold-in when
 *       the query has a history: {@value #FOLD_IN_EPOCHS} passes of BPR steps over the history items on the user
 *       vector alone, item parameters fixed, negatives drawn from a generator seeded from the model's seed and the
 *       history, so the same query always gets the same vector.</li>
 * </ol>
 * A new user with no features and no history gets the mean training user: a learnt popularity ranking.
 *
 * <p>Immutable and thread-safe. Scoring costs {@code items x factors} multiply-adds (plus the fold-in, about
 * {@code 20 x history x factors x 3}); each thread keeps small scratch buffers, so nothing is allocated per call
 * after a thread's first.
 */
public final class FeatureMfModel implements Model, ItemVectors, FoldIn, SimilarItems, UserFeatureScoring {
  /** Passes over a history when a user vector is folded in. */
  public static final int FOLD_IN_EPOCHS = 20;

  private final FeatureMfConfig config;
  private final IdIndex users;
  private final IdIndex items;
  private final Side userSide;
  private final Side itemSide;
  private final float[] meanUserId;
  private final float[] userReps;
  private final float[] itemReps;
  private final float[] itemBias;
  private final float[] itemNorms;
  private final int[] trainable;
  private final int k;
  private final ThreadLocal<Scratch> scratch;

  FeatureMfModel(FeatureMfConfig config, IdIndex users, IdIndex items, Side userSide, Side itemSide,
      float[] meanUserId, float[] userReps, float[] itemReps, float[] itemBias, int[] trainable) {
    this.config = config;
    this.users = users;
    this.items = items;
    this.userSide = userSide;
    this.itemSide = itemSide;
    this.meanUserId = meanUserId;
    this.userReps = userReps;
    this.itemReps = itemReps;
    this.itemBias = itemBias;
    this.trainable = trainable;
    this.k = config.factors();
    this.itemNorms = new float[items.size()];
    for (int i = 0; i < itemNorms.length; i++) {
      itemNorms[i] = (float) Math.sqrt(FactorScoring.dot(itemReps, i * k, itemReps, i * k, k));
    }
    int dims = k;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(dims));
  }

  /** The user side (encoder and feature embeddings), for the codec. */
  Side userSide() {
    return userSide;
  }

  /** The item side (encoder, feature embeddings and biases), for the codec. */
  Side itemSide() {
    return itemSide;
  }

  /** The mean id embedding of the training users, not copied: for the codec. */
  float[] meanUserIdArray() {
    return meanUserId;
  }

  /** The user vectors, {@code users x factors} row-major, not copied: for the codec. */
  float[] userRepArray() {
    return userReps;
  }

  /** The item vectors, {@code items x factors} row-major, not copied: for the codec. */
  float[] itemRepArray() {
    return itemReps;
  }

  /** The item biases, not copied: for the codec. */
  float[] itemBiasArray() {
    return itemBias;
  }

  /** The items fold-in draws negatives from, not copied: for the codec. */
  int[] trainableArray() {
    return trainable;
  }

  /** {@return the configuration it was trained with} */
  public FeatureMfConfig config() {
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

  /** The embedding length. */
  @Override
  public int dimensions() {
    return k;
  }

  /**
   * {@return the bias {@code b(item)} added to every score of the item}
   *
   * @param item the item index, in [0, {@code items().size()})
   * @throws IndexOutOfBoundsException if {@code item} is out of range
   */
  public float itemBias(int item) {
    Objects.checkIndex(item, items.size());
    return itemBias[item];
  }

  /** Copies {@code q(item)} (without the bias) into {@code out[0..factors)}. */
  @Override
  public void itemVector(int item, float[] out) {
    Objects.checkIndex(item, items.size());
    System.arraycopy(itemReps, item * k, out, 0, k);
  }

  /**
   * Writes the user vector {@code p} this model scores {@code query} with (see the class description) into
   * {@code out[0..factors)}.
   *
   * @param query the user, history and (optionally) user features
   * @param out the destination, at least {@code factors} long; entries past that are untouched
   */
  public void userVector(Query query, float[] out) {
    int u = query.user();
    if (u >= 0 && u < users.size()) {
      System.arraycopy(userReps, u * k, out, 0, k);
      return;
    }
    System.arraycopy(meanUserId, 0, out, 0, k);
    if (query.hasUserFeatures()) {
      addFeatures(userSide, query.userFeatureTable(), query.userFeatureRow(), out);
    }
    if (query.historySize() > 0) {
      foldIn(query, null, null, query.historySize(), out);
    }
  }

  /** Folds in a history from a zero start vector (no user features); see the class description. */
  @Override
  public void foldIn(int[] items, float[] weights, float[] out) {
    if (items.length != weights.length) {
      throw new IllegalArgumentException("history has " + items.length + " items but " + weights.length
          + " weights");
    }
    Arrays.fill(out, 0, k, 0f);
    foldIn(null, items, weights, items.length, out);
  }

  /**
   * Scores for a user described by row {@code row} of {@code features}: the same as {@link #score} for
   * {@code query} carrying those features (see {@link Query#withUserFeatures}).
   */
  @Override
  public void scoreForFeatures(FeatureTable features, int row, Query query, float[] scores) {
    score(query.withUserFeatures(features, features.entities().idOf(row)), scores);
  }

  @Override
  public void score(Query query, float[] scores) {
    int n = items.size();
    ItemSpaces.checkLength(scores, n);
    float[] p = scratch.get().user;
    userVector(query, p);
    FactorScoring.scoreAll(itemReps, n, k, p, scores);
    for (int i = 0; i < n; i++) {
      scores[i] += itemBias[i];
    }
  }

  /** The cosine of the item vectors (biases left out); 0 for an item whose vector is zero. */
  @Override
  public void similarTo(int item, float[] scores) {
    int n = items.size();
    Objects.checkIndex(item, n);
    ItemSpaces.checkLength(scores, n);
    for (int j = 0, off = 0; j < n; j++, off += k) {
      float norm = itemNorms[item] * itemNorms[j];
      scores[j] = norm > 0 ? FactorScoring.dot(itemReps, item * k, itemReps, off, k) / norm : 0f;
    }
  }

  /**
   * Writes the vector of an item the model does not know, from its features alone, into {@code out[0..factors)}
   * and returns its bias: the representation of an item added after training. Its score for a query is
   * {@code userVector(query) . out + bias}. Features are matched by name; those the model has not seen are ignored.
   *
   * @param table the new item's features (need not be the training table)
   * @param itemId the item's id in {@code table}
   * @param out the destination of the item vector, at least {@code factors} long
   * @return the item's bias (from its features)
   * @throws IllegalArgumentException if {@code table} does not describe {@code itemId}
   */
  public float newItemVector(FeatureTable table, String itemId, float[] out) {
    int row = table.entities().require(Objects.requireNonNull(itemId, "itemId"), "item feature");
    Arrays.fill(out, 0, k, 0f);
    return addFeatures(itemSide, table, row, out);
  }

  /** Adds the weighted feature embeddings of row {@code row} of {@code table} to {@code out}; returns the bias sum. */
  private float addFeatures(Side side, FeatureTable table, int row, float[] out) {
    Scratch s = scratch.get();
    int length = table.pointers()[row + 1] - table.pointers()[row];
    s.ensure(length);
    int n = side.encoder.encode(table, row, s.features, s.values);
    float bias = 0f;
    for (int q = 0; q < n; q++) {
      float x = s.values[q];
      int off = s.features[q] * k;
      for (int f = 0; f < k; f++) {
        out[f] += x * side.embeddings[off + f];
      }
      if (side.biases != null) {
        bias += x * side.biases[s.features[q]];
      }
    }
    return bias;
  }

  /** The feature part of one side (users or items): its encoder, feature embeddings and (items only) biases. */
  record Side(FeatureEncoder encoder, float[] embeddings, float[] biases) {}

  /**
   * BPR fold-in of the user vector {@code p} (its start value given) over a history read from {@code query}, or
   * from {@code hist} and {@code weights} when {@code query} is null. Adagrad steps of the configured learning rate
   * and L2 penalty; history items outside the model are ignored.
   */
  private void foldIn(Query query, int[] hist, float[] weights, int length, float[] p) {
    int n = items.size();
    float[] acc = scratch.get().accumulator;
    Arrays.fill(acc, 0, k, 1f);
    long state = config.seed();
    for (int h = 0; h < length; h++) {
      state = mix(state + (query != null ? query.item(h) : hist[h]));
    }
    float lr = config.learningRate();
    float reg = config.regularization();
    for (int epoch = 0; epoch < FOLD_IN_EPOCHS; epoch++) {
      for (int h = 0; h < length; h++) {
        int i = query != null ? query.item(h) : hist[h];
        float w = query != null ? query.weight(h) : weights[h];
        if (i < 0 || i >= n) {
          continue;
        }
        state += 0x9E3779B97F4A7C15L;
        int j = trainable[(int) ((mix(state) >>> 1) % trainable.length)];
        if (j == i || inHistory(query, hist, length, j)) {
          continue;
        }
        int oi = i * k;
        int oj = j * k;
        float x = FactorScoring.dot(p, 0, itemReps, oi, k) + itemBias[i]
            - FactorScoring.dot(p, 0, itemReps, oj, k) - itemBias[j];
        float g = w * (float) (1 / (1 + Math.exp(x)));
        for (int f = 0; f < k; f++) {
          float grad = g * (itemReps[oi + f] - itemReps[oj + f]) - reg * p[f];
          acc[f] += grad * grad;
          p[f] += lr * grad / (float) Math.sqrt(acc[f]);
        }
      }
    }
  }

  private static boolean inHistory(Query query, int[] hist, int length, int item) {
    for (int h = 0; h < length; h++) {
      if ((query != null ? query.item(h) : hist[h]) == item) {
        return true;
      }
    }
    return false;
  }

  /** The SplitMix64 finaliser: a well-spread 64-bit hash, used as a stateless generator. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Per-thread buffers. */
  private static final class Scratch {
    final float[] user;
    final float[] accumulator;
    int[] features = new int[16];
    float[] values = new float[16];

    Scratch(int k) {
      user = new float[k];
      accumulator = new float[k];
    }

    void ensure(int n) {
      if (features.length < n) {
        features = new int[n];
        values = new float[n];
      }
    }
  }
}
