package io.github.kindred.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.serve.Explanation;
import io.github.kindred.serve.Recommendations;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickStartTest {
  @Test
  void recommendsTheUnseenServicesByCosineSimilarityToAlicesHistory() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Recommendations recs = QuickStart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    // Alice booked leak-repair {alice, bob, dave} and boiler-service {alice, carol}. Cosine on binary columns:
    // drain-unblocking {bob, dave} is 2 / sqrt(3 * 2) from leak-repair and 0 from boiler-service;
    // radiator-bleeding {carol} is 1 / sqrt(2 * 1) from boiler-service and 0 from leak-repair.
    assertThat(recs.itemIds()).containsExactly("drain-unblocking", "radiator-bleeding");
    assertThat(recs.score(0)).isCloseTo((float) (2 / Math.sqrt(6)), within(1e-5f));
    assertThat(recs.score(1)).isCloseTo((float) (1 / Math.sqrt(2)), within(1e-5f));
    assertThat(recs.explanation(0).reason()).isEqualTo(Explanation.Reason.HISTORY_CONTRIBUTIONS);
    assertThat(recs.explanation(0).evidence().get(0).itemId()).isEqualTo("leak-repair");

    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("drain-unblocking 0.8164");
    assertThat(lines[1]).startsWith("radiator-bleeding 0.7071");
  }
}
