package io.github.kindred.hybrid;

/**
 * How the scores of one model for one request are brought to a common scale before they are blended. Statistics
 * are taken over the finite scores of all the items that model scores; a non-finite score becomes the lowest
 * normalised value of the request.
 */
public enum ScoreNormalization {
  /**
   * {@code (s - mean) / sd} with the population standard deviation over the scored items; every score becomes 0 if
   * they are all equal.
   */
  Z_SCORE,
  /** {@code (s - min) / (max - min)}, in {@code [0, 1]}; every score becomes 0 if they are all equal. */
  MIN_MAX;

  /**
   * Normalises {@code scores[0..n)} in place and returns the lowest normalised value (0 if there is none), the value
   * a blend gives to items this model does not score.
   *
   * @param scores the scores, normalised in place
   * @param n how many leading scores to normalise, in [0, {@code scores.length}]
   * @return the lowest normalised value, or 0 if {@code n} is 0
   */
  public float normalize(float[] scores, int n) {
    double sum = 0;
    double sumSq = 0;
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    int finite = 0;
    for (int i = 0; i < n; i++) {
      float s = scores[i];
      if (Float.isFinite(s)) {
        finite++;
        sum += s;
        sumSq += (double) s * s;
        min = Math.min(min, s);
        max = Math.max(max, s);
      }
    }
    float offset;
    float scale;
    if (finite == 0 || max == min) {
      offset = 0f;
      scale = 0f;
    } else if (this == Z_SCORE) {
      double mean = sum / finite;
      double sd = Math.sqrt(Math.max(0, sumSq / finite - mean * mean));
      offset = (float) mean;
      scale = sd > 0 ? (float) (1 / sd) : 0f;
    } else {
      offset = min;
      scale = 1f / (max - min);
    }
    float lowest = finite == 0 ? 0f : (min - offset) * scale;
    for (int i = 0; i < n; i++) {
      float s = scores[i];
      scores[i] = Float.isFinite(s) ? (s - offset) * scale : lowest;
    }
    return lowest;
  }
}
