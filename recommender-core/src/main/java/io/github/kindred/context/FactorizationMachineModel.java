package io.github.kindred.context;

import io.github.kindred.data.Context;
import io.github.kindred.data.IdIndex;
import io.github.kindred.model.ItemVectors;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import java.util.Objects;

/**
 * A fitted context-aware factorisation machine; see {@link FactorizationMachine} for the inputs.
 *
 * <p><b>Scoring in {@code O(items * factors)}.</b> Split the inputs of a request into the query side {@code Q} (user
 * id, user features, context values) and the item side {@code I(i)} (item id, item features). By Rendle's identity
 * the pairwise term of {@code Q + I(i)} is {@code pair(Q) + pair(I(i)) + <s_Q, s_I(i)>}, where {@code s} is the sum of
 * {@code v_j x_j} over a side. So {@code y = [lin(Q) + pair(Q)] + [lin(I(i)) + pair(I(i))] + <s_Q, s_I(i)>}: the
 * first bracket is the same for every item, the second and {@code s_I(i)} are precomputed per item at construction,
 * and {@code s_Q} is computed once per request. A request costs one dot product of length {@code factors} per item.
 *
 * <p>A user index outside the training users ({@link Query#ANONYMOUS} included) contributes nothing: such a request
 * is scored from its context alone (a contextual popularity); the query's history is not used. Context features
 * absent from the request and values unseen in training contribute nothing either.
 *
 * <p>Immutable and thread-safe; scoring allocates one array of {@code factors} floats per call.
 */
public final class FactorizationMachineModel implements Model, ItemVectors {
  private final FactorizationMachineConfig config;
  private final IdIndex users;
  private final IdIndex items;
  private final ContextSchema schema;
  private final int contextBase;
  private final FactorizationMachine.SparseRows userSide;
  private final FactorizationMachine.SparseRows itemSide;
  private final float[] w;
  private final float[] v;
  private final int k;
  private final float[] itemVectors;
  private final float[] itemConstants;
  private final float[] userVectors;
  private final float[] userLinear;
  private final float[] userSquares;

  FactorizationMachineModel(FactorizationMachineConfig config, IdIndex users, IdIndex items, ContextSchema schema,
      int contextBase, FactorizationMachine.SparseRows userSide, FactorizationMachine.SparseRows itemSide,
      float[] w, float[] v) {
    this.config = config;
    this.users = users;
    this.items = items;
    this.schema = schema;
    this.contextBase = contextBase;
    this.userSide = userSide;
    this.itemSide = itemSide;
    this.w = w;
    this.v = v;
    this.k = config.factors();
    int ni = items.size();
    itemVectors = new float[ni * k];
    itemConstants = new float[ni];
    float[] sum = new float[k];
    double[] terms = new double[2];
    for (int i = 0; i < ni; i++) {
      FmMath.side(itemSide, i, w, v, k, sum, terms);
      itemConstants[i] = (float) FmMath.sideScore(sum, k, terms);
      System.arraycopy(sum, 0, itemVectors, i * k, k);
    }
    int nu = users.size();
    userVectors = new float[nu * k];
    userLinear = new float[nu];
    userSquares = new float[nu];
    for (int u = 0; u < nu; u++) {
      FmMath.side(userSide, u, w, v, k, sum, terms);
      System.arraycopy(sum, 0, userVectors, u * k, k);
      userLinear[u] = (float) terms[0];
      userSquares[u] = (float) terms[1];
    }
  }

  /** The context features, for the codec. */
  ContextSchema schema() {
    return schema;
  }

  /** The input index of the first context value, for the codec. */
  int contextBase() {
    return contextBase;
  }

  /** The user-side inputs, for the codec. */
  FactorizationMachine.SparseRows userSide() {
    return userSide;
  }

  /** The item-side inputs, for the codec. */
  FactorizationMachine.SparseRows itemSide() {
    return itemSide;
  }

  /** The linear weights, one per input, not copied: for the codec. */
  float[] linearWeights() {
    return w;
  }

  /** The factor vectors, {@code inputs x factors} row-major, not copied: for the codec. */
  float[] factorArray() {
    return v;
  }

  /** {@return the configuration it was trained with} */
  public FactorizationMachineConfig config() {
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

  /** The number of factors. */
  @Override
  public int dimensions() {
    return k;
  }

  /** The item side's factor sum {@code s_I(item)} (item id and features). */
  @Override
  public void itemVector(int item, float[] out) {
    Objects.checkIndex(item, items.size());
    System.arraycopy(itemVectors, item * k, out, 0, k);
  }

  @Override
  public void score(Query query, float[] scores) {
    int n = items.size();
    Model.requireScoreLength(scores, n);
    float[] sumQ = new float[k];
    double lin = 0;
    double sq = 0;
    int u = query.user();
    if (u >= 0 && u < users.size()) {
      System.arraycopy(userVectors, u * k, sumQ, 0, k);
      lin += userLinear[u];
      sq += userSquares[u];
    }
    Context context = query.context();
    for (int f = 0; f < schema.size(); f++) {
      int code = schema.code(f, context);
      if (code >= 0) {
        int j = contextBase + schema.offset(f) + code;
        lin += w[j];
        sq += FmMath.squaredNorm(v, j * k, k);
        FmMath.addScaled(v, j * k, 1f, sumQ, k);
      }
    }
    float constant = (float) (lin + 0.5 * (FmMath.squaredNorm(sumQ, 0, k) - sq));
    for (int i = 0; i < n; i++) {
      float dot = 0f;
      int base = i * k;
      for (int f = 0; f < k; f++) {
        dot += sumQ[f] * itemVectors[base + f];
      }
      scores[i] = constant + itemConstants[i] + dot;
    }
  }

  /**
   * The model's output for one (user, context, item) by the definition: the linear term plus the naive double sum
   * over all pairs of inputs, {@code O(k nnz^2)}. The reference for tests of {@link #score}.
   */
  double naiveScore(int user, Context context, int item) {
    int cap = itemSide.indexes.length + userSide.indexes.length + schema.size();
    int[] idx = new int[cap];
    float[] x = new float[cap];
    int n = 0;
    if (user >= 0 && user < users.size()) {
      for (int p = userSide.pointers[user]; p < userSide.pointers[user + 1]; p++) {
        idx[n] = userSide.indexes[p];
        x[n++] = userSide.values[p];
      }
    }
    for (int p = itemSide.pointers[item]; p < itemSide.pointers[item + 1]; p++) {
      idx[n] = itemSide.indexes[p];
      x[n++] = itemSide.values[p];
    }
    for (int f = 0; f < schema.size(); f++) {
      int code = schema.code(f, context);
      if (code >= 0) {
        idx[n] = contextBase + schema.offset(f) + code;
        x[n++] = 1f;
      }
    }
    double y = 0;
    for (int a = 0; a < n; a++) {
      y += w[idx[a]] * (double) x[a];
    }
    return y + FmMath.pairwiseNaive(v, k, idx, x, n);
  }
}
