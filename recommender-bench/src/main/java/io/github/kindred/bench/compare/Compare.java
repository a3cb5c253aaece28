package io.github.kindred.bench.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs Kindred, Apache Mahout Taste 0.13 and RankSys 0.4.3 on one train/test split with one protocol and prints
 * one Markdown table: nDCG@10, recall@10, fit seconds and milliseconds per recommendation.
 *
 * <p>Protocol (kindred-eval's): the training data is binary; for every training user with test items, every
 * training item except the user's own training items is a candidate; the relevant items are the user's test items
 * (items absent from training count in {@code |relevant|} though no system can recommend them); nDCG@10 with binary
 * gains, log2 discount and the ideal over {@code min(|relevant|, 10)}; recall@10 = hits / {@code |relevant|}. The
 * recommendation time is wall time over all evaluated users, single-threaded, divided by their number; the CPU
 * columns give the process CPU time of the same spans (summed over threads), the steadier figure on a machine
 * shared with other work. Mahout's
 * item-based recommender is evaluated on the first {@code --mahout-item-users} users only (it takes about 100 ms a
 * user); the table says so in its users column.
 *
 * <p>Run, after {@code mvn -pl recommender-bench -am package -DskipTests}:
 *
 * <pre>
 * java -cp recommender-bench/target/benchmarks.jar io.github.kindred.bench.compare.Compare \
 *     --train datasets/ml-100k/split-p80/train.tsv --test datasets/ml-100k/split-p80/test.tsv \
 *     [--mahout-item-users 200] [--factors 64] [--als-iterations 10] [--als-lambda 0.065] [--als-alpha 40] \
 *     [--hkv-iterations 20] [--hkv-alpha 1] [--threads 2] [--only PART,PART...] [--out table.md]
 * </pre>
 */
public final class Compare {
  private static final int K = 10;
  /** Process CPU time: on a shared machine the steadier figure beside wall time (it sums all threads). */
  private static final com.sun.management.OperatingSystemMXBean CPU =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private Compare() {}

  /** Entry point; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    Split split = Split.read(o.train, o.test);
    List<Contender> contenders = new ArrayList<>();
    contenders.addAll(KindredContenders.all(o.threads, o.factors));
    contenders.addAll(RankSysContenders.all(o.factors, o.hkvIterations, o.hkvAlpha));
    contenders.addAll(
        MahoutContenders.all(o.mahoutItemUsers, o.factors, o.alsIterations, o.alsLambda, o.alsAlpha, o.threads));
    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, "Split: %s / %s; %d training users, %d items, %d interactions; %d "
        + "users with test items.%n%n", o.train, o.test, split.train().userCount(), split.train().itemCount(),
        split.matrix().nnz(), split.users().length));
    table.append("| system | users | nDCG@10 | recall@10 | fit s | fit CPU s | ms / rec. | CPU ms / rec. |\n");
    table.append("|---|---|---|---|---|---|---|---|\n");
    System.out.print(table);
    for (Contender c : contenders) {
      if (!o.selects(c.name())) {
        continue;
      }
      String row = evaluate(c, split);
      System.out.println(row);
      table.append(row).append('\n');
    }
    if (o.out != null) {
      Files.writeString(o.out, table.toString(), StandardCharsets.UTF_8);
    }
  }

  private static String evaluate(Contender c, Split split) throws Exception {
    long t0 = System.nanoTime();
    long c0 = CPU.getProcessCpuTime();
    c.fit(split);
    double fitSeconds = (System.nanoTime() - t0) / 1e9;
    double fitCpuSeconds = (CPU.getProcessCpuTime() - c0) / 1e9;
    int[] users = split.firstUsers(c.userLimit());
    double ndcg = 0;
    double recall = 0;
    long t1 = System.nanoTime();
    long c1 = CPU.getProcessCpuTime();
    int[][] lists = new int[users.length][];
    for (int k = 0; k < users.length; k++) {
      lists[k] = c.recommend(users[k], K);
    }
    double msPerRec = (System.nanoTime() - t1) / 1e6 / users.length;
    double cpuMsPerRec = (CPU.getProcessCpuTime() - c1) / 1e6 / users.length;
    for (int k = 0; k < users.length; k++) {
      int u = users[k];
      checkList(c, u, lists[k], split);
      ndcg += Metrics.ndcg(lists[k], split.relevant()[u], split.relevantCount()[u], K);
      recall += Metrics.recall(lists[k], split.relevant()[u], split.relevantCount()[u], K);
    }
    String who = users.length == split.users().length ? "all " + users.length : "first " + users.length;
    return String.format(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.2f | %.2f | %.3f | %.3f |", c.name(), who,
        ndcg / users.length, recall / users.length, fitSeconds, fitCpuSeconds, msPerRec, cpuMsPerRec);
  }

  /** Fails loudly if a system breaks the protocol: a training item recommended, or a list too long. */
  private static void checkList(Contender c, int user, int[] list, Split split) {
    if (list.length > K) {
      throw new IllegalStateException(c.name() + " returned " + list.length + " items for user " + user);
    }
    for (int i : list) {
      if (split.matrix().contains(user, i)) {
        throw new IllegalStateException(c.name() + " recommended training item " + i + " to user " + user);
      }
    }
  }

  /** The command line. */
  private static final class Options {
    Path train;
    Path test;
    Path out;
    /** Lower-case name parts; a system runs if its name contains any of them. Null: every system. */
    String[] only;
    int mahoutItemUsers = 200;
    int factors = 64;
    int alsIterations = 10;
    int hkvIterations = 20;
    double hkvAlpha = 1;
    double alsLambda = 0.065;
    double alsAlpha = 40;
    int threads = Runtime.getRuntime().availableProcessors();

    static Options parse(String[] args) {
      Options o = new Options();
      for (int a = 0; a < args.length; a++) {
        String name = args[a];
        if (a + 1 >= args.length) {
          usage("missing value for " + name);
        }
        String v = args[++a];
        switch (name) {
          case "--train" -> o.train = Path.of(v);
          case "--test" -> o.test = Path.of(v);
          case "--out" -> o.out = Path.of(v);
          case "--only" -> o.only = v.toLowerCase(Locale.ROOT).split(",");
          case "--mahout-item-users" -> o.mahoutItemUsers = positive(name, v);
          case "--factors" -> o.factors = positive(name, v);
          case "--als-iterations" -> o.alsIterations = positive(name, v);
          case "--hkv-iterations" -> o.hkvIterations = positive(name, v);
          case "--threads" -> o.threads = positive(name, v);
          case "--hkv-alpha" -> o.hkvAlpha = positiveReal(name, v);
          case "--als-lambda" -> o.alsLambda = positiveReal(name, v);
          case "--als-alpha" -> o.alsAlpha = positiveReal(name, v);
          default -> usage("unknown option " + name);
        }
      }
      if (o.train == null || o.test == null) {
        usage("--train and --test are required");
      }
      return o;
    }

    boolean selects(String system) {
      if (only == null) {
        return true;
      }
      String name = system.toLowerCase(Locale.ROOT);
      for (String part : only) {
        if (name.contains(part.strip())) {
          return true;
        }
      }
      return false;
    }

    private static double positiveReal(String name, String v) {
      try {
        double x = Double.parseDouble(v);
        if (x > 0 && Double.isFinite(x)) {
          return x;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      usage(name + " must be a positive number, got '" + v + "'");
      return 0;
    }

    private static int positive(String name, String v) {
      try {
        int n = Integer.parseInt(v);
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      usage(name + " must be a positive integer, got '" + v + "'");
      return 0;
    }

    private static void usage(String problem) {
      PrintStream err = System.err;
      err.println("Compare: " + problem);
      err.println("usage: Compare --train FILE --test FILE [--mahout-item-users N] [--factors N]"
          + " [--als-iterations N] [--als-lambda X] [--als-alpha X] [--hkv-iterations N] [--hkv-alpha X]"
          + " [--threads N] [--only PART,PART...] [--out FILE]");
      throw new IllegalArgumentException(problem);
    }
  }
}
