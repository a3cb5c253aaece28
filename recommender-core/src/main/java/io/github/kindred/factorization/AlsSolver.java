package io.github.kindred.factorization;

import java.util.Locale;

/** How implicit ALS solves each user's and item's least-squares system. */
public enum AlsSolver {
  /**
   * A few conjugate-gradient steps per solve, warm-started from the previous vector (Takacs, Pilaszy and Tikk 2011):
   * {@code O(cgSteps * (factors^2 + n * factors))} per row with {@code n} stored cells, so the cost no longer grows
   * with {@code n * factors^2}. Inexact per iteration, but the warm start lets successive iterations finish the
   * job. The fast default.
   */
  CG,
  /**
   * The exact solution by a dense Cholesky factorisation: {@code O(n * factors^2 + factors^3)} per row.
   */
  CHOLESKY;

  /**
   * Parses {@code "cg"} or {@code "cholesky"} (any case).
   *
   * @param name the solver name, as the CLI's {@code solver=} parameter gives it
   * @return the solver
   * @throws IllegalArgumentException naming the value and the accepted names otherwise
   */
  public static AlsSolver fromName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.equals("cg")) {
      return CG;
    }
    if (n.equals("cholesky")) {
      return CHOLESKY;
    }
    throw new IllegalArgumentException("solver must be cg or cholesky, got '" + name + "'");
  }
}
