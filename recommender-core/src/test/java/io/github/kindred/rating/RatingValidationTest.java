package io.github.kindred.rating;

import static io.github.kindred.BadInput.assertRejected;
import static io.github.kindred.BadInput.bad;

import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad parameters for the rating predictors: each fails with a message naming the parameter and its range. */
class RatingValidationTest {
  static Stream<Arguments> badInputs() {
    BiasedMfConfig m = BiasedMfConfig.defaults();
    ExplicitAlsConfig e = ExplicitAlsConfig.defaults();
    return Stream.of(
        bad("itemRegularization must be finite and >= 0, got -1.0", () -> new BaselineConfig(-1f, 1f, 5)),
        bad("userRegularization must be finite and >= 0, got NaN", () -> new BaselineConfig(1f, Float.NaN, 5)),
        bad("iterations must be >= 1, got 0", () -> new BaselineConfig(1f, 1f, 0)),
        bad("factors must be >= 1, got 0", () -> new BiasedMfConfig(0, m.iterations(), m.learningRate(),
            m.regularization(), m.seed())),
        bad("learningRate must be finite and > 0, got -0.1", () -> new BiasedMfConfig(m.factors(), m.iterations(),
            -0.1f, m.regularization(), m.seed())),
        bad("regularization must be finite and >= 0, got Infinity", () -> new BiasedMfConfig(m.factors(),
            m.iterations(), m.learningRate(), Float.POSITIVE_INFINITY, m.seed())),
        bad("iterations must be >= 1, got -1", () -> new ExplicitAlsConfig(e.factors(), -1, e.regularization(),
            e.seed(), e.threads())),
        bad("regularization must be finite and > 0, got 0.0", () -> new ExplicitAlsConfig(e.factors(),
            e.iterations(), 0f, e.seed(), e.threads())),
        bad("threads must be >= 1, got 0", () -> new ExplicitAlsConfig(e.factors(), e.iterations(),
            e.regularization(), e.seed(), 0)));
  }


  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void failsNamingTheParameter(String message, ThrowingCallable call) {
    assertRejected(message, call);
  }
}
