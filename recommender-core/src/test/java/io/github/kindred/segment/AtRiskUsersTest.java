package io.github.kindred.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.synthetic.Marketplace;
import io.github.kindred.data.synthetic.MarketplaceConfig;
import org.junit.jupiter.api.Test;

class AtRiskUsersTest {
  /** 2023-11-15T00:00:00Z, day 19676 since the epoch. */
  private static final long MIDNIGHT = 1_700_006_400L;
  private static final int DAY0 = 19_676;

  /** 10:00 UTC on day {@code d} after day 0. */
  private static long day(int d) {
    return MIDNIGHT + d * 86_400L + 36_000L;
  }

  private static void visits(InteractionLog.Builder b, String user, int... days) {
    for (int d : days) {
      b.add(user, "s" + d, 1f, day(d));
    }
  }

  /** Hand-made timelines; the reference is the latest event, day 60 (user "now"). */
  private static InteractionLog timelines() {
    InteractionLog.Builder b = InteractionLog.builder();
    visits(b, "weekly", 0, 7, 14, 21, 28); // usual gap 7, silent 32 > max(14, 14): at risk, 25 days late
    visits(b, "ten-day", 0, 10, 20, 30); // usual gap 10, silent 30 > max(14, 20): at risk, 20 days late
    visits(b, "recent", 0, 10, 20, 30, 55); // usual gap 13.75, silent 5: active
    visits(b, "two-visits", 0, 5); // too few visits for a habit
    visits(b, "burst", 0, 1, 2, 3); // four visits within 3 days: span below 21
    visits(b, "boundary", 10, 20, 30, 40); // usual gap 10, silent 20 = threshold 20: not more, not at risk
    b.add("one-day", "a", 1f, day(0)).add("one-day", "b", 1f, day(0) + 60).add("one-day", "c", 1f, day(0) + 120)
        .add("one-day", "d", 1f, day(30)); // three events on day 0 are one visit: two visits only
    visits(b, "now", 0, 30, 60);
    return b.build();
  }

  @Test
  void flagsRegularUsersGoneQuietWithTheirLateness() {
    AtRiskUsers r = AtRiskUsers.find(timelines(), AtRiskConfig.defaults());
    assertThat(r.referenceTime()).isEqualTo(day(60));
    assertThat(r.userIndexes()).containsExactly(0, 1);
    AtRiskUser weekly = r.get(0);
    assertThat(weekly).isEqualTo(new AtRiskUser(0, 5, DAY0 + 28, 7.0, 32, 14.0, 25.0));
    assertThat(r.get(1)).isEqualTo(new AtRiskUser(1, 4, DAY0 + 30, 10.0, 30, 20.0, 20.0));
    for (int u = 2; u < r.userCount(); u++) {
      assertThat(r.contains(u)).as("user %d", u).isFalse();
      assertThat(r.get(u)).isNull();
    }
    assertThat(r.nameOf(0)).isEqualTo("at-risk");
    assertThat(r.nameOf(2)).isNull();
    assertThat(r.size()).isEqualTo(2);
  }

  @Test
  void parametersMoveTheDecisionAsDocumented() {
    InteractionLog log = timelines();
    // A quiet period of 31 days: weekly (32 silent) still exceeds it, ten-day (30) no longer.
    assertThat(AtRiskUsers.find(log, AtRiskConfig.defaults().withQuietDays(31)).userIndexes()).containsExactly(0);
    // Usual gaps above 8 days are not a habit: only weekly stays regular.
    assertThat(AtRiskUsers.find(log, AtRiskConfig.defaults().withMaxMeanGapDays(8)).userIndexes())
        .containsExactly(0);
    // Five usual gaps: weekly needs 35 silent days, ten-day 50.
    assertThat(AtRiskUsers.find(log, AtRiskConfig.defaults().withGapMultiplier(5)).userIndexes()).isEmpty();
    // Two visits are enough: two-visits (gap 5, silent 55) joins, but its span of 5 days is below 21 ...
    assertThat(AtRiskUsers.find(log, AtRiskConfig.defaults().withMinVisits(2)).contains(3)).isFalse();
    // ... and with no span requirement it is at risk, as is burst (gap 1, silent 57); one-day (gap 30, silent 30)
    // stays below max(14, 2 x 30).
    AtRiskUsers loose = AtRiskUsers.find(log, AtRiskConfig.defaults().withMinVisits(2).withMinSpanDays(0));
    assertThat(loose.contains(3)).isTrue();
    assertThat(loose.contains(4)).isTrue();
    assertThat(loose.contains(6)).isFalse();
    // Latest first: burst 57 - 1 = 56, two-visits 55 - 5 = 50, weekly 25, ten-day 20.
    assertThat(loose.userIndexes()).containsExactly(4, 3, 0, 1);
  }

  @Test
  void earlierReferenceIgnoresLaterEvents() {
    // As of day 45: weekly silent 17 > 14 (at risk, 10 days late); ten-day silent 15 <= 20; recent's last visit is
    // day 30 (usual gap 10, silent 15 <= 20); boundary's last is day 40.
    AtRiskUsers r = AtRiskUsers.find(timelines(), AtRiskConfig.defaults().withReferenceTime(day(45)));
    assertThat(r.userIndexes()).containsExactly(0);
    assertThat(r.get(0).latenessDays()).isEqualTo(10.0);
  }

  @Test
  void findsAtRiskUsersInTheMarketplace() {
    Marketplace m = Marketplace.generate(MarketplaceConfig.defaults().withSize(2_000));
    AtRiskUsers r = AtRiskUsers.find(m.log(), AtRiskConfig.defaults());
    assertThat(r.userCount()).isEqualTo(m.log().users().size());
    assertThat(r.size()).isPositive();
    for (AtRiskUser a : r.users()) {
      assertThat(a.visits()).isGreaterThanOrEqualTo(3);
      assertThat(a.thresholdDays()).isEqualTo(Math.max(14.0, 2 * a.meanGapDays()));
      assertThat((double) a.silentDays()).isGreaterThan(a.thresholdDays());
      assertThat(a.latenessDays()).isEqualTo(a.silentDays() - a.meanGapDays());
    }
  }

  @Test
  void validatesEveryParameterByName() {
    AtRiskConfig d = AtRiskConfig.defaults();
    assertThatThrownBy(() -> d.withMinVisits(1)).hasMessageContaining("minVisits must be >= 2, got 1");
    assertThatThrownBy(() -> d.withMinSpanDays(-1)).hasMessageContaining("minSpanDays");
    assertThatThrownBy(() -> d.withMaxMeanGapDays(0)).hasMessageContaining("maxMeanGapDays");
    assertThatThrownBy(() -> d.withMaxMeanGapDays(Double.NaN)).hasMessageContaining("maxMeanGapDays");
    assertThatThrownBy(() -> d.withQuietDays(-3)).hasMessageContaining("quietDays");
    assertThatThrownBy(() -> d.withGapMultiplier(0.5)).hasMessageContaining("gapMultiplier");
    assertThatThrownBy(() -> d.withGapMultiplier(Double.POSITIVE_INFINITY)).hasMessageContaining("gapMultiplier");
    assertThatThrownBy(() -> d.withZone(null)).hasMessageContaining("zone");
    InteractionLog untimed = InteractionLog.builder().add("u", "a", 1f).build();
    assertThatThrownBy(() -> AtRiskUsers.find(untimed, d)).hasMessageContaining("timestamps");
  }
}
