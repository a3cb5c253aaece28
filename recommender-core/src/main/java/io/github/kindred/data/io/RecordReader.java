package io.github.kindred.data.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a character stream into records of fields, one physical line per record except where a quoted field
 * spans line breaks. Blank lines are skipped; a UTF-8 byte order mark at the start is dropped. Not thread-safe.
 *
 * <p>Quoting follows RFC 4180 when enabled: a field that starts with {@code "} runs to the next single {@code "},
 * a doubled {@code ""} inside it stands for one quote, and it may contain the separator and line breaks. A quote
 * anywhere else is an ordinary character, which keeps unquoted files such as MovieLens {@code movies.dat} (whose
 * titles contain quotes) readable.
 */
final class RecordReader implements Closeable {
  /** The longest line (or quoted record) accepted by default, in characters: 1 Mi, about 2 MB of heap. */
  static final int DEFAULT_MAX_LINE_LENGTH = 1 << 20;

  private final Reader in;
  private final String source;
  private final String separator;
  private final char separatorChar;
  private final boolean quoted;
  private final Charset charset;
  private final List<String> fields = new ArrayList<>();
  private final StringBuilder quotedText = new StringBuilder();
  private final int maxLineLength;
  private final boolean skipLongLines;
  /** Our own buffer and line assembly instead of BufferedReader.readLine, whose lines have no length bound. */
  private final char[] buffer = new char[8192];
  private final StringBuilder lineText = new StringBuilder();
  private int bufferPos;
  private int bufferEnd;
  private boolean skipLineFeed;
  private boolean lineTooLong;
  private long linesRead;
  private long recordLine;

  RecordReader(Reader in, String source, String separator, boolean quoted, Charset charset) {
    this(in, source, separator, quoted, charset, DEFAULT_MAX_LINE_LENGTH, false);
  }

  /**
   * Creates a reader.
   *
   * @param maxLineLength the longest physical line, and the longest quoted record, accepted, in characters, >= 1;
   *     a longer line is consumed without being held in memory and rejected
   * @param skipLongLines whether a longer line is read through to its end and reported as a {@link BadRecord} (for
   *     lenient reads, which go on after it), rather than failing at once with a {@link MalformedDataException}
   *     without reading further (so that even an endless line costs bounded time)
   */
  RecordReader(Reader in, String source, String separator, boolean quoted, Charset charset, int maxLineLength,
      boolean skipLongLines) {
    this.skipLongLines = skipLongLines;
    if (maxLineLength < 1) {
      throw new IllegalArgumentException("maxLineLength must be >= 1, got " + maxLineLength);
    }
    this.maxLineLength = maxLineLength;
    this.in = in;
    this.source = source;
    this.separator = separator;
    this.separatorChar = separator.length() == 1 ? separator.charAt(0) : 0;
    this.quoted = quoted;
    this.charset = charset;
  }

  /** Opens {@code file}; the source label is the path as given. */
  static RecordReader open(Path file, String separator, boolean quoted, Charset charset) throws IOException {
    return open(file, separator, quoted, charset, DEFAULT_MAX_LINE_LENGTH, false);
  }

  /** Opens {@code file} with a bound on line length; see the constructor. */
  static RecordReader open(Path file, String separator, boolean quoted, Charset charset, int maxLineLength,
      boolean skipLongLines) throws IOException {
    // Files.newBufferedReader decodes strictly: malformed bytes raise CharacterCodingException, never U+FFFD.
    return new RecordReader(Files.newBufferedReader(file, charset), file.toString(), separator, quoted, charset,
        maxLineLength, skipLongLines);
  }

  /** The label of the input used in messages. */
  String source() {
    return source;
  }

  /** Physical lines read so far. */
  long linesRead() {
    return linesRead;
  }

  /** The 1-based line on which the last record returned (or rejected) by {@link #next()} starts. */
  long recordLine() {
    return recordLine;
  }

