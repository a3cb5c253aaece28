package io.github.kindred.eval;

import io.github.kindred.data.InteractionLog;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Reads and writes {@code user item [value [timestamp]]} lines separated by tabs or spaces (the MovieLens
 * {@code u.data} layout). Blank lines are skipped; any other malformed line fails with file, line number and reason,
 * and nothing is added from a file that fails (lines are staged and added only once all parsed). Writing keeps ids,
 * raw values and timestamps; event types and context are not written.
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
    int added = 0;
    String[] users = new String[1024];
    String[] items = new String[1024];
    float[] values = new float[1024];
    long[] times = new long[1024];
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
          continue;
        }
        String[] f = SEPARATOR.split(trimmed);
        if (f.length < 2 || f.length > 4) {
          throw bad(file, number, "expected 2 to 4 fields (user item [rating [timestamp]]), got " + f.length);
        }
        float value = 1f;
        if (f.length >= 3) {
          try {
            value = Float.parseFloat(f[2]);
          } catch (NumberFormatException e) {
            throw bad(file, number, "rating '" + f[2] + "' is not a number");
          }
          if (!Float.isFinite(value)) {
            throw bad(file, number, "rating '" + f[2] + "' is not finite");
          }
        }
        long time = InteractionLog.NO_TIME;
        if (f.length == 4) {
          try {
            time = Long.parseLong(f[3]);
          } catch (NumberFormatException e) {
            throw bad(file, number, "timestamp '" + f[3] + "' is not an integer");
          }
        }
        if (added == users.length) {
          users = Arrays.copyOf(users, added * 2);
          items = Arrays.copyOf(items, added * 2);
          values = Arrays.copyOf(values, added * 2);
          times = Arrays.copyOf(times, added * 2);
        }
        users[added] = f[0];
        items[added] = f[1];
        values[added] = value;
        times[added] = time;
        added++;
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file", e);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    for (int i = 0; i < added; i++) {
      log.add(users[i], items[i], values[i], times[i]);
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
