package io.github.kindred.serve.pipeline;

import io.github.kindred.data.FeatureTable;

/**
 * Item-to-item cosines (internal), shared by the similar-items scores and diversity re-ranking: of two item
 * vectors, or of two rows of a sparse feature table.
 */
public final class ItemSimilarity {
  private ItemSimilarity() {}

  /**
   * The cosine of two vectors stored at offsets of flat arrays, given their norms.
   *
   * @param a the first array
   * @param offsetA where the first vector starts
   * @param normA its Euclidean norm
   * @param b the second array
   * @param offsetB where the second vector starts
   * @param normB its Euclidean norm
   * @param d the dimension
   * @return the cosine, 0 if either norm is 0
   */
  public static float vectorCosine(float[] a, int offsetA, float normA, float[] b, int offsetB, float normB, int d) {
    float norm = normA * normB;
    if (norm == 0f) {
      return 0f;
    }
    float s = 0f;
    for (int f = 0; f < d; f++) {
      s += a[offsetA + f] * b[offsetB + f];
    }
    return s / norm;
  }

  /**
   * The cosine of two rows of a feature table.
   *
   * @param t the table
   * @param a a row, or -1 for none
   * @param b another row, or -1 for none
   * @return the cosine, 0 if either row is missing (-1) or empty
   */
  public static float featureCosine(FeatureTable t, int a, int b) {
    if (a < 0 || b < 0) {
      return 0f;
    }
    int[] p = t.pointers();
    int[] f = t.featureIndexes();
    float[] v = t.values();
    double dotAb = 0;
    int i = p[a];
    int j = p[b];
    while (i < p[a + 1] && j < p[b + 1]) {
      if (f[i] == f[j]) {
        dotAb += (double) v[i++] * v[j++];
      } else if (f[i] < f[j]) {
        i++;
      } else {
        j++;
      }
    }
    double na = squaredNorm(v, p[a], p[a + 1]);
    double nb = squaredNorm(v, p[b], p[b + 1]);
    return na == 0 || nb == 0 ? 0f : (float) (dotAb / Math.sqrt(na * nb));
  }

  private static double squaredNorm(float[] v, int from, int to) {
    double n = 0;
    for (int k = from; k < to; k++) {
      n += (double) v[k] * v[k];
    }
    return n;
  }
}
