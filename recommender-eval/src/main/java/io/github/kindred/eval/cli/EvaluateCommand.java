package io.github.kindred.eval.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kindred.data.Dataset;
import io.github.kindred.data.DuplicatePolicy;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.eval.AlgorithmRegistry;
import io.github.kindred.eval.AlgorithmSpec;
import io.github.kindred.eval.RankingEvaluator;
import io.github.kindred.eval.RankingMetric;
import io.github.kindred.eval.RankingResult;
import io.github.kindred.eval.Split;
import io.github.kindred.eval.SplitFiles;
import io.github.kindred.model.Model;
import io.github.kindred.model.Trainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate}: fits every {@code --algorithm} on the training file (as binary implicit feedback) and measures
 * it on the test file with full ranking, printing a table and optionally writing the JSON report.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Fit algorithms on a training file and measure them on a test file (full ranking).")
final class EvaluateCommand implements Callable<Integer> {
  /** The metrics of the SPEC's JSON contract, in its order; coverage follows them. */
  private static final RankingMetric[] CONTRACT = {
    RankingMetric.NDCG, RankingMetric.RECALL, RankingMetric.PRECISION, RankingMetric.MAP, RankingMetric.MRR,
    RankingMetric.HIT
  };

  @Spec
  private CommandSpec spec;

  @Option(names = "--train", required = true, paramLabel = "FILE", description = "Training interactions.")
  private Path train;

  @Option(names = "--test", required = true, paramLabel = "FILE", description = "Held-out interactions.")
  private Path test;

  @Option(names = "--format", defaultValue = "tsv", paramLabel = "FORMAT",
      description = "Input format of --train and --test: tsv (user item rating timestamp). Default: ${DEFAULT-VALUE}.")
  private String format;

  @Option(names = "--algorithm", required = true, paramLabel = "SPEC",
      description = "name or name:key=value,... (repeatable). Names: popularity, itemknn.")
  private List<String> algorithms = new ArrayList<>();

  @Option(names = "--cutoff", defaultValue = "10", paramLabel = "K", description = "Cut-off k. Default: 10.")
  private int cutoff;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the results as JSON to this file.")
  private Path json;

  @Option(names = "--exclude-seen", arity = "1", defaultValue = "true", paramLabel = "true|false",
      description = "Exclude each user's training items from their ranking. Default: true.")
  private boolean excludeSeen;

  @Option(names = "--threads", paramLabel = "N", description = "Evaluation threads. Default: all processors.")
  private int threads = Runtime.getRuntime().availableProcessors();

  EvaluateCommand() {}

