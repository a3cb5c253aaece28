package io.github.kindred.eval.split;

import io.github.kindred.data.InteractionLog;
import java.util.SplittableRandom;

/**
 * Global random holdout: a share of all (user, item) pairs, chosen uniformly with the seed, goes to test.
 *
 * @param testRatio the share of pairs held out, in (0, 1); {@code round(pairs * testRatio)} pairs
 * @param seed the seed of the choice
 */
public record RandomHoldout(double testRatio, long seed) implements Splitter {
  /** Validates the ratio. */
  public RandomHoldout {
    Splits.requireRatio(testRatio, "testRatio");
  }

  @Override
  public Split split(InteractionLog log) {
    PairUnits units = PairUnits.of(log);
    int[] order = Splits.permutation(units.units(), new SplittableRandom(seed));
    int test = (int) Math.round(units.units() * testRatio);
    byte[] part = new byte[log.size()];
    for (int k = 0; k < test; k++) {
      units.assign(order[k], part, Splits.TEST);
    }
    return Splits.assemble(log, part, false);
  }
}
