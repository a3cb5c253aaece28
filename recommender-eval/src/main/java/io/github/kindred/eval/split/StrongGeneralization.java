package io.github.kindred.eval.split;

import io.github.kindred.data.InteractionLog;
import java.util.SplittableRandom;

/**
 * Strong generalisation: a share of the users is held out of training entirely; of each held-out user's (user,
 * item) pairs, a share is revealed at test time (the fold-in log, from which the model must infer the user without
 * retraining) and the rest is tested. A held-out user with a single pair has it tested with nothing folded in.
 *
 * @param userRatio the share of users held out, in (0, 1)
 * @param foldInRatio the share of each held-out user's pairs revealed, in (0, 1), rounded, at most all but one
 * @param seed the seed of both choices
 */
public record StrongGeneralization(double userRatio, double foldInRatio, long seed) implements Splitter {
  /** Validates both ratios. */
  public StrongGeneralization {
    Splits.requireRatio(userRatio, "userRatio");
    Splits.requireRatio(foldInRatio, "foldInRatio");
  }

  @Override
  public Split split(InteractionLog log) {
    PairUnits units = PairUnits.of(log);
    SplittableRandom random = new SplittableRandom(seed);
    int[] users = Splits.permutation(units.users(), random);
    int heldOut = (int) Math.round(units.users() * userRatio);
    byte[] part = new byte[log.size()];
    int[] mine = new int[0];
    for (int k = 0; k < heldOut; k++) {
      int u = users[k];
      int from = units.userStart[u];
      int n = units.userStart[u + 1] - from;
      if (mine.length < n) {
        mine = new int[n];
      }
      for (int j = 0; j < n; j++) {
        mine[j] = from + j;
      }
      Splits.shuffle(mine, 0, n, random);
      int reveal = Math.min((int) Math.round(n * foldInRatio), n - 1);
      for (int j = 0; j < n; j++) {
        units.assign(mine[j], part, j < reveal ? Splits.FOLD_IN : Splits.TEST);
      }
    }
    return Splits.assemble(log, part, false);
  }
}
