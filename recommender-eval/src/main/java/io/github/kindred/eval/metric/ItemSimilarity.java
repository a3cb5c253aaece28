package io.github.kindred.eval.metric;

import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.IdIndex;
import io.github.kindred.model.ItemVectors;

/** Cosine similarity between two items, for intra-list diversity. Immutable and thread-safe. */
interface ItemSimilarity {
  /** Cosine of items {@code i} and {@code j} (model indexes); 0 when either has no features. */
  double cosine(int i, int j);

  /** Cosine over the rows of a feature table, aligned to {@code items} by id. */
  static ItemSimilarity of(FeatureTable table, IdIndex items) {
    int[] rows = table.rowsFor(items);
    int[] pointers = table.pointers();
    int[] features = table.featureIndexes();
    float[] values = table.values();
    double[] norms = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] >= 0) {
        double sq = 0;
        for (int k = pointers[rows[i]]; k < pointers[rows[i] + 1]; k++) {
          sq += (double) values[k] * values[k];
        }
        norms[i] = Math.sqrt(sq);
      }
    }
    return (i, j) -> {
      int a = rows[i];
      int b = rows[j];
      if (a < 0 || b < 0 || norms[i] == 0 || norms[j] == 0) {
        return 0.0;
      }
      // Feature indexes are ascending within a row: a merge finds the shared ones.
      double dot = 0;
      int p = pointers[a];
      int q = pointers[b];
      while (p < pointers[a + 1] && q < pointers[b + 1]) {
        if (features[p] < features[q]) {
          p++;
        } else if (features[p] > features[q]) {
          q++;
        } else {
          dot += (double) values[p++] * values[q++];
        }
      }
      return dot / (norms[i] * norms[j]);
    };
  }

  /** Cosine over dense item vectors, normalised once here. */
  static ItemSimilarity of(ItemVectors vectors, int items) {
    int d = vectors.dimensions();
    float[] unit = new float[items * d];
    float[] v = new float[d];
    for (int i = 0; i < items; i++) {
      vectors.itemVector(i, v);
      double sq = 0;
      for (float x : v) {
        sq += (double) x * x;
      }
      double scale = sq == 0 ? 0 : 1 / Math.sqrt(sq);
      for (int f = 0; f < d; f++) {
        unit[i * d + f] = (float) (v[f] * scale);
      }
    }
    return (i, j) -> {
      double dot = 0;
      for (int f = 0; f < d; f++) {
        dot += (double) unit[i * d + f] * unit[j * d + f];
      }
      return dot;
    };
  }
}
