package io.github.kindred.segment;

import io.github.kindred.data.InteractionLog;
import it.unimi.dsi.fastutil.longs.LongArrays;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;

/** The time arithmetic RFM and the at-risk rule share: reference times, calendar days and per-user active days. */
final class Timeline {
  /** Seconds in a day, the unit of recency and of gaps between visits. */
  static final long SECONDS_PER_DAY = 86_400L;

  private Timeline() {}

  /**
   * Checks that every event of {@code log} has a timestamp and returns the reference time: {@code given}, or the
   * latest event time if {@code given} is {@link InteractionLog#NO_TIME}.
   *
   * @param what the name of the computation, for the messages
   * @throws IllegalArgumentException if the log is empty or an event has no timestamp
   */
  static long reference(InteractionLog log, long given, String what) {
    if (log.size() == 0) {
      throw new IllegalArgumentException(what + " needs events, the log is empty");
    }
    long latest = Long.MIN_VALUE;
    for (int i = 0; i < log.size(); i++) {
      long t = log.timestamp(i);
      if (t == InteractionLog.NO_TIME) {
        throw new IllegalArgumentException(what + " needs timestamps: event " + i + " (user '"
            + log.users().idOf(log.user(i)) + "') has none");
      }
      latest = Math.max(latest, t);
    }
    return given == InteractionLog.NO_TIME ? latest : given;
  }

  /** The calendar day (days since 1970-01-01) in {@code zone} of the instant {@code seconds} after the epoch. */
  static int epochDay(long seconds, ZoneId zone) {
    int offset = zone == ZoneOffset.UTC ? 0 : zone.getRules().getOffset(Instant.ofEpochSecond(seconds))
        .getTotalSeconds();
    return Math.toIntExact(Math.floorDiv(seconds + offset, SECONDS_PER_DAY));
  }

  /**
   * The distinct calendar days on which each user had an event at or before {@code reference}: days of user
   * {@code u} are {@code days[pointers[u]..pointers[u + 1])}, ascending. Returns {pointers, days}.
   */
  static int[][] activeDays(InteractionLog log, long reference, ZoneId zone) {
    int users = log.users().size();
    int n = 0;
    int[] day = new int[log.size()];
    int minDay = Integer.MAX_VALUE;
    for (int i = 0; i < log.size(); i++) {
      if (log.timestamp(i) <= reference) {
        day[i] = epochDay(log.timestamp(i), zone);
        minDay = Math.min(minDay, day[i]);
        n++;
      }
    }
    // One sortable key per event: user in the high half, day (offset to be non-negative) in the low half.
    long[] keys = new long[n];
    int k = 0;
    for (int i = 0; i < log.size(); i++) {
      if (log.timestamp(i) <= reference) {
        keys[k++] = ((long) log.user(i) << 32) | ((long) day[i] - minDay);
      }
    }
    LongArrays.radixSort(keys);
    int[] pointers = new int[users + 1];
    int[] days = new int[n];
    int m = 0;
    for (int j = 0; j < n; j++) {
      if (j == 0 || keys[j] != keys[j - 1]) {
        int user = (int) (keys[j] >>> 32);
        pointers[user + 1]++;
        days[m++] = (int) ((keys[j] & 0xFFFF_FFFFL) + minDay);
      }
    }
    for (int u = 0; u < users; u++) {
      pointers[u + 1] += pointers[u];
    }
    return new int[][] {pointers, Arrays.copyOf(days, m)};
  }
}
