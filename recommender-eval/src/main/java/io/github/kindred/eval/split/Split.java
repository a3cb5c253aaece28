package io.github.kindred.eval.split;

import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionLog;
import java.util.Objects;

/**
 * A train log, a test log and a fold-in log on shared id indexes: every user and item of the training log has the
 * same index in the test log, and every user and item of the test log the same index in the fold-in log; ids seen
 * only in a later log come after the earlier log's. Immutable; safe to share between threads.
 *
 * <p>The fold-in log holds the revealed part of the histories of users held out of training (strong
 * generalisation): at test time those users are scored from their fold-in events, and it is empty for the other
 * protocols. Build the training log first, then the test log with
 * {@code InteractionLog.builder().knownUsers(train.users()).knownItems(train.items())}, or let a
 * {@link Splitter} do it.
 *
 * @param train the training events, not empty
 * @param test the held-out events, on indexes that extend the training log's
 * @param foldIn events revealed at test time for users unknown to training, on indexes that extend the test log's
 */
public record Split(InteractionLog train, InteractionLog test, InteractionLog foldIn) {
  /**
   * Validates that the indexes extend each other.
   *
   * @throws IllegalArgumentException if the training log is empty or an index differs
   */
  public Split {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(foldIn, "foldIn");
    if (train.size() == 0) {
      throw new IllegalArgumentException("the training log is empty");
    }
    requirePrefix(train.users(), test.users(), "user", "test");
    requirePrefix(train.items(), test.items(), "item", "test");
    requirePrefix(test.users(), foldIn.users(), "user", "fold-in");
    requirePrefix(test.items(), foldIn.items(), "item", "fold-in");
  }

  /** A split without fold-in events. */
  public Split(InteractionLog train, InteractionLog test) {
    this(train, test, InteractionLog.builder(test.eventTypes()).knownUsers(test.users()).knownItems(test.items())
        .build());
  }

  private static void requirePrefix(IdIndex earlier, IdIndex later, String what, String log) {
    if (later.size() < earlier.size()) {
      throw new IllegalArgumentException("the " + log + " log knows " + later.size() + " " + what
          + "s, fewer than the " + earlier.size() + " before it; build it with known"
          + (what.equals("user") ? "Users" : "Items") + "(...) of the earlier log");
    }
    for (int i = 0; i < earlier.size(); i++) {
      if (!earlier.idOf(i).equals(later.idOf(i))) {
        throw new IllegalArgumentException(what + " index " + i + " is '" + earlier.idOf(i) + "' before but '"
            + later.idOf(i) + "' in the " + log + " log; the logs must share id indexes");
      }
    }
  }
}
