package io.github.kindred.segment;

import io.github.kindred.data.InteractionLog;
import java.util.Arrays;
import java.util.Objects;

/**
 * Recency, frequency and monetary value of every user of a timestamped log, their quintile scores and their
 * {@link RfmTier}, as of a reference time.
 *
 * <p><b>Measures.</b> For each user with at least one event at or before the reference time: recency is the whole
 * number of days (periods of 86,400 seconds, rounded down) from their last event to the reference time; frequency
 * is their number of events or of distinct calendar days ({@link RfmConfig.Frequency}); monetary value is the sum of
 * their events' values, raw or weighted by event type ({@link RfmConfig.Monetary}). Users with no such event (ids
 * registered in the log without events, or only later events) are not scored: their scores are 0 and tier null.
 *
 * <p><b>Quintile scores.</b> Over the {@code n} scored users, a user whose measure is strictly better than that of
 * {@code b} users gets {@code 1 + floor(5 b / n)}, in 1..5: for frequency and monetary value {@code b} counts
 * the users with a strictly smaller value, for recency the users with strictly more days since their last event.
 * So the bottom fifth scores 1 and the top fifth 5, and <em>tied users always get the same score</em>, the one of
 * the lowest position the tie spans (ties are pulled down: when most users have one event, they all have F = 1). With
 * fewer than five scored users not every score occurs; if all users tie, all score 1.
 *
 * <p>Computing costs {@code O(events log events)} time for {@link RfmConfig.Frequency#DISTINCT_DAYS}, otherwise
 * {@code O(events + users log users)}. Immutable and safe to share between threads.
 */
public final class RfmScores implements UserSegments {
  private final RfmConfig config;
  private final long referenceTime;
  private final int scored;
  private final int[] recencyDays;
  private final int[] frequency;
  private final double[] monetary;
  private final byte[] recencyScore;
  private final byte[] frequencyScore;
  private final byte[] monetaryScore;
  private final RfmTier[] tier;

  private RfmScores(RfmConfig config, long referenceTime, int scored, int[] recencyDays, int[] frequency,
      double[] monetary, byte[] recencyScore, byte[] frequencyScore, byte[] monetaryScore, RfmTier[] tier) {
    this.config = config;
    this.referenceTime = referenceTime;
    this.scored = scored;
    this.recencyDays = recencyDays;
    this.frequency = frequency;
    this.monetary = monetary;
    this.recencyScore = recencyScore;
    this.frequencyScore = frequencyScore;
    this.monetaryScore = monetaryScore;
    this.tier = tier;
  }

  /**
   * Scores the users of {@code log}, indexed as in {@code log.users()}.
   *
   * @param log the events, every one timestamped; events after the reference time are ignored
   * @param config the reference time, frequency and monetary definitions and time zone
   * @return the scores of every user index of the log
   * @throws IllegalArgumentException if the log is empty or an event has no timestamp
   * @throws NullPointerException if an argument is null
   */
  public static RfmScores compute(InteractionLog log, RfmConfig config) {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(config, "config");
    long reference = Timeline.reference(log, config.referenceTime(), "RFM");
    int users = log.users().size();
    long[] last = new long[users];
    Arrays.fill(last, Long.MIN_VALUE);
    int[] freq = new int[users];
    double[] money = new double[users];
    boolean weighted = config.monetary() == RfmConfig.Monetary.WEIGHTED_VALUE;
    for (int i = 0; i < log.size(); i++) {
      long t = log.timestamp(i);
      if (t > reference) {
        continue;
      }
      int u = log.user(i);
      last[u] = Math.max(last[u], t);
      freq[u]++;
      money[u] += weighted ? log.weightedValue(i) : log.value(i);
    }
    if (config.frequency() == RfmConfig.Frequency.DISTINCT_DAYS) {
      int[] pointers = Timeline.activeDays(log, reference, config.zone())[0];
      for (int u = 0; u < users; u++) {
        freq[u] = pointers[u + 1] - pointers[u];
      }
    }
    int[] recency = new int[users];
    int scored = 0;
    for (int u = 0; u < users; u++) {
      if (freq[u] > 0) {
        recency[u] = Math.toIntExact(Math.floorDiv(reference - last[u], Timeline.SECONDS_PER_DAY));
        scored++;
      } else {
        recency[u] = -1;
      }
    }
    // Sorted measures of the scored users; a user's rank is found by binary search, which makes ties equal.
    double[] sortedRecency = new double[scored];
    double[] sortedFrequency = new double[scored];
    double[] sortedMonetary = new double[scored];
    int k = 0;
    for (int u = 0; u < users; u++) {
      if (freq[u] > 0) {
        sortedRecency[k] = recency[u];
        sortedFrequency[k] = freq[u];
        sortedMonetary[k] = money[u];
        k++;
      }
    }
    Arrays.sort(sortedRecency);
    Arrays.sort(sortedFrequency);
    Arrays.sort(sortedMonetary);
    byte[] r = new byte[users];
    byte[] f = new byte[users];
    byte[] m = new byte[users];
    RfmTier[] tiers = new RfmTier[users];
    for (int u = 0; u < users; u++) {
      if (freq[u] == 0) {
        continue;
      }
      // Fewer days since the last event is better: count the users with strictly more.
      r[u] = score(scored - countAtMost(sortedRecency, recency[u]), scored);
      f[u] = score(countBelow(sortedFrequency, freq[u]), scored);
      m[u] = score(countBelow(sortedMonetary, money[u]), scored);
      tiers[u] = RfmTier.of(r[u], f[u], m[u]);
    }
    return new RfmScores(config, reference, scored, recency, freq, money, r, f, m, tiers);
  }

