package io.github.kindred.eval.split;

import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Writes a {@link Split} to a directory and reads it back with identical id indexes, so that a split can be made
 * once and shared (by people, tools or other libraries). Layout: {@code train.tsv}, {@code test.tsv} and, when not
 * empty, {@code foldin.tsv} ({@code user item value [timestamp]}, tab-separated), plus {@code users.txt} and
 * {@code items.txt} with the training log's ids in index order (so that items without training events, as in a
 * cold-item split, keep their place in the catalogue). Event types and context are not written. Stateless and
 * thread-safe; concurrent writes to one directory are not.
 */
public final class SplitFiles {
  private SplitFiles() {}

  /**
   * Writes {@code split} into {@code dir}, creating it if needed and replacing the files named above.
   *
   * @throws IllegalArgumentException if an id contains whitespace
   * @throws UncheckedIOException if a file cannot be written
   */
  public static void write(Split split, Path dir) {
    Objects.requireNonNull(split, "split");
    try {
      Files.createDirectories(dir);
      writeIds(split.train().users(), dir.resolve("users.txt"));
      writeIds(split.train().items(), dir.resolve("items.txt"));
      TsvFiles.write(split.train(), dir.resolve("train.tsv"));
      TsvFiles.write(split.test(), dir.resolve("test.tsv"));
      Path foldIn = dir.resolve("foldin.tsv");
      if (split.foldIn().size() > 0) {
        TsvFiles.write(split.foldIn(), foldIn);
      } else {
        Files.deleteIfExists(foldIn);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the split to " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a split written by {@link #write}. {@code users.txt} and {@code items.txt} are optional: without them
   * the training indexes follow the order of first appearance in {@code train.tsv}.
   *
   * @throws IllegalArgumentException naming file and line if a file is missing or malformed
   */
  public static Split read(Path dir) {
    InteractionLog.Builder train = InteractionLog.builder();
    train.knownUsers(readIds(dir.resolve("users.txt")));
    train.knownItems(readIds(dir.resolve("items.txt")));
    TsvFiles.read(dir.resolve("train.tsv"), train);
    InteractionLog trainLog = train.build();
    InteractionLog.Builder test = InteractionLog.builder().knownUsers(trainLog.users()).knownItems(trainLog.items());
    TsvFiles.read(dir.resolve("test.tsv"), test);
    InteractionLog testLog = test.build();
    InteractionLog.Builder foldIn = InteractionLog.builder().knownUsers(testLog.users()).knownItems(testLog.items());
    Path foldInFile = dir.resolve("foldin.tsv");
    if (Files.exists(foldInFile)) {
      TsvFiles.read(foldInFile, foldIn);
    }
    return new Split(trainLog, testLog, foldIn.build());
  }

  /**
   * Adds the events of a {@code user item [value [timestamp]]} file (tabs or spaces) to {@code log}; a missing
   * value is 1 and a missing timestamp {@link InteractionLog#NO_TIME}.
   *
   * @throws IllegalArgumentException naming file and line if the file is missing or a line is malformed; nothing
   *     is added then
   */
  public static void readTsv(Path file, InteractionLog.Builder log) {
    TsvFiles.read(file, log);
  }

  /** Writes the events of {@code log} as a tab-separated file that {@link #readTsv} reads back. */
  public static void writeTsv(InteractionLog log, Path file) {
    TsvFiles.write(log, file);
  }

  private static void writeIds(IdIndex ids, Path file) throws IOException {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < ids.size(); i++) {
      out.append(TsvFiles.requireToken(ids.idOf(i), "id")).append('\n');
    }
    Files.writeString(file, out, StandardCharsets.UTF_8);
  }

  private static IdIndex readIds(Path file) {
    if (!Files.exists(file)) {
      return IdIndex.of();
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      IdIndex.Builder b = new IdIndex.Builder();
      for (int i = 0; i < lines.size(); i++) {
        String id = lines.get(i).strip();
        if (id.isEmpty()) {
          continue;
        }
        if (b.indexOf(id) >= 0) {
          throw new IllegalArgumentException(file + ":" + (i + 1) + ": duplicate id '" + id + "'");
        }
        b.add(id);
      }
      return b.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
