package io.github.kindred.serve.pipeline;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.Sessions;
import io.github.kindred.model.Query;
import java.util.Arrays;

/**
 * Repeat-aware scoring as a pipeline stage, for any model: the customer's own time-decayed purchase frequency
 * blended into the model's scores, so that a discovery model (item-kNN, ALS) also brings back what a customer buys
 * again. Over the candidates, {@code score = (1 - weight) * minmax(model) + weight * f / max f}, where {@code f(i)}
 * sums {@code decay^k} over the customer's training baskets containing {@code i}, {@code k} baskets before the
 * newest; the request's session events ({@link Query#withEvents}) count as one newer basket, so purchases made
 * since the last training are used without a refit. Customers without history keep the min-max model scores.
 *
 * <p>Part of the stage API. Built per model generation from the dataset's timestamped events (baskets cut as in
 * {@link Sessions#of}); immutable and thread-safe; per request {@code O(candidates + history)}, no allocation
 * beyond a per-thread buffer of one float per item.
 */
public final class RepeatStage implements ScoreStage {
  private final float weight;
  private final float decay;
  private final int[] start;
  private final int[] item;
  private final float[] frequency;
  private final int items;
  private final ThreadLocal<float[]> buffer;

  private RepeatStage(float weight, float decay, int[] start, int[] item, float[] frequency, int items) {
    this.weight = weight;
    this.decay = decay;
    this.start = start;
    this.item = item;
    this.frequency = frequency;
    this.items = items;
    this.buffer = ThreadLocal.withInitial(() -> new float[items]);
  }

  /**
   * The factory to give {@link io.github.kindred.serve.Recommender.Builder#scoreStage}.
   *
   * @param weight share of the purchase frequency in the blended score, in [0, 1]
   * @param decay weight of a basket per basket of age, in (0, 1] (1: plain frequency)
   * @param basketGapSeconds events of one customer at most this far apart are one basket, at least 0
   * @return the factory; building fails with {@link IllegalArgumentException} if an event has no timestamp
   * @throws IllegalArgumentException naming the parameter if a value is out of range
   */
  public static ScoreStage.Factory factory(float weight, float decay, long basketGapSeconds) {
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException("weight must be in [0, 1], got " + weight);
    }
    if (!(decay > 0 && decay <= 1)) {
      throw new IllegalArgumentException("decay must be in (0, 1], got " + decay);
    }
    if (basketGapSeconds < 0) {
      throw new IllegalArgumentException("basketGapSeconds must be >= 0, got " + basketGapSeconds);
    }
    return (model, data) -> of(data, weight, decay, basketGapSeconds, model.itemCount());
  }

  private static RepeatStage of(Dataset data, float weight, float decay, long gap, int modelItems) {
    Sessions baskets = Sessions.of(data.log(), gap);
    int users = baskets.users();
    int n = Math.max(modelItems, data.itemCount());
    double[] acc = new double[n];
    int[] stamp = new int[n];
    Arrays.fill(stamp, -1);
    int[] touched = new int[n];
    int[] start = new int[users + 1];
    int[] outItem = new int[baskets.size()];
    float[] outFreq = new float[baskets.size()];
    int nnz = 0;
    for (int u = 0; u < users; u++) {
      int first = baskets.userStart(u);
      int count = baskets.userStart(u + 1) - first;
      int t = 0;
      for (int b = 0; b < count; b++) {
        int s = first + b;
        double w = Math.pow(decay, count - 1 - b);
        for (int p = baskets.sessionStart(s); p < baskets.sessionStart(s + 1); p++) {
          int i = baskets.item(p);
          if (stamp[i] == s) {
            continue;
          }
          if (acc[i] == 0) {
            touched[t++] = i;
          }
          stamp[i] = s;
          acc[i] += w;
        }
      }
      Arrays.sort(touched, 0, t);
      for (int k = 0; k < t; k++) {
        outItem[nnz] = touched[k];
        outFreq[nnz++] = (float) acc[touched[k]];
        acc[touched[k]] = 0;
      }
      start[u + 1] = nnz;
    }
    return new RepeatStage(weight, decay, start, Arrays.copyOf(outItem, nnz), Arrays.copyOf(outFreq, nnz), n);
  }

  @Override
  public void score(Query query, Candidates candidates, float[] scores) {
    int n = candidates.size();
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (int k = 0; k < n; k++) {
      float v = scores[candidates.item(k)];
      if (Float.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    float[] f = buffer.get();
    int user = query.user();
    boolean known = user >= 0 && user < start.length - 1;
    float most = 0;
    // Training baskets age by one when the session's events form a newer basket.
    float age = query.eventCount() > 0 ? decay : 1f;
    if (known) {
      for (int p = start[user]; p < start[user + 1]; p++) {
        f[item[p]] = age * frequency[p];
        most = Math.max(most, f[item[p]]);
      }
    }
    for (int e = 0; e < query.eventCount(); e++) {
      int i = query.eventItem(e);
      if (i < items && !seenEarlier(query, e, i)) {
        f[i] += 1f;
        most = Math.max(most, f[i]);
      }
    }
    float range = max - min;
    for (int k = 0; k < n; k++) {
      int i = candidates.item(k);
      float v = scores[i];
      if (!Float.isFinite(v)) {
        scores[i] = Float.NEGATIVE_INFINITY;
        continue;
      }
      float model = range > 0f ? (v - min) / range : 1f;
      scores[i] = most > 0 ? (1f - weight) * model + weight * f[i] / most : model;
    }
    if (known) {
      for (int p = start[user]; p < start[user + 1]; p++) {
        f[item[p]] = 0;
      }
    }
    for (int e = 0; e < query.eventCount(); e++) {
      int i = query.eventItem(e);
      if (i < items) {
        f[i] = 0;
      }
    }
  }

  /** Whether event {@code e}'s item already occurred in an earlier event (a basket counts an item once). */
  private static boolean seenEarlier(Query query, int e, int i) {
    for (int k = 0; k < e; k++) {
      if (query.eventItem(k) == i) {
        return true;
      }
    }
    return false;
  }
}
