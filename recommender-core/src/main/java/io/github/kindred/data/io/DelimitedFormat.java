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
   *
   * @return a new builder; at least the user and item columns must be set before {@link Builder#build()}
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
   *
   * @return the format: user in column 0, item in 1, value in 2, timestamp in 3, strict
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
     * @param separator the field separator, one or more characters without a line break (and without {@code "}
     *     when fields may be quoted); checked by {@link #build()}
     * @return this builder
     */
    public Builder separator(String separator) {
      this.separator = separator;
      return this;
    }

    /**
     * The field separator as one character.
     *
     * @param separator the field separator character, for example {@code ','} or {@code '\t'}
     * @return this builder
     */
    public Builder separator(char separator) {
      this.separator = String.valueOf(separator);
      return this;
    }

    /**
     * Whether the first line is a header naming the columns; true by default.
     *
     * @param header whether the first line names the columns (and is not data); needed by columns chosen by name
     * @return this builder
     */
    public Builder header(boolean header) {
      this.header = header;
      return this;
    }

    /**
     * Whether fields may be enclosed in double quotes (RFC 4180); true by default.
     *
     * @param quoted whether fields may be enclosed in double quotes as in RFC 4180 (a quoted field may contain the
     *     separator, doubled quotes and line breaks); when false a quote is an ordinary character
     * @return this builder
     */
    public Builder quoted(boolean quoted) {
      this.quoted = quoted;
      return this;
    }

    /**
     * The file encoding; UTF-8 by default.
     *
     * @param charset the file encoding, not null (checked by {@link #build()})
     * @return this builder
     */
    public Builder charset(Charset charset) {
      this.charset = charset;
      return this;
    }

    /**
     * Sets the user id column; required.
     *
     * @param column the column, not null by {@link #build()}
     * @return this builder
     */
    public Builder user(Column column) {
      this.user = column;
      return this;
    }

    /**
     * Sets the user id column by header name; required.
     *
     * @param name the header name, not blank; the format needs a header line
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    public Builder user(String name) {
      return user(Column.named(name));
    }

    /**
     * Sets the user id column by position; required.
     *
     * @param position the 0-based position, &gt;= 0
     * @return this builder
     * @throws IllegalArgumentException if {@code position} is negative
     */
    public Builder user(int position) {
      return user(Column.at(position));
    }

    /**
     * Sets the item id column; required.
     *
     * @param column the column, not null by {@link #build()}
     * @return this builder
     */
    public Builder item(Column column) {
      this.item = column;
      return this;
    }

    /**
     * Sets the item id column by header name; required.
     *
     * @param name the header name, not blank; the format needs a header line
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    public Builder item(String name) {
      return item(Column.named(name));
    }

    /**
     * Sets the item id column by position; required.
     *
     * @param position the 0-based position, &gt;= 0
     * @return this builder
     * @throws IllegalArgumentException if {@code position} is negative
     */
    public Builder item(int position) {
      return item(Column.at(position));
    }

    /**
     * Sets the value column (a rating, count or weight); its fields must parse as finite floats.
     *
     * @param column the column, or null for {@link #defaultValue(float)} on every event
     * @return this builder
     */
    public Builder value(Column column) {
      this.value = column;
      return this;
    }

    /**
     * Sets the value column by header name.
     *
     * @param name the header name, not blank; the format needs a header line
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    public Builder value(String name) {
      return value(Column.named(name));
    }

    /**
     * Sets the value column by position.
     *
     * @param position the 0-based position, &gt;= 0
     * @return this builder
     * @throws IllegalArgumentException if {@code position} is negative
     */
    public Builder value(int position) {
      return value(Column.at(position));
    }

    /**
     * Sets the timestamp column: whole seconds since the epoch, an empty field meaning unknown.
     *
     * @param column the column, or null for no timestamps
     * @return this builder
     */
    public Builder timestamp(Column column) {
      this.timestamp = column;
      return this;
    }

    /**
     * Sets the timestamp column by header name.
     *
     * @param name the header name, not blank; the format needs a header line
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    public Builder timestamp(String name) {
      return timestamp(Column.named(name));
    }

    /**
     * Sets the timestamp column by position.
     *
     * @param position the 0-based position, &gt;= 0
     * @return this builder
     * @throws IllegalArgumentException if {@code position} is negative
     */
    public Builder timestamp(int position) {
      return timestamp(Column.at(position));
    }

    /**
     * Sets the event type column; its fields name types of the reading builder's event types.
     *
     * @param column the column, or null for {@link io.github.kindred.data.EventTypes#DEFAULT} on every event
     * @return this builder
     */
    public Builder eventType(Column column) {
      this.eventType = column;
      return this;
    }

    /**
     * Sets the event type column by header name.
     *
     * @param name the header name, not blank; the format needs a header line
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    public Builder eventType(String name) {
      return eventType(Column.named(name));
    }

    /**
     * Adds a context column by header name; the header name becomes the context feature name.
     *
     * @param headerName the header name, not blank; the format needs a header line
     * @return this builder
     * @throws IllegalArgumentException if {@code headerName} is null or blank, or already mapped
     */
    public Builder context(String headerName) {
      return context(headerName, Column.named(headerName));
    }

    /**
     * Adds a context column whose values become context feature {@code featureName}.
     *
     * @param featureName the context feature name, not blank (checked by {@link #build()})
     * @param column the column, not null (checked by {@link #build()})
     * @return this builder
     * @throws IllegalArgumentException if {@code featureName} is already mapped
     */
    public Builder context(String featureName, Column column) {
      if (context.putIfAbsent(featureName, column) != null) {
        throw new IllegalArgumentException("context feature '" + featureName + "' is mapped twice");
      }
      return this;
    }

    /**
     * The value of every event when there is no value column; 1 by default.
     *
     * @param defaultValue the value of events when there is no value column, finite (checked by {@link #build()})
     * @return this builder
     */
    public Builder defaultValue(float defaultValue) {
      this.defaultValue = defaultValue;
      return this;
    }

    /**
     * Whether malformed lines are skipped and counted instead of failing the read; false by default.
     *
     * @param lenient whether malformed lines are skipped and counted instead of failing the read
     * @return this builder
     */
    public Builder lenient(boolean lenient) {
      this.lenient = lenient;
      return this;
    }

    /**
     * Returns the validated format.
     *
     * @return the format; the builder may be used on afterwards
     * @throws IllegalArgumentException if a setting is invalid or a required column is missing
     * @throws NullPointerException if the separator, charset or a context column is null
     */
    public DelimitedFormat build() {
      return new DelimitedFormat(separator, header, quoted, charset, user, item, value, timestamp, eventType,
          context, defaultValue, lenient);
    }
  }
}
