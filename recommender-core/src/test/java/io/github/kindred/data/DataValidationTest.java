package io.github.kindred.data;

import static io.github.kindred.BadInput.assertRejected;
import static io.github.kindred.BadInput.bad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input to the data package's entry points: each fails with a message naming the problem. */
class DataValidationTest {
  private static final int[] R = {0, 1};
  private static final int[] C = {0, 1};
  private static final float[] V = {1f, 2f};

  static Stream<Arguments> badInputs() {
    return Stream.of(
        bad("user id", () -> InteractionLog.builder().add(null, "i", 1f)),
        bad("user id", () -> InteractionLog.builder().add("  ", "i", 1f)),
        bad("item id", () -> InteractionLog.builder().add("u", "", 1f)),
        bad("value must be finite, got NaN", () -> InteractionLog.builder().add("u", "i", Float.NaN)),
        bad("value must be finite, got Infinity", () -> InteractionLog.builder().add("u", "i",
            Float.POSITIVE_INFINITY)),
        bad("value must be finite, got -Infinity", () -> InteractionLog.builder().add("u", "i",
            Float.NEGATIVE_INFINITY)),
        bad("unknown event type 'teleport'", () -> InteractionLog.builder().add("u", "i", 1f, 0, "teleport",
            Context.EMPTY)),
        bad("context", () -> InteractionLog.builder().add("u", "i", 1f, 0, EventTypes.DEFAULT, null)),
        bad("interaction log is empty", () -> Dataset.of(InteractionLog.builder().build())),
        bad("duplicate id 'a'", () -> IdIndex.of("a", "b", "a")),
        bad("unknown user id 'zed'", () -> IdIndex.of("a").require("zed", "user")),
        bad("size must be in [0, 0], got 3", () -> new IdIndex.Builder().truncate(3)),
        bad("row index 2 of entry 1 not in [0, 2)", () -> InteractionMatrix.of(2, 2, new int[] {0, 2}, C, V, null,
            DuplicatePolicy.SUM)),
        bad("row index -1 of entry 0", () -> InteractionMatrix.of(2, 2, new int[] {-1, 0}, C, V, null,
            DuplicatePolicy.SUM)),
        bad("column index 5 of entry 0 not in [0, 2)", () -> InteractionMatrix.of(2, 2, R, new int[] {5, 0}, V,
            null, DuplicatePolicy.SUM)),
        bad("value of entry 1 is not finite: NaN", () -> InteractionMatrix.of(2, 2, R, C, new float[] {1f,
            Float.NaN}, null, DuplicatePolicy.SUM)),
        bad("same length", () -> InteractionMatrix.of(2, 2, R, new int[] {0}, V, null, DuplicatePolicy.SUM)),
        bad("rows and columns must be >= 0, got -1 x 2", () -> InteractionMatrix.of(-1, 2, new int[0], new int[0],
            new float[0], null, DuplicatePolicy.SUM)),
        bad("policy", () -> InteractionMatrix.of(2, 2, R, C, V, null, null)),
        bad("Index 2 out of bounds for length 2", () -> matrix().get(2, 0)),
        bad("Index -1 out of bounds for length 2", () -> matrix().get(0, -1)),
        bad("Index 7 out of bounds for length 1", () -> IdIndex.of("a").idOf(7)),
        bad("userId", () -> InteractionLog.builder().add("u", "i", 1f).build().withoutUser(null)));
  }

  private static InteractionMatrix matrix() {
    return InteractionMatrix.of(2, 2, R, C, V, null, DuplicatePolicy.SUM);
  }


  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void failsNamingTheProblem(String message, ThrowingCallable call) {
    assertRejected(message, call);
  }

  @org.junit.jupiter.api.Test
  void aRejectedEventLeavesTheBuilderUnchanged() {
    InteractionLog.Builder b = InteractionLog.builder().add("u", "i", 1f);
    assertThatThrownBy(() -> b.add("v", "j", Float.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.add("w", "k", 1f, 0, "teleport", Context.EMPTY))
        .isInstanceOf(IllegalArgumentException.class);
    InteractionLog log = b.build();
    assertThat(log.size()).isEqualTo(1);
    assertThat(log.users().ids()).containsExactly("u");
    assertThat(log.items().ids()).containsExactly("i");
  }
}