  @Override
  public Integer call() {
    if (!format.equalsIgnoreCase("tsv")) {
      throw new ParameterException(spec.commandLine(), "unsupported --format '" + format + "'; valid: tsv");
    }
    if (cutoff < 1) {
      throw new ParameterException(spec.commandLine(), "--cutoff must be >= 1, got " + cutoff);
    }
    if (threads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be >= 1, got " + threads);
    }
    AlgorithmRegistry registry = AlgorithmRegistry.standard();
    List<AlgorithmSpec> specs = new ArrayList<>();
    List<Trainer<?>> trainers = new ArrayList<>();
    for (String a : algorithms) {
      try {
        AlgorithmSpec s = registry.parse(a);
        trainers.add(registry.create(s));
        specs.add(s);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--algorithm '" + a + "': " + e.getMessage(), e, null, a);
      }
    }
    Split split = load(train, test);
    Dataset data = Dataset.builder(split.train()).binary(true).build();
    InteractionMatrix testMatrix = InteractionMatrix.of(split.test(), DuplicatePolicy.SUM);
    RankingEvaluator evaluator = RankingEvaluator.builder().cutoffs(cutoff).excludeSeen(excludeSeen)
        .threads(threads).build();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      long start = System.nanoTime();
      Model model = trainers.get(i).fit(data);
      double fitSeconds = (System.nanoTime() - start) / 1e9;
      RankingResult result = evaluator.evaluate(model, data.matrix(), testMatrix);
      rows.add(new Row(specs.get(i), result, fitSeconds));
    }
    PrintWriter out = spec.commandLine().getOut();
    printTable(out, rows);
    if (json != null) {
      writeJson(rows, data, testMatrix);
    }
    return 0;
  }

  /** Loads the training file, then the test file on the training file's id indexes. */
  static Split load(Path trainFile, Path testFile) {
    InteractionLog.Builder trainLog = InteractionLog.builder();
    SplitFiles.readTsv(trainFile, trainLog);
    InteractionLog trainEvents = trainLog.build();
    InteractionLog.Builder testLog = InteractionLog.builder()
        .knownUsers(trainEvents.users()).knownItems(trainEvents.items());
    SplitFiles.readTsv(testFile, testLog);
    return new Split(trainEvents, testLog.build());
  }

  private void printTable(PrintWriter out, List<Row> rows) {
    List<String> header = new ArrayList<>();
    header.add("algorithm");
    for (RankingMetric m : CONTRACT) {
      header.add(m.at(cutoff));
    }
    header.add("coverage@" + cutoff);
    header.add("fit s");
    header.add("recommend s");
    int nameWidth = header.get(0).length();
    for (Row r : rows) {
      nameWidth = Math.max(nameWidth, r.spec.text().length());
    }
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + nameWidth + "s", header.get(0)));
    for (int c = 1; c < header.size(); c++) {
      line.append(String.format(Locale.ROOT, "  %12s", header.get(c)));
    }
    out.println(line);
    for (Row r : rows) {
      line.setLength(0);
      line.append(String.format(Locale.ROOT, "%-" + nameWidth + "s", r.spec.text()));
      for (RankingMetric m : CONTRACT) {
        line.append(String.format(Locale.ROOT, "  %12.4f", r.result.mean(m, cutoff)));
      }
      line.append(String.format(Locale.ROOT, "  %12.4f", r.result.coverage(cutoff)));
      line.append(String.format(Locale.ROOT, "  %12.3f  %12.3f", r.fitSeconds, r.result.seconds()));
      out.println(line);
    }
    out.flush();
  }

  private void writeJson(List<Row> rows, Dataset data, InteractionMatrix testMatrix) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ArrayNode results = root.putArray("results");
    for (Row r : rows) {
      ObjectNode o = results.addObject();
      o.put("algorithm", r.spec.text());
      ObjectNode metrics = o.putObject("metrics");
      for (RankingMetric m : CONTRACT) {
        metrics.put(m.at(cutoff), r.result.mean(m, cutoff));
      }
      metrics.put("coverage@" + cutoff, r.result.coverage(cutoff));
      metrics.put(RankingMetric.RECALL_CAPPED.at(cutoff), r.result.mean(RankingMetric.RECALL_CAPPED, cutoff));
      metrics.put(RankingMetric.NDCG_UNTRUNCATED.at(cutoff),
          r.result.mean(RankingMetric.NDCG_UNTRUNCATED, cutoff));
      o.put("fitSeconds", r.fitSeconds);
      o.put("recommendSeconds", r.result.seconds());
      o.put("configuration", r.spec.canonical());
      o.put("users", r.result.userCount());
    }
    ObjectNode setup = root.putObject("setup");
    setup.put("version", KindredEval.version());
    setup.put("train", train.toString());
    setup.put("test", test.toString());
    setup.put("format", format.toLowerCase(Locale.ROOT));
    setup.put("cutoff", cutoff);
    setup.put("excludeSeen", excludeSeen);
    setup.put("protocol", "full ranking; binary training data; test items unknown to training dropped");
    setup.put("trainUsers", data.userCount());
    setup.put("trainItems", data.itemCount());
    setup.put("trainInteractions", data.matrix().nnz());
    setup.put("testInteractions", testMatrix.nnz());
    try {
      mapper.writeValue(json.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + json + ": " + e.getMessage(), e);
    }
  }

  private record Row(AlgorithmSpec spec, RankingResult result, double fitSeconds) {}
}