  /** The quintile score of a user better than {@code beaten} of {@code n} users. */
  private static byte score(int beaten, int n) {
    return (byte) (1 + (int) (5L * beaten / n));
  }

  /** Number of entries of ascending {@code sorted} strictly below {@code value}. */
  private static int countBelow(double[] sorted, double value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Number of entries of ascending {@code sorted} at most {@code value}. */
  private static int countAtMost(double[] sorted, double value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** {@return the configuration the scores were computed with} */
  public RfmConfig config() {
    return config;
  }

  /** {@return the reference time, seconds since the epoch: the configured one or the latest event of the log} */
  public long referenceTime() {
    return referenceTime;
  }

  @Override
  public int userCount() {
    return tier.length;
  }

  /** {@return number of scored users (with at least one event at or before the reference time)} */
  public int scoredCount() {
    return scored;
  }

  /**
   * {@return whether the user has at least one event at or before the reference time}
   *
   * @param user the user index, an index into the log's {@code users()}
   * @throws IndexOutOfBoundsException if {@code user} is out of range
   */
  public boolean isScored(int user) {
    return frequency[Objects.checkIndex(user, tier.length)] > 0;
  }

  /**
   * {@return whole days (86,400 s, rounded down) from the user's last event to the reference time, &gt;= 0, or -1
   * if the user is not scored}
   *
   * @param user the user index, an index into the log's {@code users()}
   * @throws IndexOutOfBoundsException if {@code user} is out of range
   */
  public int recencyDays(int user) {
    return recencyDays[Objects.checkIndex(user, tier.length)];
  }

  /**
   * {@return the user's number of events or active days (as configured), 0 if not scored}
   *
   * @param user the user index, an index into the log's {@code users()}
   * @throws IndexOutOfBoundsException if {@code user} is out of range
   */
  public int frequency(int user) {
    return frequency[Objects.checkIndex(user, tier.length)];
  }

  /**
   * {@return the user's summed (raw or weighted) values, 0 if not scored}
   *
   * @param user the user index, an index into the log's {@code users()}
   * @throws IndexOutOfBoundsException if {@code user} is out of range
   */
  public double monetary(int user) {
    return monetary[Objects.checkIndex(user, tier.length)];
  }

  /**
   * {@return the user's recency score, 1 (longest ago) to 5 (most recent), or 0 if not scored}
   *
   * @param user the user index, an index into the log's {@code users()}
   * @throws IndexOutOfBoundsException if {@code user} is out of range
   */
  public int recencyScore(int user) {
    return recencyScore[Objects.checkIndex(user, tier.length)];
  }

  /**
   * {@return the user's frequency score, 1 (least) to 5 (most), or 0 if not scored}
   *
   * @param user the user index, an index into the log's {@code users()}
   * @throws IndexOutOfBoundsException if {@code user} is out of range
   */
  public int frequencyScore(int user) {
    return frequencyScore[Objects.checkIndex(user, tier.length)];
  }

  /**
   * {@return the user's monetary score, 1 (least) to 5 (most), or 0 if not scored}
   *
   * @param user the user index, an index into the log's {@code users()}
   * @throws IndexOutOfBoundsException if {@code user} is out of range
   */
  public int monetaryScore(int user) {
    return monetaryScore[Objects.checkIndex(user, tier.length)];
  }

  /**
   * {@return the user's tier, from its three scores by {@link RfmTier#of}, or null if not scored}
   *
   * @param user the user index, an index into the log's {@code users()}
   * @throws IndexOutOfBoundsException if {@code user} is out of range
   */
  public RfmTier tier(int user) {
    return tier[Objects.checkIndex(user, tier.length)];
  }

  /** The user's tier label (for example {@code "champions"}), or null if not scored. */
  @Override
  public String nameOf(int user) {
    RfmTier t = tier(user);
    return t == null ? null : t.label();
  }

  /**
   * Returns the users of a tier. O(users).
   *
   * @param t the tier, not null
   * @return a new array of the user indexes in tier {@code t}, ascending; empty if none
   * @throws NullPointerException if {@code t} is null
   */
  public int[] members(RfmTier t) {
    Objects.requireNonNull(t, "t");
    int n = 0;
    for (RfmTier x : tier) {
      if (x == t) {
        n++;
      }
    }
    int[] out = new int[n];
    n = 0;
    for (int u = 0; u < tier.length; u++) {
      if (tier[u] == t) {
        out[n++] = u;
      }
    }
    return out;
  }

  @Override
  public String toString() {
    int[] counts = new int[RfmTier.values().length];
    for (RfmTier t : tier) {
      if (t != null) {
        counts[t.ordinal()]++;
      }
    }
    StringBuilder sb = new StringBuilder("RfmScores[users=").append(tier.length).append(", scored=").append(scored);
    for (RfmTier t : RfmTier.values()) {
      sb.append(", ").append(t.label()).append('=').append(counts[t.ordinal()]);
    }
    return sb.append(']').toString();
  }
}
