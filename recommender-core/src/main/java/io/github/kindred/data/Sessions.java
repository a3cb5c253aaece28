package io.github.kindred.data;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.Arrays;
import java.util.Objects;

/**
 * Every user's events in time order, cut into sessions (or baskets): a new session starts when an event is more
 * than {@code gapSeconds} later than the user's previous event. With a gap of 0 a session is the set of events
 * that share one timestamp, which is how basket data arrives (Ta-Feng's basket index in the timestamp column, or
 * one purchase time per order).
 *
 * <p>Events of one user with equal timestamps keep their log order. Items may repeat inside a session (a session
 * is an ordered list of events); consumers that want sets remove the repeats. Stored as compressed arrays: user
 * {@code u} owns sessions {@code [userStart(u), userStart(u + 1))}, session {@code s} owns positions
 * {@code [sessionStart(s), sessionStart(s + 1))}. Immutable and safe to share between threads; building one is
 * {@code O(n log n)} for {@code n} events.
 */
public final class Sessions {
  private final int[] userStart;
  private final int[] sessionStart;
  private final int[] items;
  private final long[] sessionTime;

  private Sessions(int[] userStart, int[] sessionStart, int[] items, long[] sessionTime) {
    this.userStart = userStart;
    this.sessionStart = sessionStart;
    this.items = items;
    this.sessionTime = sessionTime;
  }

  /**
   * Cuts the events of {@code log} into sessions.
   *
   * @param log the events; every event needs a timestamp
   * @param gapSeconds the largest gap between consecutive events of one session, at least 0
   * @return the sessions of every user of the log (users without events have none)
   * @throws IllegalArgumentException if {@code gapSeconds < 0}, or an event has no timestamp (the message names the
   *     first such event)
   */
  public static Sessions of(InteractionLog log, long gapSeconds) {
    Objects.requireNonNull(log, "log");
    if (gapSeconds < 0) {
      throw new IllegalArgumentException("gapSeconds must be >= 0, got " + gapSeconds);
    }
    int n = log.size();
    int users = log.users().size();
    for (int e = 0; e < n; e++) {
      if (log.timestamp(e) == InteractionLog.NO_TIME) {
        throw new IllegalArgumentException("sessions need timestamps, but event " + e + " (user '"
            + log.users().idOf(log.user(e)) + "', item '" + log.items().idOf(log.item(e)) + "') has none");
      }
    }
    // Counting sort by user keeps log order within a user; the stable merge sort then orders by time.
    int[] start = new int[users + 1];
    for (int e = 0; e < n; e++) {
      start[log.user(e) + 1]++;
    }
    for (int u = 0; u < users; u++) {
      start[u + 1] += start[u];
    }
    int[] order = new int[n];
    int[] fill = Arrays.copyOf(start, users);
    for (int e = 0; e < n; e++) {
      order[fill[log.user(e)]++] = e;
    }
    for (int u = 0; u < users; u++) {
      IntArrays.mergeSort(order, start[u], start[u + 1], (a, b) -> Long.compare(log.timestamp(a), log.timestamp(b)));
    }
    int[] userStart = new int[users + 1];
    int[] sessionStart = new int[n + 1];
    long[] sessionTime = new long[n];
    int[] items = new int[n];
    int sessions = 0;
    for (int u = 0; u < users; u++) {
      userStart[u] = sessions;
      long previous = 0;
      for (int p = start[u]; p < start[u + 1]; p++) {
        int e = order[p];
        long t = log.timestamp(e);
        if (p == start[u] || t - previous > gapSeconds) {
          sessionStart[sessions] = p;
          sessionTime[sessions] = t;
          sessions++;
        }
        items[p] = log.item(e);
        previous = t;
      }
    }
    userStart[users] = sessions;
    sessionStart[sessions] = n;
    return new Sessions(userStart, Arrays.copyOf(sessionStart, sessions + 1), items,
        Arrays.copyOf(sessionTime, sessions));
  }

  /**
   * Sessions from their compressed arrays, as a model file stores them; the arrays are copied and checked.
   *
   * @param userStart {@code users + 1} non-decreasing session offsets, from 0 to the session count
   * @param sessionStart {@code sessions + 1} non-decreasing item offsets, from 0 to {@code items.length}
   * @param items the item index of every position, each {@code >= 0}
   * @param sessionTime the time of every session's first event (seconds or any ordered unit), non-decreasing
   *     within a user
   * @return the sessions
   * @throws IllegalArgumentException naming the first array that is inconsistent
   */
  public static Sessions of(int[] userStart, int[] sessionStart, int[] items, long[] sessionTime) {
    checkOffsets(userStart, sessionTime.length, "userStart");
    checkOffsets(sessionStart, items.length, "sessionStart");
    if (sessionStart.length != sessionTime.length + 1) {
      throw new IllegalArgumentException("sessionStart has " + sessionStart.length + " entries for "
          + sessionTime.length + " sessions");
    }
    for (int p = 0; p < items.length; p++) {
      if (items[p] < 0) {
        throw new IllegalArgumentException("item index at position " + p + " is negative: " + items[p]);
      }
    }
    for (int u = 0; u + 1 < userStart.length; u++) {
      for (int s = userStart[u] + 1; s < userStart[u + 1]; s++) {
        if (sessionTime[s] < sessionTime[s - 1]) {
          throw new IllegalArgumentException("session " + s + " of user " + u + " is earlier than the one before");
        }
      }
    }
    return new Sessions(userStart.clone(), sessionStart.clone(), items.clone(), sessionTime.clone());
  }

