package io.github.kindred.eval.cli;

import io.github.kindred.eval.experiment.Experiment;
import io.github.kindred.eval.experiment.ExperimentResult;
import io.github.kindred.eval.metric.RankingMetric;
import io.github.kindred.eval.report.Reports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate}: fits every {@code --algorithm} on the training data (as binary implicit feedback) and measures
 * it, printing a table and writing the JSON report of the SPEC's contract and any other requested reports.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Fit algorithms and measure them (full ranking by default).")
final class EvaluateCommand implements Callable<Integer> {
  /** Metric families that the evaluator computes per user or in aggregate at every cut-off. */
  private static final Set<String> FAMILIES = families();

  @Spec
  private CommandSpec spec;

  @Mixin
  private DataOptions data = new DataOptions();

  @Option(names = "--algorithm", required = true, paramLabel = "SPEC",
      description = {"name or name:key=value,... (repeatable); an unknown name or key lists the valid ones. "
          + "Keys match in any case (learningRate or learningrate).",
          "Composite algorithms take other specifications as values: a bare name, or a full specification in "
          + "square brackets, several joined with '+': 'hybrid:parts=[itemknn:neighbors=100]+content,"
          + "weights=0.7+0.3' blends (scores z-scored per request); add cold=SPEC,threshold=N to switch to SPEC "
          + "for histories shorter than N; 'postfilter:base=[ease:lambda=300],features=timeOfDay', "
          + "'prefilter:base=itemknn,slices=timeOfDay;weekend+season,minEvents=200' (slices: definitions "
          + "separated by ';', features within one by '+'; empty: one per context feature). Lists of names or "
          + "numbers (contextFeatures, features, weights) are joined with '+', field weights as "
          + "fieldWeights=genre:2+title:0.5."})
  private List<String> algorithms = new ArrayList<>();

  @Option(names = "--cutoff", defaultValue = "10", paramLabel = "K", split = ",",
      description = "Cut-off(s) k. Default: 10.")
  private List<Integer> cutoffs = new ArrayList<>();

  @Option(names = "--metrics", paramLabel = "NAME", split = ",",
      description = "Metrics to show, with or without @k: ndcg, recall, recall-capped, precision, map, mrr, hit, "
          + "ndcg-untruncated, coverage, gini, novelty, arp, auc. Default: the contract's seven.")
  private List<String> metrics = new ArrayList<>();

  @Option(names = "--json", paramLabel = "FILE", description = "Write the results as JSON to this file.")
  private Path json;

  @Option(names = "--report", paramLabel = "FORMAT", split = ",",
      description = "Also write reports: html, md, csv, json (repeatable), named after --report-file.")
  private List<String> reports = new ArrayList<>();

  @Option(names = "--report-file", paramLabel = "PREFIX", defaultValue = "kindred-report",
      description = "File name prefix of --report outputs. Default: ${DEFAULT-VALUE}.")
  private String reportPrefix;

  @Option(names = "--exclude-seen", arity = "1", defaultValue = "true", paramLabel = "true|false",
      description = "Exclude each user's training items from their ranking. Default: true.")
  private boolean excludeSeen;

  @Option(names = "--candidates", paramLabel = "MODE",
      description = "all (full ranking), cold (items without training events) or sampled:N. Default: cold with "
          + "--split cold-items, else all.")
  private String candidates;

  @Option(names = "--task", paramLabel = "TASK", defaultValue = "ranking",
      description = "ranking (top-k lists from binary training data) or rating (predict the held-out ratings from "
          + "the raw ones; RMSE and MAE; for baseline, biasedmf, als). Default: ${DEFAULT-VALUE}.")
  private String task;

  @Option(names = "--threads", paramLabel = "N", description = "Evaluation threads. Default: all processors.")
  private int threads = Runtime.getRuntime().availableProcessors();

