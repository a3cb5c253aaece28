package io.github.kindred.rating;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionMatrix;

/** The statistics of a rating matrix every rating trainer starts from: mean and range. */
final class Ratings {
  final InteractionMatrix matrix;
  final float mean;
  final float min;
  final float max;

  private Ratings(InteractionMatrix matrix, float mean, float min, float max) {
    this.matrix = matrix;
    this.mean = mean;
    this.min = min;
    this.max = max;
  }

  /**
   * Reads the ratings of {@code data}.
   *
   * @throws IllegalArgumentException if the matrix is empty
   */
  static Ratings of(Dataset data) {
    InteractionMatrix m = data.matrix();
    float[] v = m.values();
    if (v.length == 0) {
      throw new IllegalArgumentException("the dataset has no ratings");
    }
    double sum = 0;
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float x : v) {
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    return new Ratings(m, (float) (sum / v.length), min, max);
  }
}
