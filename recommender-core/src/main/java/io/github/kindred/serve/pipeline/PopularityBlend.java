package io.github.kindred.serve.pipeline;

/**
 * The personalisation blend (internal), the last score stage: {@code s * minmax(model) + (1 - s) * popularity / max
 * popularity} over the candidates, {@code s} being the request's personalisation strength. It runs before the
 * business rules, so the min-max range spans every candidate the model scored (seen and filtered items included),
 * which keeps a filter from changing the scale of the items it lets through. Non-finite scores stay excluded.
 */
public final class PopularityBlend {
  private PopularityBlend() {}

  /**
   * Blends the candidates' scores with popularity.
   *
   * @param popularity distinct users per item, by item index
   * @param c the candidates
   * @param scores their scores, by item index, rewritten in place
   * @param strength the personalisation strength in [0, 1]
   */
  public static void apply(int[] popularity, Candidates c, float[] scores, float strength) {
    int n = c.size();
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    int maxPop = 1;
    for (int k = 0; k < n; k++) {
      int i = c.item(k);
      float v = scores[i];
      if (Float.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      maxPop = Math.max(maxPop, popularity[i]);
    }
    float range = max - min;
    for (int k = 0; k < n; k++) {
      int i = c.item(k);
      float v = scores[i];
      if (!Float.isFinite(v)) {
        scores[i] = Float.NEGATIVE_INFINITY;
        continue;
      }
      float model = range > 0f ? (v - min) / range : 1f;
      scores[i] = strength * model + (1f - strength) * ((float) popularity[i] / maxPop);
    }
  }
}
