package io.github.kindred.data;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Context features derived from a timestamp in a given time zone: the part of the day, the day of the week, a
 * weekend flag and the season.
 *
 * <p>Definitions (all in local time of the zone):
 * <ul>
 *   <li>{@value #TIME_OF_DAY}: {@code night} for 22:00-05:59, {@code morning} for 06:00-11:59, {@code afternoon}
 *       for 12:00-17:59, {@code evening} for 18:00-21:59;
 *   <li>{@value #DAY_OF_WEEK}: {@code mon}, {@code tue}, ... {@code sun};
 *   <li>{@value #WEEKEND}: {@code yes} on Saturday and Sunday, {@code no} otherwise;
 *   <li>{@value #SEASON}: meteorological seasons of the northern hemisphere: {@code winter} December to February,
 *       {@code spring} March to May, {@code summer} June to August, {@code autumn} September to November. For the
 *       southern hemisphere swap winter with summer and spring with autumn.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class TimeFeatures {
  /** Name of the part-of-day feature. */
  public static final String TIME_OF_DAY = "timeOfDay";
  /** Name of the day-of-week feature. */
  public static final String DAY_OF_WEEK = "dayOfWeek";
  /** Name of the weekend flag. */
  public static final String WEEKEND = "weekend";
  /** Name of the season feature. */
  public static final String SEASON = "season";

  /** The parts of the day, in the order of {@link #timeOfDayIndex(int)}. */
  public static final String[] TIMES_OF_DAY = {"night", "morning", "afternoon", "evening"};
  /** The days of the week, Monday first, in the order of {@link DayOfWeek#getValue()} minus one. */
  public static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  /** The seasons, in the order of {@link #seasonIndex(int)}. */
  public static final String[] SEASONS = {"winter", "spring", "summer", "autumn"};

  private TimeFeatures() {}

  /**
   * Returns the index in {@link #TIMES_OF_DAY} of a local hour.
   *
   * @param hour the hour of the day, 0 to 23
   * @return the index, 0 to 3
   * @throws IllegalArgumentException if {@code hour} is out of range
   */
  public static int timeOfDayIndex(int hour) {
    if (hour < 0 || hour > 23) {
      throw new IllegalArgumentException("hour must be in [0, 23], got " + hour);
    }
    if (hour < 6 || hour >= 22) {
      return 0;
    }
    return hour < 12 ? 1 : hour < 18 ? 2 : 3;
  }

  /**
   * Returns the index in {@link #SEASONS} of a month (northern hemisphere, meteorological).
   *
   * @param month the month, 1 (January) to 12
   * @return the index, 0 (winter) to 3 (autumn)
   * @throws IllegalArgumentException if {@code month} is out of range
   */
  public static int seasonIndex(int month) {
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("month must be in [1, 12], got " + month);
    }
    return (month % 12) / 3;
  }

  /**
   * Returns the time features of an instant as a context with the four features described above.
   *
   * @param epochSeconds seconds since the epoch
   * @param zone the time zone in which the hour, day and month are read, not null
   * @return the context of {@value #TIME_OF_DAY}, {@value #DAY_OF_WEEK}, {@value #WEEKEND} and {@value #SEASON}
   */
  public static Context of(long epochSeconds, ZoneId zone) {
    return Context.of(asMap(epochSeconds, zone));
  }

  private static Map<String, String> asMap(long epochSeconds, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSeconds), zone);
    int dow = t.getDayOfWeek().getValue() - 1;
    Map<String, String> map = new TreeMap<>();
    map.put(TIME_OF_DAY, TIMES_OF_DAY[timeOfDayIndex(t.getHour())]);
    map.put(DAY_OF_WEEK, DAYS[dow]);
    map.put(WEEKEND, dow >= 5 ? "yes" : "no");
    map.put(SEASON, SEASONS[seasonIndex(t.getMonthValue())]);
    return map;
  }

  /**
   * Returns a copy of {@code log} in which every event with a timestamp also carries its time features, merged
   * into its existing context (a derived feature replaces an existing feature of the same name). Events without
   * a timestamp keep their context unchanged. The copy keeps the log's user and item indexes and event types.
   * Allocates a context per event; meant for preparing data, not for serving.
   *
   * @param log the events, not null
   * @param zone the time zone of the users, not null
   * @return the new log; {@code log} is unchanged
   */
  public static InteractionLog derive(InteractionLog log, ZoneId zone) {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(zone, "zone");
    EventTypes types = log.eventTypes();
    InteractionLog.Builder b = InteractionLog.builder(types).knownUsers(log.users()).knownItems(log.items());
    for (int i = 0; i < log.size(); i++) {
      Context c = log.context(i);
      long t = log.timestamp(i);
      if (t != InteractionLog.NO_TIME) {
        Map<String, String> map = c.asMap();
        map.putAll(asMap(t, zone));
        c = Context.of(map);
      }
      b.add(log.users().idOf(log.user(i)), log.items().idOf(log.item(i)), log.value(i), t,
          types.name(log.eventType(i)), c);
    }
    return b.build();
  }
}
