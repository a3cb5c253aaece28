package io.github.kindred.data.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to read interactions from a delimited text file: the separator, whether the first line is a header, quoting,
 * the charset, and which column holds each part of an event. Immutable and validated at construction; build one
 * with {@link #builder()}.
 *
 * <p>Only the user and item columns are required. Without a value column every event has {@code defaultValue}
 * (1 unless set). Timestamps are whole seconds since the epoch; an empty timestamp field means "unknown". Event
 * types are names known to the {@link io.github.kindred.data.EventTypes} of the builder read into. Each context
 * column becomes a context feature of the given name; an empty context field means the event lacks the feature.
 *
 * @param separator the field separator, one or more characters, for example {@code ","}, {@code "\t"} or
 *     {@code "::"}
 * @param header whether the first line names the columns (and is not data)
 * @param quoted whether fields may be enclosed in double quotes as in RFC 4180 (a quoted field may contain the
 *     separator, doubled quotes and line breaks); when false a quote is an ordinary character
 * @param charset the file encoding
 * @param user the user id column, not null
 * @param item the item id column, not null
 * @param value the value column, or null for {@code defaultValue}
 * @param timestamp the timestamp column (epoch seconds), or null for none
 * @param eventType the event type column, or null for {@link io.github.kindred.data.EventTypes#DEFAULT}
 * @param context context feature name to column, in order; copied
 * @param defaultValue the value of events when there is no value column, finite
 * @param lenient whether malformed lines are skipped and counted instead of failing the read
 */
public record DelimitedFormat(String separator, boolean header, boolean quoted, Charset charset, Column user,
    Column item, Column value, Column timestamp, Column eventType, Map<String, Column> context, float defaultValue,
    boolean lenient) {

  /**
   * Validates the format; every problem fails here, naming the parameter and value.
   *
   * @param separator the field separator, one or more characters, for example {@code ","}, {@code "\t"} or {@code "::"}
   * @param header whether the first line names the columns (and is not data)
   * @param quoted whether fields may be enclosed in double quotes as in RFC 4180 (a quoted field may contain the separator, doubled quotes and line breaks); when false a quote is an ordinary character
   * @param charset the file encoding
   * @param user the user id column, not null
   * @param item the item id column, not null
   * @param value the value column, or null for {@code defaultValue}
   * @param timestamp the timestamp column (epoch seconds), or null for none
   * @param eventType the event type column, or null for {@link io.github.kindred.data.EventTypes#DEFAULT}
   * @param context context feature name to column, in order; copied
   * @param defaultValue the value of events when there is no value column, finite
   * @param lenient whether malformed lines are skipped and counted instead of failing the read
   */
  public DelimitedFormat {
    Objects.requireNonNull(separator, "separator");
    if (separator.isEmpty()) {
      throw new IllegalArgumentException("separator must not be empty");
    }
    if (separator.indexOf('\n') >= 0 || separator.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("separator must not contain a line break");
    }
    if (quoted && separator.indexOf('"') >= 0) {
      throw new IllegalArgumentException("separator must not contain '\"' when fields may be quoted");
    }
    Objects.requireNonNull(charset, "charset");
    if (user == null) {
      throw new IllegalArgumentException("the user column must be given");
    }
    if (item == null) {
      throw new IllegalArgumentException("the item column must be given");
    }
    Objects.requireNonNull(context, "context");
    Map<String, Column> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Column> e : context.entrySet()) {
      String name = e.getKey();
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("context feature names must not be blank, got '" + name + "'");
      }
      copy.put(name, Objects.requireNonNull(e.getValue(), "column of context feature " + name));
    }
    context = Collections.unmodifiableMap(copy);
    if (!Float.isFinite(defaultValue)) {
      throw new IllegalArgumentException("defaultValue must be finite, got " + defaultValue);
    }
    Map<Column, String> roles = new LinkedHashMap<>();
    role(roles, user, "user", header);
    role(roles, item, "item", header);
    role(roles, value, "value", header);
    role(roles, timestamp, "timestamp", header);
    role(roles, eventType, "event type", header);
    for (Map.Entry<String, Column> e : context.entrySet()) {
      role(roles, e.getValue(), "context '" + e.getKey() + "'", header);
    }
  }

  private static void role(Map<Column, String> roles, Column column, String role, boolean header) {
    if (column == null) {
      return;
    }
    if (column.byName() && !header) {
      throw new IllegalArgumentException("the " + role + " column " + column
          + " is chosen by header name, but the format has no header line");
    }
    String before = roles.putIfAbsent(column, role);
    if (before != null) {
      throw new IllegalArgumentException("column " + column + " is mapped twice: to " + before + " and to " + role);
    }
  }

  /**
   * Returns a builder with the defaults: separator {@code ","}, a header line, quoting on, UTF-8, no optional
   * columns, default value 1, strict.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this format's settings} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.separator = separator;
    b.header = header;
    b.quoted = quoted;
    b.charset = charset;
    b.user = user;
    b.item = item;
    b.value = value;
    b.timestamp = timestamp;
    b.eventType = eventType;
    b.context.putAll(context);
    b.defaultValue = defaultValue;
    b.lenient = lenient;
    return b;
  }

  /**
   * Returns this format in lenient or strict mode.
   *
   * @param lenient whether malformed lines are skipped and counted instead of failing the read
   * @return a new configuration equal to this one except for {@code lenient}; this record is unchanged
   */
  public DelimitedFormat withLenient(boolean lenient) {
    return toBuilder().lenient(lenient).build();
  }

  /**
   * A headerless, tab-separated, unquoted format of {@code user item value [timestamp]} lines by position, the
   * layout of MovieLens {@code u.data} and of the {@code --format tsv} files of the evaluation CLI.
   */
  public static DelimitedFormat tsv() {
    return builder().separator("\t").header(false).quoted(false).user(0).item(1).value(2).timestamp(3).build();
  }

  /** Collects the settings of a {@link DelimitedFormat}. Not thread-safe. */
  public static final class Builder {
    private String separator = ",";
    private boolean header = true;
    private boolean quoted = true;
    private Charset charset = StandardCharsets.UTF_8;
    private Column user;
    private Column item;
    private Column value;
    private Column timestamp;
    private Column eventType;
    private final Map<String, Column> context = new LinkedHashMap<>();
    private float defaultValue = 1f;
    private boolean lenient;

    private Builder() {}

    /**
     * The field separator, for example {@code ","}, {@code "\t"}, {@code "|"} or {@code "::"}.
     *
     * @param separator the field separator, one or more characters, for example {@code ","}, {@code "\t"} or {@code "::"}
     */
    public Builder separator(String separator) {
      this.separator = separator;
      return this;
    }

    /**
     * The field separator as one character.
     *
     * @param separator the field separator, one or more characters, for example {@code ","}, {@code "\t"} or {@code "::"}
     */
    public Builder separator(char separator) {
      this.separator = String.valueOf(separator);
      return this;
    }

    /**
     * Whether the first line is a header naming the columns; true by default.
     *
     * @param header whether the first line names the columns (and is not data)
     */
    public Builder header(boolean header) {
      this.header = header;
      return this;
    }

    /**
     * Whether fields may be enclosed in double quotes (RFC 4180); true by default.
     *
     * @param quoted whether fields may be enclosed in double quotes as in RFC 4180 (a quoted field may contain the separator, doubled quotes and line breaks); when false a quote is an ordinary character
     */
    public Builder quoted(boolean quoted) {
      this.quoted = quoted;
      return this;
    }

    /**
     * The file encoding; UTF-8 by default.
     *
     * @param charset the file encoding
     */
    public Builder charset(Charset charset) {
      this.charset = charset;
      return this;
    }

    /** The user id column. */
    public Builder user(Column column) {
      this.user = column;
      return this;
    }

    /** The user id column by header name. */
    public Builder user(String name) {
      return user(Column.named(name));
    }

    /** The user id column by 0-based position. */
    public Builder user(int position) {
      return user(Column.at(position));
    }

    /** The item id column. */
    public Builder item(Column column) {
      this.item = column;
      return this;
    }

    /** The item id column by header name. */
    public Builder item(String name) {
      return item(Column.named(name));
    }

    /** The item id column by 0-based position. */
    public Builder item(int position) {
      return item(Column.at(position));
    }

    /** The value column (a rating, count or weight), or null for the default value. */
    public Builder value(Column column) {
      this.value = column;
      return this;
    }

    /** The value column by header name. */
    public Builder value(String name) {
      return value(Column.named(name));
    }

    /** The value column by 0-based position. */
    public Builder value(int position) {
      return value(Column.at(position));
    }

    /** The timestamp column (whole seconds since the epoch), or null for none. */
    public Builder timestamp(Column column) {
      this.timestamp = column;
      return this;
    }

    /** The timestamp column by header name. */
    public Builder timestamp(String name) {
      return timestamp(Column.named(name));
    }

    /** The timestamp column by 0-based position. */
    public Builder timestamp(int position) {
      return timestamp(Column.at(position));
    }

    /** The event type column, or null for none. */
    public Builder eventType(Column column) {
      this.eventType = column;
      return this;
    }

    /** The event type column by header name. */
    public Builder eventType(String name) {
      return eventType(Column.named(name));
    }

    /** Adds a context column by header name; the header name becomes the context feature name. */
    public Builder context(String headerName) {
      return context(headerName, Column.named(headerName));
    }

    /** Adds a context column whose values become context feature {@code featureName}. */
    public Builder context(String featureName, Column column) {
      if (context.putIfAbsent(featureName, column) != null) {
        throw new IllegalArgumentException("context feature '" + featureName + "' is mapped twice");
      }
      return this;
    }

    /**
     * The value of every event when there is no value column; 1 by default.
     *
     * @param defaultValue the value of events when there is no value column, finite
     */
    public Builder defaultValue(float defaultValue) {
      this.defaultValue = defaultValue;
      return this;
    }

    /**
     * Whether malformed lines are skipped and counted instead of failing the read; false by default.
     *
     * @param lenient whether malformed lines are skipped and counted instead of failing the read
     */
    public Builder lenient(boolean lenient) {
      this.lenient = lenient;
      return this;
    }

    /**
     * Returns the validated format.
     *
     * @throws IllegalArgumentException if a setting is invalid or a required column is missing
     * @throws NullPointerException if the separator, charset or a context column is null
     */
    public DelimitedFormat build() {
      return new DelimitedFormat(separator, header, quoted, charset, user, item, value, timestamp, eventType,
          context, defaultValue, lenient);
    }
  }
}
