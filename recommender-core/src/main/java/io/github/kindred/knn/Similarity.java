package io.github.kindred.knn;

/** Similarity between two items (or users) from their interaction vectors. */
public enum Similarity {
  /**
   * {@code dot(a, b) / (|a| |b| + shrinkage)} over the interaction values; with binary data,
   * {@code co / (sqrt(n_a n_b) + shrinkage)}.
   */
  COSINE,
  /** {@code co / (n_a + n_b - co + shrinkage)} over the sets of users (values ignored). */
  JACCARD,
  /**
   * Item kNN only: the item-normalised (asymmetric) cosine over the sets of users (values ignored),
   * {@code sim(i, j) = co / (n_i^alpha * n_j^(1 - alpha) + shrinkage)} for item {@code j} in item {@code i}'s
   * list, with {@code alpha} from {@link ItemKnnConfig#alpha()}; alpha 0.5 is the cosine of binary vectors, larger
   * alpha penalises the popularity of the list's own item more (Aiolli 2013, "Efficient top-N recommendation for
   * very large scale binary rated datasets").
   */
  ASYMMETRIC
}