  /**
   * Returns the fields of the next non-blank record, or null at the end of the input.
   *
   * @throws BadRecord if the record's quoting is malformed or its line is longer than the maximum; the record is
   *     consumed, so reading may go on
   * @throws MalformedDataException if the bytes are not valid in the charset, or a quoted field grows beyond the
   *     maximum line length (reading cannot resume inside a quoted field)
   */
  String[] next() throws IOException, BadRecord {
    String line;
    do {
      line = readLine();
      if (line == null) {
        return null;
      }
    } while (line.isBlank() && !lineTooLong);
    recordLine = linesRead;
    if (lineTooLong) {
      throw new BadRecord(recordLine, "the line is longer than the maximum of " + maxLineLength + " characters");
    }
    fields.clear();
    if (!quoted || line.indexOf('"') < 0) {
      splitPlain(line, 0);
    } else {
      splitQuoted(line);
    }
    return fields.toArray(new String[0]);
  }

  /**
   * Returns the next physical line without its terminator ({@code \n}, {@code \r} or {@code \r\n}), or null at
   * the end. A line longer than the maximum is read to its end but not kept: the result is then empty and
   * {@link #lineTooLong} is set, so a 10 MB line costs no more memory than a short one.
   */
  private String readLine() throws IOException {
    lineText.setLength(0);
    lineTooLong = false;
    boolean any = false;
    while (true) {
      if (bufferPos == bufferEnd && !fill()) {
        if (!any) {
          return null;
        }
        break;
      }
      if (skipLineFeed) {
        skipLineFeed = false;
        if (buffer[bufferPos] == '\n') {
          bufferPos++;
          continue;
        }
      }
      any = true;
      int start = bufferPos;
      while (bufferPos < bufferEnd && buffer[bufferPos] != '\n' && buffer[bufferPos] != '\r') {
        bufferPos++;
      }
      if (!lineTooLong) {
        if (lineText.length() + (bufferPos - start) > maxLineLength) {
          if (!skipLongLines) {
            throw error(linesRead + 1, "the line is longer than the maximum of " + maxLineLength + " characters");
          }
          lineTooLong = true;
          lineText.setLength(0);
        } else {
          lineText.append(buffer, start, bufferPos - start);
        }
      }
      if (bufferPos < bufferEnd) {
        skipLineFeed = buffer[bufferPos] == '\r';
        bufferPos++;
        break;
      }
    }
    String line = lineText.toString();
    if (linesRead == 0 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
      line = line.substring(1);
    }
    linesRead++;
    return line;
  }

  /** Refills the buffer; returns false at the end of the input. */
  private boolean fill() throws IOException {
    int n;
    try {
      n = in.read(buffer, 0, buffer.length);
    } catch (CharacterCodingException e) {
      // The decoder works ahead of the lines handed out (a buffer of about 8K characters), so the bad bytes are
      // known to lie at or after the next line, not exactly where.
      throw new MalformedDataException(source, linesRead + 1,
          "bytes that are not valid " + charset + " at or after this line");
    }
    bufferPos = 0;
    bufferEnd = Math.max(n, 0);
    return n > 0;
  }

  private int indexOfSeparator(String line, int from) {
    return separatorChar != 0 ? line.indexOf(separatorChar, from) : line.indexOf(separator, from);
  }

  private void splitPlain(String line, int from) {
    int pos = from;
    while (pos >= 0) {
      pos = plainField(line, pos);
    }
  }

  /** Adds the unquoted field starting at {@code pos}; returns where the next field starts, or -1 at the end. */
  private int plainField(String line, int pos) {
    int s = indexOfSeparator(line, pos);
    if (s < 0) {
      fields.add(line.substring(pos));
      return -1;
    }
    fields.add(line.substring(pos, s));
    return s + separator.length();
  }

