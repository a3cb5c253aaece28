package io.github.kindred.eval;

import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionLog;
import java.util.Objects;

/**
 * A train log and a test log on shared id indexes: every user and item of the training log has the same index in
 * the test log, and ids seen only in the test log come after them. Immutable; safe to share between threads.
 *
 * <p>Build the training log first, then the test log with
 * {@code InteractionLog.builder().knownUsers(train.users()).knownItems(train.items())}, or let a splitter do it.
 *
 * @param train the training events, not empty
 * @param test the held-out events, on indexes that extend the training log's
 */
public record Split(InteractionLog train, InteractionLog test) {
  /**
   * Validates that the test log's indexes extend the training log's.
   *
   * @throws IllegalArgumentException if the training log is empty or an index differs
   */
  public Split {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    if (train.size() == 0) {
      throw new IllegalArgumentException("the training log is empty");
    }
    requirePrefix(train.users(), test.users(), "user");
    requirePrefix(train.items(), test.items(), "item");
  }

  private static void requirePrefix(IdIndex train, IdIndex test, String what) {
    if (test.size() < train.size()) {
      throw new IllegalArgumentException("the test log knows " + test.size() + " " + what + "s but the training log "
          + train.size() + "; build the test log with known" + (what.equals("user") ? "Users" : "Items")
          + "(train." + what + "s())");
    }
    for (int i = 0; i < train.size(); i++) {
      if (!train.idOf(i).equals(test.idOf(i))) {
        throw new IllegalArgumentException(what + " index " + i + " is '" + train.idOf(i)
            + "' in the training log but '" + test.idOf(i) + "' in the test log; the two logs must share id indexes");
      }
    }
  }
}
