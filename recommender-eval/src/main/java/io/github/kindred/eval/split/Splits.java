package io.github.kindred.eval.split;

import io.github.kindred.data.InteractionLog;
import java.util.SplittableRandom;

/**
 * Builds a {@link Split} from a per-event assignment; the shared machinery of the splitters. Only
 * {@link #permutation(int, SplittableRandom)} is public (hyper-parameter search draws its random trials with it, so
 * that its shuffles match the splitters'); the rest stays inside this package.
 */
public final class Splits {
  static final byte TRAIN = 0;
  static final byte TEST = 1;
  static final byte FOLD_IN = 2;
  static final byte DROPPED = 3;

  private Splits() {}

  /**
   * Copies the events of {@code log} into new training, test and fold-in logs by {@code part}. The training log
   * indexes users and items in order of first appearance among its own events, so its catalogue is the items with
   * training events, unless {@code catalogueFromLog} is set, in which case every item of {@code log} is
   * pre-registered (cold-start splits, where models with item features can score items without events). Test and
   * fold-in logs extend the training log's indexes.
   */
  static Split assemble(InteractionLog log, byte[] part, boolean catalogueFromLog) {
    InteractionLog.Builder train = InteractionLog.builder(log.eventTypes());
    if (catalogueFromLog) {
      train.knownItems(log.items());
    }
    copy(log, part, TRAIN, train);
    InteractionLog trainLog = train.build();
    InteractionLog.Builder test = InteractionLog.builder(log.eventTypes())
        .knownUsers(trainLog.users()).knownItems(trainLog.items());
    copy(log, part, TEST, test);
    // Fold-in events are added to the same builder's indexes after the test events so that a held-out user has
    // one index in both logs: build test first, then fold-in on the test log's indexes.
    InteractionLog testLog = test.build();
    InteractionLog.Builder foldIn = InteractionLog.builder(log.eventTypes())
        .knownUsers(testLog.users()).knownItems(testLog.items());
    copy(log, part, FOLD_IN, foldIn);
    return new Split(trainLog, testLog, foldIn.build());
  }

  private static void copy(InteractionLog log, byte[] part, byte which, InteractionLog.Builder out) {
    for (int i = 0; i < log.size(); i++) {
      if (part[i] == which) {
        out.add(log.users().idOf(log.user(i)), log.items().idOf(log.item(i)), log.value(i), log.timestamp(i),
            log.eventTypes().name(log.eventType(i)), log.context(i));
      }
    }
  }

  /** Shuffles {@code a[from..to)} in place (Fisher-Yates) with {@code random}. */
  static void shuffle(int[] a, int from, int to, SplittableRandom random) {
    for (int i = to - 1; i > from; i--) {
      int j = from + random.nextInt(i - from + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** {@code 0..n-1} shuffled with a generator seeded by {@code seed}. */
  /**
   * Returns a uniformly random permutation of {@code 0..n-1} (Fisher-Yates).
   *
   * @param n the length
   * @param random the source of randomness, consumed
   * @return a new array holding each of {@code 0..n-1} once
   */
  public static int[] permutation(int n, SplittableRandom random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    shuffle(p, 0, n, random);
    return p;
  }

  static void requireRatio(double ratio, String name) {
    if (!(ratio > 0 && ratio < 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1), got " + ratio);
    }
  }

  static void requireTimestamps(InteractionLog log, String splitter) {
    if (!log.hasTimestamps()) {
      throw new IllegalArgumentException(splitter + " needs a timestamp on every event, and some have none");
    }
  }
}
