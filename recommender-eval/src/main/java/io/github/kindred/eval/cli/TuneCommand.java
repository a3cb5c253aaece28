package io.github.kindred.eval.cli;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.DuplicatePolicy;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.eval.experiment.AlgorithmRegistry;
import io.github.kindred.eval.experiment.HyperparameterSearch;
import io.github.kindred.eval.metric.RankingEvaluator;
import io.github.kindred.eval.metric.RankingResult;
import io.github.kindred.eval.split.Split;
import io.github.kindred.eval.experiment.Splitters;
import io.github.kindred.eval.experiment.Version;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tune}: grid or random search of one algorithm's parameters on a validation split carved from the training
 * data, choosing by a named metric; every trial is printed (and written as CSV on request), and the chosen
 * configuration is then fitted on all training data and measured once on the test data.
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
    description = "Grid or random search on a validation split carved from the training data.")
final class TuneCommand implements Callable<Integer> {
  @Spec
  private CommandLine.Model.CommandSpec spec;

  @Mixin
  private DataOptions data = new DataOptions();

  @Option(names = "--algorithm", required = true, paramLabel = "NAME", description = "The algorithm to tune.")
  private String algorithm;

  @Option(names = "--grid", required = true, paramLabel = "KEY=V1,V2,...",
      description = "A parameter and its candidate values (repeatable), for example neighbors=50,100,200.")
  private List<String> grid = new ArrayList<>();

  @Option(names = "--random", defaultValue = "0", paramLabel = "N",
      description = "Try N random grid points instead of the full grid.")
  private int random;

  @Option(names = "--metric", defaultValue = "ndcg@10", paramLabel = "NAME@K",
      description = "The metric to maximise. Default: ${DEFAULT-VALUE}.")
  private String metric;

  @Option(names = "--validation", defaultValue = "user-ratio:ratio=0.2", paramLabel = "SPEC",
      description = "How the validation split is carved from the training data. Default: ${DEFAULT-VALUE}.")
  private String validation;

  @Option(names = "--trials", paramLabel = "FILE", description = "Write every trial as CSV.")
  private Path trials;

  @Option(names = "--budget", paramLabel = "DURATION",
      description = "A wall-clock limit on the search, such as 90s, 10m or 1h: no trial is started that the longest "
          + "trial so far says would end after it; each finished trial is reported on standard error.")
  private String budget;

  private long limitStart;

  TuneCommand() {}

  /**
   * {@code value} as nanoseconds: a positive whole number followed by {@code s}, {@code m} or {@code h}.
   *
   * @throws ParameterException naming the option and the value if it is not of that form
   */
  static long budgetNanos(CommandLine cl, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    long unit = v.endsWith("s") ? 1L : v.endsWith("m") ? 60L : v.endsWith("h") ? 3600L : 0L;
    long n = -1;
    if (unit != 0 && v.length() > 1) {
      try {
        n = Long.parseLong(v.substring(0, v.length() - 1));
      } catch (NumberFormatException e) {
        n = -1;
      }
    }
    if (n <= 0 || n > Long.MAX_VALUE / 1_000_000_000L / unit) {
      throw new ParameterException(cl, "--budget '" + value + "' must be a positive whole number of seconds, "
          + "minutes or hours, such as 90s, 10m or 1h");
    }
    return n * unit * 1_000_000_000L;
  }

  /** One line per finished trial on {@code err}: trials done, time used of the budget, the trial's label. */
  private static io.github.kindred.eval.experiment.Experiment.Listener budgetProgress(PrintWriter err,
      HyperparameterSearch.Budget limit) {
    long start = System.nanoTime();
    return (done, total, label) -> {
      err.printf(Locale.ROOT, "trial %d/%d done, %s of %s used: %s%n", done, total,
          seconds(System.nanoTime() - start), seconds(limit.nanos()), label);
      err.flush();
    };
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    data.validate(cl);
    int k = DataOptions.cutoffOf(cl, metric);
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String g : grid) {
      int eq = g.indexOf('=');
      if (eq <= 0 || eq == g.length() - 1) {
        throw new ParameterException(cl, "--grid '" + g + "' must look like key=v1,v2,...");
      }
      values.put(g.substring(0, eq).trim().toLowerCase(Locale.ROOT),
          Arrays.stream(g.substring(eq + 1).split(",")).map(String::trim).toList());
    }
    HyperparameterSearch.Budget limit = budget == null ? HyperparameterSearch.Budget.NONE
        : new HyperparameterSearch.Budget(budgetNanos(cl, budget), System::nanoTime);
    long seed = data.seeds()[0];
    AlgorithmRegistry registry = AlgorithmRegistry.standard();
    HyperparameterSearch search;
    try {
      search = new HyperparameterSearch(algorithm.trim().toLowerCase(Locale.ROOT), values, random, seed, metric);
      search.specifications(registry);
      Splitters.create(validation, seed);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, e.getMessage());
    }
    Split split = data.splitFor(seed);
    DataOptions.Loaded features = data.features();
    Split carved = Splitters.create(validation, seed).split(split.train());
    RankingEvaluator evaluator = RankingEvaluator.builder().cutoffs(k).build();
    List<HyperparameterSearch.Trial> all;
    limitStart = System.nanoTime();
    try {
      all = search.run(registry, carved, features.items(), features.users(), evaluator,
          budget == null ? Progress.to(cl.getErr()) : budgetProgress(cl.getErr(), limit), limit);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, e.getMessage());
    }
    PrintWriter out = cl.getOut();
    out.printf(Locale.ROOT, "%-50s  %12s  %8s%n", "configuration (validation)", metric, "fit s");
    for (HyperparameterSearch.Trial t : all) {
      out.printf(Locale.ROOT, "%-50s  %12.4f  %8.3f%n", t.spec().text(), t.value(), t.fitSeconds());
    }
    if (budget != null) {
      out.printf(Locale.ROOT, "budget: %s, %d of %d trials run in %s%n", budget, all.size(),
          search.specifications(registry).size(), seconds(System.nanoTime() - limitStart));
    }
    HyperparameterSearch.Trial best = HyperparameterSearch.best(all);
    out.printf(Locale.ROOT, "best: %s (%s %.4f on validation)%n", best.spec().canonical(), metric, best.value());
    Dataset train = Dataset.builder(split.train()).binary(true)
        .itemFeatures(features.items()).userFeatures(features.users()).build();
    InteractionMatrix test = InteractionMatrix.of(split.test(), DuplicatePolicy.SUM);
    RankingResult onTest = evaluator.evaluate(registry.create(best.spec()).fit(train), train.matrix(), test);
    out.printf(Locale.ROOT, "test: %s %.4f with the best configuration fitted on all training data%n", metric,
        onTest.mean(metric));
    out.flush();
    if (trials != null) {
      StringBuilder csv = new StringBuilder("configuration," + metric + ",fitSeconds,validation,seed,version\n");
      for (HyperparameterSearch.Trial t : all) {
        csv.append('"').append(t.spec().canonical().replace("\"", "\"\"")).append("\",").append(t.value())
            .append(',').append(t.fitSeconds()).append(",\"").append(validation.replace("\"", "\"\"")).append("\",")
            .append(seed).append(',').append(Version.get()).append('\n');
      }
      EvaluateCommand.write(trials, csv.toString());
    }
    return 0;
  }
}
