package io.github.kindred.content;

import io.github.kindred.data.IdIndex;
import io.github.kindred.model.ItemVectors;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import io.github.kindred.model.SimilarItems;
import java.util.Arrays;
import java.util.Objects;

/**
 * A fitted content-based model: a unit-length sparse profile per item (empty for items without features).
 *
 * <p>Scoring: the user profile is {@code sum over history entries h of weight(h) * profile(item(h))}, divided by
 * its Euclidean length; the score of item {@code j} is its dot product with {@code profile(j)}, i.e. the cosine of
 * the two, in {@code [-1, 1]} (in {@code [0, 1]} when all weights and profile entries are non-negative). An empty
 * history, or one whose profile sums to zero, scores every item 0. History items outside the model's range are
 * ignored. User features carried by the query are not used: this model lives in the item-feature space.
 *
 * <p>Immutable and thread-safe. Scoring costs one pass over all stored profile entries and allocates nothing
 * after a thread's first call (it keeps a profile buffer per thread).
 */
public final class ContentModel implements Model, SimilarItems, ItemVectors {
  private final ContentConfig config;
  private final IdIndex users;
  private final IdIndex items;
  private final FeatureEncoder encoder;
  private final int[] pointers;
  private final int[] features;
  private final float[] values;
  private final ThreadLocal<Scratch> scratch;

  ContentModel(ContentConfig config, IdIndex users, IdIndex items, FeatureEncoder encoder,
      FeatureEncoder.Encoded profiles) {
    this.config = config;
    this.users = users;
    this.items = items;
    this.encoder = encoder;
    this.pointers = profiles.pointers();
    this.features = profiles.features();
    this.values = profiles.values();
    int dims = encoder.featureCount();
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(dims));
  }

  /** The profiles in CSR form, not copied: for the codec. */
  FeatureEncoder.Encoded profiles() {
    return new FeatureEncoder.Encoded(pointers, features, values);
  }

  /** {@return the configuration it was fitted with} */
  public ContentConfig config() {
    return config;
  }

  /** {@return the encoder that built the profiles (feature names, IDF values)} */
  public FeatureEncoder encoder() {
    return encoder;
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
   * {@return a copy of the feature indexes of the profile of {@code item}, ascending; empty for an item without
   * features}
   *
   * @param item the item index, in [0, {@code items().size()})
   * @throws IndexOutOfBoundsException if {@code item} is out of range
   */
  public int[] profileFeatures(int item) {
    Objects.checkIndex(item, items.size());
    return Arrays.copyOfRange(features, pointers[item], pointers[item + 1]);
  }

  /**
   * {@return a copy of the weights of the profile of {@code item}, aligned with {@link #profileFeatures(int)}}
   *
   * @param item the item index, in [0, {@code items().size()})
   * @throws IndexOutOfBoundsException if {@code item} is out of range
   */
  public float[] profileWeights(int item) {
    Objects.checkIndex(item, items.size());
    return Arrays.copyOfRange(values, pointers[item], pointers[item + 1]);
  }

  @Override
  public void score(Query query, float[] scores) {
    int n = items.size();
    checkLength(scores, n);
    Scratch s = scratch.get();
    float[] profile = s.profile;
    int touched = 0;
    for (int h = 0; h < query.historySize(); h++) {
      int i = query.item(h);
      if (i >= n) {
        continue;
      }
      float w = query.weight(h);
      for (int p = pointers[i]; p < pointers[i + 1]; p++) {
        int f = features[p];
        if (!s.seen[f]) {
          s.seen[f] = true;
          s.touched[touched++] = f;
        }
        profile[f] += w * values[p];
      }
    }
    double norm = 0;
    for (int t = 0; t < touched; t++) {
      float v = profile[s.touched[t]];
      norm += (double) v * v;
    }
    if (norm > 0) {
      float inv = (float) (1 / Math.sqrt(norm));
      for (int t = 0; t < touched; t++) {
        profile[s.touched[t]] *= inv;
      }
      dotAll(profile, scores, n);
    } else {
      Arrays.fill(scores, 0, n, 0f);
    }
    for (int t = 0; t < touched; t++) {
      int f = s.touched[t];
      profile[f] = 0f;
      s.seen[f] = false;
    }
  }

  @Override
  public void similarTo(int item, float[] scores) {
    int n = items.size();
    Objects.checkIndex(item, n);
    checkLength(scores, n);
    float[] profile = scratch.get().profile;
    for (int p = pointers[item]; p < pointers[item + 1]; p++) {
      profile[features[p]] = values[p];
    }
    dotAll(profile, scores, n);
    for (int p = pointers[item]; p < pointers[item + 1]; p++) {
      profile[features[p]] = 0f;
    }
  }

  /** Number of features: the length of a profile vector. */
  @Override
  public int dimensions() {
    return encoder.featureCount();
  }

  /** Writes the dense profile of {@code item} (mostly zeros) into {@code out[0..dimensions())}. */
  @Override
  public void itemVector(int item, float[] out) {
    Objects.checkIndex(item, items.size());
    Objects.checkFromIndexSize(0, dimensions(), out.length);
    Arrays.fill(out, 0, dimensions(), 0f);
    for (int p = pointers[item]; p < pointers[item + 1]; p++) {
      out[features[p]] = values[p];
    }
  }

  private void dotAll(float[] profile, float[] scores, int n) {
    for (int j = 0; j < n; j++) {
      float dot = 0f;
      for (int p = pointers[j]; p < pointers[j + 1]; p++) {
        dot += values[p] * profile[features[p]];
      }
      scores[j] = dot;
    }
  }

  private static void checkLength(float[] scores, int n) {
    Model.requireScoreLength(scores, n);
  }

  /** Per-thread buffers: a dense profile kept all-zero between calls, and the list of its touched entries. */
  private static final class Scratch {
    final float[] profile;
    final boolean[] seen;
    final int[] touched;

    Scratch(int dims) {
      profile = new float[dims];
      seen = new boolean[dims];
      touched = new int[dims];
    }
  }
}
