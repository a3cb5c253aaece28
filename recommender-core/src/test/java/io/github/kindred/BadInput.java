package io.github.kindred;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.provider.Arguments;

/** Shared shape of the per-package input validation tests: a bad call and the message fragment it must produce. */
public final class BadInput {
  private BadInput() {}

  /** One case: {@code call} must fail with a message containing {@code message} (also the case's display name). */
  public static Arguments bad(String message, ThrowingCallable call) {
    return Arguments.of(message, call);
  }

  /**
   * Asserts that {@code call} fails with an argument error ({@code IllegalArgumentException}, or
   * {@code NullPointerException} for a missing argument, or {@code IndexOutOfBoundsException} for an index) whose
   * message contains {@code message}.
   */
  public static void assertRejected(String message, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class,
        IndexOutOfBoundsException.class).hasMessageContaining(message);
  }
}
