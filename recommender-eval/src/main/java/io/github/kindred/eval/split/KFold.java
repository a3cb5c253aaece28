package io.github.kindred.eval.split;

import io.github.kindred.data.InteractionLog;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One fold of a k-fold cross-validation over (user, item) pairs: the pairs are shuffled with the seed and dealt
 * into {@code folds} parts of equal size (within one); fold {@code fold} is tested and the others train. The folds
 * of one seed partition the pairs, so every pair is tested exactly once over {@link #all(InteractionLog, int,
 * long)}.
 *
 * @param folds the number of folds, >= 2
 * @param fold the tested fold, in [0, folds)
 * @param seed the seed of the shuffle (the same for every fold of one cross-validation)
 */
public record KFold(int folds, int fold, long seed) implements Splitter {
  /** Validates the fold numbers. */
  public KFold {
    if (folds < 2) {
      throw new IllegalArgumentException("folds must be >= 2, got " + folds);
    }
    if (fold < 0 || fold >= folds) {
      throw new IllegalArgumentException("fold must be in [0, " + folds + "), got " + fold);
    }
  }

  /** All {@code folds} splits of {@code log}, fold 0 first. */
  public static List<Split> all(InteractionLog log, int folds, long seed) {
    List<Split> out = new ArrayList<>();
    for (int f = 0; f < folds; f++) {
      out.add(new KFold(folds, f, seed).split(log));
    }
    return out;
  }

  @Override
  public Split split(InteractionLog log) {
    PairUnits units = PairUnits.of(log);
    int[] order = Splits.permutation(units.units(), new SplittableRandom(seed));
    byte[] part = new byte[log.size()];
    for (int k = fold; k < order.length; k += folds) {
      units.assign(order[k], part, Splits.TEST);
    }
    return Splits.assemble(log, part, false);
  }
}
