package io.github.kindred.serve;

import io.github.kindred.model.Query;
import io.github.kindred.serve.State.UserHistory;

/**
 * Whom (or what) one request is about, resolved against one serving state: the items to exclude as seen, and what
 * the explanations need to rebuild the model query later (the user's changed history, their dataset row, the
 * session's items, or the query item of a similar-items request). Immutable; kept by the
 * {@link Recommendations} it produced.
 */
final class Subject {
  /** A request about nobody in particular (a cold user, a new user described by features). */
  static final Subject NONE = new Subject(null, -1, null, -1, null, 0, 0);

  /** The user's changed history, or null. */
  final UserHistory online;
  /** The user's dataset row when their history did not change, or -1. */
  final int baseUser;
  /** The session's distinct items the model knows, ascending, or null. */
  final int[] session;
  /** The query item of a similar-items request, or -1. */
  final int queryItem;
  /** The seen items are {@code seen[seenFrom..seenTo)}, ascending; null when nothing was seen. */
  final int[] seen;
  final int seenFrom;
  final int seenTo;

  Subject(UserHistory online, int baseUser, int[] session, int queryItem, int[] seen, int seenFrom, int seenTo) {
    this.online = online;
    this.baseUser = baseUser;
    this.session = session;
    this.queryItem = queryItem;
    this.seen = seen;
    this.seenFrom = seenFrom;
    this.seenTo = seenTo;
  }

  /** A known user whose history is {@code online} (if changed) or row {@code base} of the state's matrix. */
  static Subject user(State s, UserHistory online, int base) {
    if (online != null) {
      return new Subject(online, -1, null, -1, online.items, 0, online.items.length);
    }
    if (base < 0) {
      return NONE;
    }
    int[] ptr = s.matrix.rowPointers();
    return new Subject(null, base, null, -1, s.matrix.columnIndexes(), ptr[base], ptr[base + 1]);
  }

  /** An anonymous session: the distinct items the model knows, and every known item as seen (both ascending). */
  static Subject session(int[] session, int[] seen) {
    return new Subject(null, -1, session, -1, seen, 0, seen.length);
  }

  /** A similar-items request for item {@code item} (-1 if unknown). */
  static Subject item(int item) {
    return new Subject(null, -1, null, item, null, 0, 0);
  }

  /** Whether {@code item} is among the seen items. */
  boolean hasSeen(int item) {
    return seen != null && java.util.Arrays.binarySearch(seen, seenFrom, seenTo, item) >= 0;
  }

  /**
   * The model query behind a model-scored answer, for explanations: rebuilt, since the fused path never builds one;
   * null if there is no history to explain by.
   */
  Query explanationQuery(State s) {
    if (online != null) {
      return online.query;
    }
    if (baseUser >= 0) {
      return Query.forUser(baseUser, s.matrix);
    }
    if (session != null && session.length > 0) {
      return Query.ofItems(session);
    }
    return null;
  }
}
