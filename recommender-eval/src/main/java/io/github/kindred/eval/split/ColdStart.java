package io.github.kindred.eval.split;

import io.github.kindred.data.InteractionLog;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Cold-start split: a share of the items (or of the users), chosen with the seed, has all its events moved to
 * test.
 *
 * <p>For {@link Target#ITEMS}, the training log still lists every item of the input (the cold items without
 * events), so that models that know items by their features can score them; evaluate with the cold items as the
 * candidate set ({@link io.github.kindred.eval.metric.RankingEvaluator.Builder#candidates(int[])}). For {@link Target#USERS}, the cold users are
 * unknown to training and are scored from an empty history.
 *
 * @param target whether items or users go cold
 * @param ratio the share of items (users) made cold, in (0, 1), rounded
 * @param seed the seed of the choice
 */
public record ColdStart(Target target, double ratio, long seed) implements Splitter {
  /** What goes cold. */
  public enum Target {
    /** A share of the items. */
    ITEMS,
    /** A share of the users. */
    USERS
  }

  /** Validates the target and ratio. */
  public ColdStart {
    Objects.requireNonNull(target, "target");
    Splits.requireRatio(ratio, "ratio");
  }

  /**
   * The indexes, in the training log of a split made by this splitter, of the items with no training events (the
   * cold items, for {@link Target#ITEMS}).
   */
  public static int[] itemsWithoutEvents(Split split) {
    int items = split.train().items().size();
    boolean[] seen = new boolean[items];
    for (int i = 0; i < split.train().size(); i++) {
      seen[split.train().item(i)] = true;
    }
    int n = 0;
    int[] out = new int[items];
    for (int i = 0; i < items; i++) {
      if (!seen[i]) {
        out[n++] = i;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  @Override
  public Split split(InteractionLog log) {
    boolean items = target == Target.ITEMS;
    int count = items ? log.items().size() : log.users().size();
    int[] order = Splits.permutation(count, new SplittableRandom(seed));
    boolean[] cold = new boolean[count];
    int n = (int) Math.round(count * ratio);
    for (int k = 0; k < n; k++) {
      cold[order[k]] = true;
    }
    byte[] part = new byte[log.size()];
    for (int i = 0; i < log.size(); i++) {
      part[i] = cold[items ? log.item(i) : log.user(i)] ? Splits.TEST : Splits.TRAIN;
    }
    return Splits.assemble(log, part, items);
  }
}
