package io.github.kindred.linear;

import static io.github.kindred.BadInput.assertRejected;
import static io.github.kindred.BadInput.bad;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad parameters and data for EASE: each fails with a message naming the parameter and its range. */
class LinearValidationTest {
  static Stream<Arguments> badInputs() {
    Dataset three = Dataset.of(InteractionLog.builder().add("u", "a", 1f).add("u", "b", 1f).add("v", "c", 1f)
        .build());
    Dataset negative = Dataset.of(InteractionLog.builder().add("u", "a", 1f).add("u", "b", 1f)
        .add("v", "c", -1f).build());
    return Stream.of(
        bad("lambda must be finite and > 0, got 0.0", () -> new EaseConfig(0f, 10)),
        bad("lambda must be finite and > 0, got -5.0", () -> new EaseConfig(-5f, 10)),
        bad("lambda must be finite and > 0, got NaN", () -> new EaseConfig(Float.NaN, 10)),
        bad("maxItems must be >= 1, got 0", () -> new EaseConfig(1f, 0)),
        bad("neighbors must be >= 1, got 0", () -> new EaseConfig(1f, 10, 0, 1)),
        bad("threads must be >= 1, got 0", () -> new EaseConfig(1f, 10, 5, 0)),
        bad("EASE needs interaction values >= 0, got -1.0 for user 'v' (index 1) and item 'c' (index 2)",
            () -> new EaseTrainer(EaseConfig.defaults()).fit(negative)),
        bad("neighbourhood solve with neighbors 5 needs up to",
            () -> new EaseTrainer(new EaseConfig(1f, 2, 5, 1)).fit(three, 100)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void failsNamingTheParameter(String message, ThrowingCallable call) {
    assertRejected(message, call);
  }
}
