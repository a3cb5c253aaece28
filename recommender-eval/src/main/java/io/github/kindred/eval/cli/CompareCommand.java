package io.github.kindred.eval.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kindred.eval.experiment.Experiment;
import io.github.kindred.eval.experiment.ExperimentResult;
import io.github.kindred.eval.stats.Statistics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: two algorithms on the same split(s), with the paired t-test, the Wilcoxon signed-rank test and a
 * bootstrap confidence interval of the mean difference over per-user values.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare two algorithms: p-values of the paired t and Wilcoxon tests and a bootstrap interval.")
final class CompareCommand implements Callable<Integer> {
  @Spec
  private CommandLine.Model.CommandSpec spec;

  @Mixin
  private DataOptions data = new DataOptions();

  @Option(names = "--algorithm", required = true, paramLabel = "SPEC", description = "Exactly two, in order A, B.")
  private List<String> algorithms = new ArrayList<>();

  @Option(names = "--metric", defaultValue = "ndcg@10", paramLabel = "NAME@K",
      description = "A per-user metric. Default: ${DEFAULT-VALUE}.")
  private String metric;

  @Option(names = "--level", defaultValue = "0.95", paramLabel = "P", description = "Confidence level.")
  private double level;

  @Option(names = "--resamples", defaultValue = "1000", paramLabel = "N", description = "Bootstrap resamples.")
  private int resamples;

  @Option(names = "--bootstrap-seed", defaultValue = "0", paramLabel = "N", description = "Bootstrap seed.")
  private long bootstrapSeed;

  @Option(names = "--exclude-seen", arity = "1", defaultValue = "true", paramLabel = "true|false",
      description = "Exclude each user's training items. Default: true.")
  private boolean excludeSeen;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the comparison as JSON.")
  private Path json;

  CompareCommand() {}

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    data.validate(cl);
    if (algorithms.size() != 2) {
      throw new ParameterException(cl, "compare needs exactly two --algorithm, got " + algorithms.size());
    }
    if (!(level > 0 && level < 1)) {
      throw new ParameterException(cl, "--level must be in (0, 1), got " + level);
    }
    if (resamples < 1) {
      throw new ParameterException(cl, "--resamples must be >= 1, got " + resamples);
    }
    int k = DataOptions.cutoffOf(cl, metric);
    Experiment.Builder b = Experiment.builder().cutoffs(k).excludeSeen(excludeSeen);
    for (String a : algorithms) {
      try {
        b.algorithm(a);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(cl, "--algorithm '" + a + "': " + e.getMessage());
      }
    }
    data.configure(b);
    b.listener(Progress.to(cl.getErr()));
    ExperimentResult result = b.build().run();
    String name = result.datasets().get(0);
    ExperimentResult.Comparison c;
    try {
      c = result.compare(name, algorithms.get(0), algorithms.get(1), metric, level, resamples, bootstrapSeed);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, e.getMessage());
    }
    PrintWriter out = cl.getOut();
    out.printf(Locale.ROOT, "%s on %s: A = %.4f (%s), B = %.4f (%s)%n", metric, name, c.meanA(), c.a(), c.meanB(),
        c.b());
    out.printf(Locale.ROOT, "difference A - B = %.4f, %.0f%% bootstrap interval [%.4f, %.4f] (%d resamples)%n",
        c.difference().estimate(), level * 100, c.difference().lower(), c.difference().upper(), resamples);
    printTest(out, c.tTest());
    printTest(out, c.wilcoxon());
    out.flush();
    if (json != null) {
      writeJson(c, name, result);
    }
    return 0;
  }

  private static void printTest(PrintWriter out, Statistics.PairedTest t) {
    out.printf(Locale.ROOT, "%s: statistic %.4f, p = %.4g (n = %d, %s)%n", t.test(), t.statistic(), t.pValue(), t.n(),
        t.method());
  }

  private void writeJson(ExperimentResult.Comparison c, String name, ExperimentResult result) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("dataset", name);
    root.put("metric", c.metric());
    root.put("a", c.a());
    root.put("b", c.b());
    root.put("meanA", c.meanA());
    root.put("meanB", c.meanB());
    ObjectNode d = root.putObject("difference");
    d.put("estimate", c.difference().estimate());
    d.put("lower", c.difference().lower());
    d.put("upper", c.difference().upper());
    d.put("level", c.difference().level());
    d.put("resamples", resamples);
    for (Statistics.PairedTest t : List.of(c.tTest(), c.wilcoxon())) {
      ObjectNode o = root.putObject(t == c.tTest() ? "tTest" : "wilcoxon");
      o.put("statistic", t.statistic());
      o.put("pValue", t.pValue());
      o.put("n", t.n());
      o.put("method", t.method());
    }
    root.put("version", result.version());
    root.put("fingerprint", result.fingerprint(name));
    try {
      mapper.writeValue(json.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + json + ": " + e.getMessage(), e);
    }
  }
}