  EvaluateCommand() {}

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    data.validate(cl);
    int[] ks = cutoffs.stream().mapToInt(Integer::intValue).toArray();
    for (int k : ks) {
      if (k < 1) {
        throw new ParameterException(cl, "--cutoff must be >= 1, got " + k);
      }
    }
    if (threads < 1) {
      throw new ParameterException(cl, "--threads must be >= 1, got " + threads);
    }
    Experiment.Task t;
    try {
      t = Experiment.Task.valueOf(task.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, "unknown --task '" + task + "'; valid: ranking, rating");
    }
    List<String> shown = t == Experiment.Task.RATING ? ratingMetrics(cl) : metricNames(cl, ks);
    for (String r : reports) {
      if (!List.of("html", "md", "csv", "json").contains(r.toLowerCase(Locale.ROOT))) {
        throw new ParameterException(cl, "unknown --report '" + r + "'; valid: html, md, csv, json");
      }
    }
    Experiment.Builder b = Experiment.builder().task(t).cutoffs(ks).excludeSeen(excludeSeen).threads(threads)
        .auc(shown.contains("auc")).curves(reports.stream().anyMatch(r -> r.equalsIgnoreCase("html")));
    try {
      b.candidates(candidates != null ? candidates : data.coldItemSplit() ? "cold" : "all");
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, "--candidates: " + e.getMessage());
    }
    for (String a : algorithms) {
      try {
        b.algorithm(a);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(cl, "--algorithm '" + a + "': " + e.getMessage());
      }
    }
    data.configure(b);
    b.listener(Progress.to(cl.getErr()));
    ExperimentResult result;
    try {
      result = b.build().run();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, e.getMessage());
    }
    PrintWriter out = cl.getOut();
    out.print(Reports.table(result, shown));
    out.flush();
    if (json != null) {
      write(json, Reports.json(result, shown));
    }
    for (String r : new LinkedHashSet<>(reports)) {
      String format = r.toLowerCase(Locale.ROOT);
      String text = switch (format) {
        case "html" -> Reports.html(result, shown);
        case "md" -> Reports.markdown(result, shown);
        case "csv" -> Reports.csv(result, shown);
        default -> Reports.json(result, shown);
      };
      write(Path.of(reportPrefix + "." + format), text);
    }
    return 0;
  }

  /** The metric names to show: the contract's by default; names without a cut-off expand to every cut-off. */
  private List<String> metricNames(CommandLine cl, int[] ks) {
    if (metrics.isEmpty()) {
      return Reports.contractMetrics(ks);
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String raw : metrics) {
      String m = raw.trim().toLowerCase(Locale.ROOT);
      int at = m.indexOf('@');
      String family = at < 0 ? m : m.substring(0, at);
      if (family.equals("auc")) {
        out.add("auc");
        continue;
      }
      if (family.equals("rmse") || family.equals("mae")) {
        throw new ParameterException(cl, "--metrics " + family + " needs --task rating");
      }
      if (family.equals("ild")) {
        throw new ParameterException(cl, "--metrics ild needs item features, which the tsv format does not carry");
      }
      if (!FAMILIES.contains(family)) {
        throw new ParameterException(cl, "unknown metric '" + raw + "'; valid: " + String.join(", ", FAMILIES)
            + ", auc");
      }
      if (at < 0) {
        for (int k : ks) {
          out.add(family + "@" + k);
        }
      } else {
        int k;
        try {
          k = Integer.parseInt(m.substring(at + 1));
        } catch (NumberFormatException e) {
          throw new ParameterException(cl, "metric '" + raw + "' has no valid cut-off after '@'");
        }
        if (cutoffs.stream().noneMatch(c -> c == k)) {
          throw new ParameterException(cl, "metric '" + raw + "' needs --cutoff to include " + k);
        }
        out.add(m);
      }
    }
    return new ArrayList<>(out);
  }

  /** The metrics of the rating task: rmse and mae, or the subset --metrics names. */
  private List<String> ratingMetrics(CommandLine cl) {
    if (metrics.isEmpty()) {
      return List.of("rmse", "mae");
    }
    List<String> out = new ArrayList<>();
    for (String raw : metrics) {
      String m = raw.trim().toLowerCase(Locale.ROOT);
      if (!m.equals("rmse") && !m.equals("mae")) {
        throw new ParameterException(cl, "--task rating reports rmse and mae, not '" + raw + "'");
      }
      if (!out.contains(m)) {
        out.add(m);
      }
    }
    return out;
  }

  private static Set<String> families() {
    Set<String> out = new LinkedHashSet<>();
    for (RankingMetric m : RankingMetric.values()) {
      out.add(m.label());
    }
    out.addAll(List.of("coverage", "gini", "novelty", "arp"));
    return out;
  }

  static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
