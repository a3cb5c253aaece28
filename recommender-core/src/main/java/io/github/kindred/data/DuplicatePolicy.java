package io.github.kindred.data;

/** How repeated (user, item) events are combined into one matrix cell. */
public enum DuplicatePolicy {
  /** The weighted values are added: counts and implicit feedback. */
  SUM,
  /** The largest weighted value wins. */
  MAX,
  /** The value of the event with the latest timestamp wins (the later one in the log on equal timestamps). */
  LATEST;

  float combine(float current, long currentTime, float value, long time) {
    return switch (this) {
      case SUM -> current + value;
      case MAX -> Math.max(current, value);
      case LATEST -> time >= currentTime ? value : current;
    };
  }
}
