package io.github.kindred.eval.split;

import io.github.kindred.data.InteractionLog;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Per-user holdout: from every user's (user, item) pairs, a share ({@code testRatio}) or a fixed number
 * ({@code leaveOut}) goes to test, chosen at random or as the most recent pairs. Every user keeps at least one pair
 * in training, so a user with a single pair is not tested. The MovieLens reference split is of this kind (80/20,
 * random).
 *
 * @param testRatio the share of each user's pairs held out, in (0, 1), rounded to the nearest count; or 0 when
 *     {@code leaveOut} is used
 * @param leaveOut the number of each user's pairs held out, >= 1; or 0 when {@code testRatio} is used
 * @param order which pairs are held out
 * @param seed the seed of random choices (unused, but recorded, for {@link Order#RECENT})
 */
public record UserHoldout(double testRatio, int leaveOut, Order order, long seed) implements Splitter {
  /** Which of a user's pairs are held out. */
  public enum Order {
    /** Chosen uniformly at random. */
    RANDOM,
    /** The most recent by their latest event; ties by item index. Needs timestamps. */
    RECENT
  }

  /** Validates that exactly one of the ratio and the count is set. */
  public UserHoldout {
    Objects.requireNonNull(order, "order");
    if (leaveOut == 0) {
      Splits.requireRatio(testRatio, "testRatio");
    } else if (leaveOut < 0 || testRatio != 0) {
      throw new IllegalArgumentException(
          "give either testRatio in (0, 1) or leaveOut >= 1, got testRatio " + testRatio + ", leaveOut " + leaveOut);
    }
  }

  /** Holds out {@code testRatio} of each user's pairs. */
  public static UserHoldout ratio(double testRatio, Order order, long seed) {
    return new UserHoldout(testRatio, 0, order, seed);
  }

  /** Holds out {@code count} pairs of each user. */
  public static UserHoldout leaveOut(int count, Order order, long seed) {
    if (count < 1) {
      throw new IllegalArgumentException("leaveOut must be >= 1, got " + count);
    }
    return new UserHoldout(0, count, order, seed);
  }

  @Override
  public Split split(InteractionLog log) {
    if (order == Order.RECENT) {
      Splits.requireTimestamps(log, "a most-recent per-user holdout");
    }
    PairUnits units = PairUnits.of(log);
    SplittableRandom random = new SplittableRandom(seed);
    byte[] part = new byte[log.size()];
    int[] mine = new int[0];
    for (int u = 0; u < units.users(); u++) {
      int from = units.userStart[u];
      int n = units.userStart[u + 1] - from;
      if (n < 2) {
        continue;
      }
      int test = leaveOut > 0 ? leaveOut : (int) Math.round(n * testRatio);
      test = Math.min(test, n - 1);
      if (mine.length < n) {
        mine = new int[n];
      }
      for (int k = 0; k < n; k++) {
        mine[k] = from + k;
      }
      if (order == Order.RANDOM) {
        Splits.shuffle(mine, 0, n, random);
      } else {
        // Most recent first: latest time descending, ties by the larger item index first (deterministic).
        IntArrays.mergeSort(mine, 0, n, (a, b) -> units.unitLatest[a] != units.unitLatest[b]
            ? Long.compare(units.unitLatest[b], units.unitLatest[a]) : Integer.compare(b, a));
      }
      for (int k = 0; k < test; k++) {
        units.assign(mine[k], part, Splits.TEST);
      }
    }
    return Splits.assemble(log, part, false);
  }
}