  private static void checkOffsets(int[] offsets, int total, String what) {
    if (offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != total) {
      throw new IllegalArgumentException(what + " must run from 0 to " + total);
    }
    for (int k = 1; k < offsets.length; k++) {
      if (offsets[k] < offsets[k - 1]) {
        throw new IllegalArgumentException(what + " decreases at entry " + k);
      }
    }
  }

  /**
   * Returns a copy with one more session for {@code user}, after its others (fold-in of a new basket).
   *
   * @param user the user index, {@code 0 <= user < users()}
   * @param sessionItems the items of the new session in event order, at least one, each {@code >= 0}
   * @param time the session's time, not earlier than the user's last session
   * @return the extended sessions; this object is unchanged
   * @throws IllegalArgumentException if the session is empty, an item is negative, or the time goes back
   */
  public Sessions withSession(int user, int[] sessionItems, long time) {
    Objects.checkIndex(user, users());
    if (sessionItems.length == 0) {
      throw new IllegalArgumentException("a new session needs at least one item");
    }
    for (int item : sessionItems) {
      if (item < 0) {
        throw new IllegalArgumentException("item index must be >= 0, got " + item);
      }
    }
    int last = userStart[user + 1];
    if (last > userStart[user] && time < sessionTime[last - 1]) {
      throw new IllegalArgumentException("new session time " + time + " is earlier than user " + user
          + "'s last session at " + sessionTime[last - 1]);
    }
    int at = sessionStart[last];
    int add = sessionItems.length;
    int[] us = userStart.clone();
    for (int u = user + 1; u < us.length; u++) {
      us[u]++;
    }
    int[] ss = new int[sessionStart.length + 1];
    System.arraycopy(sessionStart, 0, ss, 0, last + 1);
    for (int s = last; s < sessionStart.length; s++) {
      ss[s + 1] = sessionStart[s] + add;
    }
    long[] st = new long[sessionTime.length + 1];
    System.arraycopy(sessionTime, 0, st, 0, last);
    st[last] = time;
    System.arraycopy(sessionTime, last, st, last + 1, sessionTime.length - last);
    int[] it = new int[items.length + add];
    System.arraycopy(items, 0, it, 0, at);
    System.arraycopy(sessionItems, 0, it, at, add);
    System.arraycopy(items, at, it, at + add, items.length - at);
    return new Sessions(us, ss, it, st);
  }

  /**
   * Number of users (including those without sessions).
   *
   * @return the user count
   */
  public int users() {
    return userStart.length - 1;
  }

  /**
   * Number of sessions over all users.
   *
   * @return the session count
   */
  public int sessionCount() {
    return sessionTime.length;
  }

  /**
   * Number of positions (events) over all sessions.
   *
   * @return the event count
   */
  public int size() {
    return items.length;
  }

  /**
   * The first session of a user; its sessions run to {@code userStart(user + 1)}.
   *
   * @param user the user index, {@code 0 <= user <= users()}
   * @return the index of its first session
   */
  public int userStart(int user) {
    return userStart[user];
  }

  /**
   * The first position of a session; its events run to {@code sessionStart(session + 1)}.
   *
   * @param session the session index, {@code 0 <= session <= sessionCount()}
   * @return the position of its first event
   */
  public int sessionStart(int session) {
    return sessionStart[session];
  }

  /**
   * The item of an event.
   *
   * @param position the event position, {@code 0 <= position < size()}
   * @return its item index
   */
  public int item(int position) {
    return items[position];
  }

  /**
   * The time of the first event of a session.
   *
   * @param session the session index
   * @return its timestamp
   */
  public long time(int session) {
    return sessionTime[session];
  }

  /**
   * The user offsets.
   *
   * @return a copy, {@code users() + 1} entries
   */
  public int[] userStarts() {
    return userStart.clone();
  }

  /**
   * The session offsets.
   *
   * @return a copy, {@code sessionCount() + 1} entries
   */
  public int[] sessionStarts() {
    return sessionStart.clone();
  }

  /**
   * The items of every position.
   *
   * @return a copy
   */
  public int[] itemArray() {
    return items.clone();
  }

  /**
   * The session times.
   *
   * @return a copy
   */
  public long[] times() {
    return sessionTime.clone();
  }

  @Override
  public String toString() {
    return "Sessions[users=" + users() + ", sessions=" + sessionCount() + ", events=" + size() + "]";
  }
}
