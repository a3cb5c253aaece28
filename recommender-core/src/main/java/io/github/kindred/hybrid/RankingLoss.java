package io.github.kindred.hybrid;

/** The pairwise ranking loss a feature-aware factorisation model is trained with. */
public enum RankingLoss {
  /**
   * Bayesian personalised ranking (Rendle et al. 2009): for a positive item {@code i} and one uniformly sampled
   * negative {@code j}, maximise {@code ln sigmoid(s(u, i) - s(u, j))}.
   */
  BPR,
  /**
   * Weighted approximate-rank pairwise loss (Weston, Bengio and Usunier 2011): sample negatives until one violates
   * the margin {@code s(u, j) > s(u, i) - 1}; if one does after {@code t} draws, take a hinge step weighted by
   * {@code ln(floor((M - 1) / t))}, an estimate of the log rank of {@code i} among the {@code M} trainable items.
   * Optimises the top of the ranking more than BPR.
   */
  WARP
}
