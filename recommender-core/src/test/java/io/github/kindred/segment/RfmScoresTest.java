package io.github.kindred.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.Context;
import io.github.kindred.data.EventTypes;
import io.github.kindred.data.InteractionLog;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RfmScoresTest {
  private static final long DAY = 86_400L;
  /** Day 0 of the hand-made timelines; deliberately not midnight. */
  private static final long T0 = 1_700_000_123L;

  private static long day(double d) {
    return T0 + (long) (d * DAY);
  }

  /**
   * Five users; the latest event (u0, day 100) is the reference. Measures:
   * u0: last day 100, 4 events, 200; u1: last day 95.5, 2 events, 20; u2: last day 40, 1 event, 300;
   * u3: last day 97, 6 events, 30; u4: last day 30, 3 events, 3.
   */
  private static InteractionLog fiveUsers() {
    InteractionLog.Builder b = InteractionLog.builder();
    b.add("u0", "a", 50f, day(90)).add("u0", "b", 50f, day(98)).add("u0", "a", 50f, day(99))
        .add("u0", "c", 50f, day(100));
    b.add("u1", "a", 10f, day(60)).add("u1", "b", 10f, day(95.5));
    b.add("u2", "c", 300f, day(40));
    for (int d = 92; d <= 97; d++) {
      b.add("u3", "d", 5f, day(d));
    }
    b.add("u4", "a", 1f, day(10)).add("u4", "a", 1f, day(20)).add("u4", "b", 1f, day(30));
    return b.build();
  }

  @Test
  void scoresQuintilesByHand() {
    RfmScores s = RfmScores.compute(fiveUsers(), RfmConfig.defaults());
    assertThat(s.referenceTime()).isEqualTo(day(100));
    assertThat(s.scoredCount()).isEqualTo(5);
    // Recency in whole days, rounded down: u1's 4.5 days count as 4.
    assertThat(new int[] {s.recencyDays(0), s.recencyDays(1), s.recencyDays(2), s.recencyDays(3),
        s.recencyDays(4)}).containsExactly(0, 4, 60, 3, 70);
    assertThat(new int[] {s.frequency(0), s.frequency(1), s.frequency(2), s.frequency(3), s.frequency(4)})
        .containsExactly(4, 2, 1, 6, 3);
    assertThat(new double[] {s.monetary(0), s.monetary(1), s.monetary(2), s.monetary(3), s.monetary(4)})
        .containsExactly(200, 20, 300, 30, 3);
    // With n = 5 the score is 1 + the number of users strictly worse.
    // Recency 0, 4, 60, 3, 70 days: users with more days: 4, 2, 1, 3, 0.
    assertThat(scores(s, 'R')).containsExactly(5, 3, 2, 4, 1);
    // Frequency 4, 2, 1, 6, 3: users with fewer: 3, 1, 0, 4, 2.
    assertThat(scores(s, 'F')).containsExactly(4, 2, 1, 5, 3);
    // Monetary 200, 20, 300, 30, 3: users with less: 3, 1, 4, 2, 0.
    assertThat(scores(s, 'M')).containsExactly(4, 2, 5, 3, 1);
    // u0 R5 F4 M4 champions; u1 R3 F2 needs attention; u2 R2 F1 hibernating; u3 R4 F5 M3 loyal; u4 R1 F3 at risk.
    assertThat(s.tier(0)).isEqualTo(RfmTier.CHAMPIONS);
    assertThat(s.tier(1)).isEqualTo(RfmTier.NEEDS_ATTENTION);
    assertThat(s.tier(2)).isEqualTo(RfmTier.HIBERNATING);
    assertThat(s.tier(3)).isEqualTo(RfmTier.LOYAL);
    assertThat(s.tier(4)).isEqualTo(RfmTier.AT_RISK);
    assertThat(s.nameOf(4)).isEqualTo("at-risk");
    assertThat(s.members(RfmTier.CHAMPIONS)).containsExactly(0);
    assertThat(s.members(RfmTier.LOST)).isEmpty();
  }

  private static int[] scores(RfmScores s, char which) {
    int[] out = new int[s.userCount()];
    for (int u = 0; u < out.length; u++) {
      out[u] = which == 'R' ? s.recencyScore(u) : which == 'F' ? s.frequencyScore(u) : s.monetaryScore(u);
    }
    return out;
  }

  @Test
  void tiedUsersShareTheLowestScoreOfTheirTie() {
    // Ten users, all with value 1 per event. Frequencies 1 x 6, 2, 2, 3, 5; every user's last event is on day 50
    // except u8 (day 49) and u9 (day 48).
    int[] events = {1, 1, 1, 1, 1, 1, 2, 2, 3, 5};
    InteractionLog.Builder b = InteractionLog.builder();
    for (int u = 0; u < events.length; u++) {
      int last = u == 8 ? 49 : u == 9 ? 48 : 50;
      for (int e = 0; e < events[u]; e++) {
        b.add("u" + u, "i" + e, 1f, day(last - e * 0.01));
      }
    }
    RfmScores s = RfmScores.compute(b.build(), RfmConfig.defaults());
    // n = 10, score 1 + floor(b / 2). Frequency: the six 1s beat nobody (1); the 2s beat 6 (4); 3 beats 8 (5);
    // 5 beats 9 (5).
    assertThat(scores(s, 'F')).containsExactly(1, 1, 1, 1, 1, 1, 4, 4, 5, 5);
    // Monetary equals frequency here (value 1 per event).
    assertThat(scores(s, 'M')).containsExactly(1, 1, 1, 1, 1, 1, 4, 4, 5, 5);
    // Recency 0 days for eight users (they beat u8 and u9: 1 + 1 = 2), 1 day for u8 (beats u9: 1), 2 for u9 (1).
    assertThat(scores(s, 'R')).containsExactly(2, 2, 2, 2, 2, 2, 2, 2, 1, 1);
    // R2 F1 hibernating; R2 F4 M4 cannot lose; R1 F5 M5 cannot lose.
    assertThat(s.tier(0)).isEqualTo(RfmTier.HIBERNATING);
    assertThat(s.tier(6)).isEqualTo(RfmTier.CANNOT_LOSE);
    assertThat(s.tier(9)).isEqualTo(RfmTier.CANNOT_LOSE);
  }

  @Test
  void allTiedUsersScoreOne() {
    InteractionLog log = InteractionLog.builder().add("a", "x", 2f, day(1)).add("b", "y", 2f, day(1)).build();
    RfmScores s = RfmScores.compute(log, RfmConfig.defaults());
    assertThat(scores(s, 'R')).containsExactly(1, 1);
    assertThat(scores(s, 'F')).containsExactly(1, 1);
    assertThat(s.tier(0)).isEqualTo(RfmTier.LOST);
  }

  @Test
  void earlierReferenceIgnoresLaterEventsAndLeavesTheirUsersUnscored() {
    // As of day 50: u0 has two events (days 40, 45), u1 one (day 30), u2 only events after day 50.
    InteractionLog log = InteractionLog.builder()
        .add("u0", "a", 1f, day(40)).add("u0", "a", 7f, day(45)).add("u0", "a", 100f, day(60))
        .add("u1", "b", 3f, day(30))
        .add("u2", "c", 9f, day(70))
        .build();
    RfmScores s = RfmScores.compute(log, RfmConfig.defaults().withReferenceTime(day(50)));
    assertThat(s.scoredCount()).isEqualTo(2);
    assertThat(s.recencyDays(0)).isEqualTo(5);
    assertThat(s.recencyDays(1)).isEqualTo(20);
    assertThat(s.frequency(0)).isEqualTo(2);
    assertThat(s.monetary(0)).isEqualTo(8.0);
    // n = 2: the better user beats one of two: 1 + floor(5 / 2) = 3.
    assertThat(s.recencyScore(0)).isEqualTo(3);
    assertThat(s.recencyScore(1)).isEqualTo(1);
    assertThat(s.isScored(2)).isFalse();
    assertThat(s.recencyDays(2)).isEqualTo(-1);
    assertThat(s.recencyScore(2)).isZero();
    assertThat(s.tier(2)).isNull();
    assertThat(s.nameOf(2)).isNull();
  }

  @Test
  void distinctDaysAreCalendarDaysInTheZone() {
    // u0: 23:30 and 00:30 UTC on consecutive days (two UTC days), and three clicks within one hour a week later.
    long midnight = 1_700_006_400L; // 2023-11-15T00:00:00Z
    InteractionLog log = InteractionLog.builder()
        .add("u0", "a", 1f, midnight - 1_800).add("u0", "a", 1f, midnight + 1_800)
        .add("u0", "b", 1f, midnight + 7 * DAY).add("u0", "c", 1f, midnight + 7 * DAY + 600)
        .add("u0", "d", 1f, midnight + 7 * DAY + 1_200)
        .build();
    RfmConfig days = RfmConfig.defaults().withFrequency(RfmConfig.Frequency.DISTINCT_DAYS);
    assertThat(RfmScores.compute(log, days).frequency(0)).isEqualTo(3);
    // At UTC-2 the first two events are 21:30 and 22:30 of the same day.
    assertThat(RfmScores.compute(log, days.withZone(ZoneOffset.ofHours(-2))).frequency(0)).isEqualTo(2);
    assertThat(RfmScores.compute(log, RfmConfig.defaults()).frequency(0)).isEqualTo(5);
  }

  @Test
  void weightedMonetaryUsesEventTypeWeights() {
    EventTypes types = EventTypes.defaults().with("view", 0f).with("purchase", 1f);
    InteractionLog log = InteractionLog.builder(types)
        .add("u0", "a", 1f, day(1), "view", Context.EMPTY)
        .add("u0", "a", 40f, day(2), "purchase", Context.EMPTY)
        .build();
    assertThat(RfmScores.compute(log, RfmConfig.defaults()).monetary(0)).isEqualTo(41.0);
    RfmConfig weighted = RfmConfig.defaults().withMonetary(RfmConfig.Monetary.WEIGHTED_VALUE);
    assertThat(RfmScores.compute(log, weighted).monetary(0)).isEqualTo(40.0);
  }

  @Test
  void tierRulesCoverEveryCombinationAsDocumented() {
    assertThat(RfmTier.of(5, 5, 5)).isEqualTo(RfmTier.CHAMPIONS);
    assertThat(RfmTier.of(4, 4, 3)).isEqualTo(RfmTier.LOYAL);
    assertThat(RfmTier.of(3, 5, 5)).isEqualTo(RfmTier.LOYAL);
    assertThat(RfmTier.of(5, 3, 5)).isEqualTo(RfmTier.POTENTIAL_LOYALIST);
    assertThat(RfmTier.of(4, 2, 1)).isEqualTo(RfmTier.POTENTIAL_LOYALIST);
    assertThat(RfmTier.of(5, 1, 5)).isEqualTo(RfmTier.NEW);
    assertThat(RfmTier.of(3, 3, 5)).isEqualTo(RfmTier.NEEDS_ATTENTION);
    assertThat(RfmTier.of(3, 1, 1)).isEqualTo(RfmTier.NEEDS_ATTENTION);
    assertThat(RfmTier.of(2, 4, 4)).isEqualTo(RfmTier.CANNOT_LOSE);
    assertThat(RfmTier.of(1, 5, 5)).isEqualTo(RfmTier.CANNOT_LOSE);
    assertThat(RfmTier.of(1, 4, 3)).isEqualTo(RfmTier.AT_RISK);
    assertThat(RfmTier.of(2, 3, 5)).isEqualTo(RfmTier.AT_RISK);
    assertThat(RfmTier.of(2, 2, 5)).isEqualTo(RfmTier.HIBERNATING);
    assertThat(RfmTier.of(1, 2, 5)).isEqualTo(RfmTier.LOST);
    assertThat(RfmTier.POTENTIAL_LOYALIST.label()).isEqualTo("potential-loyalist");
    assertThat(RfmTier.ofLabel("cannot-lose")).isEqualTo(RfmTier.CANNOT_LOSE);
    assertThatThrownBy(() -> RfmTier.of(0, 1, 1)).hasMessageContaining("recency score must be in 1..5, got 0");
    assertThatThrownBy(() -> RfmTier.of(1, 6, 1)).hasMessageContaining("frequency");
    assertThatThrownBy(() -> RfmTier.ofLabel("vip")).hasMessageContaining("vip");
  }

  @Test
  void rejectsLogsWithoutTimestampsAndBadConfiguration() {
    InteractionLog untimed = InteractionLog.builder().add("u0", "a", 1f, day(1)).add("u1", "a", 1f).build();
    assertThatThrownBy(() -> RfmScores.compute(untimed, RfmConfig.defaults()))
        .hasMessageContaining("timestamps").hasMessageContaining("event 1").hasMessageContaining("u1");
    assertThatThrownBy(() -> RfmScores.compute(InteractionLog.builder().build(), RfmConfig.defaults()))
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> RfmConfig.defaults().withFrequency(null)).hasMessageContaining("frequency");
    assertThatThrownBy(() -> RfmConfig.defaults().withZone(null)).hasMessageContaining("zone");
  }
}
