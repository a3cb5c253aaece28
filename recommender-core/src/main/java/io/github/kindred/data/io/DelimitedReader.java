package io.github.kindred.data.io;

import io.github.kindred.data.Context;
import io.github.kindred.data.EventTypes;
import io.github.kindred.data.InteractionLog;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads interaction events from a delimited text file as described by a {@link DelimitedFormat}, streaming it
 * line by line into an {@link InteractionLog.Builder}.
 *
 * <p>In strict mode (the default) the first malformed line fails the read with a {@link MalformedDataException}
 * naming the file, the line and the reason, and every event, id and context value the read had added is removed
 * from the builder again. A line is malformed when its field count differs from the header's (or, without a
 * header, from the first line's), when an id is blank, when a value is not a finite number, when a timestamp is
 * not a whole number, when its event type is unknown to the builder, or when it is longer than
 * {@link #maxLineLength()}. In lenient mode such lines are skipped
 * and counted in the returned {@link ReadReport}. Problems with the file as a whole (it is empty, or its header
 * lacks a mapped column) fail in both modes.
 *
 * <p>Instances hold only the format and are safe to share between threads; each read uses its own stream.
 */
public final class DelimitedReader {
  private static final Logger LOG = LoggerFactory.getLogger(DelimitedReader.class);

  /** The longest line accepted unless {@link #withMaxLineLength(int)} says otherwise: 1,048,576 characters. */
  public static final int DEFAULT_MAX_LINE_LENGTH = RecordReader.DEFAULT_MAX_LINE_LENGTH;

  private final DelimitedFormat format;
  private final int maxLineLength;
  private final UnaryOperator<String> userIds;

  /**
   * Creates a reader for {@code format}, with the default maximum line length and user ids as read.
   *
   * @param format the file layout; validated already by its constructor
   * @throws NullPointerException if {@code format} is null
   */
  public DelimitedReader(DelimitedFormat format) {
    this(format, DEFAULT_MAX_LINE_LENGTH, UnaryOperator.identity());
  }

  private DelimitedReader(DelimitedFormat format, int maxLineLength, UnaryOperator<String> userIds) {
    this.format = Objects.requireNonNull(format, "format");
    this.maxLineLength = maxLineLength;
    this.userIds = userIds;
  }

  /**
   * Returns a reader that accepts lines (and quoted records spanning lines) of at most {@code maxLineLength}
   * characters. A longer line fails a strict read as soon as the bound is passed, without reading on; a lenient
   * read skips through it without holding it in memory and counts it as malformed. A quoted field longer than that always fails, since the reader cannot find
   * the next record inside it. The bound keeps a corrupt or hostile file (one 10 MB line, a missing line break)
   * from exhausting the heap.
   *
   * @param maxLineLength the maximum in characters, &gt;= 1
   * @return a new reader with the same format and id mapping; this reader is unchanged
   * @throws IllegalArgumentException if {@code maxLineLength < 1}
   */
  public DelimitedReader withMaxLineLength(int maxLineLength) {
    if (maxLineLength < 1) {
      throw new IllegalArgumentException("maxLineLength must be >= 1, got " + maxLineLength);
    }
    return new DelimitedReader(format, maxLineLength, userIds);
  }

  /**
   * Returns a reader that passes every user id through {@code mapping} before adding the event, for example a
   * {@link io.github.kindred.data.Pseudonymizer}, so that raw ids never reach the log. The mapping must be
   * deterministic and thread-safe if the reader is shared; a null or blank result makes the line malformed.
   *
   * @param mapping applied to each stripped, non-blank user id field; replaces any earlier mapping
   * @return a new reader with the same format and line bound; this reader is unchanged
   * @throws NullPointerException if {@code mapping} is null
   */
  public DelimitedReader withUserIdMapping(UnaryOperator<String> mapping) {
    return new DelimitedReader(format, maxLineLength, Objects.requireNonNull(mapping, "mapping"));
  }

  /** {@return the longest line accepted, in characters} */
  public int maxLineLength() {
    return maxLineLength;
  }

  /** {@return the format this reader applies} */
  public DelimitedFormat format() {
    return format;
  }

  /**
   * Reads {@code file} into a new log with the default {@link EventTypes}.
   *
   * @param file the delimited file, in the format's charset
   * @return the log of the file's events (in lenient mode, of its well-formed lines)
   * @throws MalformedDataException if the file is empty, its header lacks a mapped column, or (strict mode) a
   *     line is malformed
   * @throws IOException if the file cannot be read
   */
  public InteractionLog read(Path file) throws IOException {
    return read(file, EventTypes.defaults());
  }

  /**
   * Reads {@code file} into a new log whose events are weighted by {@code eventTypes}.
   *
   * @param file the delimited file, in the format's charset
   * @param eventTypes the types the event type column may name, with their weights
   * @return the log of the file's events (in lenient mode, of its well-formed lines)
   * @throws MalformedDataException if the file is empty, its header lacks a mapped column, or (strict mode) a
   *     line is malformed, for example with an event type that {@code eventTypes} does not know
   * @throws IOException if the file cannot be read
   */
  public InteractionLog read(Path file, EventTypes eventTypes) throws IOException {
    InteractionLog.Builder builder = InteractionLog.builder(eventTypes);
    readInto(file, builder);
    return builder.build();
  }

  /**
   * Reads {@code file} into {@code builder}, so that several files (a training and a test file) share indexes.
   * On failure the builder is left as it was before the call.
   *
   * @param file the delimited file, in the format's charset
   * @param builder the builder the events are added to; event types are checked against its types
   * @return what the read did
   * @throws MalformedDataException if the file is empty, its header lacks a mapped column, or (strict mode) a
   *     line is malformed
   * @throws IOException if the file cannot be read
   */
  public ReadReport readInto(Path file, InteractionLog.Builder builder) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(builder, "builder");
    try (RecordReader records = RecordReader.open(file, format.separator(), format.quoted(), format.charset(),
        maxLineLength, format.lenient())) {
      return read(records, builder);
    }
  }

  /**
   * Reads from {@code in} (already decoded; the format's charset is not used) into {@code builder}. The reader is
   * not closed. On failure the builder is left as it was before the call.
   *
   * @param in the text to read, positioned at the first line (the header, if the format has one)
   * @param source a label for messages, such as a file name
   * @param builder the builder the events are added to; event types are checked against its types
   * @return what the read did
   * @throws MalformedDataException as for {@link #readInto(Path, InteractionLog.Builder)}
   * @throws IOException if reading fails
   */
  public ReadReport readInto(Reader in, String source, InteractionLog.Builder builder) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(builder, "builder");
    return read(new RecordReader(in, source, format.separator(), format.quoted(), format.charset(), maxLineLength,
        format.lenient()), builder);
  }

  private ReadReport read(RecordReader records, InteractionLog.Builder builder) throws IOException {
    InteractionLog.Builder.Checkpoint checkpoint = builder.checkpoint();
    boolean done = false;
    try {
      ReadReport report = readRecords(records, builder);
      done = true;
      return report;
    } finally {
      if (!done) {
        builder.rollback(checkpoint);
      }
    }
  }

  private ReadReport readRecords(RecordReader records, InteractionLog.Builder builder) throws IOException {
    Mapping mapping = null;
    int expectedFields = -1;
    if (format.header()) {
      String[] header = nextStrict(records);
      if (header == null) {
        throw records.error(0, "the file is empty (expected a header line)");
      }
      for (int i = 0; i < header.length; i++) {
        header[i] = header[i].strip();
      }
      mapping = resolve(header, records);
      expectedFields = header.length;
    }
    long added = 0;
    long skipped = 0;
    long dataLines = 0;
    List<String> reasons = new ArrayList<>();
    while (true) {
      String[] fields;
      String reason;
      try {
        fields = records.next();
        if (fields == null) {
          break;
        }
        dataLines++;
        if (mapping == null) {
          mapping = resolve(null, records);
          expectedFields = fields.length;
        }
        reason = fields.length != expectedFields
            ? "expected " + expectedFields + " fields separated by " + quote(format.separator()) + " but found "
                + fields.length
            : add(fields, mapping, builder);
      } catch (RecordReader.BadRecord e) {
        dataLines++;
        reason = e.reason();
      }
      if (reason == null) {
        added++;
      } else if (format.lenient()) {
        skipped++;
        if (reasons.size() < ReadReport.MAX_REASONS) {
          reasons.add("line " + records.recordLine() + ": " + reason);
        }
      } else {
        throw records.error(records.recordLine(), reason);
      }
    }
    if (dataLines == 0) {
      throw records.error(0, format.header() ? "the file has a header but no data lines" : "the file is empty");
    }
    if (skipped > 0) {
      LOG.warn("{}: skipped {} malformed lines of {}; first: {}", records.source(), skipped, dataLines,
          reasons.get(0));
    }
    return new ReadReport(records.source(), records.linesRead(), added, skipped, reasons);
  }

  private static String[] nextStrict(RecordReader records) throws IOException {
    try {
      return records.next();
    } catch (RecordReader.BadRecord e) {
      throw records.error(e.line(), e.reason());
    }
  }

  private static String quote(String separator) {
    return "'" + separator.replace("\t", "\\t") + "'";
  }

  /** Adds the event of one record, or returns why it cannot. */
  private String add(String[] fields, Mapping m, InteractionLog.Builder builder) {
    if (fields.length <= m.maxPosition) {
      return "expected at least " + (m.maxPosition + 1) + " fields separated by " + quote(format.separator())
          + " but found " + fields.length;
    }
    String user = fields[m.user].strip();
    if (user.isEmpty()) {
      return "blank user id";
    }
    user = userIds.apply(user);
    if (user == null || user.isBlank()) {
      return "the user id mapping returned a blank id";
    }
    String item = fields[m.item].strip();
    if (item.isEmpty()) {
      return "blank item id";
    }
    float value = format.defaultValue();
    if (m.value >= 0) {
      String text = fields[m.value].strip();
      try {
        value = Float.parseFloat(text);
      } catch (NumberFormatException e) {
        return "value '" + text + "' is not a number";
      }
      if (!Float.isFinite(value)) {
        return "value '" + text + "' is not a finite number";
      }
    }
    long time = InteractionLog.NO_TIME;
    if (m.timestamp >= 0) {
      String text = fields[m.timestamp].strip();
      if (!text.isEmpty()) {
        try {
          time = Long.parseLong(text);
        } catch (NumberFormatException e) {
          return "timestamp '" + text + "' is not a whole number of seconds";
        }
      }
    }
    String type = EventTypes.DEFAULT;
    if (m.eventType >= 0) {
      type = fields[m.eventType].strip();
      if (type.isEmpty()) {
        return "blank event type";
      }
    }
    Context context = Context.EMPTY;
    if (m.context.length > 0) {
      String[] nv = new String[2 * m.context.length];
      int n = 0;
      for (int c = 0; c < m.context.length; c++) {
        String v = fields[m.context[c]].strip();
        if (!v.isEmpty()) {
          nv[n++] = m.contextNames[c];
          nv[n++] = v;
        }
      }
      context = Context.of(n == nv.length ? nv : Arrays.copyOf(nv, n));
    }
    try {
      builder.add(user, item, value, time, type, context);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    return null;
  }

  /** Resolves the format's columns to positions, against the header when there is one. */
  private Mapping resolve(String[] header, RecordReader records) throws MalformedDataException {
    Mapping m = new Mapping();
    List<String> roles = new ArrayList<>();
    int[] used = new int[0];
    m.user = position(format.user(), "user", header, records);
    m.item = position(format.item(), "item", header, records);
    m.value = position(format.value(), "value", header, records);
    m.timestamp = position(format.timestamp(), "timestamp", header, records);
    m.eventType = position(format.eventType(), "event type", header, records);
    Map<String, Column> context = format.context();
    m.context = new int[context.size()];
    m.contextNames = context.keySet().toArray(String[]::new);
    for (int c = 0; c < m.contextNames.length; c++) {
      m.context[c] = position(context.get(m.contextNames[c]), "context '" + m.contextNames[c] + "'", header,
          records);
    }
    int[] all = {m.user, m.item, m.value, m.timestamp, m.eventType};
    String[] names = {"user", "item", "value", "timestamp", "event type"};
    for (int i = 0; i < all.length; i++) {
      used = check(used, roles, all[i], names[i], records);
    }
    for (int c = 0; c < m.context.length; c++) {
      used = check(used, roles, m.context[c], "context '" + m.contextNames[c] + "'", records);
    }
    for (int p : used) {
      m.maxPosition = Math.max(m.maxPosition, p);
    }
    return m;
  }

  private static int[] check(int[] used, List<String> roles, int position, String role, RecordReader records)
      throws MalformedDataException {
    if (position < 0) {
      return used;
    }
    for (int i = 0; i < used.length; i++) {
      if (used[i] == position) {
        throw records.error(records.recordLine(),
            "column #" + position + " is mapped twice: to " + roles.get(i) + " and to " + role);
      }
    }
    roles.add(role);
    int[] out = Arrays.copyOf(used, used.length + 1);
    out[used.length] = position;
    return out;
  }

  private static int position(Column column, String role, String[] header, RecordReader records)
      throws MalformedDataException {
    if (column == null) {
      return -1;
    }
    if (!column.byName()) {
      if (header != null && column.position() >= header.length) {
        throw records.error(records.recordLine(), "the " + role + " column #" + column.position()
            + " is beyond the header's " + header.length + " columns " + Arrays.toString(header));
      }
      return column.position();
    }
    for (int i = 0; i < header.length; i++) {
      if (header[i].equals(column.name())) {
        return i;
      }
    }
    throw records.error(records.recordLine(), "no column '" + column.name() + "' (the " + role
        + " column) in the header; its columns are " + Arrays.toString(header));
  }

  /** Column positions of one read; -1 for an absent optional column. */
  private static final class Mapping {
    int user;
    int item;
    int value;
    int timestamp;
    int eventType;
    int[] context;
    String[] contextNames;
    int maxPosition = -1;
  }
}
