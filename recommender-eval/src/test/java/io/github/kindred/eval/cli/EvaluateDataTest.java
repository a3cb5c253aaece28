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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rating task, csv input with context columns, per-context metrics and cold-item candidates, end to end. */
class EvaluateDataTest {
  private static final double EPS = 1e-6;

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return KindredEval.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  private JsonNode json(Path file) throws IOException {
    return new ObjectMapper().readTree(file.toFile());
  }

  @Test
  void ratingTaskReportsRmseAndMaeOfHandComputedBiases() throws IOException {
    // Ratings 4, 2, 5, 1: mean 3. One pass without regularisation, items first: b_a = ((4-3) + (5-3)) / 2 = 1.5,
    // b_b = 2 - 3 = -1, b_c = 1 - 3 = -2; then b_u1 = ((4-3-1.5) + (2-3+1)) / 2 = -0.25, b_u2 = 5-3-1.5 = 0.5,
    // b_u3 = 1-3+2 = 0. Test: u2 b 3 -> 3+0.5-1 = 2.5 (error -0.5); u3 a 2 -> 4.5 (2.5); u3 b 4 -> 2 (-2); the
    // pair of unknown item z is skipped.
    Path train = dir.resolve("train.tsv");
    Path test = dir.resolve("test.tsv");
    Files.writeString(train, "u1\ta\t4\t1\nu1\tb\t2\t2\nu2\ta\t5\t3\nu3\tc\t1\t4\n");
    Files.writeString(test, "u2\tb\t3\t5\nu3\ta\t2\t6\nu3\tb\t4\t7\nu1\tz\t3\t8\n");
    Path json = dir.resolve("r.json");
    int code = run("evaluate", "--train", train.toString(), "--test", test.toString(), "--task", "rating",
        "--algorithm", "baseline:itemRegularization=0,userRegularization=0,iterations=1", "--json", json.toString());
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    JsonNode m = json(json).get("results").get(0).get("metrics");
    assertThat(m.get("rmse").asDouble()).isCloseTo(Math.sqrt((0.25 + 6.25 + 4) / 3), within(EPS));
    assertThat(m.get("mae").asDouble()).isCloseTo(5.0 / 3, within(EPS));
    assertThat(out.toString()).contains("rmse", "mae", "3 test ratings, 1 of unknown items skipped");
  }

  @Test
  void ratingTaskWritesAnHtmlReportWithoutARankingPopularityChart() throws IOException {
    // A rating run has RMSE and MAE but ranks no items, so the report must not ask for arp@k (it used to fail
    // with "no metric 'arp@10'").
    Path train = dir.resolve("train.tsv");
    Files.writeString(train, "u1\ta\t4\nu1\tb\t2\nu2\ta\t5\nu3\tc\t1\n");
    Path prefix = dir.resolve("rating-report");
    int code = run("evaluate", "--train", train.toString(), "--test", train.toString(), "--task", "rating",
        "--algorithm", "baseline", "--report", "html", "--report-file", prefix.toString());
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    String html = Files.readString(dir.resolve("rating-report.html"));
    assertThat(html).contains("rmse").doesNotContain("arp@");
  }

  @Test
  void ratingTaskRejectsARankingModel() throws IOException {
    Path train = dir.resolve("train.tsv");
    Files.writeString(train, "u1\ta\t4\nu2\ta\t5\n");
    int code = run("evaluate", "--train", train.toString(), "--test", train.toString(), "--task", "rating",
        "--algorithm", "popularity");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("'popularity' does not predict ratings");
  }

  @Test
  void csvContextIsPassedPerUserAndContextGroupAndReportedPerValue() throws IOException {
    // Popularity in train: a = 3 users, b = c = 1 (ties by index: b before c). Users u1 and u2 have seen a, so
    // both rank [b, c]. Test groups: (u1, mobile) wants b (rank 1), (u1, web) wants c (rank 2), (u2, mobile)
    // wants c (rank 2). hit@1 = 1, 0, 0; nDCG@2 = 1, 1/log2(3), 1/log2(3).
    Path train = dir.resolve("train.csv");
    Path test = dir.resolve("test.csv");
    Files.writeString(train, "who,what,device,stars\nu1,a,mobile,5\nu2,a,mobile,3\nu3,a,web,4\nu3,b,web,2\n"
        + "u4,c,web,1\n");
    Files.writeString(test, "who,what,device,stars\nu1,b,mobile,5\nu1,c,web,4\nu2,c,mobile,2\n");
    Path json = dir.resolve("c.json");
    int code = run("evaluate", "--train", train.toString(), "--test", test.toString(), "--format", "csv",
        "--columns", "user=who,item=what,value=stars", "--context", "device", "--algorithm", "popularity",
        "--cutoff", "1,2", "--json", json.toString(), "--threads", "1");
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    JsonNode result = json(json).get("results").get(0);
    double d = 1 / (Math.log(3) / Math.log(2));
    assertThat(result.get("users").asInt()).isEqualTo(3);
    assertThat(result.get("metrics").get("hit@1").asDouble()).isCloseTo(1.0 / 3, within(EPS));
    assertThat(result.get("metrics").get("ndcg@2").asDouble()).isCloseTo((1 + 2 * d) / 3, within(EPS));
    JsonNode mobile = result.get("byContext").get("device=mobile");
    JsonNode web = result.get("byContext").get("device=web");
    assertThat(mobile.get("hit@1").asDouble()).isCloseTo(0.5, within(EPS));
    assertThat(mobile.get("ndcg@2").asDouble()).isCloseTo((1 + d) / 2, within(EPS));
    assertThat(mobile.get("groups").asInt()).isEqualTo(2);
    assertThat(web.get("hit@1").asDouble()).isCloseTo(0.0, within(EPS));
    assertThat(web.get("ndcg@2").asDouble()).isCloseTo(d, within(EPS));
    assertThat(out.toString()).contains("by context: popularity", "device=mobile", "device=web");
  }

