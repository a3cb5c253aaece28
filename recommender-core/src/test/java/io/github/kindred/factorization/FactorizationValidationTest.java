package io.github.kindred.factorization;

import static io.github.kindred.BadInput.assertRejected;
import static io.github.kindred.BadInput.bad;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad parameters and data for the factorisation trainers: each fails with a message naming the parameter. */
class FactorizationValidationTest {
  static Stream<Arguments> badInputs() {
    BprConfig b = BprConfig.defaults();
    ImplicitAlsConfig a = ImplicitAlsConfig.defaults();
    Dataset negative = Dataset.of(InteractionLog.builder().add("u1", "i1", -2f).add("u2", "i2", 1f).build());
    return Stream.of(
        bad("factors must be >= 1, got 0", () -> new BprConfig(0, b.iterations(), b.learningRate(),
            b.regularization(), b.itemBiases(), b.seed(), b.threads())),
        bad("iterations must be >= 1, got 0", () -> new BprConfig(b.factors(), 0, b.learningRate(),
            b.regularization(), b.itemBiases(), b.seed(), b.threads())),
        bad("learningRate must be finite and > 0, got NaN", () -> new BprConfig(b.factors(), b.iterations(),
            Float.NaN, b.regularization(), b.itemBiases(), b.seed(), b.threads())),
        bad("learningRate must be finite and > 0, got 0.0", () -> new BprConfig(b.factors(), b.iterations(), 0f,
            b.regularization(), b.itemBiases(), b.seed(), b.threads())),
        bad("regularization must be finite and >= 0, got -1.0", () -> new BprConfig(b.factors(), b.iterations(),
            b.learningRate(), -1f, b.itemBiases(), b.seed(), b.threads())),
        bad("threads must be >= 1, got 0", () -> new BprConfig(b.factors(), b.iterations(), b.learningRate(),
            b.regularization(), b.itemBiases(), b.seed(), 0)),
        bad("factors must be >= 1, got -4", () -> new ImplicitAlsConfig(-4, a.iterations(), a.regularization(),
            a.alpha(), a.seed(), a.threads(), a.solver(), a.cgSteps(), a.regularizationExponent())),
        bad("regularization must be finite and > 0, got Infinity", () -> new ImplicitAlsConfig(a.factors(),
            a.iterations(), Float.POSITIVE_INFINITY, a.alpha(), a.seed(), a.threads(), a.solver(), a.cgSteps(),
            a.regularizationExponent())),
        bad("alpha must be finite and >= 0, got -1.0", () -> new ImplicitAlsConfig(a.factors(), a.iterations(),
            a.regularization(), -1f, a.seed(), a.threads(), a.solver(), a.cgSteps(), a.regularizationExponent())),
        bad("cgSteps must be >= 1, got 0", () -> new ImplicitAlsConfig(a.factors(), a.iterations(),
            a.regularization(), a.alpha(), a.seed(), a.threads(), a.solver(), 0, a.regularizationExponent())),
        bad("implicit ALS needs interaction values >= 0, got -2.0 for user 'u1' (index 0) and item 'i1' (index 0)",
            () -> new ImplicitAlsTrainer(a).fit(negative)),
        bad("BPR needs interaction values >= 0, got -2.0 for user 'u1' (index 0) and item 'i1' (index 0)",
            () -> new BprTrainer(b).fit(negative)),
        bad("BPR needs interaction values >= 0, got -0.5 for user 'u2' (index 1) and item 'i3' (index 2)",
            () -> new BprTrainer(b).fit(Dataset.of(InteractionLog.builder().add("u1", "i1", 1f)
                .add("u2", "i2", 1f).add("u2", "i3", -0.5f).build()))));
  }


  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void failsNamingTheParameter(String message, ThrowingCallable call) {
    assertRejected(message, call);
  }
}
