package io.github.kindred.eval.cli;

import io.github.kindred.data.InteractionLog;
import io.github.kindred.eval.experiment.Fingerprint;
import io.github.kindred.eval.split.Split;
import io.github.kindred.eval.split.SplitFiles;
import io.github.kindred.eval.experiment.Splitters;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code split}: splits a whole dataset with a named, seeded splitter and writes the split to a directory. */
@Command(name = "split", mixinStandardHelpOptions = true,
    description = "Split a dataset and write train.tsv, test.tsv (and foldin.tsv) to a directory.")
final class SplitCommand implements Callable<Integer> {
  @Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "PATH", description = "The whole dataset.")
  private Path data;

  @Option(names = "--format", defaultValue = "tsv", paramLabel = "FORMAT",
      description = "Input format: tsv, movielens100k, movielens1m, movielens-latest. Default: tsv.")
  private String format;

  @Option(names = "--split", required = true, paramLabel = "SPEC",
      description = "random, user-ratio, user-leave-out, temporal, strong, kfold, cold-items, cold-users.")
  private String split;

  @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Seed. Default: 0.")
  private long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write.")
  private Path out;

  SplitCommand() {}

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    DataOptions options = new DataOptions();
    options.data = data;
    options.format = format;
    options.split = split;
    options.validate(cl);
    InteractionLog log = options.load().log();
    Split s;
    try {
      s = Splitters.create(split, seed).split(log);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, "--split: " + e.getMessage());
    }
    SplitFiles.write(s, out);
    cl.getOut().printf(Locale.ROOT, "%s: %d training, %d test, %d fold-in events; data %s; split %s, seed %d%n",
        out, s.train().size(), s.test().size(), s.foldIn().size(), Fingerprint.of(log), split, seed);
    cl.getOut().flush();
    return 0;
  }
}
