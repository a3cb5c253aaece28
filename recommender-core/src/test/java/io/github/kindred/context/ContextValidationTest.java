package io.github.kindred.context;

import static io.github.kindred.BadInput.assertRejected;
import static io.github.kindred.BadInput.bad;

import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad parameters for the context-aware models: each fails with a message naming the parameter. */
class ContextValidationTest {
  static Stream<Arguments> badInputs() {
    FactorizationMachineConfig f = FactorizationMachineConfig.defaults();
    PostFilterConfig p = PostFilterConfig.defaults();
    return Stream.of(
        bad("factors must be >= 1, got 0", () -> new FactorizationMachineConfig(0, f.epochs(), f.learningRate(),
            f.regularization(), f.biasRegularization(), f.initStd(), f.useContext(), f.contextFeatures(),
            f.itemFeatures(), f.userFeatures(), f.seed())),
        bad("epochs must be >= 1, got 0", () -> new FactorizationMachineConfig(f.factors(), 0, f.learningRate(),
            f.regularization(), f.biasRegularization(), f.initStd(), f.useContext(), f.contextFeatures(),
            f.itemFeatures(), f.userFeatures(), f.seed())),
        bad("learningRate must be finite and > 0, got NaN", () -> new FactorizationMachineConfig(f.factors(),
            f.epochs(), Float.NaN, f.regularization(), f.biasRegularization(), f.initStd(), f.useContext(),
            f.contextFeatures(), f.itemFeatures(), f.userFeatures(), f.seed())),
        bad("must be finite and >= 0, got -1.0", () -> new FactorizationMachineConfig(f.factors(), f.epochs(),
            f.learningRate(), -1f, f.biasRegularization(), f.initStd(), f.useContext(), f.contextFeatures(),
            f.itemFeatures(), f.userFeatures(), f.seed())),
        bad("contextFeatures must not repeat", () -> new FactorizationMachineConfig(f.factors(), f.epochs(),
            f.learningRate(), f.regularization(), f.biasRegularization(), f.initStd(), f.useContext(),
            List.of("day", "day"), f.itemFeatures(), f.userFeatures(), f.seed())),
        bad("strength must be finite and >= 0, got -1.0", () -> new PostFilterConfig(p.features(), -1f,
            p.smoothing(), p.prior())),
        bad("prior must be finite and > 0, got 0.0", () -> new PostFilterConfig(p.features(), p.strength(),
            p.smoothing(), 0f)),
        bad("minEvents must be >= 1, got 0", () -> new PreFilterConfig(List.of(List.of("day")), 0, true)),
        bad("slices must hold at least one definition", () -> new PreFilterConfig(List.of(), 5, true)));
  }


  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void failsNamingTheParameter(String message, ThrowingCallable call) {
    assertRejected(message, call);
  }
}