  private void splitQuoted(String first) throws IOException, BadRecord {
    String line = first;
    int pos = 0;
    while (true) {
      if (pos < line.length() && line.charAt(pos) == '"') {
        quotedText.setLength(0);
        pos++;
        while (true) {
          int q = line.indexOf('"', pos);
          if (q < 0) {
            // The quoted field goes on over a line break, which belongs to its value.
            quotedText.append(line, pos, line.length()).append('\n');
            line = readLine();
            if (line == null) {
              throw new BadRecord(recordLine, "a quoted field is not closed before the end of the file");
            }
            if (lineTooLong || quotedText.length() + line.length() > maxLineLength) {
              throw error(recordLine, "a quoted field runs over more than the maximum of " + maxLineLength
                  + " characters (an unclosed quote?)");
            }
            pos = 0;
            continue;
          }
          quotedText.append(line, pos, q);
          if (q + 1 < line.length() && line.charAt(q + 1) == '"') {
            quotedText.append('"');
            pos = q + 2;
            continue;
          }
          pos = q + 1;
          break;
        }
        fields.add(quotedText.toString());
        if (pos == line.length()) {
          return;
        }
        if (!line.startsWith(separator, pos)) {
          throw new BadRecord(recordLine, "unexpected '" + line.charAt(pos) + "' after the closing quote of field "
              + fields.size() + " (expected the separator or the end of the line)");
        }
        pos += separator.length();
      } else {
        pos = plainField(line, pos);
        if (pos < 0) {
          return;
        }
      }
    }
  }

  /** Returns the failure of a record at {@code line}: a {@link MalformedDataException} for this source. */
  MalformedDataException error(long line, String reason) {
    return new MalformedDataException(source, line, reason);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** A record that cannot be split; the reader has consumed it. */
  static final class BadRecord extends Exception {
    private static final long serialVersionUID = 1L;

    private final long line;
    private final String reason;

    BadRecord(long line, String reason) {
      super(reason, null, false, false);
      this.line = line;
      this.reason = reason;
    }

    long line() {
      return line;
    }

    String reason() {
      return reason;
    }
  }

  /** Handles one record; throws IllegalArgumentException naming the problem, which becomes a line error. */
  @FunctionalInterface
  interface RecordHandler {
    void accept(String[] fields, long line);
  }

  /** Reads every record of {@code file}, which must have {@code fieldCount} fields each, into {@code handler}. */
  static void forEachRecord(Path file, String separator, boolean quoted, Charset charset, int fieldCount,
      RecordHandler handler) throws IOException {
    forEachRecord(file, separator, quoted, charset, fieldCount, null, handler);
  }

  /** Reads a file whose first record must be exactly {@code header}. */
  static void forEachRecord(Path file, String separator, boolean quoted, Charset charset,
      List<String> header, RecordHandler handler) throws IOException {
    forEachRecord(file, separator, quoted, charset, header.size(), header, handler);
  }

  /**
   * Reads every record after the optional {@code header} (null for none) into {@code handler}: a wrong field count,
   * a wrong header, an empty file or a handler's IllegalArgumentException fail naming the file and the line.
   */
  static void forEachRecord(Path file, String separator, boolean quoted, Charset charset, int fieldCount,
      List<String> header, RecordHandler handler) throws IOException {
    try (RecordReader records = RecordReader.open(file, separator, quoted, charset)) {
      boolean any = false;
      boolean headerRead = header == null;
      while (true) {
        String[] fields;
        try {
          fields = records.next();
        } catch (RecordReader.BadRecord e) {
          throw records.error(e.line(), e.reason());
        }
        if (fields == null) {
          break;
        }
        long line = records.recordLine();
        if (fields.length != fieldCount) {
          throw records.error(line, "expected " + fieldCount + " fields separated by '" + separator
              + "' but found " + fields.length);
        }
        if (!headerRead) {
          for (int i = 0; i < fieldCount; i++) {
            if (!fields[i].strip().equals(header.get(i))) {
              throw records.error(line, "expected the header " + String.join(",", header) + " but found "
                  + String.join(",", fields));
            }
          }
          headerRead = true;
          continue;
        }
        any = true;
        try {
          handler.accept(fields, line);
        } catch (IllegalArgumentException e) {
          throw records.error(line, e.getMessage());
        }
      }
      if (!any) {
        throw records.error(0, header == null ? "the file is empty" : "the file has no data lines");
      }
    }
  }
}
