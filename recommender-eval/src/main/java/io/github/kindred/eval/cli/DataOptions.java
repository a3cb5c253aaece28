package io.github.kindred.eval.cli;

import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.TimeFeatures;
import io.github.kindred.data.io.DelimitedFormat;
import io.github.kindred.data.io.DelimitedReader;
import io.github.kindred.data.io.MalformedDataException;
import io.github.kindred.data.io.MovieLens;
import io.github.kindred.eval.experiment.Experiment;
import io.github.kindred.eval.split.Split;
import io.github.kindred.eval.split.SplitFiles;
import io.github.kindred.eval.experiment.Splitters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where the interactions come from, shared by the commands: a train and a test file, a split directory written by
 * {@code split}, or a whole dataset split with a named splitter and one or more seeds. Files are read with the
 * library's readers ({@code io.github.kindred.data.io}): tsv lines, delimited files with a header and a column
 * mapping, or a MovieLens directory (whose item and user features go with the data). Timestamps can be turned into
 * time-of-day, day-of-week, weekend and season context ({@code --time-context}).
 */
final class DataOptions {
  /** The formats, in listing order. */
  static final List<String> FORMATS = List.of("tsv", "csv", "movielens100k", "movielens1m", "movielens-latest");
  private static final List<String> ROLES = List.of("user", "item", "value", "timestamp");

  /** Events with the item and user features of their source (empty tables when it has none). */
  record Loaded(InteractionLog log, FeatureTable items, FeatureTable users) {}

  @Option(names = "--train", paramLabel = "FILE", description = "Training interactions (with --test).")
  Path train;

  @Option(names = "--test", paramLabel = "FILE", description = "Held-out interactions (with --train).")
  Path test;

  @Option(names = "--split-dir", paramLabel = "DIR", description = "A split written by the split command.")
  Path splitDir;

  @Option(names = "--data", paramLabel = "PATH", description = "A whole dataset, split with --split and --seed.")
  Path data;

  @Option(names = "--format", defaultValue = "tsv", paramLabel = "FORMAT",
      description = "Input format: tsv (user item [rating [timestamp]], tabs or spaces), csv (header line; map it "
          + "with --columns), movielens100k (u.data, u.item, u.user), movielens1m (ratings.dat, movies.dat, "
          + "users.dat), movielens-latest (ratings.csv, movies.csv, tags.csv). The MovieLens formats read a "
          + "directory given with --data and add its item and user features. Default: tsv.")
  String format;

  @Option(names = "--columns", paramLabel = "ROLE=COL,...",
      description = "csv: header names of the columns, user=COL,item=COL[,value=COL][,timestamp=COL] (timestamps "
          + "in epoch seconds). Default: user=user,item=item (every event has value 1).")
  String columns;

  @Option(names = "--context", paramLabel = "COL,...", split = ",",
      description = "csv: header names of context columns; each becomes a context feature of that name. Test "
          + "events with context are ranked per (user, context) group, the context passed in the query, and "
          + "metrics are also reported per feature=value (JSON byContext).")
  List<String> context = new ArrayList<>();

  @Option(names = "--separator", paramLabel = "SEP", defaultValue = ",",
      description = "csv: the field separator (\\t for a tab). Default: ${DEFAULT-VALUE}.")
  String separator = ",";

