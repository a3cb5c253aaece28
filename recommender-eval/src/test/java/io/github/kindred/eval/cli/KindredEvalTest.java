package io.github.kindred.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KindredEvalTest {
  private static final double EPS = 1e-12;

  @TempDir
  Path dir;

  private Path train;
  private Path test;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  // Popularity from train: a = 3 users, b = c = d = 1 (ties by first appearance: b, c, d).
  // u1 (seen a, b) ranks [c, d] and its test item c is first; u2 (seen a, d) ranks [b, c], test item c second.
  @BeforeEach
  void writeFiles() throws IOException {
    train = dir.resolve("train.tsv");
    test = dir.resolve("test.tsv");
    Files.writeString(train, "u1\ta\t5\t100\nu1\tb\t3\t101\nu2 a 4 102\nu3\ta\t1\t103\nu3\tc\t2\t104\nu2\td\t5\t105\n");
    Files.writeString(test, "u1\tc\t4\t200\n\nu2\tc\t1\t201\n");
  }

  /**
   * Writes a synthetic dataset: user u takes item i when {@code (u * a + i * b) % m < keep}, with time
   * {@code 100 u + i}.
   */
  private Path writeData(int users, int items, int a, int b, int m, int keep) throws IOException {
    Path data = dir.resolve("all.tsv");
    StringBuilder lines = new StringBuilder();
    for (int u = 0; u < users; u++) {
      for (int i = 0; i < items; i++) {
        if ((u * a + i * b) % m < keep) {
          lines.append("u").append(u).append("\ti").append(i).append("\t1\t").append(100 * u + i).append('\n');
        }
      }
    }
    Files.writeString(data, lines);
    return data;
  }

  private int run(String... args) {
    return KindredEval.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  private List<String> base(String... more) {
    List<String> args = new ArrayList<>(List.of("evaluate", "--train", train.toString(), "--test", test.toString()));
    args.addAll(List.of(more));
    return args;
  }

  @Test
  void writesTheContractJsonWithHandComputedValues() throws IOException {
    Path json = dir.resolve("r.json");
    int code = run(base("--algorithm", "popularity", "--algorithm", "itemknn:neighbors=5,threads=1",
        "--cutoff", "2", "--json", json.toString(), "--threads", "2").toArray(String[]::new));
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    JsonNode results = root.get("results");
    assertThat(results.size()).isEqualTo(2);
    JsonNode pop = results.get(0);
    assertThat(pop.get("algorithm").asText()).isEqualTo("popularity");
    assertThat(pop.get("fitSeconds").isNumber()).isTrue();
    assertThat(pop.get("recommendSeconds").isNumber()).isTrue();
    JsonNode m = pop.get("metrics");
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    assertThat(keys).startsWith("ndcg@2", "recall@2", "precision@2", "map@2", "mrr@2", "hit@2", "coverage@2");
    double d2 = Math.log(2) / Math.log(3);
    assertThat(m.get("ndcg@2").asDouble()).isCloseTo((1 + d2) / 2, within(EPS));
    assertThat(m.get("recall@2").asDouble()).isCloseTo(1.0, within(EPS));
    assertThat(m.get("precision@2").asDouble()).isCloseTo(0.5, within(EPS));
    assertThat(m.get("map@2").asDouble()).isCloseTo((1 + 0.5) / 2, within(EPS));
    assertThat(m.get("mrr@2").asDouble()).isCloseTo((1 + 0.5) / 2, within(EPS));
    assertThat(m.get("hit@2").asDouble()).isCloseTo(1.0, within(EPS));
    // Recommended c, d and b, c: 3 of the 4 training items.
    assertThat(m.get("coverage@2").asDouble()).isCloseTo(0.75, within(EPS));
    assertThat(results.get(1).get("algorithm").asText()).isEqualTo("itemknn:neighbors=5,threads=1");
    String table = out.toString();
    assertThat(table.lines().count()).isEqualTo(4);
    assertThat(table.lines().reduce((a, b) -> b).orElseThrow()).isEqualTo("protocol: full ranking");
    assertThat(table.lines().findFirst().orElseThrow()).contains("ndcg@2", "coverage@2", "fit s");
    assertThat(table).contains("popularity").contains(String.format(java.util.Locale.ROOT, "%.4f", (1 + d2) / 2));
  }

  @Test
  void repeatAllowedRunsSplitRecallIntoRepeatAndExplore() throws IOException {
    // Seen items allowed: everyone ranks [a, b]. u1 hits a, which it had (repeat); u2 hits b, new to it (explore).
    Files.writeString(test, "u1\ta\t1\t200\nu2\tb\t1\t201\n");
    Path json = dir.resolve("r.json");
    int code = run(base("--algorithm", "popularity", "--cutoff", "2", "--exclude-seen", "false", "--json",
        json.toString(), "--report", "html", "--report-file", dir.resolve("rep").toString())
        .toArray(String[]::new));
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    JsonNode m = new ObjectMapper().readTree(json.toFile()).get("results").get(0).get("metrics");
    assertThat(m.get("recall@2").asDouble()).isCloseTo(1.0, within(EPS));
    assertThat(m.get("recall-repeat@2").asDouble()).isCloseTo(0.5, within(EPS));
    assertThat(m.get("recall-explore@2").asDouble()).isCloseTo(0.5, within(EPS));
    assertThat(m.get("repeat-share@2").asDouble()).isCloseTo(0.5, within(EPS));
    assertThat(out.toString().lines().findFirst().orElseThrow()).contains("recall-repeat@2", "repeat-share@2");
    assertThat(Files.readString(dir.resolve("rep.html"))).contains("recall-explore@2");
  }

  private void assertOneLineError(int code, int expectedCode, String... fragments) {
    assertThat(code).isEqualTo(expectedCode);
    String e = err.toString();
    assertThat(e.lines().count()).as(e).isEqualTo(1);
    assertThat(e).startsWith("kindred-eval: ").doesNotContain("Exception").doesNotContain("\tat ");
    for (String f : fragments) {
      assertThat(e).contains(f);
    }
  }

  @Test
  void unknownAlgorithmIsAUsageError() {
    assertOneLineError(run(base("--algorithm", "easy:lambda=5").toArray(String[]::new)), 2,
        "unknown algorithm 'easy'; valid: popularity, itemknn, userknn, trending, ials, bpr, ease");
  }

  @Test
  void unknownKeyAndBadValueAreUsageErrors() {
    assertOneLineError(run(base("--algorithm", "itemknn:size=5").toArray(String[]::new)), 2,
        "valid: neighbors, shrinkage, similarity, threads");
  }

  @Test
  void badValueIsAUsageError() {
    assertOneLineError(run(base("--algorithm", "itemknn:neighbors=-1").toArray(String[]::new)), 2,
        "itemknn: neighbors must be >= 1, got -1");
  }

  @Test
  void badBooleanAndUnknownOptionAndMissingOptionsAreUsageErrors() {
    assertOneLineError(run(base("--algorithm", "popularity", "--exclude-seen", "maybe").toArray(String[]::new)), 2,
        "--exclude-seen");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertOneLineError(run(base("--algorithm", "popularity", "--bogus").toArray(String[]::new)), 2, "--bogus");
  }

  @Test
  void missingAlgorithmIsAUsageError() {
    assertOneLineError(run(base().toArray(String[]::new)), 2, "--algorithm");
  }

  @Test
  void zeroCutoffAndUnknownFormatAreUsageErrors() {
    assertOneLineError(run(base("--algorithm", "popularity", "--cutoff", "0").toArray(String[]::new)), 2,
        "--cutoff must be >= 1, got 0");
  }

  @Test
  void unsupportedFormatIsAUsageError() {
    assertOneLineError(run(base("--algorithm", "popularity", "--format", "xml").toArray(String[]::new)), 2,
        "unknown --format 'xml'; valid: tsv, csv, movielens100k, movielens1m, movielens-latest");
  }

  @Test
  void missingCommandIsAUsageError() {
    assertOneLineError(run(), 2, "missing command");
  }

  @Test
  void malformedLineFailsWithFileAndLine() throws IOException {
    Files.writeString(test, "u1\tc\t4\t200\nu2\tc\tfive\t201\n");
    assertOneLineError(run(base("--algorithm", "popularity").toArray(String[]::new)), 1,
        test + ":2: value 'five' is not a number");
  }

  @Test
  void wrongFieldCountAndBadTimestampFailWithFileAndLine() throws IOException {
    Files.writeString(train, "u1\ta\t5\t100\nu1\n");
    assertOneLineError(run(base("--algorithm", "popularity").toArray(String[]::new)), 1,
        train + ":2: expected 2 to 4 fields");
  }

  @Test
  void badTimestampFailsWithFileAndLine() throws IOException {
    Files.writeString(train, "u1\ta\t5\tnoon\n");
    assertOneLineError(run(base("--algorithm", "popularity").toArray(String[]::new)), 1,
        train + ":1: timestamp 'noon' is not a whole number of seconds");
  }

  @Test
  void aWholeDatasetIsSplitPerSeedAndReportsAreWritten() throws IOException {
    Path data = writeData(30, 12, 7, 3, 5, 3);
    Path prefix = dir.resolve("report");
    int code = run("evaluate", "--data", data.toString(), "--split", "user-ratio:ratio=0.3", "--seeds", "1,2",
        "--algorithm", "popularity", "--cutoff", "3,5", "--metrics", "ndcg,auc", "--report", "html,md,csv,json",
        "--report-file", prefix.toString());
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    assertThat(out.toString()).contains("ndcg@3", "ndcg@5", "auc", " ± ", "mean ± sd over seeds [1, 2]");
    assertThat(Files.readString(dir.resolve("report.html"))).contains("<svg", "sha256:").doesNotContain("<script");
    assertThat(Files.readString(dir.resolve("report.md"))).contains("| all.tsv | popularity |");
    assertThat(Files.readAllLines(dir.resolve("report.csv"))).hasSize(3);
    JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    assertThat(json.get("results").size()).isEqualTo(2);
    assertThat(json.get("results").get(1).get("seed").asLong()).isEqualTo(2);
    assertThat(json.get("provenance").get("seeds").toString()).isEqualTo("[1,2]");
  }

  @Test
  void splitCommandWritesAReadableSplit() throws IOException {
    Path data = dir.resolve("all.tsv");
    Files.writeString(data, Files.readString(train) + Files.readString(test));
    Path out = dir.resolve("split");
    int code = run("split", "--data", data.toString(), "--split", "user-leave-out:count=1,order=recent", "--seed",
        "3", "--out", out.toString());
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    // Each of u1 (a b c) and u2 (a d c) loses its latest pair, c; u3 (a c) loses c as well.
    assertThat(Files.readAllLines(out.resolve("test.tsv"))).containsExactlyInAnyOrder(
        "u1\tc\t4.0\t200", "u2\tc\t1.0\t201", "u3\tc\t2.0\t104");
    int again = run("evaluate", "--split-dir", out.toString(), "--algorithm", "popularity", "--cutoff", "1");
    assertThat(again).isZero();
  }

  @Test
  void compareReportsBothTestsAndAnInterval() {
    List<String> args = new ArrayList<>(List.of("compare", "--train", train.toString(), "--test", test.toString(),
        "--algorithm", "popularity", "--algorithm", "itemknn:threads=1", "--metric", "ndcg@2", "--resamples", "200"));
    int code = run(args.toArray(String[]::new));
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    assertThat(out.toString()).contains("difference A - B", "paired t-test", "Wilcoxon signed-rank");
  }

  @Test
  void tuneTriesEveryGridPointAndWritesTrials() throws IOException {
    Path data = writeData(40, 15, 5, 3, 7, 4);
    Path trials = dir.resolve("trials.csv");
    int code = run("tune", "--data", data.toString(), "--algorithm", "itemknn", "--grid", "neighbors=2,5",
        "--grid", "similarity=cosine,jaccard", "--metric", "ndcg@5", "--trials", trials.toString());
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    assertThat(Files.readAllLines(trials)).hasSize(5);
    assertThat(out.toString()).contains("best: itemknn:", "test: ndcg@5");
  }

  @Test
  void tuneWithABudgetReportsEachTrialAndTheBestAsAUsableSpec() throws IOException {
    Path data = writeData(40, 15, 5, 3, 7, 4);
    int code = run("tune", "--data", data.toString(), "--algorithm", "itemknn", "--grid", "neighbors=2,5",
        "--metric", "ndcg@5", "--budget", "1h");
    assertThat(code).isZero();
    assertThat(err.toString().lines().toList()).hasSize(2)
        .allSatisfy(l -> assertThat(l).matches("trial [12]/2 done, [0-9.]+ s of 3600.0 s used: itemknn:.*"));
    String best = out.toString().lines().filter(l -> l.startsWith("best: ")).findFirst().orElseThrow();
    assertThat(out.toString()).contains("budget: 1h, 2 of 2 trials run in ");
    String spec = best.substring("best: ".length(), best.indexOf(" ("));
    assertThat(spec).doesNotContain("auto");
    err.getBuffer().setLength(0);
    assertThat(run("evaluate", "--data", data.toString(), "--algorithm", spec, "--cutoff", "5")).isZero();
  }

  @Test
  void aMalformedBudgetIsAUsageErrorNamingTheOption() throws IOException {
    Path data = writeData(40, 15, 5, 3, 7, 4);
    for (String bad : new String[] {"10", "10x", "-5m", "0s", "m", "1.5h"}) {
      err.getBuffer().setLength(0);
      assertOneLineError(run("tune", "--data", data.toString(), "--algorithm", "itemknn", "--grid",
          "neighbors=2,5", "--budget", bad), 2, "--budget '" + bad + "' must be a positive whole number of seconds, "
          + "minutes or hours, such as 90s, 10m or 1h");
    }
  }

  @Test
  void movieLensFormatsNeedADirectoryGivenWithData() {
    assertOneLineError(run(base("--algorithm", "popularity", "--format", "movielens1m").toArray(String[]::new)), 2,
        "--format movielens1m reads a whole directory: give it with --data");
  }

  @Test
  void unknownMetricIsAUsageError() {
    assertOneLineError(run(base("--algorithm", "popularity", "--metrics", "ndcg,fun").toArray(String[]::new)), 2,
        "unknown metric 'fun'");
  }

  @Test
  void badCandidatesIsAUsageError() {
    assertOneLineError(run(base("--algorithm", "popularity", "--candidates", "some").toArray(String[]::new)), 2,
        "valid: all, cold, sampled:N");
  }

  @Test
  void conflictingSourcesAreAUsageError() {
    assertOneLineError(run("evaluate", "--train", train.toString(), "--data", train.toString(), "--algorithm",
        "popularity"), 2, "give exactly one of --train/--test, --split-dir or --data");
  }

  @Test
  void missingFileFails() {
    Path none = dir.resolve("none.tsv");
    assertOneLineError(run("evaluate", "--train", none.toString(), "--test", test.toString(),
        "--algorithm", "popularity"), 1, none + ": no such file");
  }
}
