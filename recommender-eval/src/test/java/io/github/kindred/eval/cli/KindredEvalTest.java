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
    assertThat(table.lines().count()).isEqualTo(3);
    assertThat(table.lines().findFirst().orElseThrow()).contains("ndcg@2", "coverage@2", "fit s");
    assertThat(table).contains("popularity").contains(String.format(java.util.Locale.ROOT, "%.4f", (1 + d2) / 2));
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
    assertOneLineError(run(base("--algorithm", "ease:lambda=5").toArray(String[]::new)), 2,
        "unknown algorithm 'ease'; valid: popularity, itemknn");
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
        "unsupported --format 'xml'");
  }

  @Test
  void missingCommandIsAUsageError() {
    assertOneLineError(run(), 2, "missing command");
  }

  @Test
  void malformedLineFailsWithFileAndLine() throws IOException {
    Files.writeString(test, "u1\tc\t4\t200\nu2\tc\tfive\t201\n");
    assertOneLineError(run(base("--algorithm", "popularity").toArray(String[]::new)), 1,
        test + ":2: rating 'five' is not a number");
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
        train + ":1: timestamp 'noon' is not an integer");
  }

  @Test
  void missingFileFails() {
    Path none = dir.resolve("none.tsv");
    assertOneLineError(run("evaluate", "--train", none.toString(), "--test", test.toString(),
        "--algorithm", "popularity"), 1, none + ": no such file");
  }
}