  @Option(names = "--time-context", description = "Derive context from timestamps: timeOfDay (night, morning, "
      + "afternoon, evening), dayOfWeek (mon..sun), weekend (yes, no), season (winter..autumn), in --zone; "
      + "evaluated per (user, context) group as for --context.")
  boolean timeContext;

  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
      description = "Time zone of --time-context, such as UTC or Europe/Berlin. Default: ${DEFAULT-VALUE}.")
  String zone = "UTC";

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
    String f = format();
    if (!FORMATS.contains(f)) {
      throw new ParameterException(cl, "unknown --format '" + format + "'; valid: " + String.join(", ", FORMATS));
    }
    int sources = (train != null || test != null ? 1 : 0) + (splitDir != null ? 1 : 0) + (data != null ? 1 : 0);
    if (sources != 1) {
      throw new ParameterException(cl, "give exactly one of --train/--test, --split-dir or --data");
    }
    if ((train == null) != (test == null)) {
      throw new ParameterException(cl, "--train and --test go together");
    }
    if (f.startsWith("movielens") && data == null) {
      throw new ParameterException(cl, "--format " + f + " reads a whole directory: give it with --data");
    }
    if (splitDir != null && !f.equals("tsv")) {
      throw new ParameterException(cl, "--split-dir holds tsv files; --format " + f + " does not apply");
    }
    if (!f.equals("csv") && (columns != null || !context.isEmpty())) {
      throw new ParameterException(cl, "--columns and --context apply to --format csv only");
    }
    if (f.equals("csv")) {
      try {
        csvFormat();
      } catch (IllegalArgumentException e) {
        throw new ParameterException(cl, e.getMessage());
      }
    }
    try {
      zoneId();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, e.getMessage());
    }
    if (data != null) {
      try {
        Splitters.create(split, 0);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(cl, "--split: " + e.getMessage());
      }
    }
  }

  private String format() {
    return format.trim().toLowerCase(Locale.ROOT);
  }

  private ZoneId zoneId() {
    try {
      return ZoneId.of(zone.trim());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("--zone: unknown time zone '" + zone + "'", e);
    }
  }

  /**
   * The csv format of --columns, --context and --separator: header names for every role; without --columns the
   * user and item columns are those named {@code user} and {@code item}, and every event has value 1.
   */
  DelimitedFormat csvFormat() {
    Map<String, String> roles = new LinkedHashMap<>();
    if (columns == null) {
      roles.put("user", "user");
      roles.put("item", "item");
    } else {
      for (String pair : columns.split(",", -1)) {
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
          throw new IllegalArgumentException("--columns: malformed '" + pair.trim() + "'; expected ROLE=COLUMN");
        }
        String role = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        if (!ROLES.contains(role)) {
          throw new IllegalArgumentException("--columns: unknown role '" + role + "'; valid: "
              + String.join(", ", ROLES));
        }
        if (roles.put(role, pair.substring(eq + 1).trim()) != null) {
          throw new IllegalArgumentException("--columns: role '" + role + "' given twice");
        }
      }
      for (String required : List.of("user", "item")) {
        if (!roles.containsKey(required)) {
          throw new IllegalArgumentException("--columns must map " + required + "=COLUMN");
        }
      }
    }
    String sep = separator.equals("\\t") ? "\t" : separator;
    DelimitedFormat.Builder b = DelimitedFormat.builder().separator(sep).user(roles.get("user"))
        .item(roles.get("item"));
    if (roles.containsKey("value")) {
      b.value(roles.get("value"));
    }
    if (roles.containsKey("timestamp")) {
      b.timestamp(roles.get("timestamp"));
    }
    for (String c : context) {
      if (c.isBlank()) {
        throw new IllegalArgumentException("--context: empty column name");
      }
      b.context(c.trim());
    }
    return b.build();
  }

  /** Reads the whole dataset of --data, with its features and (on request) time context. */
  Loaded load() {
    Path path = data;
    try {
      Loaded loaded = switch (format()) {
        case "movielens100k" -> movieLens(MovieLens.load100k(path));
        case "movielens1m" -> movieLens(MovieLens.load1m(path));
        case "movielens-latest" -> movieLens(MovieLens.loadLatest(path));
        case "csv" -> new Loaded(new DelimitedReader(csvFormat()).read(path), FeatureTable.empty(),
            FeatureTable.empty());
        default -> new Loaded(readLog(path), FeatureTable.empty(), FeatureTable.empty());
      };
      return new Loaded(withTime(loaded.log()), loaded.items(), loaded.users());
    } catch (MalformedDataException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
  }

  private static Loaded movieLens(MovieLens.Data d) {
    return new Loaded(d.log(), d.items(), d.users());
  }

  private InteractionLog withTime(InteractionLog log) {
    if (!timeContext) {
      return log;
    }
    if (!log.hasTimestamps()) {
      throw new IllegalArgumentException("--time-context needs a timestamp on every event, and some have none");
    }
    return TimeFeatures.derive(log, zoneId());
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
      Loaded loaded = load();
      b.data(name(), loaded.log(), loaded.items(), loaded.users()).split(split).seeds(seeds());
    } else {
      b.data(name(), readSplit()).seeds(seeds());
    }
  }

  /** The given split (--train/--test or --split-dir), with time context on request. */
  Split readSplit() {
    Split s;
    if (splitDir != null) {
      s = SplitFiles.read(splitDir);
    } else {
      InteractionLog.Builder trainLog = InteractionLog.builder();
      readInto(train, trainLog);
      InteractionLog trainEvents = trainLog.build();
      InteractionLog.Builder testLog = InteractionLog.builder()
          .knownUsers(trainEvents.users()).knownItems(trainEvents.items());
      readInto(test, testLog);
      s = new Split(trainEvents, testLog.build());
    }
    if (!timeContext) {
      return s;
    }
    InteractionLog trainEvents = withTime(s.train());
    return new Split(trainEvents, withTime(s.test()),
        s.foldIn().size() == 0 ? s.foldIn() : TimeFeatures.derive(s.foldIn(), zoneId()));
  }

  private void readInto(Path file, InteractionLog.Builder log) {
    if (!format().equals("csv")) {
      SplitFiles.readTsv(file, log);
      return;
    }
    try {
      new DelimitedReader(csvFormat()).readInto(file, log);
    } catch (MalformedDataException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file", e);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /** The item and user features of --data (empty tables for split files, which carry none). */
  Loaded features() {
    return data != null ? load() : new Loaded(null, FeatureTable.empty(), FeatureTable.empty());
  }

  /** The split of the data for {@code seed}, whatever the source. */
  Split splitFor(long seed) {
    return data != null ? Splitters.create(split, seed).split(load().log()) : readSplit();
  }

  /** Whether --split names the cold-items splitter (whose evaluation ranks only the cold items by default). */
  boolean coldItemSplit() {
    return data != null && split.trim().toLowerCase(Locale.ROOT).startsWith("cold-items");
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

  /** Reads a tsv file, or the {@code u.data} of a directory. */
  static InteractionLog readLog(Path path) {
    Path file = Files.isDirectory(path) ? path.resolve("u.data") : path;
    InteractionLog.Builder log = InteractionLog.builder();
    SplitFiles.readTsv(file, log);
    return log.build();
  }
}
