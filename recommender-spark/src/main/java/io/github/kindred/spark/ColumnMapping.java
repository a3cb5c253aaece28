package io.github.kindred.spark;

import java.util.Objects;

/**
 * Which DataFrame columns hold the user, the item, the value and the timestamp of an event, as the CLI's
 * {@code --columns user=COL,item=COL,value=COL[,timestamp=COL]} maps a CSV header.
 *
 * @param user the user id column, not blank (any type; read as its string form)
 * @param item the item id column, not blank (any type; read as its string form)
 * @param value the value column (numeric), or null: every event then has value 1, as a file without a rating
 *     column does
 * @param timestamp the timestamp column (seconds since the epoch, integral), or null for none
 */
public record ColumnMapping(String user, String item, String value, String timestamp) {
  /** Validates the names. */
  public ColumnMapping {
    requireName(user, "user");
    requireName(item, "item");
    if (value != null) {
      requireName(value, "value");
    }
    if (timestamp != null) {
      requireName(timestamp, "timestamp");
    }
  }

  /** Columns named {@code user}, {@code item} and {@code value}, no timestamp. */
  public static ColumnMapping defaults() {
    return new ColumnMapping("user", "item", "value", null);
  }

  /** Returns a copy with another value column, or null for value 1 on every event. */
  public ColumnMapping withValue(String column) {
    return new ColumnMapping(user, item, column, timestamp);
  }

  /** Returns a copy with another timestamp column, or null for none. */
  public ColumnMapping withTimestamp(String column) {
    return new ColumnMapping(user, item, value, column);
  }

  /**
   * Parses the CLI's form {@code user=COL,item=COL[,value=COL][,timestamp=COL]}.
   *
   * @param spec the mapping
   * @return the columns; value is absent (null) unless named
   * @throws IllegalArgumentException naming the first entry that is not {@code key=column} with a known key,
   *     or a missing user or item
   */
  public static ColumnMapping parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    String user = null;
    String item = null;
    String value = null;
    String timestamp = null;
    for (String part : spec.split(",")) {
      int eq = part.indexOf('=');
      if (eq <= 0 || eq == part.length() - 1) {
        throw new IllegalArgumentException("--columns entry '" + part + "' is not key=column");
      }
      String key = part.substring(0, eq).trim();
      String column = part.substring(eq + 1).trim();
      switch (key) {
        case "user" -> user = column;
        case "item" -> item = column;
        case "value" -> value = column;
        case "timestamp" -> timestamp = column;
        default -> throw new IllegalArgumentException(
            "--columns key '" + key + "' is not one of user, item, value, timestamp");
      }
    }
    if (user == null || item == null) {
      throw new IllegalArgumentException("--columns '" + spec + "' must name both user= and item=");
    }
    return new ColumnMapping(user, item, value, timestamp);
  }

  private static void requireName(String name, String what) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(what + " column name must not be blank, got '" + name + "'");
    }
  }
}
