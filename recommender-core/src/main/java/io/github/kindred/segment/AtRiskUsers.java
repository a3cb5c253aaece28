package io.github.kindred.segment;

import io.github.kindred.data.InteractionLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The users with a regular history who have gone quiet for longer than their habit explains, by the rule of
 * {@link AtRiskConfig}: the candidates for win-back recommendations. As {@link UserSegments}, an at-risk user is in
 * segment {@value #SEGMENT} and every other user in none.
 *
 * <p>Finding them costs {@code O(events log events)}. Immutable and safe to share between threads.
 */
public final class AtRiskUsers implements UserSegments {
  /** The segment name of an at-risk user. */
  public static final String SEGMENT = "at-risk";

  private final AtRiskConfig config;
  private final long referenceTime;
  private final List<AtRiskUser> users;
  /** Position in {@link #users} of each user index, -1 if not at risk. */
  private final int[] position;

  private AtRiskUsers(AtRiskConfig config, long referenceTime, List<AtRiskUser> users, int[] position) {
    this.config = config;
    this.referenceTime = referenceTime;
    this.users = users;
    this.position = position;
  }

  /**
   * Applies the rule to every user of {@code log}, indexed as in {@code log.users()}.
   *
   * @param log the events, every one timestamped; events after the reference time are ignored
   * @param config the thresholds, reference time and time zone of the rule
   * @return the users the rule flags, with their figures
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the log is empty or an event has no timestamp
   */
  public static AtRiskUsers find(InteractionLog log, AtRiskConfig config) {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(config, "config");
    long reference = Timeline.reference(log, config.referenceTime(), "the at-risk rule");
    int referenceDay = Timeline.epochDay(reference, config.zone());
    int[][] active = Timeline.activeDays(log, reference, config.zone());
    int[] pointers = active[0];
    int[] days = active[1];
    int userCount = log.users().size();
    List<AtRiskUser> found = new ArrayList<>();
    for (int u = 0; u < userCount; u++) {
      int visits = pointers[u + 1] - pointers[u];
      if (visits < config.minVisits()) {
        continue;
      }
      int first = days[pointers[u]];
      int last = days[pointers[u + 1] - 1];
      int span = last - first;
      double meanGap = (double) span / (visits - 1);
      if (span < config.minSpanDays() || meanGap > config.maxMeanGapDays()) {
        continue;
      }
      int silent = referenceDay - last;
      double threshold = Math.max(config.quietDays(), config.gapMultiplier() * meanGap);
      if (silent > threshold) {
        found.add(new AtRiskUser(u, visits, last, meanGap, silent, threshold, silent - meanGap));
      }
    }
    // Latest first; equal lateness by user index, so the order is deterministic.
    found.sort((a, b) -> {
      int c = Double.compare(b.latenessDays(), a.latenessDays());
      return c != 0 ? c : Integer.compare(a.user(), b.user());
    });
    int[] position = new int[userCount];
    Arrays.fill(position, -1);
    for (int k = 0; k < found.size(); k++) {
      position[found.get(k).user()] = k;
    }
    return new AtRiskUsers(config, reference, List.copyOf(found), position);
  }

  /** {@return the configuration the rule was applied with} */
  public AtRiskConfig config() {
    return config;
  }

  /** {@return the reference time, seconds since the epoch: the configured one or the latest event of the log} */
  public long referenceTime() {
    return referenceTime;
  }

  /** {@return the at-risk users, latest for their expected visit first (ties by user index); unmodifiable} */
  public List<AtRiskUser> users() {
    return users;
  }

  /** {@return number of at-risk users} */
  public int size() {
    return users.size();
  }

  /**
   * {@return whether the user is at risk}
   *
   * @param user the user index, an index into the log's {@code users()}
   * @throws IndexOutOfBoundsException if {@code user} is out of range
   */
  public boolean contains(int user) {
    return position[Objects.checkIndex(user, position.length)] >= 0;
  }

  /**
   * {@return the figures of the user, or null if the user is not at risk}
   *
   * @param user the user index, an index into the log's {@code users()}
   * @throws IndexOutOfBoundsException if {@code user} is out of range
   */
  public AtRiskUser get(int user) {
    int p = position[Objects.checkIndex(user, position.length)];
    return p < 0 ? null : users.get(p);
  }

  /** {@return a new array of the at-risk user indexes, latest first, as {@link #users()} orders them} */
  public int[] userIndexes() {
    int[] out = new int[users.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = users.get(k).user();
    }
    return out;
  }

  @Override
  public int userCount() {
    return position.length;
  }

  @Override
  public String nameOf(int user) {
    return contains(user) ? SEGMENT : null;
  }

  @Override
  public String toString() {
    return "AtRiskUsers[users=" + position.length + ", atRisk=" + users.size() + "]";
  }
}
