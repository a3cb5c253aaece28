package io.github.kindred.hybrid;

import io.github.kindred.data.IdIndex;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A weighted blend of models: {@code score(i) = sum over parts k of weight(k) * norm_k(score_k(i))}, where
 * {@code norm_k} is the {@link ScoreNormalization} applied to part {@code k}'s scores of this request. An item
 * beyond a part's item range (a part that does not know feature-only items) gets that part's lowest normalised
 * score of the request.
 *
 * <p>Immutable and thread-safe when the parts are. Each thread keeps one score buffer, so scoring allocates nothing
 * after a thread's first call; it costs the parts' scoring plus two passes over the items per part.
 */
public final class BlendModel implements Model {
  private final Model[] parts;
  private final float[] weights;
  private final ScoreNormalization normalization;
  private final IdIndex items;
  private final IdIndex users;
  private final ThreadLocal<float[]> buffer;

  private BlendModel(Model[] parts, float[] weights, ScoreNormalization normalization, IdIndex items,
      IdIndex users) {
    this.parts = parts;
    this.weights = weights;
    this.normalization = normalization;
    this.items = items;
    this.users = users;
    int n = items.size();
    this.buffer = ThreadLocal.withInitial(() -> new float[n]);
  }

  /**
   * Blends {@code parts} with {@code weights}.
   *
   * @param parts at least one model; their item indexes must be prefixes of the longest one
   * @param weights one per part, each finite and {@code > 0}
   * @param normalization how each part's scores are normalised per request
   * @return the blend, over the item index of its longest part
   * @throws IllegalArgumentException if the lists are empty or differ in length, a weight is invalid or the item
   *     spaces disagree
   */
  public static BlendModel of(List<? extends Model> parts, float[] weights, ScoreNormalization normalization) {
    Objects.requireNonNull(normalization, "normalization");
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a blend needs at least one part");
    }
    if (parts.size() != weights.length) {
      throw new IllegalArgumentException(parts.size() + " parts but " + weights.length + " weights");
    }
    for (int k = 0; k < weights.length; k++) {
      Objects.requireNonNull(parts.get(k), "part " + k);
      checkWeight(k, weights[k]);
    }
    return new BlendModel(parts.toArray(Model[]::new), weights.clone(), normalization, ItemSpaces.common(parts),
        ItemSpaces.users(parts));
  }

  static void checkWeight(int part, float weight) {
    if (!(weight > 0) || Float.isInfinite(weight)) {
      throw new IllegalArgumentException("weight of part " + part + " must be finite and > 0, got " + weight);
    }
  }

  /** {@return the parts, in order} */
  public List<Model> parts() {
    return List.of(parts);
  }

  /**
   * {@return the weight of a part, finite and &gt; 0, as given to {@link #of}}
   *
   * @param part the part's position in the list given to {@link #of}
   * @throws IndexOutOfBoundsException if {@code part} is out of range
   */
  public float weight(int part) {
    return weights[part];
  }

  /** {@return the normalisation} */
  public ScoreNormalization normalization() {
    return normalization;
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
    int n = items.size();
    ItemSpaces.checkLength(scores, n);
    float[] part = buffer.get();
    Arrays.fill(scores, 0, n, 0f);
    for (int k = 0; k < parts.length; k++) {
      int m = parts[k].itemCount();
      parts[k].score(query, part);
      float lowest = normalization.normalize(part, m);
      float w = weights[k];
      for (int i = 0; i < m; i++) {
        scores[i] += w * part[i];
      }
      for (int i = m; i < n; i++) {
        scores[i] += w * lowest;
      }
    }
  }
}
