package io.github.kindred.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeFeaturesTest {
  private static long at(String instant) {
    return Instant.parse(instant).getEpochSecond();
  }

  private static Context expected(String timeOfDay, String day, String weekend, String season) {
    return Context.of("timeOfDay", timeOfDay, "dayOfWeek", day, "weekend", weekend, "season", season);
  }

  @Test
  void lateWednesdayEveningInUtcIsThursdayMorningInTokyo() {
    // 1 January 2025 was a Wednesday, so 15 January 2025 is one too; Tokyo is UTC+9 with no daylight saving.
    long t = at("2025-01-15T23:30:00Z");
    assertThat(TimeFeatures.of(t, ZoneOffset.UTC)).isEqualTo(expected("night", "wed", "no", "winter"));
    assertThat(TimeFeatures.of(t, ZoneId.of("Asia/Tokyo"))).isEqualTo(expected("morning", "thu", "no", "winter"));
  }

  @Test
  void saturdayAfternoonInUtcIsSaturdayMorningInLosAngeles() {
    // 1 June 2025 was a Sunday, so 28 June is a Saturday; Los Angeles is on daylight time, UTC-7.
    long t = at("2025-06-28T16:00:00Z");
    assertThat(TimeFeatures.of(t, ZoneOffset.UTC)).isEqualTo(expected("afternoon", "sat", "yes", "summer"));
    assertThat(TimeFeatures.of(t, ZoneId.of("America/Los_Angeles")))
        .isEqualTo(expected("morning", "sat", "yes", "summer"));
  }

  @Test
  void daylightSavingMovesTheLocalHour() {
    // London switches to BST (UTC+1) at 01:00 UTC on Sunday 30 March 2025: 05:30 UTC is 06:30 local, morning.
    ZoneId london = ZoneId.of("Europe/London");
    assertThat(TimeFeatures.of(at("2025-03-30T00:30:00Z"), london)).isEqualTo(expected("night", "sun", "yes", "spring"));
    assertThat(TimeFeatures.of(at("2025-03-30T05:30:00Z"), london))
        .isEqualTo(expected("morning", "sun", "yes", "spring"));
    assertThat(TimeFeatures.of(at("2025-03-30T05:30:00Z"), ZoneOffset.UTC))
        .isEqualTo(expected("night", "sun", "yes", "spring"));
  }

  @Test
  void bucketBoundaries() {
    int[] hours = {0, 5, 6, 11, 12, 17, 18, 21, 22, 23};
    int[] buckets = {0, 0, 1, 1, 2, 2, 3, 3, 0, 0};
    for (int h = 0; h < hours.length; h++) {
      assertThat(TimeFeatures.timeOfDayIndex(hours[h])).as("hour %d", hours[h]).isEqualTo(buckets[h]);
    }
    int[] seasons = {0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 0};
    for (int m = 1; m <= 12; m++) {
      assertThat(TimeFeatures.seasonIndex(m)).as("month %d", m).isEqualTo(seasons[m - 1]);
    }
    assertThatThrownBy(() -> TimeFeatures.timeOfDayIndex(24)).hasMessageContaining("hour");
    assertThatThrownBy(() -> TimeFeatures.seasonIndex(0)).hasMessageContaining("month");
  }

  @Test
  void deriveMergesTimeFeaturesIntoEveryTimedEvent() {
    InteractionLog log = InteractionLog.builder()
        .add("u1", "a", 1f, at("2025-12-24T19:00:00Z"), "rating", Context.of("device", "phone"))
        .add("u2", "b", 2f)
        .add("u1", "b", 1f, at("2025-12-24T19:00:00Z"), "click", Context.of("timeOfDay", "stale"))
        .build();
    InteractionLog derived = TimeFeatures.derive(log, ZoneOffset.UTC);
    assertThat(derived.size()).isEqualTo(3);
    assertThat(derived.users()).isEqualTo(log.users());
    assertThat(derived.items()).isEqualTo(log.items());
    // 24 December 2025 is a Wednesday.
    assertThat(derived.context(0)).isEqualTo(Context.of("device", "phone", "timeOfDay", "evening",
        "dayOfWeek", "wed", "weekend", "no", "season", "winter"));
    assertThat(derived.context(1)).isEqualTo(Context.EMPTY);
    assertThat(derived.context(2)).isEqualTo(expected("evening", "wed", "no", "winter"));
    assertThat(derived.eventType(2)).isEqualTo(log.eventType(2));
    assertThat(derived.value(1)).isEqualTo(2f);
  }
}
