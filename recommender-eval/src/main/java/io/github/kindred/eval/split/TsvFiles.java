package io.github.kindred.eval.split;

import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.io.Column;
import io.github.kindred.data.io.DelimitedFormat;
import io.github.kindred.data.io.DelimitedReader;
import io.github.kindred.data.io.MalformedDataException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads and writes {@code user item [value [timestamp]]} lines separated by tabs or spaces (the MovieLens
 * {@code u.data} layout). Reading goes through the library's {@link DelimitedReader}: each line's runs of tabs and
 * spaces become one tab before the reader sees it, and the columns are those of the first non-blank line (2 to 4
 * fields; every line must then have as many). Blank lines are skipped; any other malformed line fails with file,
 * line number and reason, and nothing is added from a file that fails. Writing keeps ids, raw values and
 * timestamps; event types and context are not written.
 */
final class TsvFiles {
  private static final Pattern SEPARATOR = Pattern.compile("[\\t ]+");

  private TsvFiles() {}

  /**
   * Adds every line of {@code file} to {@code log}.
   *
   * @throws IllegalArgumentException naming file and line if a line is malformed or the file does not exist
   * @throws UncheckedIOException if the file cannot be read
   */
  static void read(Path file, InteractionLog.Builder log) {
    try {
      int fields = firstFieldCount(file);
      if (fields == 0) {
        return;
      }
      DelimitedFormat.Builder format = DelimitedFormat.tsv().toBuilder().value((Column) null).timestamp((Column) null);
      if (fields >= 3) {
        format.value(2);
      }
      if (fields == 4) {
        format.timestamp(3);
      }
      try (Reader in = new Normalizing(Files.newBufferedReader(file, StandardCharsets.UTF_8), file)) {
        new DelimitedReader(format.build()).readInto(in, file.toString(), log);
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file", e);
    } catch (MalformedDataException e) {
      throw new IllegalArgumentException(file + ":" + e.line() + ": " + e.reason(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /** The number of fields of the first non-blank line, 0 for a file of blank lines. */
  private static int firstFieldCount(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        String normalized = normalize(line, file, number);
        if (!normalized.isEmpty()) {
          return normalized.split("\t", -1).length;
        }
      }
      return 0;
    }
  }

  /**
   * {@code line} with its runs of tabs and spaces collapsed to one tab and its ends trimmed ("" for a blank line).
   *
   * @throws IllegalArgumentException naming file and line if it has fewer than 2 or more than 4 fields
   */
  private static String normalize(String line, Path file, int number) {
    String trimmed = line.strip();
    if (trimmed.isEmpty()) {
      return "";
    }
    String[] f = SEPARATOR.split(trimmed);
    if (f.length < 2 || f.length > 4) {
      throw new IllegalArgumentException(
          file + ":" + number + ": expected 2 to 4 fields (user item [rating [timestamp]]), got " + f.length);
    }
    return String.join("\t", f);
  }

  /**
   * A character stream of the file's lines, each normalised by {@link #normalize} and ended by a line feed, so that
   * line numbers stay those of the file. Works with any way of reading a {@link Reader}.
   */
  private static final class Normalizing extends Reader {
    private final BufferedReader in;
    private final Path file;
    private int number;
    private String current = "";
    private int position;

    Normalizing(BufferedReader in, Path file) {
      this.in = in;
      this.file = file;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      if (position == current.length()) {
        String line = in.readLine();
        if (line == null) {
          return -1;
        }
        number++;
        current = normalize(line, file, number) + "\n";
        position = 0;
      }
      int n = Math.min(length, current.length() - position);
      current.getChars(position, position + n, buffer, offset);
      position += n;
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /**
   * Writes the events of {@code log} as tab-separated {@code user item value [timestamp]} lines.
   *
   * @throws IllegalArgumentException if an id contains whitespace (it could not be read back)
   * @throws UncheckedIOException if the file cannot be written
   */
  static void write(InteractionLog log, Path file) {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < log.size(); i++) {
        String user = requireToken(log.users().idOf(log.user(i)), "user");
        String item = requireToken(log.items().idOf(log.item(i)), "item");
        out.write(user);
        out.write('\t');
        out.write(item);
        out.write('\t');
        out.write(Float.toString(log.value(i)));
        if (log.timestamp(i) != InteractionLog.NO_TIME) {
          out.write('\t');
          out.write(Long.toString(log.timestamp(i)));
        }
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static String requireToken(String id, String what) {
    for (int c = 0; c < id.length(); c++) {
      if (Character.isWhitespace(id.charAt(c))) {
        throw new IllegalArgumentException(what + " id '" + id + "' contains whitespace and cannot be written as TSV");
      }
    }
    return id;
  }

  private static IllegalArgumentException bad(Path file, int line, String reason) {
    return new IllegalArgumentException(file + ":" + line + ": " + reason);
  }
}
