package io.github.kindred.segment;

import io.github.kindred.data.IdIndex;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * A mapping from dense user indexes to segment names: what a clustering, an RFM tiering or any hand-made grouping
 * gives, and what per-segment hot lists need. Implementations are immutable and thread-safe.
 */
public interface UserSegments {
  /** {@return number of users covered: valid user indexes are {@code 0..userCount()-1}} */
  int userCount();

  /**
   * The segment name of user {@code user}.
   *
   * @param user the user index, in {@code 0..userCount()-1}
   * @return the segment name, or null if the user belongs to no segment
   * @throws IndexOutOfBoundsException if {@code user} is not in {@code 0..userCount()-1}
   */
  String nameOf(int user);

  /**
   * A user-id-to-segment-name function over {@code users} (the id index these segments were computed on, usually
   * {@code dataset.users()}), in the shape {@code io.github.kindred.serve.Recommender.Builder#segments} takes. An id
   * that {@code users} does not know, or null, maps to null. The function only reads immutable state: thread-safe,
   * one hash lookup per call.
   *
   * @param users the ids of this mapping's user indexes, {@link #userCount()} of them
   * @return the function from user id to segment name
   * @throws NullPointerException if {@code users} is null
   * @throws IllegalArgumentException if {@code users} does not have {@link #userCount()} ids
   */
  default Function<String, String> byUserId(IdIndex users) {
    Objects.requireNonNull(users, "users");
    if (users.size() != userCount()) {
      throw new IllegalArgumentException("user ids must number " + userCount() + " (one per user index), got "
          + users.size());
    }
    return id -> {
      int u = id == null ? -1 : users.indexOf(id);
      return u < 0 ? null : nameOf(u);
    };
  }

  /**
   * These segments re-indexed onto other user ids: user {@code t} of the result is in the segment of the user with
   * id {@code targetIds.idOf(t)} here (null if {@code ownIds} does not know that id). For example, a segmentation of
   * every user a feature table describes ({@code features.entities()}) re-indexed onto {@code dataset.users()} for
   * {@link SegmentHotLists}. The names are resolved once; the result is immutable.
   *
   * @param ownIds the ids of this mapping's user indexes, {@link #userCount()} of them
   * @param targetIds the ids to index the result by
   * @return segments over {@code targetIds.size()} users
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code ownIds} does not have {@link #userCount()} ids
   */
  default UserSegments reindexed(IdIndex ownIds, IdIndex targetIds) {
    Objects.requireNonNull(targetIds, "targetIds");
    Function<String, String> byId = byUserId(ownIds);
    String[] names = new String[targetIds.size()];
    for (int t = 0; t < names.length; t++) {
      names[t] = byId.apply(targetIds.idOf(t));
    }
    return of(names);
  }

  /**
   * Segments given as one name per user index (null for none). The array is copied.
   *
   * @param names the segment name of each user index, null for a user in no segment
   * @return segments over {@code names.length} users
   * @throws NullPointerException if {@code names} is null
   */
  static UserSegments of(String... names) {
    String[] copy = Arrays.copyOf(names, names.length);
    return new UserSegments() {
      @Override
      public int userCount() {
        return copy.length;
      }

      @Override
      public String nameOf(int user) {
        return copy[Objects.checkIndex(user, copy.length)];
      }
    };
  }
}
