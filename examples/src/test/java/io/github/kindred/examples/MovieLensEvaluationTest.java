package io.github.kindred.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensEvaluationTest {
  /**
   * Writes a MovieLens-100K {@code u.data} with two taste groups: users 1-30 rate only movies 1-20, users 31-60
   * only movies 21-40, ten movies each. Within a group every movie is about equally popular, so popularity cannot
   * tell the groups apart while any personalised model can.
   */
  private static void writeTwoGroups(Path dir) throws IOException {
    StringBuilder b = new StringBuilder();
    long t = 880_000_000L;
    for (int u = 0; u < 60; u++) {
      int offset = u < 30 ? 0 : 20;
      for (int j = 0; j < 10; j++) {
        int movie = offset + (u * 7 + j * 3) % 20 + 1;
        b.append(u + 1).append('\t').append(movie).append('\t').append(1 + (u + j) % 5).append('\t')
            .append(t++).append('\n');
      }
    }
    Files.writeString(dir.resolve("u.data"), b.toString());
  }

  @Test
  void personalisedModelsBeatPopularityAndTheComparisonIsATest(@TempDir Path dir) throws IOException {
    writeTwoGroups(dir);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    MovieLensEvaluation.Result r = MovieLensEvaluation.run(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(r.ndcg()).containsOnlyKeys("popularity", "item-kNN (cosine, 200)", "implicit ALS (64 factors)",
        "EASE (lambda 500)");
    double best = Collections.max(r.ndcg().values());
    assertThat(r.ndcg().get(r.comparison().a())).isEqualTo(best);
    assertThat(r.comparison().b()).isNotEqualTo(r.comparison().a());
    assertThat(r.ndcg().get("item-kNN (cosine, 200)")).isGreaterThan(r.ndcg().get("popularity"));
    assertThat(r.comparison().tTest().n()).isEqualTo(60);
    assertThat(r.comparison().tTest().pValue()).isBetween(0.0, 1.0);
    assertThat(r.comparison().wilcoxon().pValue()).isBetween(0.0, 1.0);
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("600 ratings by 60 users of 40 items").contains("best " + r.comparison().a());
  }
}
