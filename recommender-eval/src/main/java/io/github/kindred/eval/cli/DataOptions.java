package io.github.kindred.eval.cli;

import io.github.kindred.data.InteractionLog;
import io.github.kindred.eval.Experiment;
import io.github.kindred.eval.Split;
import io.github.kindred.eval.SplitFiles;
import io.github.kindred.eval.Splitters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where the interactions come from, shared by the commands: a train and a test file, a split directory written by
 * {@code split}, or a whole dataset split with a named splitter and one or more seeds.
 */
final class DataOptions {
  /** Formats that need the readers of {@code io.github.kindred.data.io}, which this build does not contain yet. */
  private static final List<String> PENDING = List.of("movielens100k", "movielens1m", "movielens-latest", "csv");

  @Option(names = "--train", paramLabel = "FILE", description = "Training interactions (with --test).")
  Path train;

  @Option(names = "--test", paramLabel = "FILE", description = "Held-out interactions (with --train).")
  Path test;

  @Option(names = "--split-dir", paramLabel = "DIR", description = "A split written by the split command.")
  Path splitDir;

  @Option(names = "--data", paramLabel = "PATH", description = "A whole dataset, split with --split and --seed.")
  Path data;

  @Option(names = "--format", defaultValue = "tsv", paramLabel = "FORMAT",
      description = "Input format: tsv (user item [rating [timestamp]]). Default: tsv.")
  String format;

  @Option(names = "--split", paramLabel = "SPEC", defaultValue = "user-ratio:ratio=0.2",
      description = "How --data is split: random, user-ratio, user-leave-out, temporal, strong, kfold, cold-items, "
          + "cold-users, with key=value options. Default: ${DEFAULT-VALUE}.")
  String split;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of the split. Default: 0.")
  long seed;

  @Option(names = "--seeds", paramLabel = "N", split = ",",
      description = "Several split seeds (overrides --seed); results show mean and spread.")
  List<Long> seeds = new ArrayList<>();

  /** Checks the combination of options and the format. */
  void validate(CommandLine cl) {
    String f = format.toLowerCase(Locale.ROOT);
    if (PENDING.contains(f)) {
      throw new ParameterException(cl, "--format " + f + " needs the readers of io.github.kindred.data.io, which "
          + "this build does not include yet; valid here: tsv");
    }
    if (!f.equals("tsv")) {
      throw new ParameterException(cl, "unsupported --format '" + format + "'; valid: tsv, " + String.join(", ",
          PENDING));
    }
    int sources = (train != null || test != null ? 1 : 0) + (splitDir != null ? 1 : 0) + (data != null ? 1 : 0);
    if (sources != 1) {
      throw new ParameterException(cl, "give exactly one of --train/--test, --split-dir or --data");
    }
    if ((train == null) != (test == null)) {
      throw new ParameterException(cl, "--train and --test go together");
    }
    if (data != null) {
      try {
        Splitters.create(split, 0);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(cl, "--split: " + e.getMessage());
      }
    }
  }

  /** The split seeds: --seeds if given, else --seed. */
  long[] seeds() {
    return seeds.isEmpty() ? new long[] {seed} : seeds.stream().mapToLong(Long::longValue).toArray();
  }

  /** A short name of the data for reports: the file or directory name (for --train, its directory's). */
  String name() {
    Path p = data != null ? data : splitDir != null ? splitDir : train.toAbsolutePath().getParent();
    Path file = p == null ? null : p.getFileName();
    return file == null ? String.valueOf(p) : file.toString();
  }

  /** Adds the data to an experiment. */
  void configure(Experiment.Builder b) {
    if (data != null) {
      b.data(name(), readLog(data)).split(split).seeds(seeds());
    } else {
      b.data(name(), readSplit()).seeds(seeds());
    }
  }

  /** The given split (--train/--test or --split-dir). */
  Split readSplit() {
    if (splitDir != null) {
      return SplitFiles.read(splitDir);
    }
    InteractionLog.Builder trainLog = InteractionLog.builder();
    SplitFiles.readTsv(train, trainLog);
    InteractionLog trainEvents = trainLog.build();
    InteractionLog.Builder testLog = InteractionLog.builder()
        .knownUsers(trainEvents.users()).knownItems(trainEvents.items());
    SplitFiles.readTsv(test, testLog);
    return new Split(trainEvents, testLog.build());
  }

  /** The split of the data for {@code seed}, whatever the source. */
  Split splitFor(long seed) {
    return data != null ? Splitters.create(split, seed).split(readLog(data)) : readSplit();
  }

  /** The cut-off of a {@code --metric} such as {@code ndcg@10}, failing as a usage error without one. */
  static int cutoffOf(CommandLine cl, String metric) {
    int at = metric.indexOf('@');
    int k = 0;
    if (at > 0) {
      try {
        k = Integer.parseInt(metric.substring(at + 1));
      } catch (NumberFormatException e) {
        k = 0;
      }
    }
    if (k < 1) {
      throw new ParameterException(cl, "--metric must name a cut-off >= 1, as in ndcg@10, got '" + metric + "'");
    }
    return k;
  }

  static InteractionLog readLog(Path path) {
    Path file = Files.isDirectory(path) ? path.resolve("u.data") : path;
    InteractionLog.Builder log = InteractionLog.builder();
    SplitFiles.readTsv(file, log);
    return log.build();
  }
}