  @Test
  void timeContextDerivesUtcFeaturesFromTimestamps() throws IOException {
    // 1970-01-01 was a Thursday in winter; 3,600 s is 01:00 (night), 50,400 s is 14:00 (afternoon).
    Path train = dir.resolve("train.tsv");
    Path test = dir.resolve("test.tsv");
    Files.writeString(train, "u1\ta\t1\t3600\nu2\tb\t1\t3600\nu2\ta\t1\t50400\n");
    Files.writeString(test, "u1\tb\t1\t50400\n");
    Path json = dir.resolve("t.json");
    int code = run("evaluate", "--train", train.toString(), "--test", test.toString(), "--time-context",
        "--algorithm", "popularity", "--json", json.toString());
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    JsonNode by = json(json).get("results").get(0).get("byContext");
    assertThat(by.has("timeOfDay=afternoon")).isTrue();
    assertThat(by.has("dayOfWeek=thu")).isTrue();
    assertThat(by.has("season=winter")).isTrue();
    assertThat(by.has("weekend=no")).isTrue();
  }

  @Test
  void csvColumnErrorsAreUsageErrors() throws IOException {
    Path data = dir.resolve("d.csv");
    Files.writeString(data, "who,what\nu1,a\n");
    int code = run("evaluate", "--data", data.toString(), "--format", "csv", "--columns", "user=who,thing=what",
        "--algorithm", "popularity");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--columns: unknown role 'thing'; valid: user, item, value, timestamp");
  }

  @Test
  void coldItemSplitRanksOnlyTheColdItems() throws IOException {
    Path data = dir.resolve("all.tsv");
    StringBuilder lines = new StringBuilder();
    for (int u = 0; u < 20; u++) {
      for (int i = 0; i < 10; i++) {
        if ((u + 2 * i) % 3 != 0) {
          lines.append('u').append(u).append("\ti").append(i).append("\t1\t").append(u * 100 + i).append('\n');
        }
      }
    }
    Files.writeString(data, lines);
    Path json = dir.resolve("k.json");
    int code = run("evaluate", "--data", data.toString(), "--split", "cold-items:ratio=0.3", "--seed", "1",
        "--algorithm", "popularity", "--json", json.toString());
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    assertThat(json(json).get("results").get(0).get("protocol").asText()).isEqualTo("candidates: 3 items");
  }

  @Test
  void movieLensDirectoriesBringTheirFeaturesToContentAndColdUsers() throws IOException {
    // A made-up directory in the 100K layout: 8 users, 6 movies (1-3 Action, 4-6 Comedy); odd users rate the
    // Action movies, even users the Comedy ones.
    StringBuilder ratings = new StringBuilder();
    StringBuilder users = new StringBuilder();
    for (int u = 1; u <= 8; u++) {
      for (int m = u % 2 == 1 ? 1 : 4, end = m + 3; m < end; m++) {
        ratings.append(u).append('\t').append(m).append("\t4\t").append(1000 * u + m).append('\n');
      }
      users.append(u).append('|').append(20 + u).append('|').append(u % 2 == 1 ? "M" : "F")
          .append("|student|0000").append('\n');
    }
    StringBuilder items = new StringBuilder();
    for (int m = 1; m <= 6; m++) {
      items.append(m).append("|Movie ").append(m).append(" (1990)|01-Jan-1990||http://x|0|")
          .append(m <= 3 ? "1|0" : "0|0").append("|0|0|").append(m <= 3 ? "0" : "1")
          .append("|0|0|0|0|0|0|0|0|0|0|0|0|0\n");
    }
    Files.writeString(dir.resolve("u.data"), ratings);
    Files.writeString(dir.resolve("u.user"), users);
    Files.writeString(dir.resolve("u.item"), items);
    Path json = dir.resolve("ml.json");
    int code = run("evaluate", "--data", dir.toString(), "--format", "movielens100k", "--split",
        "cold-users:ratio=0.25", "--seed", "3", "--algorithm", "featuremf:factors=4,iterations=5", "--algorithm",
        "content", "--cutoff", "3", "--json", json.toString(), "--threads", "1");
    assertThat(err.toString()).isEmpty();
    assertThat(code).isZero();
    JsonNode results = json(json).get("results");
    assertThat(results.get(0).get("users").asInt()).isEqualTo(2);
    assertThat(results.get(1).get("dataset").asText()).isEqualTo(dir.getFileName().toString());
  }
}
